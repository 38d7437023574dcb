"""Reads of mobilisation: packages as their pages show them, conversations of change, the
initiative's open actions, and a story's path for its teller.

What a package page shows is decided here, when it is shown, from the current consent: a
story of a private package only for those who may hear it; a story of a public package only
while its teller allows everyone to hear it (and only in a public initiative); quotes and
clips only while the teller allows quotes. A withdrawn story is never shown (Story.objects),
so a change of consent or a withdrawal takes it off every page at once. Query counts do not
grow with the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.core.place_map import MapPlace, place_map_svg
from constellate.initiatives.models import Initiative
from constellate.stories.choices import (
    ActionStatus,
    Audience,
    PackageStatus,
    PackageVisibility,
)
from constellate.stories.models import (
    ChangeAction,
    ChangeConversation,
    ChangePriority,
    Clip,
    Insight,
    Package,
    Place,
    Quote,
    Story,
    StoryNews,
)
from constellate.stories.selectors import stories_quotable
from constellate.stories.selectors_curation import heard_stories
from constellate.stories.services_curation import format_clip_time


def _pk_ok(pk: int) -> bool:
    return 0 < pk < 2**63


# Packages ------------------------------------------------------------------------------------


def package_list(*, initiative: Initiative, with_drafts: bool) -> QuerySet[Package]:
    packages = Package.objects.filter(initiative=initiative)
    if not with_drafts:
        packages = packages.filter(status=PackageStatus.PUBLISHED)
    return packages.annotate(
        story_count=Count("stories", filter=Q(stories__status="active"), distinct=True),
        insight_count=Count("insights", distinct=True),
    ).order_by("-created_at", "-pk")


def package_by_pk(*, pk: int) -> Package | None:
    if not _pk_ok(pk):
        return None
    return (
        Package.objects.select_related("initiative__organisation")
        .prefetch_related("stories", "insights")
        .filter(pk=pk)
        .first()
    )


def public_packages(*, initiative: Initiative) -> QuerySet[Package]:
    """The published public packages of a public initiative (none of a private one)."""
    if not initiative.is_public:
        return Package.objects.none()
    return Package.objects.filter(
        initiative=initiative,
        visibility=PackageVisibility.PUBLIC,
        status=PackageStatus.PUBLISHED,
    ).order_by("-published_at", "-pk")


def public_package(*, initiative: Initiative, pk: int) -> Package | None:
    if not _pk_ok(pk):
        return None
    return public_packages(initiative=initiative).filter(pk=pk).first()


@dataclass
class PlaceRow:
    place: Place
    # The stories at this place, with their number on the page ("Story 3" when untitled).
    stories: list[tuple[Story, int]]

    @property
    def count(self) -> int:
        return len(self.stories)


@dataclass
class PackageView:
    package: Package
    public: bool
    stories: list[Story]
    insights: list[Insight]
    quotes: list[Quote]
    clips: list[dict[str, Any]]
    # The map: the places of the stories shown whose teller shares the place now.
    places: list[PlaceRow]
    map_svg: str
    hidden: int  # stories in the package the viewer may not hear (private pages only)
    withdrawn: int
    quotes_by_story: dict[int, list[Quote]] = field(default_factory=dict)


def _allowed_stories(package: Package, user: User | None, public: bool) -> QuerySet[Story]:
    """The stories this page may show at all (of the package's initiative)."""
    initiative = package.initiative
    if public:
        return Story.objects.filter(activity__initiative=initiative, audience=Audience.PUBLIC)
    return heard_stories(initiative=initiative, user=user)


def package_view(*, package: Package, user: User | None = None, public: bool = False):
    """What the package's page shows to `user` (a private page), or to everyone (`public`:
    the caller checked that the package is public and published and the initiative public)."""
    initiative = package.initiative
    allowed = _allowed_stories(package, user, public)
    allowed_ids = allowed.values("pk")
    quotable = stories_quotable(initiative=initiative).values("pk")
    stories = list(
        allowed.filter(packages=package)
        .select_related("activity", "place")
        .prefetch_related("media")
        .order_by("-created_at", "-pk")
    )
    story_ids = [s.pk for s in stories]
    total = Package.stories.through.objects.filter(package=package, story__status="active").count()
    insights = list(
        package.insights.order_by("-created_at", "-pk").prefetch_related(
            Prefetch(
                "stories",
                queryset=allowed.select_related("activity").order_by("-created_at", "-pk"),
                to_attr="visible_stories",
            ),
            Prefetch(
                "quotes",
                queryset=Quote.objects.filter(story__in=allowed_ids)
                .filter(story__in=quotable)
                .order_by("story_id", "start"),
                to_attr="visible_quotes",
            ),
            Prefetch(
                "clips",
                queryset=Clip.objects.filter(story__in=allowed_ids)
                .filter(story__in=quotable)
                .select_related("media")
                .order_by("story_id", "start"),
                to_attr="visible_clips",
            ),
        )
    )
    quotes = list(
        Quote.objects.filter(story_id__in=story_ids)
        .filter(story__in=quotable)
        .order_by("story_id", "start")
    )
    quotes_by_story: dict[int, list[Quote]] = {}
    for quote in quotes:
        quotes_by_story.setdefault(quote.story_id, []).append(quote)
    clip_rows = list(
        Clip.objects.filter(story_id__in=story_ids)
        .filter(story__in=quotable)
        .select_related("media")
        .order_by("story_id", "start")
    )
    seen = {c.pk for c in clip_rows}
    for insight in insights:
        for clip in insight.visible_clips:
            if clip.pk not in seen:
                seen.add(clip.pk)
                clip_rows.append(clip)
    clips = [_clip_item(clip, package, public) for clip in clip_rows]
    places = package_places(stories)
    return PackageView(
        package=package,
        public=public,
        stories=stories,
        insights=insights,
        quotes=quotes,
        clips=clips,
        places=places,
        map_svg=place_map_svg(
            [
                MapPlace(row.place.name, row.place.latitude, row.place.longitude, row.count)
                for row in places
            ],
            title=_("Map: where the stories in this package are about"),
        ),
        hidden=0 if public else max(0, total - len(stories)),
        withdrawn=package.stories_withdrawn,
        quotes_by_story=quotes_by_story,
    )


def package_places(stories: list[Story]) -> list[PlaceRow]:
    """The places of the stories a package page shows (already limited to what the viewer
    may hear): only stories whose current consent shares a place (Story.place follows the
    current consent and is cleared on withdrawal). Ordered by name."""
    rows: dict[int, PlaceRow] = {}
    for number, story in enumerate(stories, start=1):
        place = story.place if story.place_id is not None else None
        if place is None or story.status != "active":
            continue
        row = rows.setdefault(place.pk, PlaceRow(place=place, stories=[]))
        row.stories.append((story, number))
    return sorted(rows.values(), key=lambda row: (row.place.name.lower(), row.place.pk))


def _clip_item(clip: Clip, package: Package, public: bool) -> dict[str, Any]:
    if public:
        initiative = package.initiative
        url = reverse(
            "stories:public_package_clip",
            args=[initiative.pk, initiative.slug, package.pk, clip.pk],
        )
    else:
        url = reverse("stories:media", args=[clip.story_id, clip.media_id])
    return {
        "clip": clip,
        "medium": clip.media.medium,
        "mime": clip.media.mime,
        # A media fragment: the player starts and stops at the clip's times.
        "src": f"{url}#t={clip.start:g},{clip.end:g}",
        "start": format_clip_time(clip.start),
        "end": format_clip_time(clip.end),
    }


def public_clip(*, package: Package, pk: int) -> Clip | None:
    """A clip the public package shows: of a story or insight in it, whose teller allows
    everyone to hear it and allows quotes now."""
    if not _pk_ok(pk):
        return None
    initiative = package.initiative
    allowed = Story.objects.filter(activity__initiative=initiative, audience=Audience.PUBLIC)
    quotable = stories_quotable(initiative=initiative).values("pk")
    in_package = Q(story__packages=package) | Q(insights__packages=package)
    return (
        Clip.objects.filter(pk=pk)
        .filter(story__in=allowed.values("pk"))
        .filter(story__in=quotable)
        .filter(in_package)
        .select_related("media", "story")
        .distinct()
        .first()
    )


def insight_choices(*, initiative: Initiative) -> list[Insight]:
    return list(Insight.objects.filter(initiative=initiative).order_by("-created_at", "-pk")[:500])


# Conversations of change ---------------------------------------------------------------------


def conversation_list(*, initiative: Initiative) -> QuerySet[ChangeConversation]:
    return (
        ChangeConversation.objects.filter(initiative=initiative)
        .select_related("package")
        .annotate(
            priority_count=Count("priorities", distinct=True),
            action_count=Count("actions", distinct=True),
            open_count=Count(
                "actions", filter=~Q(actions__status=ActionStatus.DONE), distinct=True
            ),
        )
        .order_by("-held_on", "-pk")
    )


def conversation_by_pk(*, pk: int) -> ChangeConversation | None:
    if not _pk_ok(pk):
        return None
    return (
        ChangeConversation.objects.select_related("initiative__organisation", "package")
        .filter(pk=pk)
        .first()
    )


def conversation_detail(*, conversation: ChangeConversation, user: User) -> dict[str, Any]:
    """The priorities (ranked) and actions of a conversation, each with the stories `user`
    may hear and the insights that led to it."""
    heard = heard_stories(initiative=conversation.initiative, user=user)
    linked = [
        Prefetch(
            "stories",
            queryset=heard.select_related("activity").order_by("-created_at", "-pk"),
            to_attr="visible_stories",
        ),
        Prefetch("insights", queryset=Insight.objects.order_by("title"), to_attr="all_insights"),
    ]
    priorities = list(
        ChangePriority.objects.filter(conversation=conversation)
        .prefetch_related(*linked)
        .order_by("rank", "pk")
    )
    actions = list(
        ChangeAction.objects.filter(conversation=conversation)
        .select_related("owner", "priority")
        .prefetch_related(*linked)
        .order_by("due_on", "pk")
    )
    return {"priorities": priorities, "actions": actions}


def action_by_pk(*, pk: int) -> ChangeAction | None:
    if not _pk_ok(pk):
        return None
    return (
        ChangeAction.objects.select_related("conversation__initiative__organisation", "owner")
        .prefetch_related("stories", "insights")
        .filter(pk=pk)
        .first()
    )


def priority_by_pk(*, pk: int) -> ChangePriority | None:
    if not _pk_ok(pk):
        return None
    return (
        ChangePriority.objects.select_related("conversation__initiative__organisation")
        .filter(pk=pk)
        .first()
    )


def initiative_open_change_actions(
    *, initiative: Initiative, limit: int = 5
) -> tuple[list[ChangeAction], int]:
    """The initiative's actions not done yet, soonest due first, and how many there are."""
    actions = ChangeAction.objects.filter(initiative=initiative).exclude(status=ActionStatus.DONE)
    total = actions.count()
    if not total:
        return [], 0
    shown = list(actions.select_related("owner", "conversation").order_by("due_on", "pk")[:limit])
    return shown, total


def owner_choices(*, initiative: Initiative) -> QuerySet[User]:
    """Members of the initiative's organisation an action can be given to."""
    return User.objects.filter(memberships__organisation_id=initiative.organisation_id).order_by(
        "display_name", "email"
    )


# A story's path, for its teller ----------------------------------------------------------------


@dataclass
class StoryPath:
    insights: list[Insight]
    packages: list[Package]
    conversations: list[ChangeConversation]
    actions: list[ChangeAction]

    @property
    def empty(self) -> bool:
        return not (self.insights or self.packages or self.conversations or self.actions)


def story_path(*, story: Story) -> StoryPath:
    """Where the story went: the insights that rest on it (directly, or through a quote or
    clip of it), the published packages that hold it (directly or through such an insight),
    the conversations of change that discussed it (its package, or a priority or action
    linked to it or to such an insight), and the actions it led to, with their status."""
    in_insight = Q(stories=story) | Q(quotes__story=story) | Q(clips__story=story)
    insights = list(Insight.objects.filter(in_insight).distinct().order_by("created_at", "pk"))
    insight_ids = [i.pk for i in insights]
    packages = list(
        Package.objects.filter(status=PackageStatus.PUBLISHED)
        .filter(Q(stories=story) | Q(insights__in=insight_ids))
        .distinct()
        .order_by("published_at", "pk")
    )
    package_ids = [p.pk for p in packages]
    linked = Q(stories=story) | Q(insights__in=insight_ids)
    actions = list(
        ChangeAction.objects.filter(linked)
        .select_related("conversation")
        .distinct()
        .order_by("due_on", "pk")
    )
    conversations = list(
        ChangeConversation.objects.filter(
            Q(package__in=package_ids)
            | Q(priorities__in=ChangePriority.objects.filter(linked).values("pk"))
            | Q(actions__in=[a.pk for a in actions])
        )
        .distinct()
        .order_by("held_on", "pk")
    )
    return StoryPath(
        insights=insights, packages=packages, conversations=conversations, actions=actions
    )


def story_news_unseen(*, story: Story) -> list[StoryNews]:
    """The news about the story since the teller last opened their private link page."""
    return list(StoryNews.objects.filter(story=story, seen_at__isnull=True).order_by("created_at"))
