"""Reads of curation: the workspace's stories and themes, one story for reading and coding,
insights with the evidence a viewer may see, proposals of redactions and theme suggestions.

Stories come from `Story.objects` (a current consent, so no drafts or withdrawn stories),
scoped to one initiative and to what the viewer may hear (team-only stories only for the
initiative's members). Quotes and clips are shown only while the teller's current consent
allows quotes (selectors.stories_quotable). Query counts do not grow with the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from constellate.accounts.models import User
from constellate.analysis.redaction import Span, find_personal_data
from constellate.core.pagination import page_of
from constellate.core.registry import known_names_for
from constellate.initiatives.models import Initiative
from constellate.stories.choices import Audience, Medium, StoryStatus, SuggestionRunState
from constellate.stories.models import (
    Clip,
    Consent,
    Insight,
    Quote,
    Story,
    StoryCoding,
    StoryMedia,
    StoryRedaction,
    Theme,
    ThemeSuggestionChoice,
    ThemeSuggestionRun,
)
from constellate.stories.rules import is_team
from constellate.stories.selectors import stories_for_analysis, stories_quotable
from constellate.stories.services_curation import sentence_spans


def heard_stories(*, initiative: Initiative, user: User) -> QuerySet[Story]:
    """The initiative's usable stories that `user` may hear (the caller checked they see the
    initiative)."""
    stories = Story.objects.filter(activity__initiative=initiative)
    if not is_team(user, initiative):
        stories = stories.exclude(audience=Audience.TEAM)
    return stories


def initiative_themes(*, initiative: Initiative) -> QuerySet[Theme]:
    """The initiative's themes, each with the number of usable stories coded with it."""
    return Theme.objects.filter(initiative=initiative).annotate(
        story_count=Count("codings", filter=Q(codings__story__status=StoryStatus.ACTIVE))
    )


def curation_stories(
    *,
    initiative: Initiative,
    user: User,
    theme: Theme | None = None,
    coded: str = "",
) -> QuerySet[Story]:
    """The workspace's list: stories `user` may hear, newest first, with their themes,
    files and number of quotes; filtered on one theme, or on coded ("yes") or not ("no")."""
    stories = heard_stories(initiative=initiative, user=user)
    if theme is not None:
        stories = stories.filter(codings__theme=theme)
    has_coding = Exists(StoryCoding.objects.filter(story=OuterRef("pk")))
    if coded == "yes":
        stories = stories.filter(has_coding)
    elif coded == "no":
        stories = stories.exclude(has_coding)
    quote_count = (
        Quote.objects.filter(story=OuterRef("pk"))
        .order_by()
        .values("story")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        stories.select_related("activity")
        .annotate(quote_count=Coalesce(Subquery(quote_count), 0))
        .prefetch_related(
            "media",
            Prefetch(
                "codings",
                queryset=StoryCoding.objects.select_related("theme").order_by(
                    "theme__kind", "theme__name"
                ),
            ),
        )
        .order_by("-created_at", "-pk")
    )


def curation_story(*, pk: int) -> Story | None:
    """One usable story with what its reading view shows; the caller checks
    `stories.view_story` and `stories.curate`."""
    if not 0 < pk < 2**63:
        return None
    return (
        Story.objects.select_related("activity__initiative__organisation", "redaction")
        .prefetch_related(
            "media",
            Prefetch("consents", queryset=Consent.objects.order_by("-given_at", "-pk")),
            Prefetch("codings", queryset=StoryCoding.objects.select_related("theme")),
            Prefetch("quotes", queryset=Quote.objects.order_by("start", "pk")),
            Prefetch("clips", queryset=Clip.objects.order_by("media_id", "start", "pk")),
        )
        .filter(pk=pk)
        .first()
    )


def story_redaction(story: Story) -> StoryRedaction | None:
    """The story's redaction record (from select_related where loaded)."""
    try:
        return story.redaction
    except StoryRedaction.DoesNotExist:
        return None


@dataclass
class Sentence:
    number: int
    start: int
    end: int
    text: str


def story_sentences(text: str) -> list[Sentence]:
    return [
        Sentence(n, start, end, text[start:end])
        for n, (start, end) in enumerate(sentence_spans(text), start=1)
    ]


def playable_media(story: Story) -> list[StoryMedia]:
    """The story's recordings and videos (prefetched), which clips can be made of."""
    return [m for m in story.media.all() if m.medium in (Medium.AUDIO, Medium.VIDEO)]


def story_quotable(story: Story) -> bool:
    consents = list(story.consents.all())
    return bool(consents) and consents[0].quotes and consents[0].withdrawn_at is None


def story_may_analyse(story: Story) -> bool:
    consents = list(story.consents.all())
    return bool(consents) and consents[0].analysis


# Redaction -----------------------------------------------------------------------------------


def known_names(story: Story) -> list[str]:
    """The names to look for in a story: the teller's (when given) and those of the people
    registered in its initiative (through the registry, e.g. the stakeholder register)."""
    names = [story.teller_name] if story.teller_name else []
    names += known_names_for(story.activity.initiative)
    return list(dict.fromkeys(name.strip() for name in names if name and name.strip()))


@dataclass
class Proposal:
    span: Span
    key: str  # "start:end:kind", the checkbox's value
    before: str
    after: str
    accepted: bool  # ticked when the page opens


def redaction_proposals(story: Story, base: str) -> list[Proposal]:
    """Proposed redactions of `base` (services_curation.redaction_base), with a little text
    on either side; ticked: those already accepted, and those found with confidence."""
    redaction = story_redaction(story)
    earlier = set()
    if redaction is not None and redaction.original_kept:
        earlier = {(s["start"], s["end"], s["kind"]) for s in redaction.spans}
    out = []
    for span in find_personal_data(base, known_names=known_names(story)):
        triple = (span.start, span.end, span.kind)
        out.append(
            Proposal(
                span=span,
                key=f"{span.start}:{span.end}:{span.kind}",
                before=base[max(0, span.start - 40) : span.start],
                after=base[span.end : span.end + 40],
                accepted=triple in earlier or (not earlier and span.confidence >= 0.8),
            )
        )
    return out


# Insights ------------------------------------------------------------------------------------


def _count_of(through, column: str = "insight"):
    return Coalesce(
        Subquery(
            through.objects.filter(**{column: OuterRef("pk")})
            .order_by()
            .values(column)
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def insights_for(*, initiative: Initiative, user: User) -> QuerySet[Insight]:
    """The initiative's insights, each with the evidence `user` may see prefetched
    (`visible_stories`, `visible_quotes`, `visible_clips`) and the number of all its links
    (`evidence_total`), so a page can say how much it holds back."""
    heard = heard_stories(initiative=initiative, user=user)
    quotable = stories_quotable(initiative=initiative).values("pk")
    heard_ids = heard.values("pk")
    return (
        Insight.objects.filter(initiative=initiative)
        .select_related("created_by")
        .annotate(
            evidence_total=_count_of(Insight.stories.through)
            + _count_of(Insight.quotes.through)
            + _count_of(Insight.clips.through)
        )
        .prefetch_related(
            Prefetch(
                "stories",
                queryset=heard.select_related("activity").order_by("-created_at", "-pk"),
                to_attr="visible_stories",
            ),
            Prefetch(
                "quotes",
                queryset=Quote.objects.filter(story__in=heard_ids)
                .filter(story__in=quotable)
                .order_by("story_id", "start"),
                to_attr="visible_quotes",
            ),
            Prefetch(
                "clips",
                queryset=Clip.objects.filter(story__in=heard_ids)
                .filter(story__in=quotable)
                .select_related("media")
                .order_by("story_id", "start"),
                to_attr="visible_clips",
            ),
        )
        .order_by("-created_at", "-pk")
    )


def insight_by_pk(*, pk: int) -> Insight | None:
    if not 0 < pk < 2**63:
        return None
    return (
        Insight.objects.select_related("initiative__organisation")
        .prefetch_related("stories", "quotes", "clips")
        .filter(pk=pk)
        .first()
    )


def insight_evidence_choices(
    *, initiative: Initiative, user: User, story_ids: set[int] | None = None
) -> dict[str, list[Any]]:
    """What a curator may link an insight to: the quotes and clips of stories they may hear
    (while the teller allows quotes), and the stories already curated (coded, quoted or
    clipped) plus any asked for (`story_ids`)."""
    heard = heard_stories(initiative=initiative, user=user)
    quotable = stories_quotable(initiative=initiative).values("pk")
    curated = Q(codings__isnull=False) | Q(quotes__isnull=False) | Q(clips__isnull=False)
    if story_ids:
        curated |= Q(pk__in=story_ids)
    stories = list(
        heard.filter(pk__in=heard.filter(curated).values("pk"))
        .select_related("activity")
        .order_by("-created_at", "-pk")[:500]
    )
    quotes = list(
        Quote.objects.filter(story__in=heard.values("pk"))
        .filter(story__in=quotable)
        .select_related("story")
        .order_by("-story__created_at", "story_id", "start")[:500]
    )
    clips = list(
        Clip.objects.filter(story__in=heard.values("pk"))
        .filter(story__in=quotable)
        .select_related("story", "media")
        .order_by("-story__created_at", "story_id", "start")[:500]
    )
    return {"stories": stories, "quotes": quotes, "clips": clips}


# Theme suggestions ---------------------------------------------------------------------------


def suggestion_run_latest(*, initiative: Initiative) -> ThemeSuggestionRun | None:
    return (
        ThemeSuggestionRun.objects.filter(initiative=initiative)
        .order_by("-created_at", "-pk")
        .first()
    )


def suggestion_run(*, initiative: Initiative, pk: int) -> ThemeSuggestionRun | None:
    if not 0 < pk < 2**63:
        return None
    return (
        ThemeSuggestionRun.objects.select_related("initiative")
        .filter(initiative=initiative, pk=pk)
        .first()
    )


@dataclass
class Suggestion:
    index: int
    label: str
    terms: list[str]
    story_ids: list[int]  # members still usable for analysis that the viewer may hear
    decision: str = ""
    theme: Theme | None = None
    stories: list[Story] = field(default_factory=list)


def suggestions_of(*, run: ThemeSuggestionRun, user: User) -> list[Suggestion]:
    """The run's suggested themes with their current members (stories still usable for
    analysis that `user` may hear) and what was decided."""
    if run.state != SuggestionRunState.DONE or not run.result:
        return []
    themes = run.result.get("themes", [])
    every = {pk for theme in themes for pk in theme.get("members", [])}
    usable = set(
        stories_for_analysis(initiative=run.initiative)
        .filter(pk__in=every)
        .filter(pk__in=heard_stories(initiative=run.initiative, user=user).values("pk"))
        .values_list("pk", flat=True)
    )
    choices = {
        c.index: c for c in ThemeSuggestionChoice.objects.filter(run=run).select_related("theme")
    }
    out = []
    for index, theme in enumerate(themes):
        choice = choices.get(index)
        out.append(
            Suggestion(
                index=index,
                label=theme.get("label", ""),
                terms=theme.get("terms", [])[:8],
                story_ids=[pk for pk in theme.get("members", []) if pk in usable],
                decision=choice.decision if choice else "",
                theme=choice.theme if choice else None,
            )
        )
    return out


def suggestion_members(
    *, suggestion: Suggestion, leave_out: set[int], number, per_page: int = 25
) -> tuple[Page, list[Story]]:
    """One page of the suggestion's members that are not left out (in the suggestion's
    order), and the stories left out; two small queries however many members there are."""
    remaining = [pk for pk in suggestion.story_ids if pk not in leave_out]
    page = page_of(remaining, number, per_page)
    left = [pk for pk in suggestion.story_ids if pk in leave_out]
    by_pk = Story.objects.select_related("activity").in_bulk(list(page.object_list) + left)
    page.object_list = [by_pk[pk] for pk in page.object_list if pk in by_pk]
    return page, [by_pk[pk] for pk in left if pk in by_pk]
