"""Theme suggestions as the curator gets them: the background task end to end, over N stories
(default 10,000) in a fresh SQLite database. It reads the stories whose teller allows
analysis, computes the suggestions (constellate.analysis.themes), reports progress on the run
and stores the result: what `stories:curation_suggestions` starts. The stories are the
synthetic ones of benchmarks/stories.py (seeded, Dutch and English, planted themes).

Measured: wall and CPU time of the task (loading the stories included, as the worker does),
the number of progress writes, and the themes found. Target: < 60 s wall for 10,000 stories.
The exit status is 1 when the target is missed. Results go to
benchmarks/results/stories-theme-task.json.

    .venv/bin/python benchmarks/theme_task.py
    .venv/bin/python benchmarks/theme_task.py --stories 2000
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
TARGET_SECONDS = 60.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="constellate-theme-task-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "constellate.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from benchmarks.stories import synthetic_stories
    from constellate.accounts.tests.factories import OrganisationFactory
    from constellate.initiatives.choices import ActivityKind
    from constellate.initiatives.tests.factories import ActivityFactory, InitiativeFactory
    from constellate.stories.choices import Audience, Keep, StoryStatus
    from constellate.stories.models import Consent, Story, ThemeSuggestionRun
    from constellate.stories.services_curation import theme_suggestions_compute

    call_command("migrate", verbosity=0)
    initiative = InitiativeFactory(organisation=OrganisationFactory())
    activity = ActivityFactory(initiative=initiative, kind=ActivityKind.STORY_GATHERING)
    stories, _planted = synthetic_stories(args.stories, seed=args.seed)
    rows = [
        Story(
            activity=activity,
            text=text,
            language=language or "",
            link_hash=f"bench-{pk}",
            status=StoryStatus.ACTIVE,
            audience=Audience.ORGANISATION,
        )
        for pk, text, language in stories
    ]
    Story.all_objects.bulk_create(rows, batch_size=2000)
    keep_until = timezone.localdate().replace(year=timezone.localdate().year + 2)
    Consent.objects.bulk_create(
        [
            Consent(
                story=story,
                audience=Audience.ORGANISATION,
                analysis=True,
                quotes=True,
                named=False,
                keep=Keep.TWO_YEARS,
                keep_until=keep_until,
                wording="bench",
            )
            for story in Story.all_objects.filter(activity=activity)
        ],
        batch_size=2000,
    )
    run = ThemeSuggestionRun.objects.create(initiative=initiative)
    writes = []

    def count_updates(execute, sql, params, many, context):
        if sql.startswith("UPDATE") and "themesuggestionrun" in sql:
            writes.append(1)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_updates):
        start, start_cpu = time.perf_counter(), time.process_time()
        summary = theme_suggestions_compute.call(run.pk)
        wall, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    run.refresh_from_db()
    ok = run.state == "done" and wall < TARGET_SECONDS
    out = {
        "part": "theme_task",
        "stories": args.stories,
        "state": run.state,
        "story_count": run.story_count,
        "themes": [theme["label"] for theme in run.result["themes"]],
        "task_seconds": round(wall, 2),
        "task_cpu_seconds": round(cpu, 2),
        "run_updates": len(writes),
        "summary": summary,
        "target_seconds": TARGET_SECONDS,
        "target_met": ok,
        "load": os.getloadavg(),
    }
    print(
        f"{args.stories} stories: task {out['task_seconds']} s wall, {out['task_cpu_seconds']} s "
        f"CPU, {len(out['themes'])} themes, {out['run_updates']} progress writes "
        f"(target < {TARGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'})"
    )
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "stories-theme-task.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
