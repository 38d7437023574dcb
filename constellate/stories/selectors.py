"""Reads of the stories app. Every list starts from `Story.objects` (stories with a current
consent: no drafts, no withdrawn stories) and is scoped to one initiative and to what the
viewer may hear."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from constellate.accounts.models import User, token_hash
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity, Initiative
from constellate.stories.choices import Audience, StoryStatus
from constellate.stories.models import (
    Consent,
    Place,
    ScaleAnswer,
    Story,
    StoryActivitySettings,
    StoryMedia,
)
from constellate.stories.rules import is_team
from constellate.stories.scales import DEFAULT_SCALES, SCALES
from constellate.stories.search import FEW_MATCHES, search_stories


def story_list(*, initiative: Initiative, user: User) -> QuerySet[Story]:
    """The stories of an initiative that `user` may hear (the caller checked that they see
    the initiative), newest first."""
    stories = Story.objects.filter(activity__initiative=initiative)
    if not is_team(user, initiative):
        stories = stories.exclude(audience=Audience.TEAM)
    return (
        stories.select_related("activity").prefetch_related("media").order_by("-created_at", "-pk")
    )


def story_search(
    *,
    initiative: Initiative,
    user: User,
    query: str = "",
    activity_id: int | None = None,
    story_type: str = "",
    medium: str = "",
    language: str = "",
    audience: str = "",
) -> QuerySet[Story]:
    """The stories of `story_list` narrowed by a full-text search (title, text, question, photo description;
    never the teller's name or e-mail) and filters, newest first. Empty arguments filter
    nothing. A consent scope the viewer may not hear gives nothing, never more."""
    # The initiative's activities as a list of keys rather than a join: the database then
    # knows (from its statistics per activity) how many stories that is and walks them newest
    # first instead of sorting them all. One small query.
    keys = list(Activity.objects.filter(initiative=initiative).values_list("pk", flat=True))
    if activity_id:
        keys = [k for k in keys if k == activity_id]
    stories = Story.objects.filter(activity_id__in=keys)
    if not is_team(user, initiative):
        stories = stories.exclude(audience=Audience.TEAM)
    stories = (
        stories.select_related("activity").prefetch_related("media").order_by("-created_at", "-pk")
    )
    if story_type:
        stories = stories.filter(story_type=story_type)
    if language:
        stories = stories.filter(language=language)
    if audience:
        stories = stories.filter(audience=audience)
    if medium:
        # Stories with a file are usually few: then their keys (one small query) let the
        # database look them up instead of testing every story; when many, a test per story.
        with_medium = StoryMedia.objects.filter(
            medium=medium, story__activity__initiative=initiative
        ).values_list("story_id", flat=True)
        keys = list(with_medium[: FEW_MATCHES + 1])
        if len(keys) <= FEW_MATCHES:
            stories = stories.filter(pk__in=keys)
        else:
            stories = stories.filter(
                Exists(StoryMedia.objects.filter(story=OuterRef("pk"), medium=medium))
            )
    return search_stories(stories, query)


def story_for_staff(*, pk: int) -> Story | None:
    """One usable story with what its page shows; the caller checks `stories.view_story`."""
    if not 0 < pk < 2**63:
        return None
    return (
        Story.objects.select_related("activity__initiative__organisation", "recorded_by")
        .prefetch_related(
            "media",
            Prefetch("scale_answers", queryset=ScaleAnswer.objects.order_by("pk")),
            Prefetch(
                "consents",
                queryset=Consent.objects.select_related("place").order_by("-given_at", "-pk"),
            ),
        )
        .filter(pk=pk)
        .first()
    )


def story_by_link(*, secret: str) -> Story | None:
    """The story of a private link, tombstones included (the teller sees what happened)."""
    if not secret or len(secret) > 200:
        return None
    return (
        Story.all_objects.select_related("activity__initiative__organisation")
        .prefetch_related(
            "media",
            Prefetch("scale_answers", queryset=ScaleAnswer.objects.order_by("pk")),
            Prefetch(
                "consents",
                queryset=Consent.objects.select_related("place").order_by("-given_at", "-pk"),
            ),
        )
        .filter(link_hash=token_hash(secret))
        .first()
    )


def draft_of(*, pk: int, participant) -> Story | None:
    """A story the participant is telling now (before or just after consent)."""
    if participant is None or not 0 < pk < 2**63:
        return None
    return (
        Story.all_objects.select_related("activity__initiative__organisation")
        .exclude(status=StoryStatus.WITHDRAWN)
        .filter(pk=pk, told_by=participant)
        .first()
    )


def place_list(*, initiative: Initiative | int) -> QuerySet[Place]:
    """The initiative's named places, by name (a short list: no paging)."""
    initiative_id = initiative if isinstance(initiative, int) else initiative.pk
    return Place.objects.filter(initiative_id=initiative_id).order_by("name", "pk")


def place_by_pk(*, pk: int) -> Place | None:
    if not 0 < pk < 2**63:
        return None
    return Place.objects.select_related("initiative__organisation").filter(pk=pk).first()


def gathering_activities(*, initiative: Initiative) -> QuerySet[Activity]:
    return Activity.objects.filter(
        initiative=initiative, kind=ActivityKind.STORY_GATHERING
    ).order_by("opens_on", "title")


def scales_for(*, activity: Activity) -> list:
    """The Scale definitions the activity asks, in its chosen order."""
    settings_ = StoryActivitySettings.objects.filter(activity=activity).first()
    keys = DEFAULT_SCALES if settings_ is None else settings_.scales
    return [SCALES[k] for k in keys if k in SCALES]


def answers_shown(story: Story) -> list[tuple[str, str]]:
    """(question, answer) of the teller's scale answers, from prefetched rows."""
    out = []
    for answer in story.scale_answers.all():
        scale = SCALES.get(answer.scale)
        if scale is not None:
            out.append((str(scale.question), scale.label_of(answer.value)))
    return out


def _current(field: str):
    from django.db.models import Subquery

    latest = Consent.objects.filter(story=OuterRef("pk")).order_by("-given_at", "-pk")
    return Subquery(latest.values(field)[:1])


def consent_annotated(stories: QuerySet[Story]) -> QuerySet[Story]:
    """`stories` with their current consent's answers as consent_analysis, consent_quotes,
    consent_named and consent_keep_until."""
    return stories.annotate(
        consent_analysis=_current("analysis"),
        consent_quotes=_current("quotes"),
        consent_named=_current("named"),
        consent_keep_until=_current("keep_until"),
    )


def stories_for_analysis(*, initiative: Initiative) -> QuerySet[Story]:
    """The stories whose teller allows use for analysis (for theme suggestions, counts by
    scale and the like: curation builds on this, never on Story.objects directly)."""
    return (
        Story.objects.filter(activity__initiative=initiative)
        .annotate(consent_analysis=_current("analysis"))
        .filter(consent_analysis=True)
    )


def stories_quotable(*, initiative: Initiative) -> QuerySet[Story]:
    """The stories whose teller allows quotes (for quotes and clips in curation)."""
    return (
        Story.objects.filter(activity__initiative=initiative)
        .annotate(consent_quotes=_current("quotes"))
        .filter(consent_quotes=True)
    )
