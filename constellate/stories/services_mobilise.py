"""Writes of mobilisation, the third stage of community reporting: packages (stories and
insights published as a page), conversations of change (priorities and actions agreed with
stakeholders, each linked to the stories and insights that led to it), and the news a teller
gets about their story's path.

Every function is keyword-only, atomic and validating; permission checks are the caller's
(views use rules `stories.curate`). Stories are linked only while they are usable (a current
consent) and belong to the initiative; a public package takes only stories whose teller
allows public hearing, and only in a public initiative. What a page shows is checked again
against the current consent when it is shown (selectors_mobilise), so a later change of
consent or a withdrawal takes a story out at once.

Withdrawal, expiry or erasure of a story removes its links here
(`mobilise_forget_stories`, called by services_curation.curation_forget_stories); packages
and conversations count how many of their stories were withdrawn.

News for the teller (`story_news_add`): a StoryNews row per story and event, shown on the
teller's private link page until seen; an e-mail (without the private link: whoever reads
the mail cannot open the story), sent by a background task, when the teller gave an
address, at most one per story per day."""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from constellate.accounts.models import User
from constellate.initiatives.models import Initiative
from constellate.stories.choices import (
    ActionStatus,
    Audience,
    NewsKind,
    PackageStatus,
    PackageVisibility,
)
from constellate.stories.models import (
    ChangeAction,
    ChangeConversation,
    ChangePriority,
    Insight,
    Package,
    Story,
    StoryNews,
)

logger = logging.getLogger(__name__)

TITLE_MAX = 200
TEXT_MAX = 5000
PLACE_MAX = 200
LINE_MAX = 300
NAME_MAX = 120
GROUPS_MAX = 30
GROUP_MAX = 120
# At most one e-mail per story in this time.
MAIL_INTERVAL = datetime.timedelta(days=1)


def _clean(value: str | None) -> str:
    return (value or "").replace("\x00", "").strip()


def _touch(initiative_id: int) -> None:
    from constellate.initiatives.services import initiative_touch

    initiative_touch(initiative_id)


def _title_errors(title: str, errors: dict, *, key: str = "title", limit: int = TITLE_MAX):
    if not title:
        errors[key] = [_("Give it a title.")]
    elif len(title) > limit:
        errors[key] = [_("This is too long: at most %(n)d characters.") % {"n": limit}]


def _usable_story_ids(initiative: Initiative, stories: Iterable[Story]) -> tuple[set, set]:
    """(asked, usable) story ids: usable = a current consent and of this initiative."""
    asked = {s.pk for s in stories}
    usable = set(
        Story.objects.filter(pk__in=asked, activity__initiative=initiative).values_list(
            "pk", flat=True
        )
    )
    return asked, usable


def _check_links(
    initiative: Initiative,
    stories: Sequence[Story],
    insights: Sequence[Insight],
    errors: dict,
) -> tuple[set[int], set[int]]:
    asked, usable = _usable_story_ids(initiative, stories)
    if asked - usable:
        errors["stories"] = [_("Choose stories of this initiative that may still be used.")]
    insight_ids = {i.pk for i in insights}
    if any(i.initiative_id != initiative.pk for i in insights):
        errors["insights"] = [_("Choose insights of this initiative.")]
    return usable, insight_ids


# Packages ------------------------------------------------------------------------------------


def _package_story_ids(package: Package) -> set[int]:
    """The usable stories a package holds, directly and through its insights."""
    direct = set(package.stories.values_list("pk", flat=True))
    through = set(
        Insight.stories.through.objects.filter(
            insight__packages=package, story__status="active"
        ).values_list("story_id", flat=True)
    )
    return direct | through


@transaction.atomic
def package_save(
    *,
    initiative: Initiative,
    actor: User,
    title: str,
    introduction: str = "",
    visibility: str = PackageVisibility.PRIVATE,
    stories: Sequence[Story] = (),
    insights: Sequence[Insight] = (),
    package: Package | None = None,
) -> Package:
    """Make a package, or change one. A published package stays published: the change shows
    on its page at once (and its new stories' tellers hear of it)."""
    title, introduction = _clean(title), _clean(introduction)
    errors: dict[str, list[str]] = {}
    _title_errors(title, errors)
    if len(introduction) > TEXT_MAX:
        errors["introduction"] = [
            _("This is too long: at most %(n)d characters.") % {"n": TEXT_MAX}
        ]
    if visibility not in PackageVisibility.values:
        errors["visibility"] = [_("Choose who sees the package.")]
    elif visibility == PackageVisibility.PUBLIC and not initiative.is_public:
        errors["visibility"] = [
            _("Only a public initiative can have a public package. Choose private.")
        ]
    story_ids, insight_ids = _check_links(initiative, stories, insights, errors)
    if not (story_ids or insight_ids) and "stories" not in errors:
        errors["stories"] = [_("Choose at least one story or insight.")]
    if visibility == PackageVisibility.PUBLIC and story_ids:
        not_public = Story.objects.filter(pk__in=story_ids).exclude(audience=Audience.PUBLIC)
        if not_public.exists():
            errors["stories"] = [
                _(
                    "A public package can only hold stories whose teller allows everyone to "
                    "hear them."
                )
            ]
    if package is not None and package.initiative_id != initiative.pk:
        errors["title"] = [_("This package belongs to another initiative.")]
    if errors:
        raise ValidationError(errors)
    before: set[int] = set()
    if package is None:
        package = Package.objects.create(
            initiative=initiative,
            title=title,
            introduction=introduction,
            visibility=visibility,
            created_by=actor,
        )
    else:
        before = _package_story_ids(package) if package.is_published else set()
        package.title, package.introduction, package.visibility = title, introduction, visibility
        package.save(update_fields=["title", "introduction", "visibility", "updated_at"])
    package.stories.set(sorted(story_ids))
    package.insights.set(sorted(insight_ids))
    if package.is_published:
        story_news_add(story_ids=_package_story_ids(package) - before, kind=NewsKind.PACKAGE)
    _touch(initiative.pk)
    return package


@transaction.atomic
def package_publish(*, package: Package, actor: User) -> Package:
    if package.visibility == PackageVisibility.PUBLIC and not package.initiative.is_public:
        raise ValidationError(
            _("Only a public initiative can have a public package. Make the package private.")
        )
    if package.is_published:
        return package
    package.status, package.published_at = PackageStatus.PUBLISHED, timezone.now()
    package.save(update_fields=["status", "published_at", "updated_at"])
    story_news_add(story_ids=_package_story_ids(package), kind=NewsKind.PACKAGE)
    _touch(package.initiative_id)
    return package


@transaction.atomic
def package_unpublish(*, package: Package, actor: User) -> Package:
    package.status = PackageStatus.DRAFT
    package.save(update_fields=["status", "updated_at"])
    _touch(package.initiative_id)
    return package


@transaction.atomic
def package_delete(*, package: Package) -> None:
    initiative_id = package.initiative_id
    package.delete()
    _touch(initiative_id)


# Conversations of change ---------------------------------------------------------------------


def clean_groups(groups: Iterable[str]) -> list[str]:
    """Stakeholder groups as a list of distinct, non-empty names."""
    out: list[str] = []
    for group in groups:
        group = _clean(group)
        if group and group.casefold() not in {g.casefold() for g in out}:
            out.append(group)
    return out


def _conversation_story_ids(conversation: ChangeConversation) -> set[int]:
    ids: set[int] = set()
    if conversation.package_id is not None:
        ids |= _package_story_ids(conversation.package)
    ids |= set(
        ChangePriority.stories.through.objects.filter(
            changepriority__conversation=conversation
        ).values_list("story_id", flat=True)
    )
    return ids


@transaction.atomic
def conversation_save(
    *,
    initiative: Initiative,
    actor: User,
    title: str,
    held_on: datetime.date | None,
    place: str = "",
    package: Package | None = None,
    groups: Iterable[str] = (),
    notes: str = "",
    conversation: ChangeConversation | None = None,
) -> ChangeConversation:
    """Record a conversation of change, or change one. The tellers of the stories of the
    package discussed hear that their story was discussed."""
    title, place, notes = _clean(title), _clean(place), _clean(notes)
    groups = clean_groups(groups)
    errors: dict[str, list[str]] = {}
    _title_errors(title, errors)
    if held_on is None:
        errors["held_on"] = [_("Give the date of the conversation.")]
    if len(place) > PLACE_MAX:
        errors["place"] = [_("This is too long: at most %(n)d characters.") % {"n": PLACE_MAX}]
    if len(notes) > TEXT_MAX:
        errors["notes"] = [_("This is too long: at most %(n)d characters.") % {"n": TEXT_MAX}]
    if len(groups) > GROUPS_MAX or any(len(g) > GROUP_MAX for g in groups):
        errors["groups"] = [
            _("Give at most %(n)d groups, each at most %(m)d characters.")
            % {"n": GROUPS_MAX, "m": GROUP_MAX}
        ]
    if package is not None and package.initiative_id != initiative.pk:
        errors["package"] = [_("Choose a package of this initiative.")]
    if conversation is not None and conversation.initiative_id != initiative.pk:
        errors["title"] = [_("This conversation belongs to another initiative.")]
    if errors:
        raise ValidationError(errors)
    before: set[int] = set()
    fields = {
        "title": title,
        "held_on": held_on,
        "place": place,
        "package": package,
        "groups": groups,
        "notes": notes,
    }
    if conversation is None:
        conversation = ChangeConversation.objects.create(
            initiative=initiative, created_by=actor, **fields
        )
    else:
        before = _conversation_story_ids(conversation)
        for key, value in fields.items():
            setattr(conversation, key, value)
        conversation.save()
    story_news_add(
        story_ids=_conversation_story_ids(conversation) - before, kind=NewsKind.CONVERSATION
    )
    _touch(initiative.pk)
    return conversation


@transaction.atomic
def conversation_delete(*, conversation: ChangeConversation) -> None:
    initiative_id = conversation.initiative_id
    conversation.delete()
    _touch(initiative_id)


@transaction.atomic
def priority_add(
    *,
    conversation: ChangeConversation,
    text: str,
    stories: Sequence[Story] = (),
    insights: Sequence[Insight] = (),
) -> ChangePriority:
    """A priority agreed at the conversation, ranked last."""
    text = _clean(text)
    errors: dict[str, list[str]] = {}
    _title_errors(text, errors, key="text", limit=LINE_MAX)
    story_ids, insight_ids = _check_links(conversation.initiative, stories, insights, errors)
    if errors:
        raise ValidationError(errors)
    last = conversation.priorities.aggregate(m=Max("rank"))["m"] or 0
    priority = ChangePriority.objects.create(conversation=conversation, text=text, rank=last + 1)
    priority.stories.set(sorted(story_ids))
    priority.insights.set(sorted(insight_ids))
    story_news_add(story_ids=story_ids, kind=NewsKind.CONVERSATION)
    return priority


def _renumber(conversation: ChangeConversation, ordered: list[ChangePriority]) -> None:
    for rank, priority in enumerate(ordered, start=1):
        priority.rank = rank
    ChangePriority.objects.bulk_update(ordered, ["rank"])


@transaction.atomic
def priority_move(*, priority: ChangePriority, up: bool) -> list[ChangePriority]:
    """Move a priority one place up (towards rank 1) or down; returns the new order."""
    ordered = list(
        ChangePriority.objects.select_for_update()
        .filter(conversation_id=priority.conversation_id)
        .order_by("rank", "pk")
    )
    index = next(i for i, p in enumerate(ordered) if p.pk == priority.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    _renumber(priority.conversation, ordered)
    return ordered


@transaction.atomic
def priority_delete(*, priority: ChangePriority) -> None:
    conversation = priority.conversation
    priority.delete()
    _renumber(conversation, list(conversation.priorities.order_by("rank", "pk")))


@transaction.atomic
def action_save(
    *,
    conversation: ChangeConversation,
    what: str,
    owner: User | None = None,
    owner_name: str = "",
    due_on: datetime.date | None = None,
    status: str = ActionStatus.OPEN,
    priority: ChangePriority | None = None,
    stories: Sequence[Story] = (),
    insights: Sequence[Insight] = (),
    action: ChangeAction | None = None,
) -> ChangeAction:
    """An action agreed at the conversation, or a change of one. The owner is a member of
    the initiative's organisation (`owner`) or a name (`owner_name`), not both. The tellers
    of its stories hear of a new action and of a change of its status."""
    from constellate.accounts.models import Membership

    initiative = conversation.initiative
    what, owner_name = _clean(what), _clean(owner_name)
    errors: dict[str, list[str]] = {}
    _title_errors(what, errors, key="what", limit=LINE_MAX)
    if owner is not None and owner_name:
        errors["owner_name"] = [_("Choose a member or give a name, not both.")]
    elif len(owner_name) > NAME_MAX:
        errors["owner_name"] = [_("This is too long: at most %(n)d characters.") % {"n": NAME_MAX}]
    if (
        owner is not None
        and not Membership.objects.filter(
            user=owner, organisation_id=initiative.organisation_id
        ).exists()
    ):
        errors["owner"] = [_("Choose a member of the organisation.")]
    if status not in ActionStatus.values:
        errors["status"] = [_("Choose a status.")]
    if priority is not None and priority.conversation_id != conversation.pk:
        errors["priority"] = [_("Choose a priority of this conversation.")]
    if action is not None and action.conversation_id != conversation.pk:
        errors["what"] = [_("This action belongs to another conversation.")]
    story_ids, insight_ids = _check_links(initiative, stories, insights, errors)
    if errors:
        raise ValidationError(errors)
    fields = {
        "what": what,
        "owner": owner,
        "owner_name": owner_name,
        "due_on": due_on,
        "status": status,
        "priority": priority,
    }
    before_ids: set[int] = set()
    status_before = None
    if action is None:
        action = ChangeAction.objects.create(
            conversation=conversation, initiative=initiative, **fields
        )
    else:
        before_ids = set(action.stories.values_list("pk", flat=True))
        status_before = action.status
        for key, value in fields.items():
            setattr(action, key, value)
        action.save()
    action.stories.set(sorted(story_ids))
    action.insights.set(sorted(insight_ids))
    story_news_add(story_ids=story_ids - before_ids, kind=NewsKind.ACTION)
    if status_before is not None and status_before != status:
        story_news_add(story_ids=story_ids & before_ids, kind=NewsKind.ACTION_STATUS)
    _touch(initiative.pk)
    return action


@transaction.atomic
def action_status_set(*, action: ChangeAction, status: str) -> ChangeAction:
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if action.status == status:
        return action
    action.status = status
    action.save(update_fields=["status", "updated_at"])
    story_news_add(
        story_ids=set(action.stories.values_list("pk", flat=True)), kind=NewsKind.ACTION_STATUS
    )
    _touch(action.initiative_id)
    return action


@transaction.atomic
def action_delete(*, action: ChangeAction) -> None:
    initiative_id = action.initiative_id
    action.delete()
    _touch(initiative_id)


# Withdrawal ----------------------------------------------------------------------------------


def mobilise_forget_stories(*, story_ids: Iterable[int]) -> None:
    """Remove withdrawn (expired, erased) stories from every package, priority and action,
    counting them on the package and the conversation, and delete their news. Runs inside
    the caller's transaction."""
    ids = sorted(set(story_ids))
    if not ids:
        return
    rows = Package.stories.through.objects.filter(story_id__in=ids)
    lost = Counter(rows.values_list("package_id", flat=True))
    rows.delete()
    for package_id, count in lost.items():
        Package.objects.filter(pk=package_id).update(
            stories_withdrawn=F("stories_withdrawn") + count
        )
    # A conversation counts each withdrawn story once, however many of its priorities and
    # actions it was linked to.
    pairs: set[tuple[int, int]] = set()
    for through, column in (
        (ChangePriority.stories.through, "changepriority__conversation_id"),
        (ChangeAction.stories.through, "changeaction__conversation_id"),
    ):
        rows = through.objects.filter(story_id__in=ids)
        pairs |= set(rows.values_list(column, "story_id"))
        rows.delete()
    per_conversation = Counter(conversation_id for conversation_id, _story in pairs)
    for conversation_id, count in per_conversation.items():
        ChangeConversation.objects.filter(pk=conversation_id).update(
            stories_withdrawn=F("stories_withdrawn") + count
        )
    StoryNews.objects.filter(story_id__in=ids).delete()
    initiative_ids = set(
        Package.objects.filter(pk__in=lost).values_list("initiative_id", flat=True)
    ) | set(
        ChangeConversation.objects.filter(pk__in=per_conversation).values_list(
            "initiative_id", flat=True
        )
    )
    for initiative_id in initiative_ids:
        _touch(initiative_id)


# News for the teller -------------------------------------------------------------------------


def _mail_teller(story: Story) -> bool:
    """A plain e-mail in the story's language: there is news, open the link you kept. The
    private link is never in it: an e-mail can be read by others, the link opens the story
    and its consent."""
    language = story.language if story.language in dict(settings.LANGUAGES) else None
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _("There is news about your story")
        body = _(
            'Hello,\n\nThere is news about the story you told for "%(activity)s". '
            "Open the private link you kept when you told your story to see what happened "
            "with it.\n\nFor your safety, this e-mail does not contain the link. If you lost "
            "it, ask the people who run the activity.\n\n%(platform)s"
        ) % {
            "activity": story.activity.title,
            "platform": settings.SITE_NAME,
        }
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [story.teller_email])
    except Exception:  # a mail server that is down does not stop the curator's work
        logger.exception("news mail to a teller failed", extra={"story": story.pk})
        return False
    return True


def story_news_add(*, story_ids: Iterable[int], kind: str) -> list[StoryNews]:
    """Tell the tellers of these (usable) stories that their story's path changed: a news
    row each, and an e-mail (sent by a background task) to those who gave an address,
    unless they had one in the last day (the row then waits on their private link page)."""
    ids = sorted(set(story_ids))
    if not ids:
        return []
    stories = list(Story.objects.filter(pk__in=ids).only("pk", "teller_email"))
    if not stories:
        return []
    now = timezone.now()
    recently = set(
        StoryNews.objects.filter(
            story_id__in=[s.pk for s in stories], mailed_at__gte=now - MAIL_INTERVAL
        ).values_list("story_id", flat=True)
    )
    rows = [
        # mailed_at is set when the mail is decided, so that a second event in the same
        # day does not mail again before the task has run.
        StoryNews(
            story=story,
            kind=kind,
            mailed_at=now if story.teller_email and story.pk not in recently else None,
        )
        for story in stories
    ]
    created = StoryNews.objects.bulk_create(rows)
    to_mail = [row.pk for row in created if row.mailed_at is not None]
    if to_mail:
        story_news_mail.enqueue(to_mail)
    return created


@task()
def story_news_mail(news_ids: list[int]) -> int:
    """The background task: send the e-mails of these news rows (the story must still be
    usable and have an address); a mail that fails frees its day again."""
    sent = 0
    news = StoryNews.objects.filter(
        pk__in=news_ids, story__status="active", mailed_at__isnull=False
    ).select_related("story__activity")
    for row in news:
        if not row.story.teller_email:
            continue
        if _mail_teller(row.story):
            sent += 1
        else:
            StoryNews.objects.filter(pk=row.pk).update(mailed_at=None)
    return sent


@transaction.atomic
def story_news_seen(*, story: Story) -> int:
    """The teller opened their private link page: the news shown there is now seen."""
    return StoryNews.objects.filter(story=story, seen_at__isnull=True).update(
        seen_at=timezone.now()
    )
