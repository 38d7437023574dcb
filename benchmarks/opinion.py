"""Opinion-group benchmark: this implementation and red-dwarf side by side on the same data.

Data sets:
- synthetic 2,000 participants x 200 statements (about 120,000 votes) and 33,000 x 800 (about
  2 million votes): planted opinion groups (three groups of unequal size, each leaning its own
  way on the divisive statements, all agreeing on a few consensus statements), each
  participant voting on some statements (a tenth of them on fewer than 7), early statements
  seen more often, some passes; a statement drawn twice for someone keeps the last vote, so
  both implementations get one vote per participant and statement;
- the three Pol.is conversations in ../shared/data/polis/ (skipped when absent). Data gathered
  with the Polis software (compdemocracy.org/polis), CC BY 4.0 with attribution to The
  Computational Democracy Project; source github.com/compdemocracy/openData.

Each implementation runs on each data set in its own Python subprocess, so that peak memory
is its own: reported as the process's peak resident size (VmHWM, interpreter, libraries and
input included) and its growth during the computation. Time is the wall-clock time of the
computation from in-memory votes (both get the same votes; red-dwarf gets them as the list of
dicts it expects, built before the clock starts) and the CPU time of the process during it,
the fastest of --repeat runs (3; a run that takes over 30 s is not repeated), as other
programs on a shared machine only ever make a run slower.
Agreement: the adjusted Rand index (ARI) of the group assignments against the groups Pol.is
recorded (`group-id` in participants-votes.csv) for the real conversations, and against the
planted groups for the synthetic ones, over the participants that have such a group; a
participant left out of the groups counts as a group of their own kind (-1).

Targets (issue 6 point 8): at least 3x faster than red-dwarf on each data set (wall time), the
2-million-vote case under 10 s with peak memory under 2 GB, and a higher ARI than red-dwarf on
each real conversation. The exit status is 1 when a target is missed. Results go to
benchmarks/results/opinion.json.

red-dwarf is only needed here. Install it with the optional "bench" dependencies:

    .venv/bin/pip install -e '.[bench]'        # or: .venv/bin/pip install red-dwarf==0.4.0
    .venv/bin/python benchmarks/opinion.py
    .venv/bin/python benchmarks/opinion.py --only synthetic-2k,seattle --no-write

The machine's load average is recorded with the results: other processes slow both
implementations down, so compare the ratio rather than absolute times between runs.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmarks" / "results"
POLIS = ROOT.parent / "shared" / "data" / "polis"
SPEEDUP_TARGET = 3.0
LARGE_SECONDS = 10.0
LARGE_MB = 2048.0
SEED = 0
REPEAT_BUDGET = 30.0  # seconds: no further runs after this

SYNTHETIC = {
    "synthetic-2k": (2_000, 200, 60),
    "synthetic-33k": (33_000, 800, 62),
}
REAL = {
    "seattle": "15-per-hour-seattle",
    "brexit": "brexit-consensus",
    "vtaiwan": "vtaiwan.uberx",
}


def synthetic_votes(n: int, m: int, per_participant: int, seed: int = 1):
    """Planted groups (see module doc). Returns participant, statement and vote arrays in the
    order cast, and each participant's planted group."""
    rng = np.random.default_rng(seed)
    group = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
    lean = np.zeros((3, m))
    divisive = rng.permutation(m)[: int(m * 0.6)]
    for g in range(3):  # each group its own mix of strong views on the divisive statements
        lean[g, divisive] = rng.choice([-0.9, -0.5, 0.5, 0.9], size=len(divisive))
    consensus = rng.permutation(np.setdiff1d(np.arange(m), divisive))[: max(2, m // 20)]
    lean[:, consensus] = 0.85
    counts = np.maximum(1, rng.lognormal(np.log(per_participant), 0.6, size=n)).astype(int)
    few = rng.random(n) < 0.1
    counts[few] = rng.integers(1, 7, size=few.sum())
    counts = np.minimum(counts, m)
    rows = np.repeat(np.arange(n), counts)
    exposure = 1.0 / (np.arange(m) + 20.0) ** 0.4
    cols = rng.choice(m, size=len(rows), p=exposure / exposure.sum())
    mu = lean[group[rows], cols]
    u = rng.random(len(rows))
    passing = 0.12
    agree = u < (1 - passing) * (1 + mu) / 2
    disagree = ~agree & (u < 1 - passing)
    vote = np.where(agree, 1, np.where(disagree, -1, 0)).astype(np.int8)
    return rows, cols, vote, group


def prepare(names, folder: Path):
    """Write each data set to an .npz file; returns {name: (path, description)}."""
    from constellate.analysis.opinion import collect_votes
    from constellate.analysis.polis_export import read_polis_export

    out = {}
    for name in names:
        path = folder / f"{name}.npz"
        if name in SYNTHETIC:
            rows, cols, vote, group = synthetic_votes(*SYNTHETIC[name])
            v = collect_votes(rows, cols, vote)  # the last vote counts; red-dwarf wants one
            np.savez(
                path,
                participant=v.participants[v.rows],
                statement=v.statements[v.cols],
                vote=v.values,
                truth_ids=np.arange(len(group)),
                truth=group,
                moderated_out=np.zeros(0, int),
            )
            out[name] = (path, "planted groups")
        else:
            source = POLIS / REAL[name]
            if not source.is_dir():
                print(f"skipped {name}: {source} is absent")
                continue
            export = read_polis_export(source)
            v = export["votes"]
            truth = [(p, g) for p, g in export["polis_groups"].items() if g is not None]
            np.savez(
                path,
                participant=v.participants[v.rows],
                statement=v.statements[v.cols],
                vote=v.values,
                truth_ids=np.array([p for p, _ in truth]),
                truth=np.array([g for _, g in truth]),
                moderated_out=np.array(export["moderated_out"], dtype=int),
            )
            out[name] = (path, "Pol.is group-id")
    return out


# ---------------------------------------------------------------------------- worker


def peak_rss_kb() -> int:
    """This process's peak resident size in KiB: VmHWM, which starts afresh with the program
    (ru_maxrss would carry over the high-water mark of the parent that forked it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker(impl: str, data: str, repeat: int) -> dict:
    """Runs in its own process: one implementation on one data set."""
    from sklearn.metrics import adjusted_rand_score

    loaded = np.load(data)
    participant, statement, vote = loaded["participant"], loaded["statement"], loaded["vote"]
    moderated_out = loaded["moderated_out"].tolist()
    if impl == "constellate":
        from constellate.analysis.opinion import opinion_groups

        arguments = {"participant": participant, "statement": statement, "vote": vote}

        def run():
            result = opinion_groups(arguments, moderated_out=moderated_out, seed=SEED)
            return {p["id"]: p["group"] for p in result["participants"]}, result["counts"]["groups"]

    else:
        from reddwarf.implementations.polis import run_pipeline

        records = [
            {"participant_id": p, "statement_id": s, "vote": v, "modified": i}
            for i, (p, s, v) in enumerate(
                zip(participant.tolist(), statement.tolist(), vote.tolist(), strict=True)
            )
        ]

        def run():
            result = run_pipeline(
                votes=records, mod_out_statement_ids=moderated_out, random_state=SEED
            )
            labels = result.participants_df["cluster_id"]
            groups = {int(p): (None if str(g) == "<NA>" else int(g)) for p, g in labels.items()}
            return groups, len({g for g in groups.values() if g is not None})

    rss_before = peak_rss_kb()
    times, cpus = [], []
    while len(times) < repeat and sum(times) < REPEAT_BUDGET:
        start, start_cpu = time.perf_counter(), time.process_time()
        groups, n_groups = run()
        times.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    seconds, cpu = min(times), min(cpus)
    rss_after = peak_rss_kb()
    truth_ids, truth = loaded["truth_ids"].tolist(), loaded["truth"].tolist()
    found = [groups.get(p) for p in truth_ids]
    ari = adjusted_rand_score(truth, [-1 if g is None else g for g in found])
    grouped = [(t, g) for t, g in zip(truth, found, strict=True) if g is not None]
    ari_grouped = adjusted_rand_score(*zip(*grouped, strict=True)) if grouped else 0.0
    return {
        "seconds": round(seconds, 3),
        "runs": len(times),
        "cpu_seconds": round(cpu, 3),
        "peak_mb": round(rss_after / 1024, 1),
        "growth_mb": round((rss_after - rss_before) / 1024, 1),
        "groups": n_groups,
        "ari": round(float(ari), 4),
        "ari_grouped": round(float(ari_grouped), 4),
        "grouped": len(grouped),
    }


def run_worker(impl: str, path: Path, timeout: float, repeat: int) -> dict:
    command = [
        sys.executable,
        __file__,
        "--worker",
        impl,
        "--data",
        str(path),
        "--repeat",
        str(repeat),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only", help="comma-separated data sets: " + ", ".join([*SYNTHETIC, *REAL])
    )
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per subprocess")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help=f"runs per implementation and data set, the fastest counts (fewer once {REPEAT_BUDGET:.0f} s are spent)",
    )
    parser.add_argument("--no-write", action="store_true", help="do not write the JSON result")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.repeat)))
        return 0

    try:
        import reddwarf  # noqa: F401
    except ImportError:
        print(
            "red-dwarf is not installed; it is needed only for this benchmark:\n"
            "    .venv/bin/pip install -e '.[bench]'   (or: .venv/bin/pip install red-dwarf==0.4.0)",
            file=sys.stderr,
        )
        return 1
    names = args.only.split(",") if args.only else [*SYNTHETIC, *REAL]
    load_before = os.getloadavg()
    rows = {}
    with tempfile.TemporaryDirectory() as folder:
        datasets = prepare(names, Path(folder))
        for name, (path, truth) in datasets.items():
            counts = np.load(path)
            row = {
                "votes": int(len(counts["vote"])),
                "participants": int(len(np.unique(counts["participant"]))),
                "statements": int(len(np.unique(counts["statement"]))),
                "truth": truth,
            }
            for impl in ("constellate", "red-dwarf"):
                row[impl] = run_worker(impl, path, args.timeout, args.repeat)
            ours, theirs = row["constellate"], row["red-dwarf"]
            if "seconds" in ours and "seconds" in theirs:
                row["speedup"] = round(theirs["seconds"] / max(ours["seconds"], 1e-9), 1)
                row["cpu_speedup"] = round(
                    theirs["cpu_seconds"] / max(ours["cpu_seconds"], 1e-9), 1
                )
            rows[name] = row
            print(f"{name}: done", flush=True)

    missed = []
    for name, row in rows.items():
        ours, theirs = row["constellate"], row["red-dwarf"]
        if "seconds" not in ours:
            missed.append(f"{name}: this implementation failed ({ours.get('error')})")
            continue
        if "seconds" in theirs and row["speedup"] < SPEEDUP_TARGET:
            missed.append(
                f"{name}: {row['speedup']}x faster than red-dwarf (target {SPEEDUP_TARGET}x)"
            )
        if name == "synthetic-33k" and (
            ours["seconds"] >= LARGE_SECONDS or ours["peak_mb"] >= LARGE_MB
        ):
            missed.append(
                f"{name}: {ours['seconds']} s, {ours['peak_mb']} MB (targets < {LARGE_SECONDS} s, < {LARGE_MB} MB)"
            )
        if name in REAL and "ari" in theirs and ours["ari"] <= theirs["ari"]:
            missed.append(f"{name}: ARI {ours['ari']} not above red-dwarf's {theirs['ari']}")

    header = f"{'data set':<15}{'votes':>10}{'':3}{'impl':<12}{'seconds':>9}{'CPU s':>8}{'peak MB':>9}{'+MB':>8}{'groups':>7}{'ARI':>8}"
    print(header)
    for name, row in rows.items():
        for impl in ("constellate", "red-dwarf"):
            r = row[impl]
            if "error" in r:
                print(f"{name:<15}{row['votes']:>10}{'':3}{impl:<12}  {r['error']}")
                continue
            print(
                f"{name:<15}{row['votes']:>10}{'':3}{impl:<12}{r['seconds']:>9}{r['cpu_seconds']:>8}"
                f"{r['peak_mb']:>9}{r['growth_mb']:>8}{r['groups']:>7}{r['ari']:>8}"
            )
        if "speedup" in row:
            print(
                f"{'':<28}speed-up {row['speedup']}x (CPU {row['cpu_speedup']}x), ARI against {row['truth']}"
            )
    out = {
        "data_sets": rows,
        "targets": {
            "speedup": SPEEDUP_TARGET,
            "large_seconds": LARGE_SECONDS,
            "large_peak_mb": LARGE_MB,
            "ari_above_red_dwarf": True,
        },
        "missed": missed,
        "target_met": not missed,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "seed": SEED,
        "repeat": args.repeat,
    }
    print(
        "load average before",
        out["load_before"],
        "after",
        out["load_after"],
        f"({os.cpu_count()} CPUs)",
    )
    for line in missed:
        print("MISSED:", line)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "opinion.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
