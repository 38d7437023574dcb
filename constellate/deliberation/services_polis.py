"""Importing a Pol.is export into a conversation (issue 6 point 7).

The export is read by `analysis.polis_export` (the same reader as the command line), which
treats it as hostile: sizes, zip entries and rows are limited, a zip is unpacked only up to the
limits whatever its headers claim, and bad CSV, missing columns, duplicate ids and votes on
unknown statements are refused. Here its refusals become translated messages, and the import
happens in one transaction: a refused export leaves nothing behind.

What an import makes: the statements with their text and moderation state (Pol.is moderated
1 accepted, -1 rejected, 0 waiting for moderation), one new pseudonymous participant per voter
(a random pseudonym and a secret nobody holds: no personal data, no link to Pol.is ids), their
votes (the last vote on a statement counts), and the source and licence on the conversation.
The opinion groups are then computed by the usual background task."""

from __future__ import annotations

import io
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import Participant, User, new_token, token_hash
from constellate.accounts.services import PSEUDONYM_ALPHABET
from constellate.analysis.polis_export import (
    FILES,
    LIMITS,
    PolisExportError,
    read_polis_files,
    read_polis_zip,
)
from constellate.core.services import audit_record
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Conversation, Statement, Vote
from constellate.deliberation.services_conversations import opinion_recompute_request

IMPORTED_STATEMENT_MAX = 1000
SOURCE_MAX = 500
BATCH = 5000
VOTE_ROWS_PER_INSERT = 500  # 3,000 parameters: within what SQLite and PostgreSQL take
# Tighter than the reader's own limits: an import runs within one web request.
IMPORT_LIMITS = {
    "zip_bytes": 30 * 1024 * 1024,
    "file_bytes": 60 * 1024 * 1024,
    "total_bytes": 120 * 1024 * 1024,
    "statements": 5000,
    "votes": 1_000_000,
    "participants": 100_000,
}
MODERATION = {
    1: StatementStatus.ACCEPTED,
    0: StatementStatus.PENDING,
    -1: StatementStatus.REJECTED,
}


def import_limits() -> dict[str, int]:
    """The reader's limits for an import: defaults, then settings.POLIS_IMPORT_LIMITS."""
    limits = {**LIMITS, **IMPORT_LIMITS}
    limits.update(getattr(settings, "POLIS_IMPORT_LIMITS", None) or {})
    return limits


def polis_message(error: PolisExportError) -> str:
    """The reader's refusal, translated."""
    p = dict(error.params)
    if "max" in p and error.code == "too_large":
        p["max"] = filesizeformat(p["max"] * 1024 * 1024)
    messages = {
        "not_zip": _(
            "This file is not a Pol.is export. Send the zip file that Pol.is gives you, or its "
            "files comments.csv and votes.csv."
        ),
        "zip_entries": _(
            "This zip file holds more than %(max)s files. A Pol.is export holds a few."
        ),
        "zip_unsafe": _("This zip file holds a file name we do not accept: %(name)s."),
        "zip_duplicate": _("This zip file holds %(file)s twice."),
        "damaged": _("%(file)s in the zip file is damaged or locked. Please export it again."),
        "too_large": _("%(file)s is too large: it can be at most %(max)s."),
        "encoding": _("%(file)s is not saved as UTF-8 text. Please export it again."),
        "malformed": _("%(file)s is not a CSV file we can read."),
        "missing_columns": _("%(file)s misses the columns %(columns)s."),
        "missing_value": _("%(file)s, line %(line)s: %(column)s is empty."),
        "not_a_number": _("%(file)s, line %(line)s: %(column)s must be a whole number."),
        "bad_vote": _(
            "%(file)s, line %(line)s: a vote must be 1 (agree), -1 (disagree) or 0 (pass)."
        ),
        "duplicate_id": _("%(file)s, line %(line)s: %(column)s %(id)s appears twice."),
        "unknown_statement": _(
            "%(file)s, line %(line)s: a vote on statement %(id)s, which is not in comments.csv."
        ),
        "too_many_rows": _("%(file)s has more than %(max)s rows. This is too large to import."),
        "missing_file": _("The export misses %(file)s."),
    }
    template = messages.get(error.code)
    if template is None:  # pragma: no cover - every code of the reader is above
        return _("This file is not a Pol.is export we can read.")
    return template % p


def _refuse(error: PolisExportError) -> ValidationError:
    return ValidationError(polis_message(error), code=error.code)


def _bounded(upload: Any, limit: int) -> bytes | None:
    handle = getattr(upload, "file", upload)
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        return None
    handle.seek(0)
    data = handle.read(limit + 1)
    return None if len(data) > limit else data


def polis_files_from_uploads(uploads: Iterable[Any]) -> dict[str, bytes]:
    """The export's files from uploaded files: one zip file, or the CSV files by their names
    (comments.csv, votes.csv, participants-votes.csv, summary.csv). Nothing the browser says
    is trusted but the file name, which only picks the role of a CSV file."""
    limits = import_limits()
    uploads = list(uploads)
    if not uploads:
        raise ValidationError(_("Choose the zip file of a Pol.is export, or its CSV files."))
    try:
        if len(uploads) == 1:
            head = _bounded(uploads[0], limits["zip_bytes"])
            if head is None:
                raise PolisExportError(
                    "too_large",
                    "",
                    file=_name(uploads[0]) or "zip",
                    max=limits["zip_bytes"] // 2**20,
                )
            if head[:4] == b"PK\x03\x04" or head[:4] == b"PK\x05\x06":
                return read_polis_zip(io.BytesIO(head), limits=limits)
        files: dict[str, bytes] = {}
        total = 0
        for upload in uploads:
            name = _name(upload)
            if name not in FILES:
                raise ValidationError(
                    _(
                        "We do not know the file %(name)s. Send the zip file of a Pol.is export, "
                        "or its files comments.csv, votes.csv, participants-votes.csv and "
                        "summary.csv."
                    )
                    % {"name": name[:80] or "?"}
                )
            if name in files:
                raise ValidationError(_("You sent %(file)s twice.") % {"file": name})
            data = _bounded(upload, limits["file_bytes"])
            if data is None:
                raise PolisExportError(
                    "too_large", "", file=name, max=limits["file_bytes"] // 2**20
                )
            total += len(data)
            if total > limits["total_bytes"]:
                raise PolisExportError(
                    "too_large", "", file=name, max=limits["total_bytes"] // 2**20
                )
            files[name] = data
        return files
    except PolisExportError as error:
        raise _refuse(error) from None


def _name(upload: Any) -> str:
    name = str(getattr(upload, "name", "") or "")
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip().lower()


def _source_from(summary: Mapping[str, str]) -> str:
    topic = " ".join((summary.get("topic") or "").split())[:200]
    url = " ".join((summary.get("url") or "").split())[:200]
    given = " ".join((summary.get("attribution") or "").split())
    if given:
        return given
    if topic and url:
        return _("Pol.is conversation “%(topic)s” (%(url)s)") % {"topic": topic, "url": url}
    if topic or url:
        return _("Pol.is conversation “%(topic)s”") % {"topic": topic or url}
    return ""


def _text(raw: str, sid: Any) -> str:
    text = (raw or "").strip()
    if not text:
        raise ValidationError(
            _("comments.csv: statement %(id)s has no text.") % {"id": sid}, code="empty_text"
        )
    if len(text) > IMPORTED_STATEMENT_MAX:
        raise ValidationError(
            _("comments.csv: statement %(id)s is longer than %(max)s characters.")
            % {"id": sid, "max": IMPORTED_STATEMENT_MAX},
            code="long_text",
        )
    return text


def _sort_key(sid: Any) -> tuple[str, Any]:
    return (type(sid).__name__, sid)


def _insert_votes(conversation_id: int, rows: Iterable[tuple[int, int, int]]) -> None:
    """Insert (statement, participant, value) votes: on PostgreSQL as arrays unnested in one
    INSERT, elsewhere 500 rows per INSERT. Django's bulk_create spends most of an import
    building model instances (the 49,000 votes of vTaiwan: 7 s against about 1 s this way).
    Table and column names come from the model, the values go as parameters. The rows are already checked (one per
    participant and statement, values -1, 0 or 1); the database's constraints still hold."""
    meta = Vote._meta
    quote = connection.ops.quote_name
    names = ("conversation", "statement", "participant", "value", "created_at", "updated_at")
    columns = ", ".join(quote(meta.get_field(name).column) for name in names)
    table = quote(meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = list(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Three arrays per statement: a handful of parameters, however many votes.
            sql = (
                f"INSERT INTO {table} ({columns}) "  # noqa: S608 - names from the model
                "SELECT %s, unnest(%s::bigint[]), unnest(%s::bigint[]), "
                "unnest(%s::smallint[]), %s, %s"
            )
            for start in range(0, len(rows), 100 * BATCH):
                part = rows[start : start + 100 * BATCH]
                cursor.execute(
                    sql,
                    [
                        conversation_id,
                        [r[0] for r in part],
                        [r[1] for r in part],
                        [r[2] for r in part],
                        now,
                        now,
                    ],
                )
            return
        row = "(" + ", ".join(["%s"] * len(names)) + ")"
        for start in range(0, len(rows), VOTE_ROWS_PER_INSERT):
            part = rows[start : start + VOTE_ROWS_PER_INSERT]
            values = ", ".join([row] * len(part))
            sql = f"INSERT INTO {table} ({columns}) VALUES {values}"  # noqa: S608
            cursor.execute(
                sql, [x for s_, p_, v in part for x in (conversation_id, s_, p_, v, now, now)]
            )


@transaction.atomic
def polis_import(
    *, conversation: Conversation, actor: User, files: Mapping[str, bytes], source: str = ""
) -> dict[str, int]:
    """Import a Pol.is export ({file name: bytes}) into an empty conversation. `source` says
    where it comes from and under which licence; when empty it is taken from summary.csv.
    Returns how many statements, participants and votes were imported."""
    activity = conversation.activity
    if actor is None or not actor.has_perm("deliberation.run_conversation", activity):
        raise PermissionDenied
    # Lock the conversation, so that two imports at once cannot both find it empty.
    Conversation.objects.select_for_update().filter(pk=conversation.pk).first()
    if conversation.statements.exists():
        raise ValidationError(
            _("This conversation already has statements. Import into a new conversation."),
            code="not_empty",
        )
    if "comments.csv" not in files:
        raise _refuse(PolisExportError("missing_file", "", file="comments.csv"))
    if "votes.csv" not in files and "participants-votes.csv" not in files:
        raise _refuse(PolisExportError("missing_file", "", file="votes.csv"))
    try:
        export = read_polis_files(files, limits=import_limits())
    except PolisExportError as error:
        raise _refuse(error) from None
    if not export["statements"]:
        raise ValidationError(_("comments.csv holds no statements."), code="no_statements")
    source = " ".join((source or "").split()) or _source_from(export["summary"])
    if not source:
        message = _(
            "Say where this conversation comes from and under which licence, "
            "e.g. “CC BY 4.0, Pol.is conversation on the city budget”."
        )
        raise ValidationError({"source": [ValidationError(message, code="no_source")]})
    if len(source) > SOURCE_MAX or "\x00" in source:
        raise ValidationError(
            {"source": [_("Keep this under %(max)s characters.") % {"max": SOURCE_MAX}]}
        )
    texts = {sid: _text(text, sid) for sid, text in export["statements"].items()}

    made = Statement.objects.bulk_create(
        [
            Statement(
                conversation=conversation,
                text=texts[sid],
                status=MODERATION[export["moderation"].get(sid, 1)],
            )
            for sid in sorted(texts, key=_sort_key)
        ],
        batch_size=BATCH,
    )
    statement_pk = {sid: s.pk for sid, s in zip(sorted(texts, key=_sort_key), made, strict=True)}
    votes = export["votes"]
    people = Participant.objects.bulk_create(
        [
            Participant(
                pseudonym="#" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _ in range(5)),
                secret_hash=token_hash(new_token()),
                joined_via=activity,
            )
            for _ in range(len(votes.participants))
        ],
        batch_size=BATCH,
    )
    person_pk = [p.pk for p in people]
    column_pk = [statement_pk[s.item() if hasattr(s, "item") else s] for s in votes.statements]
    values = votes.values.tolist()
    _insert_votes(
        conversation.pk,
        (
            (column_pk[c], person_pk[r], v)
            for r, c, v in zip(votes.rows.tolist(), votes.cols.tolist(), values, strict=True)
        ),
    )
    summary = export["summary"]
    conversation.source = source
    conversation.imported_at = timezone.now()
    if not conversation.topic and summary.get("topic"):
        conversation.topic = " ".join(summary["topic"].split())[:300]
    if not conversation.description and summary.get("conversation-description"):
        conversation.description = summary["conversation-description"].strip()[:3000]
    conversation.save(update_fields=["source", "imported_at", "topic", "description", "updated_at"])
    counts = {"statements": len(made), "participants": len(people), "votes": len(values)}
    audit_record(
        actor=actor,
        action="conversation_imported",
        obj=conversation,
        organisation_id=activity.initiative.organisation_id,
        detail=counts,
    )
    if values:
        opinion_recompute_request(conversation=conversation)
    return counts
