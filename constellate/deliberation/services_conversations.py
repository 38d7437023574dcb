"""Writes of conversations: settings, statements (the team's and the participants', with
moderation and a rate limit), votes (one per participant per statement, correct under
concurrent requests) and the recomputation of the opinion groups in a background task,
queued at most once while one is pending."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from constellate.accounts.models import Participant, User
from constellate.analysis.opinion import opinion_groups
from constellate.deliberation.choices import StatementStatus, VoteValue
from constellate.deliberation.limits import activity_takes_input, hourly_limit_check
from constellate.deliberation.models import Conversation, OpinionResult, Statement, Vote
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity

logger = logging.getLogger(__name__)

STATEMENT_MAX = 280
# A queued recomputation older than this is taken as lost (a worker stopped) and queued again.
STALE_QUEUED = timedelta(minutes=15)
RESULTS_KEPT = 5


def statements_per_hour() -> int:
    """How many statements one participant may add per hour."""
    return int(getattr(settings, "CONVERSATION_STATEMENTS_PER_HOUR", 5))


def conversation_statements_per_hour() -> int:
    """How many statements all participants together may add to one conversation per hour,
    so that someone making new pseudonyms cannot flood it either."""
    return int(getattr(settings, "CONVERSATION_STATEMENTS_PER_HOUR_TOTAL", 100))


def _require(actor: Any, perm: str, obj: Any) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied


def conversation_ensure(*, activity: Activity) -> Conversation:
    """The conversation of an activity of the kind "conversation" (made on first use)."""
    if activity.kind != ActivityKind.CONVERSATION:
        raise ValidationError(_("This activity is not a conversation."))
    conversation = getattr(activity, "_conversation_cache", None)
    if conversation is None:
        conversation, _created = Conversation.objects.get_or_create(activity=activity)
        activity._conversation_cache = conversation  # type: ignore[attr-defined]
    return conversation


def conversation_is_open(conversation: Conversation) -> bool:
    """Votes and statements are taken while the link is open and the activity not over."""
    return activity_takes_input(conversation.activity)


def _clean_text(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError({"text": [_("Write a statement.")]})
    if "\x00" in text:
        raise ValidationError({"text": [_("This text contains a character we cannot store.")]})
    if len(text) > STATEMENT_MAX:
        raise ValidationError(
            {
                "text": [
                    _("Keep a statement under %(max)d characters, so everyone reads it quickly.")
                    % {"max": STATEMENT_MAX}
                ]
            }
        )
    return text


@transaction.atomic
def conversation_settings_set(
    *,
    conversation: Conversation,
    actor: User,
    topic: str,
    description: str,
    participants_can_add: bool,
    moderated: bool,
) -> Conversation:
    _require(actor, "deliberation.run_conversation", conversation.activity)
    conversation.topic = " ".join((topic or "").split())
    conversation.description = (description or "").strip()
    conversation.participants_can_add = participants_can_add
    conversation.moderated = moderated
    conversation.full_clean(exclude=["activity", "recompute_queued_at"])
    conversation.save()
    return conversation


@transaction.atomic
def statement_add_by_team(*, conversation: Conversation, actor: User, text: str) -> Statement:
    """A statement of the team: seeds the conversation, shown at once."""
    _require(actor, "deliberation.run_conversation", conversation.activity)
    text = _clean_text(text)
    if conversation.statements.filter(text__iexact=text).exists():
        raise ValidationError({"text": [_("This statement is already in the conversation.")]})
    return Statement.objects.create(
        conversation=conversation,
        text=text,
        author_user=actor,
        status=StatementStatus.ACCEPTED,
    )


@transaction.atomic
def statement_submit(
    *, conversation: Conversation, participant: Participant, text: str
) -> Statement:
    """A participant adds a statement: waiting for moderation when the conversation is
    moderated, else shown at once. At most `statements_per_hour()` per participant and
    `conversation_statements_per_hour()` per conversation."""
    if not conversation.participants_can_add:
        raise ValidationError(_("In this conversation only the team adds statements."))
    if not conversation_is_open(conversation):
        raise ValidationError(_("This conversation is closed."))
    text = _clean_text(text)
    hourly_limit_check(
        participant=participant,
        own=Statement.objects.filter(author_participant=participant),
        everyone=Statement.objects.filter(
            conversation=conversation, author_participant__isnull=False
        ),
        own_max=statements_per_hour(),
        everyone_max=conversation_statements_per_hour(),
        own_message=_("You added many statements in the last hour. Please try again later."),
        everyone_message=_("Many statements came in during the last hour. Please try again later."),
    )
    if conversation.statements.filter(text__iexact=text).exists():
        raise ValidationError({"text": [_("This statement is already in the conversation.")]})
    return Statement.objects.create(
        conversation=conversation,
        text=text,
        author_participant=participant,
        status=StatementStatus.PENDING if conversation.moderated else StatementStatus.ACCEPTED,
    )


@transaction.atomic
def statement_moderate(*, statement: Statement, actor: User, status: str) -> Statement:
    """Accept or reject a statement (also one accepted before: it then leaves the
    conversation and the opinion groups)."""
    conversation = statement.conversation
    _require(actor, "deliberation.run_conversation", conversation.activity)
    if status not in (StatementStatus.ACCEPTED, StatementStatus.REJECTED):
        raise ValidationError(_("Choose accept or reject."))
    changed = statement.status != status
    statement.status = status
    statement.moderated_by = actor
    statement.moderated_at = timezone.now()
    statement.save(update_fields=["status", "moderated_by", "moderated_at"])
    if changed and statement.votes.exists():
        opinion_recompute_request(conversation=conversation)
    return statement


def vote_cast(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """The participant's vote on a statement; voting again changes it. One row per
    participant and statement, guaranteed by the database: when two requests race, the loser
    of the insert updates the winner's row."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        value = 99
    if value not in VoteValue.values:
        raise ValidationError(_("Choose agree, disagree or pass."))
    conversation = statement.conversation
    if statement.status != StatementStatus.ACCEPTED:
        raise ValidationError(_("This statement is not open for votes."))
    if not conversation_is_open(conversation):
        raise ValidationError(_("This conversation is closed."))
    for _attempt in range(3):
        try:
            with transaction.atomic():
                vote, _created = Vote.objects.update_or_create(
                    participant=participant,
                    statement=statement,
                    defaults={"value": value},
                    create_defaults={"value": value, "conversation": conversation},
                )
        except IntegrityError:
            # Another request inserted the same (participant, statement) first: try again,
            # now finding its row and updating it.
            continue
        opinion_recompute_request(conversation=conversation)
        return vote
    raise ValidationError(_("Something went wrong. Please try again."))  # pragma: no cover


# Recomputation ------------------------------------------------------------------------------


def opinion_recompute_request(*, conversation: Conversation) -> bool:
    """Queue a recomputation unless one is already queued (debounced). Runs after the
    surrounding transaction commits. True when this call queued one."""
    now = timezone.now()
    claimed = (
        Conversation.objects.filter(pk=conversation.pk)
        .filter(Q(recompute_queued_at__isnull=True) | Q(recompute_queued_at__lt=now - STALE_QUEUED))
        .update(recompute_queued_at=now)
    )
    if claimed:
        pk = conversation.pk
        transaction.on_commit(lambda: opinion_compute.enqueue(pk))
    return bool(claimed)


def _vote_rows(conversation_id: int):
    return Vote.objects.filter(conversation_id=conversation_id).values_list(
        "participant_id", "statement_id", "value"
    )


def opinion_compute_now(*, conversation: Conversation) -> OpinionResult:
    """Compute the opinion groups from all votes and store the result (aggregates only)."""
    # From here on new votes queue the next computation.
    Conversation.objects.filter(pk=conversation.pk).update(recompute_queued_at=None)
    rows = list(_vote_rows(conversation.pk).order_by("pk"))
    rejected = list(
        conversation.statements.exclude(status=StatementStatus.ACCEPTED).values_list(
            "pk", flat=True
        )
    )
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
        moderated_out=rejected,
        previous=previous or None,
    )
    group_of = {p["id"]: p["group"] for p in result.pop("participants")}
    result["votes_by_group"] = _votes_by_group(rows, group_of, rejected)
    with transaction.atomic():
        stored = OpinionResult.objects.create(
            conversation=conversation,
            computed_at=timezone.now(),
            votes_count=len(rows),
            participants_count=len(group_of),
            result=result,
            state=result.get("state") or {},
        )
        old = OpinionResult.objects.filter(conversation=conversation).order_by(
            "-computed_at", "-pk"
        )[RESULTS_KEPT:]
        OpinionResult.objects.filter(pk__in=[r.pk for r in old]).delete()
    return stored


def _votes_by_group(rows, group_of, rejected) -> dict[str, Any]:
    """Per group (and "all"), per statement: [agree, disagree, pass] counts. Aggregates only."""
    out: dict[str, dict[str, list[int]]] = {"all": {}}
    skip = set(rejected)
    column = {1: 0, -1: 1, 0: 2}
    for participant, statement, value in rows:
        if statement in skip:
            continue
        keys = ["all"]
        group = group_of.get(participant)
        if group is not None:
            keys.append(str(group))
        for key in keys:
            counts = out.setdefault(key, {}).setdefault(str(statement), [0, 0, 0])
            counts[column[value]] += 1
    return out


@task()
def opinion_compute(conversation_id: int) -> dict[str, Any]:
    """Background task: recompute one conversation's opinion groups."""
    conversation = Conversation.objects.filter(pk=conversation_id).first()
    if conversation is None:
        return {"status": "gone"}
    try:
        stored = opinion_compute_now(conversation=conversation)
    except Exception:
        logger.exception("opinion groups failed", extra={"conversation": conversation_id})
        raise
    return {"status": "done", "votes": stored.votes_count, "groups": len(stored.result["groups"])}
