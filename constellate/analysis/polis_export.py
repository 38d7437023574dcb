"""Reading a Pol.is export folder, and the command line of `constellate.analysis.opinion`.

A Pol.is export holds comments.csv (the statements, with `moderated` -1 for those moderated
out), votes.csv (every vote cast, with a timestamp) and participants-votes.csv (one row per
participant with the `group-id` Pol.is assigned, then one column per statement: 1 agree,
-1 disagree, 0 pass, empty not seen).

    python -m constellate.analysis.opinion PATH [--seed 0] [--indent 2]

prints the opinion groups of the conversation as JSON (see `opinion.opinion_groups`), with the
text of the representative and consensus statements.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from constellate.analysis.opinion import collect_votes, opinion_groups


def _number(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:
        return text


def read_polis_export(path: str | Path) -> dict[str, Any]:
    """Votes, statements and moderation from a Pol.is export folder: comments.csv and votes.csv
    (sorted by time, so the last vote on a statement counts), or participants-votes.csv when
    votes.csv is absent. Returns {"votes": Votes, "statements": {id: text},
    "moderated_out": [ids], "polis_groups": {participant: group-id or None}}."""
    folder = Path(path)
    statements: dict[Any, str] = {}
    moderated_out = []
    comments = folder / "comments.csv"
    if comments.exists():
        with comments.open(newline="", encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                sid = _number(record["comment-id"])
                statements[sid] = record.get("comment-body", "")
                if (record.get("moderated") or "0").strip() == "-1":
                    moderated_out.append(sid)
    polis_groups: dict[Any, int | None] = {}
    votes_csv, wide = folder / "votes.csv", folder / "participants-votes.csv"
    if wide.exists():
        with wide.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            columns = [(i, _number(h)) for i, h in enumerate(header) if i >= 6]
            wide_votes: tuple[list, list, list] = ([], [], [])
            for row in reader:
                pid = _number(row[0])
                polis_groups[pid] = int(row[1]) if row[1].strip() else None
                if votes_csv.exists():
                    continue
                for i, sid in columns:
                    cell = row[i].strip() if i < len(row) else ""
                    if cell:
                        wide_votes[0].append(pid)
                        wide_votes[1].append(sid)
                        wide_votes[2].append(int(float(cell)))
    if votes_csv.exists():
        with votes_csv.open(newline="", encoding="utf-8") as handle:
            rows = [
                (
                    float(r["timestamp"] or 0),
                    i,
                    _number(r["voter-id"]),
                    _number(r["comment-id"]),
                    int(float(r["vote"])),
                )
                for i, r in enumerate(csv.DictReader(handle))
            ]
        rows.sort()
        collected = collect_votes([r[2] for r in rows], [r[3] for r in rows], [r[4] for r in rows])
    elif wide.exists():
        collected = collect_votes(*wide_votes)
    else:
        raise FileNotFoundError(f"no votes.csv or participants-votes.csv in {folder}")
    return {
        "votes": collected,
        "statements": statements,
        "moderated_out": moderated_out,
        "polis_groups": polis_groups,
    }


def analyse_polis_export(path: str | Path, *, seed: int = 0) -> dict[str, Any]:
    """`opinion_groups` on a Pol.is export folder, with the statements' text added."""
    export = read_polis_export(path)
    result = opinion_groups(export["votes"], moderated_out=export["moderated_out"], seed=seed)
    texts = export["statements"]
    for group in result["groups"]:
        for row in group["representative"]:
            row["text"] = texts.get(row["statement"], "")
    for rows in result["consensus"].values():
        for row in rows:
            row["text"] = texts.get(row["statement"], "")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m constellate.analysis.opinion",
        description="Opinion groups (as Pol.is computes them) of a Pol.is export folder, as JSON.",
    )
    parser.add_argument(
        "path", help="folder with comments.csv and votes.csv or participants-votes.csv"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--indent", type=int, default=None)
    args = parser.parse_args(argv)
    try:
        result = analyse_polis_export(args.path, seed=args.seed)
    except (FileNotFoundError, KeyError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return 0
