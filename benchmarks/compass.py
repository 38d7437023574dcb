"""Compass benchmark: how long the results of a large assessment round take to build.

A synthetic round of one initiative with N respondents (default 2000: staff, citizens, partners
and others) who each rate all 18 elements, in a scratch SQLite database
(var/bench-compass.sqlite3, rebuilt on every run). Measured, each the median of 5 runs:

- `report.build`: the figures, gaps, next steps and notes of the closed round;
- the results page, the printable report and the CSV through Django's test client (signed in
  as the round's lead), with their number of SQL queries.

Target: the results page in under 500 ms with 2000 respondents (36,000 ratings), and the same
number of queries for 200 as for 2000 respondents. The exit status is 1 when a target is missed.
Results go to benchmarks/results/compass.json.

    .venv/bin/python benchmarks/compass.py
    .venv/bin/python benchmarks/compass.py --respondents 5000
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = ROOT / "var" / "bench-compass.sqlite3"


def setup_django() -> None:
    DB.parent.mkdir(exist_ok=True)
    if DB.exists():
        DB.unlink()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "constellate.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_round(respondents: int):
    import datetime

    from django.utils import timezone

    from constellate.accounts.models import Membership, Organisation, Participant, User
    from constellate.accounts.roles import InitiativeRole, OrgRole
    from constellate.compass import services
    from constellate.compass.models import Rating, Response, Round
    from constellate.initiatives.models import Initiative, InitiativeMembership

    org = Organisation.objects.create(name="Bench", slug=f"bench-{respondents}")
    lead = User.objects.create_user(email=f"lead{respondents}@bench.example", password="x" * 20)
    Membership.objects.create(organisation=org, user=lead, role=OrgRole.ADMIN)
    initiative = Initiative.objects.create(
        organisation=org, title="Bench", slug="bench", summary="Bench"
    )
    InitiativeMembership.objects.create(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    today = timezone.localdate()
    round_ = services.round_create(
        initiative=initiative,
        actor=lead,
        title="Bench round",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=1),
    )
    elements = list(round_.elements.all())
    participants = Participant.objects.bulk_create(
        Participant(pseudonym=f"#B{n}", secret_hash=f"{respondents}-{n}")
        for n in range(respondents)
    )
    groups = ["staff", "citizens", "citizens", "partners", "others"]
    responses = Response.objects.bulk_create(
        Response(round=round_, participant=p, group=groups[n % len(groups)])
        for n, p in enumerate(participants)
    )
    Rating.objects.bulk_create(
        (
            Rating(
                response=r,
                element=e,
                progress=1 + (n + e.number) % 5,
                importance=1 + (n * 3 + e.number) % 5,
                note="Een opmerking" if (n + e.number) % 40 == 0 else "",
            )
            for n, r in enumerate(responses)
            for e in elements
        ),
        batch_size=5000,
    )
    Round.objects.filter(pk=round_.pk).update(
        opens_on=today - datetime.timedelta(days=10), closes_on=today - datetime.timedelta(days=1)
    )
    round_.refresh_from_db()
    return round_, lead


def median_ms(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def measure(respondents: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from constellate.compass import report

    round_, lead = build_round(respondents)
    client = Client()
    client.force_login(lead)
    result = {"respondents": respondents, "ratings": respondents * round_.elements.count()}
    result["report_build_ms"] = median_ms(lambda: report.build(round_))
    for name in ("round", "round_print", "round_csv"):
        url = reverse(f"compass:{name}", args=[round_.pk])
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        result[f"{name}_queries"] = len(queries)
        result[f"{name}_ms"] = median_ms(lambda url=url: client.get(url))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=2000)
    args = parser.parse_args()
    setup_django()
    small = measure(200)
    large = measure(args.respondents)
    ok = large["round_ms"] < 500 and all(
        small[f"{n}_queries"] == large[f"{n}_queries"]
        for n in ("round", "round_print", "round_csv")
    )
    out = {"small": small, "large": large, "target_met": ok, "load": os.getloadavg()}
    path = ROOT / "benchmarks" / "results" / "compass.json"
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
