"""Exporting a conversation in the Pol.is export format (issue 6 point 7).

The zip holds comments.csv, votes.csv, participants-votes.csv (with the opinion group the
platform computes) and summary.csv, as Pol.is writes them, so that Pol.is tools and our own
reader (`python -m constellate.analysis.opinion conversation.zip`) read it.

Integrity (issue 6 point 6: who voted what is never shown or exported): the voter ids are
fresh numbers 0..n-1 given in a random order at every export, never a participant's or an
account's id, so two exports cannot be linked to each other or to anyone; times are cut to the
day; statements carry no author (author-id is empty, n-comments 0). Statement ids are their
place in the conversation (0, 1, ...). Moderation: accepted 1, waiting 0, rejected -1."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from constellate.analysis.opinion import opinion_groups
from constellate.analysis.polis_export import write_polis_files, zip_files
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Conversation, OpinionResult, Vote

MODERATED = {StatementStatus.ACCEPTED: 1, StatementStatus.PENDING: 0, StatementStatus.REJECTED: -1}


def _day_ms(moment: datetime) -> int:
    day = moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return int(day.timestamp()) * 1000


def polis_export_files(*, conversation: Conversation) -> dict[str, bytes]:
    """The files of the conversation's Pol.is export ({name: bytes})."""
    statements = list(
        conversation.statements.order_by("created_at", "pk").values(
            "pk", "text", "status", "created_at"
        )
    )
    number = {s["pk"]: i for i, s in enumerate(statements)}
    rows = list(
        Vote.objects.filter(conversation=conversation).values_list(
            "participant_id", "statement_id", "value", "updated_at"
        )
    )
    voters = sorted({r[0] for r in rows})
    secrets.SystemRandom().shuffle(voters)
    fresh = {pk: i for i, pk in enumerate(voters)}
    # The groups as the platform computes them (the same call as the background task).
    previous = (
        OpinionResult.objects.filter(conversation=conversation)
        .order_by("-computed_at", "-pk")
        .values_list("state", flat=True)
        .first()
    )
    result = opinion_groups(
        {
            "participant": [r[0] for r in rows],
            "statement": [r[1] for r in rows],
            "vote": [r[2] for r in rows],
        },
        moderated_out=[s["pk"] for s in statements if s["status"] != StatementStatus.ACCEPTED],
        previous=previous or None,
    )
    group_of = {p["id"]: p["group"] for p in result["participants"]}
    votes = sorted(
        (_day_ms(when), number[sid], fresh[pid], value) for pid, sid, value, when in rows
    )
    # participants-votes.csv lists the voters by their new number
    groups = {fresh[pk]: group_of.get(pk) for pk in sorted(voters, key=fresh.__getitem__)}
    n_groups = len({g for g in group_of.values() if g is not None})
    activity = conversation.activity
    summary = [
        ("topic", conversation.topic or activity.title),
        ("url", ""),
        ("voters", len(voters)),
        ("voters-in-conv", len(voters)),
        ("commenters", 0),
        ("comments", len(statements)),
        ("groups", n_groups),
        ("conversation-description", conversation.description),
    ]
    if conversation.source:
        summary.append(("attribution", conversation.source))
    return write_polis_files(
        statements=[
            {
                "id": number[s["pk"]],
                "text": s["text"],
                "moderated": MODERATED.get(s["status"], 0),
                "timestamp": _day_ms(s["created_at"]),
                "author": "",
            }
            for s in statements
        ],
        votes=votes,
        groups=groups,
        summary=summary,
    )


def polis_export_zip(*, conversation: Conversation) -> bytes:
    return zip_files(polis_export_files(conversation=conversation))
