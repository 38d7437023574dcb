"""Writes of idea rounds: settings, ideas (proposed through the link, with moderation and a
rate limit as in conversations, or entered by the team for someone), comments, supports (one
per participant per idea, correct under concurrent requests), the team's official response,
and merging duplicates with their supporters kept.

The idea keeps its number of supports and comments (`support_count`, `comment_count`):
every write that adds or removes a support or a comment changes the number in the same
transaction, and merging and erasure count again from the rows (`idea_counts_refresh`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import Participant, User
from constellate.deliberation.choices import IdeaChannel, IdeaModeration, IdeaStatus
from constellate.deliberation.limits import activity_takes_input, hourly_limit_check
from constellate.deliberation.models import Idea, IdeaComment, IdeaRound, IdeaSupport
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity
from constellate.initiatives.services import initiative_touch

TITLE_MAX = 150
DESCRIPTION_MAX = 3000
COMMENT_MAX = 1000
RESPONSE_MAX = 3000
# The statuses a response may give; "merged" comes only from merging.
RESPONSE_STATUSES = (
    IdeaStatus.NEW,
    IdeaStatus.CONSIDERING,
    IdeaStatus.TAKEN_UP,
    IdeaStatus.NOT_TAKEN_UP,
)


def ideas_per_hour() -> int:
    """How many ideas one participant may propose per hour."""
    return int(getattr(settings, "IDEAS_PER_HOUR", 5))


def round_ideas_per_hour() -> int:
    """How many ideas all participants together may propose in one round per hour."""
    return int(getattr(settings, "IDEAS_PER_HOUR_TOTAL", 100))


def comments_per_hour() -> int:
    return int(getattr(settings, "IDEA_COMMENTS_PER_HOUR", 20))


def round_comments_per_hour() -> int:
    return int(getattr(settings, "IDEA_COMMENTS_PER_HOUR_TOTAL", 300))


def _require(actor: Any, perm: str, obj: Any) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied


def idea_round_ensure(*, activity: Activity) -> IdeaRound:
    """The idea round of an activity of the kind "idea round" (made on first use)."""
    if activity.kind != ActivityKind.IDEA_ROUND:
        raise ValidationError(_("This activity is not an idea round."))
    idea_round = getattr(activity, "_idea_round_cache", None)
    if idea_round is None:
        idea_round, _created = IdeaRound.objects.get_or_create(activity=activity)
        activity._idea_round_cache = idea_round  # type: ignore[attr-defined]
    return idea_round


def idea_round_is_open(idea_round: IdeaRound) -> bool:
    """Ideas, comments and supports are taken while the link is open and the activity not over."""
    return activity_takes_input(idea_round.activity)


def _clean(value: str, *, field: str, max_length: int, empty: str, too_long: str) -> str:
    value = (value or "").strip()
    if field == "title":
        value = " ".join(value.split())
    if not value:
        raise ValidationError({field: [empty]})
    if "\x00" in value:
        raise ValidationError({field: [_("This text contains a character we cannot store.")]})
    if len(value) > max_length:
        raise ValidationError({field: [too_long % {"max": max_length}]})
    return value


def _clean_idea(title: str, description: str) -> tuple[str, str]:
    errors: dict[str, list[str]] = {}
    cleaned = {}
    for field, value, max_length, empty, too_long in (
        (
            "title",
            title,
            TITLE_MAX,
            _("Give your idea a title."),
            _("Keep the title under %(max)d characters."),
        ),
        (
            "description",
            description,
            DESCRIPTION_MAX,
            _("Describe your idea."),
            _("Keep the description under %(max)d characters."),
        ),
    ):
        try:
            cleaned[field] = _clean(
                value, field=field, max_length=max_length, empty=empty, too_long=too_long
            )
        except ValidationError as exc:
            errors.update({k: list(v) for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    return cleaned["title"], cleaned["description"]


def _touch(idea_round: IdeaRound) -> None:
    # The public initiative page shows the published ideas and is cached on the initiative.
    initiative_touch(idea_round.activity.initiative_id)


@transaction.atomic
def idea_round_settings_set(
    *, idea_round: IdeaRound, actor: User, question: str, description: str, moderated: bool
) -> IdeaRound:
    _require(actor, "deliberation.run_idea_round", idea_round.activity)
    idea_round.question = " ".join((question or "").split())
    idea_round.description = (description or "").strip()
    idea_round.moderated = moderated
    idea_round.full_clean(exclude=["activity"])
    idea_round.save()
    return idea_round


@transaction.atomic
def idea_propose(
    *, idea_round: IdeaRound, participant: Participant, title: str, description: str
) -> Idea:
    """A participant proposes an idea: waiting for moderation when the round is moderated,
    else shown at once. At most `ideas_per_hour()` per participant and
    `round_ideas_per_hour()` per round."""
    if not idea_round_is_open(idea_round):
        raise ValidationError(_("This idea round is closed."))
    title, description = _clean_idea(title, description)
    hourly_limit_check(
        participant=participant,
        own=Idea.objects.filter(author_participant=participant),
        everyone=Idea.objects.filter(idea_round=idea_round, author_participant__isnull=False),
        own_max=ideas_per_hour(),
        everyone_max=round_ideas_per_hour(),
        own_message=_("You proposed many ideas in the last hour. Please try again later."),
        everyone_message=_("Many ideas came in during the last hour. Please try again later."),
    )
    if idea_round.ideas.filter(title__iexact=title, author_participant=participant).exists():
        raise ValidationError({"title": [_("You already proposed an idea with this title.")]})
    idea = Idea.objects.create(
        idea_round=idea_round,
        title=title,
        description=description,
        author_participant=participant,
        channel=IdeaChannel.LINK,
        moderation=IdeaModeration.PENDING if idea_round.moderated else IdeaModeration.PUBLISHED,
    )
    if idea.moderation == IdeaModeration.PUBLISHED:
        _touch(idea_round)
    return idea


@transaction.atomic
def idea_add_for_someone(
    *, idea_round: IdeaRound, actor: User, title: str, description: str, channel: str
) -> Idea:
    """The team enters an idea someone gave on paper, by phone or at a meeting. It is shown at
    once, with the same weight as any other; no name of the person is kept."""
    _require(actor, "deliberation.run_idea_round", idea_round.activity)
    if channel not in (IdeaChannel.PAPER, IdeaChannel.PHONE, IdeaChannel.MEETING):
        raise ValidationError({"channel": [_("Choose how the idea came in.")]})
    title, description = _clean_idea(title, description)
    idea = Idea.objects.create(
        idea_round=idea_round,
        title=title,
        description=description,
        author_user=actor,
        channel=channel,
        moderation=IdeaModeration.PUBLISHED,
        moderated_by=actor,
        moderated_at=timezone.now(),
    )
    _touch(idea_round)
    return idea


@transaction.atomic
def idea_moderate(*, idea: Idea, actor: User, moderation: str) -> Idea:
    """Publish or reject an idea (also one published before: it then leaves the list)."""
    _require(actor, "deliberation.run_idea_round", idea.idea_round.activity)
    if moderation not in (IdeaModeration.PUBLISHED, IdeaModeration.REJECTED):
        raise ValidationError(_("Choose publish or reject."))
    idea.moderation = moderation
    idea.moderated_by = actor
    idea.moderated_at = timezone.now()
    idea.save(update_fields=["moderation", "moderated_by", "moderated_at", "updated_at"])
    _touch(idea.idea_round)
    return idea


def _clean_comment(text: str) -> str:
    return _clean(
        text,
        field="text",
        max_length=COMMENT_MAX,
        empty=_("Write a comment."),
        too_long=_("Keep a comment under %(max)d characters."),
    )


def _require_open_idea(idea: Idea, message: str) -> None:
    if idea.moderation != IdeaModeration.PUBLISHED:
        raise ValidationError(_("This idea is not published."))
    if idea.status == IdeaStatus.MERGED:
        raise ValidationError(message)
    if not idea_round_is_open(idea.idea_round):
        raise ValidationError(_("This idea round is closed."))


@transaction.atomic
def idea_comment_add(
    *,
    idea: Idea,
    text: str,
    participant: Participant | None = None,
    actor: User | None = None,
) -> IdeaComment:
    """A comment on a published idea, by a participant (rate limited) or by the team."""
    if participant is None:
        _require(actor, "deliberation.run_idea_round", idea.idea_round.activity)
    _require_open_idea(idea, _("This idea was merged into another one. Comment there."))
    text = _clean_comment(text)
    if participant is not None:
        hourly_limit_check(
            participant=participant,
            own=IdeaComment.objects.filter(author_participant=participant),
            everyone=IdeaComment.objects.filter(
                idea__idea_round_id=idea.idea_round_id, author_participant__isnull=False
            ),
            own_max=comments_per_hour(),
            everyone_max=round_comments_per_hour(),
            own_message=_("You wrote many comments in the last hour. Please try again later."),
            everyone_message=_(
                "Many comments came in during the last hour. Please try again later."
            ),
        )
    comment = IdeaComment.objects.create(
        idea=idea,
        text=text,
        author_participant=participant,
        author_user=actor if participant is None else None,
    )
    Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
    return comment


@transaction.atomic
def idea_comment_hide(*, comment: IdeaComment, actor: User) -> IdeaComment:
    """The team removes a comment from view (kept for the person's own export)."""
    _require(actor, "deliberation.run_idea_round", comment.idea.idea_round.activity)
    if not comment.hidden:
        comment.hidden = True
        comment.save(update_fields=["hidden"])
        Idea.objects.filter(pk=comment.idea_id).update(comment_count=F("comment_count") - 1)
    return comment


def _locked(idea: Idea) -> Idea:
    """The idea's row, locked until the transaction ends (PostgreSQL; SQLite writes one at a
    time anyway), read again so its status is the current one."""
    # of=("self",): only the idea's row. Without it PostgreSQL also locks the joined round and
    # activity rows, and supports of two ideas racing a merge deadlock on them.
    return (
        Idea.objects.select_for_update(of=("self",))
        .select_related("idea_round__activity")
        .get(pk=idea.pk)
    )


def idea_support(*, idea: Idea, participant: Participant) -> bool:
    """The participant supports the idea; supporting again changes nothing. One row per
    participant and idea, guaranteed by the database: when two requests race, the loser's
    insert fails and it counts nothing. True when this call added the support."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                current = _locked(idea)
                _require_open_idea(
                    current, _("This idea was merged into another one. Support that one.")
                )
                if IdeaSupport.objects.filter(idea=current, participant=participant).exists():
                    return False
                with transaction.atomic():
                    IdeaSupport.objects.create(idea=current, participant=participant)
                Idea.objects.filter(pk=current.pk).update(support_count=F("support_count") + 1)
                return True
        except IntegrityError:
            # Another request inserted the same support first: look again.
            continue
    raise ValidationError(_("Something went wrong. Please try again."))  # pragma: no cover


@transaction.atomic
def idea_support_withdraw(*, idea: Idea, participant: Participant) -> bool:
    """The participant withdraws their support. True when there was one."""
    current = _locked(idea)
    deleted = IdeaSupport.objects.filter(idea=current, participant=participant).delete()[0]
    if deleted:
        Idea.objects.filter(pk=current.pk).update(support_count=F("support_count") - deleted)
    return bool(deleted)


@transaction.atomic
def idea_respond(*, idea: Idea, actor: User, status: str, response: str, reason: str = "") -> Idea:
    """The team's official response: a text and the idea's status, with the reason when the
    idea is not taken up."""
    _require(actor, "deliberation.run_idea_round", idea.idea_round.activity)
    idea = _locked(idea)
    if idea.status == IdeaStatus.MERGED:
        raise ValidationError(_("This idea was merged into another one. Respond there."))
    if idea.moderation != IdeaModeration.PUBLISHED:
        raise ValidationError(_("This idea is not published."))
    errors: dict[str, list[str]] = {}
    if status not in RESPONSE_STATUSES:
        errors["status"] = [_("Choose a status.")]
    response = (response or "").strip()
    reason = (reason or "").strip()
    for field, value in (("response", response), ("reason", reason)):
        if "\x00" in value:
            errors[field] = [_("This text contains a character we cannot store.")]
        elif len(value) > RESPONSE_MAX:
            errors[field] = [_("Keep this text under %(max)d characters.") % {"max": RESPONSE_MAX}]
    if not response and "response" not in errors:
        errors["response"] = [_("Write the response of the team.")]
    if status == IdeaStatus.NOT_TAKEN_UP and not reason and "reason" not in errors:
        errors["reason"] = [_("Say why the idea is not taken up.")]
    if errors:
        raise ValidationError(errors)
    idea.status = status
    idea.response = response
    idea.reason = reason if status == IdeaStatus.NOT_TAKEN_UP else ""
    idea.responded_by = actor
    idea.responded_at = timezone.now()
    idea.save(
        update_fields=["status", "response", "reason", "responded_by", "responded_at", "updated_at"]
    )
    _touch(idea.idea_round)
    return idea


@transaction.atomic
def idea_merge(*, source: Idea, target: Idea, actor: User) -> Idea:
    """Merge the duplicate `source` into `target`: its supporters support `target` (counted
    once for who supported both), its comments move along, and `source` says "merged into"
    and links there. Returns the target."""
    _require(actor, "deliberation.run_idea_round", source.idea_round.activity)
    if source.pk == target.pk:
        raise ValidationError(_("Choose another idea to merge into."))
    if source.idea_round_id != target.idea_round_id:
        raise ValidationError(_("Ideas can only be merged within one idea round."))
    # Lock both rows in a fixed order, so two merges the other way round cannot deadlock and
    # no support is added to either while their supporters move.
    first, second = sorted([source.pk, target.pk])
    locked = {
        i.pk: i
        for i in Idea.objects.select_for_update(of=("self",))
        .select_related("idea_round__activity")
        .filter(pk__in=[first, second])
        .order_by("pk")
    }
    source, target = locked[source.pk], locked[target.pk]
    if source.status == IdeaStatus.MERGED:
        raise ValidationError(_("This idea is already merged."))
    if target.status == IdeaStatus.MERGED or target.moderation != IdeaModeration.PUBLISHED:
        raise ValidationError(_("Choose a published idea that is not merged itself."))
    both = IdeaSupport.objects.filter(idea=target).values("participant_id")
    IdeaSupport.objects.filter(idea=source, participant_id__in=both).delete()
    IdeaSupport.objects.filter(idea=source).update(idea=target)
    IdeaComment.objects.filter(idea=source).update(idea=target)
    # Ideas merged into the source earlier now point to the target too.
    Idea.objects.filter(merged_into=source).update(merged_into=target)
    source.status = IdeaStatus.MERGED
    source.merged_into = target
    source.responded_by = actor
    source.responded_at = timezone.now()
    source.save(
        update_fields=["status", "merged_into", "responded_by", "responded_at", "updated_at"]
    )
    idea_counts_refresh(idea_ids=[source.pk, target.pk])
    _touch(target.idea_round)
    target.refresh_from_db()
    return target


def idea_counts_refresh(*, idea_ids: Iterable[int]) -> None:
    """Count the supports and visible comments of these ideas again from their rows."""
    ids = list(idea_ids)
    if not ids:
        return

    def counted(model, **filters):
        rows = (
            model.objects.filter(idea=OuterRef("pk"), **filters)
            .order_by()
            .values("idea")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(rows), 0)

    Idea.objects.filter(pk__in=ids).update(
        support_count=counted(IdeaSupport), comment_count=counted(IdeaComment, hidden=False)
    )
