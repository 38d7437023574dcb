"""Reading and writing Pol.is exports, and the command line of `constellate.analysis.opinion`.

A Pol.is export holds comments.csv (the statements, with `moderated` 1 accepted, 0 not yet
checked, -1 moderated out), votes.csv (every vote cast, with a timestamp),
participants-votes.csv (one row per participant with the `group-id` Pol.is assigned, then one
column per statement: 1 agree, -1 disagree, 0 pass, empty not seen) and summary.csv (rows of
key, value: topic, url, counts, conversation-description).

    python -m constellate.analysis.opinion PATH [--seed 0] [--indent 2] [--strict-moderation]

prints the opinion groups of the conversation (a folder or a .zip) as JSON (see
`opinion.opinion_groups`), with the text of the representative and consensus statements.

The reader treats its input as hostile, because the platform imports uploaded exports with it:
sizes, entries and rows are limited (`LIMITS`), a zip is read entry by entry and never past a
limit whatever its headers say (a zip bomb), entry names with a path that leaves the folder are
refused, and bad CSV, missing columns, duplicate ids and votes on unknown statements raise a
`PolisExportError` with a stable `code` and its `params`, so that a caller can say it in the
reader's language. No Django here: the analysis package is plain Python.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import sys
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from constellate.analysis.opinion import collect_votes, opinion_groups

MB = 1024 * 1024
FILES = ("comments.csv", "votes.csv", "participants-votes.csv", "summary.csv")
LIMITS: dict[str, int] = {
    "file_bytes": 60 * MB,  # one file, uncompressed
    "total_bytes": 150 * MB,  # all files read, uncompressed
    "zip_bytes": 30 * MB,  # the zip itself
    "zip_entries": 50,
    "ratio": 200,  # uncompressed / compressed size of a zip entry (above 1 MB)
    "statements": 10_000,
    "votes": 2_000_000,  # rows of votes.csv
    "participants": 200_000,  # rows of participants-votes.csv
    "summary_rows": 200,
}
COMMENT_COLUMNS = ("comment-id", "comment-body")
VOTE_COLUMNS = ("comment-id", "voter-id", "vote")
WIDE_COLUMNS = ("participant", "group-id")
WIDE_FIRST_STATEMENT = 6  # participant, group-id, n-comments, n-votes, n-agree, n-disagree


class PolisExportError(ValueError):
    """An export that cannot be read. `code` is stable, `params` fill a translated message;
    str() is an English sentence for the command line."""

    def __init__(self, code: str, message: str, **params: Any):
        self.code = code
        self.params = params
        super().__init__(message % params if params else message)


def _limits(overrides: Mapping[str, int] | None) -> dict[str, int]:
    limits = dict(LIMITS)
    limits.update(overrides or {})
    return limits


def _number(text: str) -> int | str:
    try:
        return int(text)
    except ValueError:
        return text


def _whole(text: str, file: str, line: int, column: str) -> int:
    try:
        value = float(text)
        if value != int(value):
            raise ValueError
        return int(value)
    except (ValueError, OverflowError):
        raise PolisExportError(
            "not_a_number",
            "%(file)s, line %(line)s: %(column)s must be a whole number",
            file=file,
            line=line,
            column=column,
        ) from None


def _vote(text: str, file: str, line: int) -> int:
    value = _whole(text, file, line, "vote")
    if value not in (-1, 0, 1):
        raise PolisExportError(
            "bad_vote", "%(file)s, line %(line)s: a vote is 1, -1 or 0", file=file, line=line
        )
    return value


def _id(text: str, file: str, line: int, column: str) -> int | str:
    text = (text or "").strip()
    if not text:
        raise PolisExportError(
            "missing_value",
            "%(file)s, line %(line)s: %(column)s is empty",
            file=file,
            line=line,
            column=column,
        )
    if len(text) > 40:
        raise PolisExportError(
            "not_a_number",
            "%(file)s, line %(line)s: %(column)s must be a whole number",
            file=file,
            line=line,
            column=column,
        )
    return _number(text)


def _rows(data: bytes, name: str, required: Sequence[str], limit: int):
    """(header, rows) of a CSV file in UTF-8 with every required column present. `rows`
    yields (line number, row) lazily, at most `limit` of them; a bad row raises when reached,
    so a caller reads a large file without holding all of its rows."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PolisExportError("encoding", "%(file)s is not UTF-8 text", file=name) from None
    if "\x00" in text:
        raise PolisExportError("malformed", "%(file)s is not a CSV file", file=name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    def malformed() -> PolisExportError:
        return PolisExportError(
            "malformed",
            "%(file)s is not a CSV file we can read (line %(line)s)",
            file=name,
            line=reader.line_num,
        )

    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error:
        raise malformed() from None
    missing = [c for c in required if c not in header]
    if missing:
        raise PolisExportError(
            "missing_columns",
            "%(file)s misses the columns %(columns)s",
            file=name,
            columns=", ".join(missing),
        )

    def rows():
        count = 0
        try:
            for row in reader:
                if not row:
                    continue
                count += 1
                if count > limit:
                    raise PolisExportError(
                        "too_many_rows",
                        "%(file)s has more than %(max)s rows",
                        file=name,
                        max=limit,
                    )
                yield reader.line_num, row
        except csv.Error:
            raise malformed() from None

    return header, rows()


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def read_polis_files(
    files: Mapping[str, bytes], *, limits: Mapping[str, int] | None = None
) -> dict[str, Any]:
    """Votes, statements and moderation from the files of a Pol.is export ({name: bytes}):
    comments.csv and votes.csv (sorted by time, so the last vote on a statement counts), or
    participants-votes.csv when votes.csv is absent. Returns {"votes": Votes,
    "statements": {id: text}, "moderation": {id: -1, 0 or 1}, "moderated_out": [ids],
    "polis_groups": {participant: group-id or None}, "summary": {key: value}}."""
    limit = _limits(limits)
    statements: dict[Any, str] = {}
    moderation: dict[Any, int] = {}
    if "comments.csv" in files:
        header, rows = _rows(
            files["comments.csv"], "comments.csv", COMMENT_COLUMNS, limit["statements"]
        )
        at = {c: header.index(c) for c in header}
        for line, row in rows:
            sid = _id(_cell(row, at["comment-id"]), "comments.csv", line, "comment-id")
            if sid in statements:
                raise PolisExportError(
                    "duplicate_id",
                    "%(file)s, line %(line)s: %(column)s %(id)s appears twice",
                    file="comments.csv",
                    line=line,
                    column="comment-id",
                    id=sid,
                )
            statements[sid] = _cell(row, at["comment-body"])
            moderated = _cell(row, at.get("moderated")).strip() or "0"
            moderation[sid] = max(-1, min(1, _whole(moderated, "comments.csv", line, "moderated")))
    known = statements if "comments.csv" in files else None

    def check_known(sid: Any, file: str, line: int) -> None:
        if known is not None and sid not in known:
            raise PolisExportError(
                "unknown_statement",
                "%(file)s, line %(line)s: a vote on comment-id %(id)s, which is not in "
                "comments.csv",
                file=file,
                line=line,
                id=sid,
            )

    polis_groups: dict[Any, int | None] = {}
    wide_votes: tuple[list, list, list] = ([], [], [])
    if "participants-votes.csv" in files:
        name = "participants-votes.csv"
        header, rows = _rows(files[name], name, WIDE_COLUMNS, limit["participants"])
        columns = []
        for i, h in enumerate(header):
            if i >= WIDE_FIRST_STATEMENT:
                sid = _id(h, name, 1, "comment-id")
                columns.append((i, sid))
                if "votes.csv" not in files:
                    check_known(sid, name, 1)
        p_at, g_at = header.index("participant"), header.index("group-id")
        for line, row in rows:
            pid = _id(_cell(row, p_at), name, line, "participant")
            if pid in polis_groups:
                raise PolisExportError(
                    "duplicate_id",
                    "%(file)s, line %(line)s: %(column)s %(id)s appears twice",
                    file=name,
                    line=line,
                    column="participant",
                    id=pid,
                )
            group = _cell(row, g_at).strip()
            polis_groups[pid] = _whole(group, name, line, "group-id") if group else None
            if "votes.csv" in files:
                continue
            for i, sid in columns:
                cell = _cell(row, i).strip()
                if cell:
                    wide_votes[0].append(pid)
                    wide_votes[1].append(sid)
                    wide_votes[2].append(_vote(cell, name, line))
            if len(wide_votes[0]) > limit["votes"]:
                raise PolisExportError(
                    "too_many_rows",
                    "%(file)s has more than %(max)s rows",
                    file=name,
                    max=limit["votes"],
                )
    if "votes.csv" in files:
        header, rows = _rows(files["votes.csv"], "votes.csv", VOTE_COLUMNS, limit["votes"])
        at = {c: header.index(c) for c in header}
        t_at = at.get("timestamp")
        parsed = []
        for line, row in rows:
            stamp = _cell(row, t_at).strip()
            sid = _id(_cell(row, at["comment-id"]), "votes.csv", line, "comment-id")
            check_known(sid, "votes.csv", line)
            parsed.append(
                (
                    _whole(stamp, "votes.csv", line, "timestamp") if stamp else 0,
                    line,
                    _id(_cell(row, at["voter-id"]), "votes.csv", line, "voter-id"),
                    sid,
                    _vote(_cell(row, at["vote"]), "votes.csv", line),
                )
            )
        parsed.sort(key=lambda r: (r[0], r[1]))
        collected = collect_votes(
            [r[2] for r in parsed], [r[3] for r in parsed], [r[4] for r in parsed]
        )
    elif "participants-votes.csv" in files:
        collected = collect_votes(*wide_votes)
    else:
        raise PolisExportError(
            "missing_file",
            "there is no votes.csv or participants-votes.csv",
            file="votes.csv",
        )
    summary: dict[str, str] = {}
    if "summary.csv" in files:
        data = files["summary.csv"].removeprefix(b"\xef\xbb\xbf")  # a byte order mark
        _header, rows = _rows(b"key,value\n" + data, "summary.csv", (), limit["summary_rows"])
        for _line, row in rows:
            if len(row) >= 2 and row[0].strip():
                summary.setdefault(row[0].strip(), row[1])
    return {
        "votes": collected,
        "statements": statements,
        "moderation": moderation,
        "moderated_out": [sid for sid, m in moderation.items() if m == -1],
        "polis_groups": polis_groups,
        "summary": summary,
    }


def _safe_entry(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or ":" in name:
        return False
    return ".." not in name.split("/")


def _read_bounded(handle: IO[bytes], limit: int) -> bytes | None:
    """At most `limit` bytes of `handle`; None when there are more."""
    chunks, size = [], 0
    while True:
        chunk = handle.read(min(1024 * 1024, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None


def _too_large(name: str, limit: int) -> PolisExportError:
    return PolisExportError(
        "too_large", "%(file)s is larger than %(max)s MB", file=name, max=max(limit // MB, 1)
    )


def read_polis_zip(
    source: IO[bytes] | str | Path, *, limits: Mapping[str, int] | None = None
) -> dict[str, bytes]:
    """The export files ({name: bytes}) in a zip, found by their name in any one folder of it.
    Entries with other names are not read. Refuses an entry whose path is absolute or leaves
    the folder, too many entries, the same file twice, and any file that unpacks past the
    limits (checked while unpacking, not only from the headers)."""
    limit = _limits(limits)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise PolisExportError("not_zip", "this is not a zip file") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > limit["zip_entries"]:
            raise PolisExportError(
                "zip_entries", "the zip holds more than %(max)s files", max=limit["zip_entries"]
            )
        wanted: dict[str, zipfile.ZipInfo] = {}
        for info in entries:
            if not _safe_entry(info.filename):
                raise PolisExportError(
                    "zip_unsafe",
                    "the zip holds a file name we do not accept: %(name)s",
                    name=info.filename[:80],
                )
            base = posixpath.basename(info.filename)
            if info.is_dir() or base not in FILES:
                continue
            if base in wanted:
                raise PolisExportError("zip_duplicate", "the zip holds %(file)s twice", file=base)
            wanted[base] = info
        files: dict[str, bytes] = {}
        total = 0
        for base, info in wanted.items():
            if info.flag_bits & 0x1:
                raise PolisExportError("damaged", "%(file)s in the zip is encrypted", file=base)
            if info.file_size > limit["file_bytes"]:
                raise _too_large(base, limit["file_bytes"])
            if info.file_size > MB and info.file_size > limit["ratio"] * max(info.compress_size, 1):
                raise _too_large(base, limit["file_bytes"])
            budget = min(limit["file_bytes"], limit["total_bytes"] - total)
            try:
                with archive.open(info) as handle:
                    data = _read_bounded(handle, budget)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
                raise PolisExportError(
                    "damaged", "%(file)s in the zip is damaged", file=base
                ) from None
            except Exception as error:  # zlib.error and other decompressor failures
                if type(error).__module__ in ("zlib", "bz2", "lzma", "_lzma", "_bz2"):
                    raise PolisExportError(
                        "damaged", "%(file)s in the zip is damaged", file=base
                    ) from None
                raise
            if data is None:
                raise _too_large(base, budget)
            total += len(data)
            files[base] = data
    return files


def read_folder(path: str | Path, *, limits: Mapping[str, int] | None = None) -> dict[str, bytes]:
    """The export files ({name: bytes}) of a folder, or of a .zip file."""
    limit = _limits(limits)
    source = Path(path)
    if source.is_file():
        return read_polis_zip(source, limits=limit)
    files = {}
    for name in FILES:
        file = source / name
        if file.is_file():
            if file.stat().st_size > limit["file_bytes"]:
                raise _too_large(name, limit["file_bytes"])
            files[name] = file.read_bytes()
    return files


def read_polis_export(
    path: str | Path, *, limits: Mapping[str, int] | None = None
) -> dict[str, Any]:
    """`read_polis_files` on a Pol.is export folder or zip file."""
    files = read_folder(path, limits=limits)
    if "votes.csv" not in files and "participants-votes.csv" not in files:
        raise FileNotFoundError(f"no votes.csv or participants-votes.csv in {path}")
    return read_polis_files(files, limits=limits)


def analyse_polis_export(
    path: str | Path, *, seed: int = 0, strict_moderation: bool = False
) -> dict[str, Any]:
    """`opinion_groups` on a Pol.is export folder, with the statements' text added. With
    `strict_moderation`, statements not yet checked (moderated 0) are left out too, as
    Constellate does with statements waiting for moderation."""
    export = read_polis_export(path)
    out = export["moderated_out"]
    if strict_moderation:
        out = [sid for sid, m in export["moderation"].items() if m != 1]
    result = opinion_groups(export["votes"], moderated_out=out, seed=seed)
    texts = export["statements"]
    for group in result["groups"]:
        for row in group["representative"]:
            row["text"] = texts.get(row["statement"], "")
    for rows in result["consensus"].values():
        for row in rows:
            row["text"] = texts.get(row["statement"], "")
    return result


# Writing -----------------------------------------------------------------------------------


def _csv(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _when(milliseconds: int) -> str:
    return datetime.fromtimestamp(milliseconds / 1000, UTC).strftime("%a %b %d %H:%M:%S UTC %Y")


def write_polis_files(
    *,
    statements: Sequence[Mapping[str, Any]],
    votes: Sequence[tuple[int, Any, Any, int]],
    groups: Mapping[Any, int | None],
    summary: Sequence[tuple[str, Any]],
) -> dict[str, bytes]:
    """The files of a Pol.is export ({name: bytes}).

    `statements`: dicts with id, text, moderated (1, 0, -1), timestamp (ms) and author (or
    ""); `votes`: (timestamp ms, statement id, voter id, vote), one per voter and statement,
    written in this order; `groups`: {voter id: group id or None}, in the order of the rows
    of participants-votes.csv; `summary`: the rows of summary.csv."""
    agrees: dict[Any, int] = {}
    disagrees: dict[Any, int] = {}
    per_voter: dict[Any, dict[Any, int]] = {voter: {} for voter in groups}
    for _stamp, sid, voter, value in votes:
        if value == 1:
            agrees[sid] = agrees.get(sid, 0) + 1
        elif value == -1:
            disagrees[sid] = disagrees.get(sid, 0) + 1
        per_voter.setdefault(voter, {})[sid] = value
    comments = _csv(
        (
            "timestamp",
            "datetime",
            "comment-id",
            "author-id",
            "agrees",
            "disagrees",
            "moderated",
            "comment-body",
        ),
        (
            (
                s["timestamp"],
                _when(s["timestamp"]),
                s["id"],
                s.get("author", ""),
                agrees.get(s["id"], 0),
                disagrees.get(s["id"], 0),
                s["moderated"],
                s["text"],
            )
            for s in statements
        ),
    )
    votes_csv = _csv(
        ("timestamp", "datetime", "comment-id", "voter-id", "vote"),
        ((t, _when(t), sid, voter, value) for t, sid, voter, value in votes),
    )
    ids = [s["id"] for s in statements]
    wide_rows = []
    for voter, row in per_voter.items():
        values = list(row.values())
        group = groups.get(voter)
        wide_rows.append(
            (
                voter,
                "" if group is None else group,
                0,
                len(values),
                values.count(1),
                values.count(-1),
                *(row.get(sid, "") for sid in ids),
            )
        )
    wide = _csv(
        ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", *ids),
        wide_rows,
    )
    return {
        "comments.csv": comments,
        "votes.csv": votes_csv,
        "participants-votes.csv": wide,
        "summary.csv": _csv(summary[0], summary[1:]) if summary else b"",
    }


def zip_files(files: Mapping[str, bytes], folder: str = "") -> bytes:
    """A zip of the files, in `folder` inside it when given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(posixpath.join(folder, name) if folder else name, data)
    return buffer.getvalue()


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m constellate.analysis.opinion",
        description="Opinion groups (as Pol.is computes them) of a Pol.is export, as JSON.",
    )
    parser.add_argument(
        "path",
        help="folder (or .zip) with comments.csv and votes.csv or participants-votes.csv",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--indent", type=int, default=None)
    parser.add_argument(
        "--strict-moderation",
        action="store_true",
        help="leave out statements not yet moderated (moderated 0), as Constellate does",
    )
    args = parser.parse_args(argv)
    try:
        result = analyse_polis_export(
            args.path, seed=args.seed, strict_moderation=args.strict_moderation
        )
    except (FileNotFoundError, KeyError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=False, indent=args.indent)
    sys.stdout.write("\n")
    return 0
