"""Stories benchmark: work on a large collection of community stories.

Parts (choose with --part):

- themes: theme suggestions (`constellate.analysis.themes.suggest_themes`, the background
  task's work) over N synthetic stories (default 10,000). The stories are generated here,
  seeded: Dutch and English (about 70/30; a fifth of them without a language, so the language
  is guessed), 50-300 words each, written from a vocabulary of function words, everyday words,
  inflected forms of the words of 8 planted themes (a story has one, sometimes a second, 5% have
  none) and a long tail of rare words (names, typos), so the vocabulary is as large as a real
  one. Measured: wall and CPU time of one cold run in a fresh process (it includes loading the
  lemmatiser's dictionaries, as a worker does), peak memory (tracemalloc peak of Python
  allocations during a second run, and the process's maxrss), and how well the planted themes
  come back (the share of each suggested theme's members whose planted theme is the theme's
  most common one). Target: < 60 s wall time for 10,000 stories.
- list: the Stories list page of one initiative holding 100,000 consented stories
  (`manage.py load_scale --stories 100000`, added to the page benchmark's scale data), served by
  gunicorn and signed in as the benchmark user, with the helpers of benchmarks/pages.py: the
  first page, a later page, a search for a common word, a rare word and two words, a later page
  of a search, filter combinations. Median and p95 SERVER time (gunicorn's access log) over
  repeated requests, per database (--backend sqlite, postgres or both). Target: p95 < 200 ms
  for every request. Results go to benchmarks/results/stories-list-<backend>.json.
- all: both parts.

The exit status is 1 when a target is missed. Results go to benchmarks/results/stories-themes.json
and stories-list-<backend>.json.

    .venv/bin/python benchmarks/stories.py --part themes
    .venv/bin/python benchmarks/stories.py --part themes --stories 2000
    .venv/bin/python benchmarks/stories.py --part list --backend both
"""

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
TARGET_THEMES_SECONDS = 60.0


def _split(text: str) -> list[str]:
    return text.split()


# Function words make up about half of any story; they are drawn with Zipf-like weights.
FUNCTION_WORDS = {
    "nl": _split(
        "de het een en van ik je niet dat op te is in zijn voor met maar er ook naar we mijn "
        "hij ze wat als bij nog wel geen om dan heb heeft was waren had werd toen omdat uit "
        "al zo heel echt gewoon even ons onze die dit deze kan moet wil ging kwam zei"
    ),
    "en": _split(
        "the and of to a i you not that it on for with but my we they he she this have has "
        "are were be from at by our what there when would been their his her is was in "
        "because can could just so very really then did do got went said"
    ),
}
# Everyday words that belong to no theme.
COMMON_WORDS = {
    "nl": _split(
        "mensen dag dagen week weken jaar jaren tijd kind kinderen moeder vader vriend "
        "vrienden huis straat stad buurt gemeente probleem problemen vraag vragen antwoord "
        "gevoel leven goed slecht groot klein nieuw oud lang kort blij boos moe bang "
        "begrijpen begreep helpen hielp geholpen praten praatte werken werkte werk geld "
        "ochtend avond morgen gisteren vandaag telefoon bericht verhaal verhalen keer"
    ),
    "en": _split(
        "people day days week weeks year years time child children mother father friend "
        "friends house street city neighbourhood council problem problems question questions "
        "answer feeling life good bad big small new old long short happy angry tired afraid "
        "understand understood help helped talk talked work worked job money morning evening "
        "tomorrow yesterday today phone message story stories"
    ),
}
# Planted themes, with inflected forms (the lemmatiser should merge them).
THEMES = {
    "job centre waiting": {
        "nl": "wachten wacht wachtte wachtten gewacht wachttijd wachttijden uwv werkplein loket "
        "afspraak afspraken uitkering uitkeringen consulent formulier formulieren intake "
        "wachtrij aanvraag aanvragen",
        "en": "wait waits waited waiting queue queues job centre benefit benefits appointment "
        "appointments adviser advisers form forms claim claims desk delay delays",
    },
    "neighbourhood cafe": {
        "nl": "buurtcafé buurtcafés koffie soep vrijwilliger vrijwilligers buren buur "
        "ontmoeten ontmoette gezellig gezelligheid maaltijd maaltijden praatje tafel tafels "
        "thee koken kookte",
        "en": "cafe cafes coffee soup volunteer volunteers neighbour neighbours meet met "
        "meeting cosy meal meals chat chats table tables tea cook cooked",
    },
    "debt letters": {
        "nl": "brief brieven schuld schulden deurwaarder deurwaarders aanmaning aanmaningen "
        "incasso boete boetes rekening rekeningen betalen betaalde betaald schuldhulp "
        "achterstand achterstanden",
        "en": "letter letters debt debts bailiff bailiffs reminder reminders collection fine "
        "fines bill bills pay paid paying arrears adviser budget budgets",
    },
    "youth care": {
        "nl": "jeugdzorg jongere jongeren school scholen leraar leraren mentor begeleiding "
        "begeleider begeleiders wachtlijst zorgen zorgde gezin gezinnen pleegzorg "
        "hulpverlener hulpverleners",
        "en": "youth young teenager teenagers school schools teacher teachers mentor "
        "mentoring counsellor counsellors waiting list family families foster carer carers "
        "social worker",
    },
    "housing repairs": {
        "nl": "woning woningen huur huurder huurders verhuurder schimmel vocht lekkage "
        "reparatie reparaties corporatie kapot kapotte verwarming trap lift liften "
        "onderhoud klacht klachten",
        "en": "flat flats rent tenant tenants landlord mould damp leak leaks repair repairs "
        "housing association broken heating stairs lift lifts maintenance complaint "
        "complaints",
    },
    "public transport": {
        "nl": "bus bussen halte haltes tram trein treinen rolstoel dienstregeling vertraging "
        "vertragingen chauffeur chauffeurs overstappen stapte ingestapt perron kaartje "
        "kaartjes station",
        "en": "bus buses stop stops tram train trains wheelchair timetable late delays "
        "driver drivers change changed platform ticket tickets station route routes",
    },
    "language classes": {
        "nl": "taal taalles taallessen inburgering cursus cursussen docent docenten examen "
        "examens leren leerde geleerd oefenen oefende woorden uitspraak taalcafé "
        "taalmaatje taalmaatjes",
        "en": "language lesson lessons english course courses tutor tutors exam exams learn "
        "learned learning practise practised words pronunciation grammar class classes "
        "citizenship",
    },
    "loneliness elderly": {
        "nl": "eenzaam eenzaamheid oudere ouderen alleen bezoek bezoeken bezocht "
        "mantelzorg mantelzorger mantelzorgers verzorgingshuis thuiszorg wandelen wandelde "
        "kleinkinderen weduwe weduwnaar herinneringen",
        "en": "lonely loneliness elderly older alone visit visits visited carer caring care "
        "home homecare walk walked walking grandchildren widow widower memories",
    },
}
SYLLABLES = _split(
    "ba be bi bo ka ke ko la le lo ma me mo na ne no ra re ro sa se so ta te to va ve vo"
)


def _tail_words(rng: random.Random, count: int) -> list[str]:
    """Rare words (names, typos, local words): 2-4 made-up syllables."""
    words = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def synthetic_stories(count: int, seed: int = 1):
    """`count` stories as (id, text, language or None) and each story's planted theme."""
    rng = random.Random(seed)
    names = list(THEMES)
    vocab = {lang: {name: THEMES[name][lang].split() for name in names} for lang in ("nl", "en")}
    tails = {lang: _tail_words(rng, 20_000) for lang in ("nl", "en")}
    # Zipf-like weights (1/(k + 100): no rare word is as common as a function word)
    zipf = {
        lang: list(accumulate(1 / (k + 100) for k in range(len(tails[lang])))) for lang in tails
    }
    function_weights = {
        lang: list(accumulate(1 / (k + 1) ** 0.7 for k in range(len(words))))
        for lang, words in FUNCTION_WORDS.items()
    }
    stories, planted = [], {}
    for i in range(1, count + 1):
        lang = "nl" if rng.random() < 0.7 else "en"
        main = rng.choice(names) if rng.random() >= 0.05 else None
        second = rng.choice(names) if main and rng.random() < 0.25 else None
        length = rng.randint(50, 300)
        sources = [
            (
                0.45,
                lambda lang=lang: rng.choices(
                    FUNCTION_WORDS[lang], cum_weights=function_weights[lang]
                )[0],
            ),
            (0.20, lambda lang=lang: rng.choice(COMMON_WORDS[lang])),
            (0.10, lambda lang=lang: rng.choices(tails[lang], cum_weights=zipf[lang])[0]),
        ]
        if main:
            sources.append((0.20, lambda lang=lang, t=main: rng.choice(vocab[lang][t])))
        if second:
            sources.append((0.05, lambda lang=lang, t=second: rng.choice(vocab[lang][t])))
        weights = [w for w, _ in sources]
        words = []
        for position in range(length):
            pick = rng.choices(sources, weights)[0][1]
            word = pick()
            if position % rng.randint(8, 15) == 0:
                word = word.capitalize()
                if words:
                    words[-1] += "."
            if rng.random() < 0.01:
                word = str(rng.randint(1, 2030))
            words.append(word)
        given = lang if rng.random() < 0.8 else None
        stories.append((i, " ".join(words) + ".", given))
        planted[i] = main
    return stories, planted


def theme_purity(result, planted):
    """Per suggested theme: its size, the planted theme most of its members have, and the
    share of members that have it."""
    rows = []
    for theme in result["themes"]:
        counts = Counter(planted[m["id"]] for m in theme["members"])
        top, hits = counts.most_common(1)[0]
        rows.append(
            {
                "label": theme["label"],
                "size": theme["size"],
                "planted": top,
                "purity": round(hits / theme["size"], 3),
            }
        )
    return rows


def part_themes(args) -> int:
    from constellate.analysis.themes import suggest_themes

    start = time.perf_counter()
    stories, planted = synthetic_stories(args.stories, seed=args.seed)
    generate_seconds = time.perf_counter() - start
    words = sum(len(text.split()) for _, text, _ in stories)
    calls: list[tuple[int, int, float]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total, round(time.perf_counter() - start, 2)))

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, start_cpu = time.perf_counter(), time.process_time()
    result = suggest_themes(stories, seed=7, progress=progress)
    wall = time.perf_counter() - start
    cpu = time.process_time() - start_cpu
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # tracemalloc slows Python code down: measure memory in a second run, not timed
    tracemalloc.start()
    suggest_themes(stories, seed=7)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    purity = theme_purity(result, planted)
    in_a_theme = sum(1 for doc in result["documents"] if doc["themes"])
    ok = wall < TARGET_THEMES_SECONDS
    out = {
        "part": "themes",
        "stories": len(stories),
        "words": words,
        "generate_seconds": round(generate_seconds, 2),
        "summary": result["summary"],
        "task_seconds": round(wall, 2),
        "task_cpu_seconds": round(cpu, 2),
        "task_steps_seconds": result["timings"],
        "task_peak_python_mb": round(traced_peak / 2**20, 1),
        "process_maxrss_mb": round(rss_after / 1024, 1),
        "maxrss_growth_during_task_mb": round((rss_after - rss_before) / 1024, 1),
        "result_json_bytes": len(json.dumps(result, separators=(",", ":"))),
        "stories_in_a_theme": in_a_theme,
        "themes": purity,
        "mean_purity": round(sum(r["purity"] for r in purity) / max(1, len(purity)), 3),
        "planted_themes_found": sorted({str(r["planted"]) for r in purity if r["purity"] >= 0.8}),
        "keywords_top10": [k["term"] for k in result["keywords"][:10]],
        "progress_calls": calls,
        "target_seconds": TARGET_THEMES_SECONDS,
        "target_met": ok,
        "load": os.getloadavg(),
    }
    print(f"{'theme':<44}{'size':>6}{'purity':>8}  planted")
    for row in purity:
        print(f"{row['label']:<44}{row['size']:>6}{row['purity']:>8}  {row['planted']}")
    print(
        f"{len(stories)} stories, {words} words: {out['task_seconds']} s wall, "
        f"{out['task_cpu_seconds']} s CPU (target < {TARGET_THEMES_SECONDS:.0f} s wall: "
        f"{'met' if ok else 'MISSED'}); peak Python memory {out['task_peak_python_mb']} MB, "
        f"process maxrss {out['process_maxrss_mb']} MB; steps {result['timings']}"
    )
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "stories-themes.json").write_text(json.dumps(out, indent=2) + "\n")
    if args.json:
        print(json.dumps(out, indent=2))
    return 0 if ok else 1


# The list part -------------------------------------------------------------------------------

TARGET_LIST_P95_MS = 200.0
LIST_STORIES = 100_000


def list_pages(initiative_id: int, activity_id: int) -> dict[str, str]:
    """The requests timed: the Stories list (first and a later page), searches and filters."""
    base = f"/initiatives/{initiative_id}/stories/"
    return {
        "list, first page": base,
        "list, page 200": base + "?page=200",
        "search, common word": base + "?q=buurt",
        "search, rare word": base + "?q=sleutelbos",
        "search, two words": base + "?q=wachten+gemeente",
        "search, common word, page 20": base + "?q=buurt&page=20",
        "filters: activity, type, language, scope": (
            base + f"?activity={activity_id}&story_type=testimony&language=nl&audience=public"
        ),
        "filters with search": base + f"?q=koffie&activity={activity_id}&language=nl",
        "filter: has audio": base + "?medium=audio",
    }


def part_list(args) -> int:
    """Story list and search over LIST_STORIES stories, served by gunicorn, per backend."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pages  # noqa: PLC0415 - the page benchmark's helpers (server, login, database)

    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    timed, warmup = (40, 5) if args.quick else (120, 10)
    all_ok = True
    for backend in backends:
        env, url = pages.prepare_database(backend, "full")
        info = json.loads(pages.manage(env, "load_scale", "--info", capture=True))
        if info["counts"].get("stories") != args.list_stories:
            print(f"[{backend}] adding {args.list_stories} stories (was {info['counts']})")
            pages.manage(env, "load_scale", f"--stories={args.list_stories}")
            info = json.loads(pages.manage(env, "load_scale", "--info", capture=True))
        initiative_id = info["staff_initiative"]["id"]
        activity_id = json.loads(
            pages.manage(
                env,
                "shell",
                "-v",
                "0",
                "-c",
                "import json; from constellate.stories.models import Story; "
                f"print(json.dumps(Story.objects.filter(activity__initiative={initiative_id})"
                ".order_by('activity_id').values_list('activity_id', flat=True).first()))",
                capture=True,
            )
        )
        paths = list_pages(initiative_id, activity_id)
        server = pages.Server(env, args.workers)
        results = {}
        load_before = os.getloadavg()
        try:
            cookie = pages.login(server.port, info["email"], info["password"])
            for name, path in paths.items():
                for _ in range(warmup):
                    status, _h, body = pages.request(server.port, path, cookie)
                    if status != 200:
                        raise RuntimeError(f"{name}: {path} returned HTTP {status}.")
                offset = server.log_offset()
                cpu_before = server.cpu_seconds()
                for _ in range(timed):
                    status, _h, body = pages.request(server.port, path, cookie)
                    if status != 200:
                        raise RuntimeError(f"{name}: {path} returned HTTP {status}.")
                ms = server.server_times(offset, path.split("?")[0], timed)
                cpu_after = server.cpu_seconds()
                rows = body.count(b'<th scope="row"')
                p95 = pages.percentile(ms, 95)
                results[name] = {
                    "path": path,
                    "requests": len(ms),
                    "rows_on_page": rows,
                    "server_ms": {
                        "median": round(statistics.median(ms), 1),
                        "p95": round(p95, 1),
                        "max": round(max(ms), 1),
                    },
                    # gunicorn's own CPU per request: unlike the wall-clock times it hardly
                    # grows when other work competes for the machine (PostgreSQL's share runs
                    # in its own processes and is not in it).
                    "server_cpu_ms_per_request": round((cpu_after - cpu_before) * 1000 / timed, 1)
                    if cpu_before is not None and cpu_after is not None
                    else None,
                    "meets_target": p95 < TARGET_LIST_P95_MS,
                }
                print(
                    f"[{backend}] {name:44} median {statistics.median(ms):6.1f} ms  "
                    f"p95 {p95:6.1f} ms  cpu {results[name]['server_cpu_ms_per_request']} ms  "
                    f"({rows} rows)"
                )
        finally:
            server.stop()
        ok = all(r["meets_target"] for r in results.values())
        all_ok = all_ok and ok
        out = {
            "part": "list",
            "backend": backend,
            "database_url": url.split("@")[-1],
            "stories": info["counts"].get("stories"),
            "server": f"gunicorn, {args.workers} sync workers, DEBUG off, signed in as "
            f"{info['email']}",
            "timed_requests_per_page": timed,
            "pages": results,
            "target_p95_ms": TARGET_LIST_P95_MS,
            "target_met": ok,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "commit": pages.git_commit(),
            "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        print(f"[{backend}] target p95 < {TARGET_LIST_P95_MS:.0f} ms: {'met' if ok else 'MISSED'}")
        if not args.no_write:
            RESULTS.mkdir(parents=True, exist_ok=True)
            (RESULTS / f"stories-list-{backend}.json").write_text(json.dumps(out, indent=2) + "\n")
        if args.json:
            print(json.dumps(out, indent=2))
    return 0 if all_ok else 1


def part_all(args) -> int:
    themes = part_themes(args)
    listed = part_list(args)
    return max(themes, listed)


PARTS = {"themes": part_themes, "list": part_list, "all": part_all}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Parts: themes, list, all (both).",
    )
    parser.add_argument(
        "--part",
        choices=sorted(PARTS),
        default="themes",
        help="what to measure: themes (theme suggestions), list (story list and search p95 "
        "over 100,000 stories, served by gunicorn) or all",
    )
    parser.add_argument("--stories", type=int, default=10_000, help="themes: number of stories")
    parser.add_argument("--seed", type=int, default=1, help="seed of the story generator")
    parser.add_argument("--no-write", action="store_true", help="do not write the JSON result")
    parser.add_argument("--json", action="store_true", help="also print the JSON result")
    parser.add_argument(
        "--backend", choices=["sqlite", "postgres", "both"], default="sqlite", help="list: database"
    )
    parser.add_argument("--workers", type=int, default=2, help="list: gunicorn workers")
    parser.add_argument(
        "--list-stories", type=int, default=LIST_STORIES, help="list: number of stories"
    )
    parser.add_argument("--quick", action="store_true", help="list: fewer timed requests")
    args = parser.parse_args()
    return PARTS[args.part](args)


if __name__ == "__main__":
    sys.exit(main())
