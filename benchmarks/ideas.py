"""Idea round benchmark: the idea list of one idea round holding 50,000 ideas.

Built here, seeded, in its own database (var/bench-ideas.sqlite3, or the PostgreSQL database
of BENCH_POSTGRES_URL with the suffix _ideas): one organisation, a public initiative with one
idea round, 50,000 published ideas (titles and descriptions in Dutch from an everyday
vocabulary plus a long tail of rare words; statuses spread as in a real round: most new, some
under consideration, taken up, not taken up or merged), 5,000 participants and about 250,000
supports (a few ideas get many, most get few; `support_count` agrees with the rows) and
20,000 comments. On PostgreSQL the build ends with VACUUM ANALYZE (what autovacuum does in a
running system after such a bulk rewrite).

Measured with the helpers of benchmarks/pages.py (gunicorn, its access log for the SERVER
time of each request): the participants' list through the activity's link and the team's
list of the round, signed in: plain, filtered on a status, searched (common word, rare word,
two words), sorted by support, all at once, and deep pages. Median and p95 per request, per
database (--backend sqlite, postgres or both). Target: p95 < 200 ms for every request.
Results go to benchmarks/results/ideas-list-<backend>.json; the exit status is 1 when a
target is missed.

    .venv/bin/python benchmarks/ideas.py --backend sqlite
    .venv/bin/python benchmarks/ideas.py --backend both --quick
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import pages  # noqa: E402 - the page benchmark's helpers (server, login, requests)

RESULTS = ROOT / "benchmarks" / "results"
TARGET_P95_MS = 200.0
IDEAS = 50_000
PASSWORD = "bench-ideas-wachtwoord-lang"  # noqa: S105 - a throwaway benchmark database

# Runs inside `manage.py shell`: builds the data when the round does not hold IDEAS ideas yet
# and prints what the benchmark needs as JSON.
BUILD = r"""
import json, random, hashlib
from django.db import connection, transaction
from django.utils import timezone
from datetime import timedelta, date
from constellate.accounts.models import Organisation, Membership, Participant, User
from constellate.accounts.roles import OrgRole
from constellate.initiatives.models import Initiative, Activity
from constellate.initiatives.choices import ActivityKind
from constellate.deliberation.models import Idea, IdeaRound, IdeaSupport, IdeaComment

N = __N__
EMAIL = "bench-ideas@example.org"
rng = random.Random(7)
org, _ = Organisation.objects.get_or_create(slug="bench-ideas", defaults={"name": "Bench ideas"})
user = User.objects.filter(email=EMAIL).first()
if user is None:
    user = User.objects.create_user(email=EMAIL, password="__PASSWORD__")
Membership.objects.get_or_create(organisation=org, user=user, defaults={"role": OrgRole.ADMIN})
initiative = Initiative.objects.filter(organisation=org).first() or Initiative.objects.create(
    organisation=org, title="Ideeën voor de stad", slug="ideeen", summary="Benchmark",
    visibility="public", created_by=user)
activity = Activity.objects.filter(initiative=initiative).first() or Activity.objects.create(
    initiative=initiative, title="Ideeënronde", kind=ActivityKind.IDEA_ROUND, purpose="Ideeën",
    opens_on=date(2026, 1, 1), setting="online", is_public=True)
idea_round, _ = IdeaRound.objects.get_or_create(activity=activity)
have = Idea.objects.filter(idea_round=idea_round).count()
if have != N:
    Idea.objects.filter(idea_round=idea_round).delete()
    common = ("buurt park speeltuin bankjes fiets fietspad bus licht straat groen bomen "
              "bibliotheek school jongeren ouderen koffie ontmoeten plein markt water afval "
              "veilig stil schoon wachten gemeente loket hulp samen spelen sport zwembad").split()
    glue = "de het een en van voor met meer minder graag bij op in aan om zodat we ik".split()
    rare = ["woord%05d" % i for i in range(20000)]
    statuses = (["new"] * 70 + ["considering"] * 15 + ["taken_up"] * 7
                + ["not_taken_up"] * 5 + ["merged"] * 3)
    start = timezone.now() - timedelta(days=400)
    people = list(Participant.objects.filter(joined_via=activity).values_list("pk", flat=True))
    if len(people) < 5000:
        Participant.objects.bulk_create(
            [Participant(pseudonym="#B%05d" % i, joined_via=activity,
                         secret_hash=hashlib.sha256(b"bench-ideas-%d" % i).hexdigest())
             for i in range(len(people), 5000)], batch_size=2000)
        people = list(Participant.objects.filter(joined_via=activity).values_list("pk", flat=True))
    def words(n):
        out = []
        for _ in range(n):
            r = rng.random()
            out.append(rng.choice(glue) if r < 0.45 else rng.choice(common) if r < 0.93
                       else rng.choice(rare))
        return " ".join(out)
    with transaction.atomic():
        batch = []
        for i in range(N):
            batch.append(Idea(
                idea_round=idea_round, title=words(rng.randint(3, 8)).capitalize(),
                description=words(rng.randint(20, 80)), author_participant_id=rng.choice(people),
                moderation="published", status=rng.choice(statuses)))
            if len(batch) == 5000:
                Idea.objects.bulk_create(batch)
                batch = []
        Idea.objects.bulk_create(batch)
        ids = list(Idea.objects.filter(idea_round=idea_round).order_by("pk").values_list("pk", flat=True))
        supports, counts = [], {}
        for person in people:
            # Each person supports 50 ideas, drawn with a heavy head (popular ideas).
            chosen = {ids[min(int(rng.paretovariate(0.9)) - 1, N - 1) if rng.random() < 0.5
                          else rng.randrange(N)] for _ in range(50)}
            for pk in chosen:
                supports.append(IdeaSupport(idea_id=pk, participant_id=person))
                counts[pk] = counts.get(pk, 0) + 1
            if len(supports) > 20000:
                IdeaSupport.objects.bulk_create(supports, batch_size=5000)
                supports = []
        IdeaSupport.objects.bulk_create(supports, batch_size=5000)
        comments = [IdeaComment(idea_id=rng.choice(ids), text=words(15),
                                author_participant_id=rng.choice(people)) for _ in range(20000)]
        IdeaComment.objects.bulk_create(comments, batch_size=5000)
        ccount = {}
        for c in comments:
            ccount[c.idea_id] = ccount.get(c.idea_id, 0) + 1
        # Spread the moments over 400 days (auto_now_add set them all to now).
        rows = Idea.objects.filter(idea_round=idea_round).only("pk", "created_at").order_by("pk")
        updated = []
        for n, idea in enumerate(rows.iterator(chunk_size=5000)):
            idea.created_at = start + timedelta(seconds=n * 691)
            idea.support_count = counts.get(idea.pk, 0)
            idea.comment_count = ccount.get(idea.pk, 0)
            updated.append(idea)
        Idea.objects.bulk_update(updated, ["created_at", "support_count", "comment_count"], batch_size=5000)
    if connection.vendor == "sqlite":
        with connection.cursor() as c:
            c.execute("ANALYZE")
if connection.vendor == "postgresql":
    # The build rewrites every idea once (its moment and counts): vacuum as autovacuum would
    # in a running system, so the list is measured in its steady state (index-only scans).
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE")
print(json.dumps({"email": EMAIL, "activity": activity.pk, "token": activity.join_token,
                  "ideas": Idea.objects.filter(idea_round=idea_round).count(),
                  "supports": IdeaSupport.objects.filter(idea__idea_round=idea_round).count(),
                  "comments": IdeaComment.objects.filter(idea__idea_round=idea_round).count()}))
"""


def prepare(backend: str, ideas: int) -> tuple[dict[str, str], str, dict]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "constellate.settings",
            "DEBUG": "0",
            "LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    if backend == "sqlite":
        (ROOT / "var").mkdir(exist_ok=True)
        url = f"sqlite:///{ROOT / 'var' / 'bench-ideas.sqlite3'}"
    else:
        url = pages.POSTGRES_URL + "_ideas"
        pages.ensure_postgres_database(url)
    env["DATABASE_URL"] = url
    print(f"[{backend}] database {url}: migrating")
    pages.manage(env, "migrate", "--noinput", "-v", "0")
    print(f"[{backend}] building or checking {ideas} ideas")
    script = BUILD.replace("__N__", str(ideas)).replace("__PASSWORD__", PASSWORD)
    out = pages.manage(env, "shell", "-v", "0", "-c", script, capture=True)
    info = json.loads(out.strip().splitlines()[-1])
    print(f"[{backend}] {info}")
    return env, url, info


def paths(info: dict) -> dict[str, tuple[str, bool]]:
    """The requests timed: (path, signed in)."""
    link = f"/join/{info['token']}/ideas/"
    team = f"/activities/{info['activity']}/ideas/"
    return {
        "link: newest first": (link, False),
        "link: most supported": (link + "?sort=supported", False),
        "link: status under consideration": (link + "?status=considering", False),
        "link: status taken up, most supported": (link + "?status=taken_up&sort=supported", False),
        "link: search, common word": (link + "?q=speeltuin", False),
        "link: search, rare word": (link + "?q=woord01234", False),
        "link: search, two words": (link + "?q=bankjes+park", False),
        "link: search + status + sort": (link + "?q=fiets&status=new&sort=supported", False),
        "link: page 2,000 (ideas 39,981-40,000)": (link + "?page=2000", False),
        "link: most supported, page 2,000": (link + "?sort=supported&page=2000", False),
        "link: search common word, page 50": (link + "?q=buurt&page=50", False),
        "team: newest first": (team, True),
        "team: most supported, filtered, searched": (
            team + "?q=licht&status=considering&sort=supported",
            True,
        ),
        "team: page 2,000": (team + "?page=2000", True),
    }


def run(args) -> int:
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    timed, warmup = (40, 5) if args.quick else (120, 10)
    all_ok = True
    for backend in backends:
        env, url, info = prepare(backend, args.ideas)
        server = pages.Server(env, args.workers)
        results = {}
        load_before = os.getloadavg()
        try:
            cookie = pages.login(server.port, info["email"], PASSWORD)
            for name, (path, signed_in) in paths(info).items():
                jar = cookie if signed_in else ""
                for _ in range(warmup):
                    status, _h, body = pages.request(server.port, path, jar)
                    if status != 200:
                        raise RuntimeError(f"{name}: {path} returned HTTP {status}.")
                offset = server.log_offset()
                cpu_before = server.cpu_seconds()
                for _ in range(timed):
                    status, _h, body = pages.request(server.port, path, jar)
                    if status != 200:
                        raise RuntimeError(f"{name}: {path} returned HTTP {status}.")
                ms = server.server_times(offset, path.split("?")[0], timed)
                cpu_after = server.cpu_seconds()
                rows = body.count(b'<li class="card">') + body.count(b'<th scope="row"')
                p95 = pages.percentile(ms, 95)
                results[name] = {
                    "path": path,
                    "requests": len(ms),
                    "ideas_on_page": rows,
                    "server_ms": {
                        "median": round(statistics.median(ms), 1),
                        "p95": round(p95, 1),
                        "max": round(max(ms), 1),
                    },
                    "server_cpu_ms_per_request": round((cpu_after - cpu_before) * 1000 / timed, 1)
                    if cpu_before is not None and cpu_after is not None
                    else None,
                    "meets_target": p95 < TARGET_P95_MS,
                }
                print(
                    f"[{backend}] {name:44} median {statistics.median(ms):6.1f} ms  "
                    f"p95 {p95:6.1f} ms  ({rows} ideas)"
                )
        finally:
            server.stop()
        ok = all(r["meets_target"] for r in results.values())
        all_ok = all_ok and ok
        out = {
            "backend": backend,
            "database_url": url.split("@")[-1],
            "ideas": info["ideas"],
            "supports": info["supports"],
            "comments": info["comments"],
            "server": f"gunicorn, {args.workers} sync workers, DEBUG off",
            "timed_requests_per_page": timed,
            "pages": results,
            "target_p95_ms": TARGET_P95_MS,
            "target_met": ok,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "commit": pages.git_commit(),
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        print(f"[{backend}] target p95 < {TARGET_P95_MS:.0f} ms: {'met' if ok else 'MISSED'}")
        if not args.no_write:
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / f"ideas-list-{backend}.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0 if all_ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--backend", choices=["sqlite", "postgres", "both"], default="sqlite", help="database"
    )
    parser.add_argument("--ideas", type=int, default=IDEAS, help="ideas in the round")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--quick", action="store_true", help="fewer timed requests")
    parser.add_argument("--no-write", action="store_true", help="do not write the JSON result")
    args = parser.parse_args()
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
