"""The stories part of the API: stories of an initiative (list and search), one story with its
consent, themes, quotes and path, insights, packages and conversations of change, with the
same selectors and rules as the pages. One write: coding a story with themes, as the
curation page does (services_curation.story_themes_set).

A story is heard only within its teller's consent: a story beyond it, withdrawn or expired
does not exist (404), as on the pages. Who may not see the initiative gets a 404; who sees it
but may not do this gets a 403. Quotes and clips only while the teller allows quotes; files
only through the same permission-checked download as the story's page. Reading a story's
text is written to the audit log, as its page does."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from constellate.core.pagination import ApiPages
from constellate.core.services import audit_record
from constellate.initiatives.models import Initiative
from constellate.initiatives.selectors import initiative_by_pk
from constellate.stories import selectors, services_curation
from constellate.stories import selectors_curation as cur
from constellate.stories import selectors_mobilise as mob
from constellate.stories.choices import Audience, Medium, StoryType
from constellate.stories.models import (
    Clip,
    Insight,
    Quote,
    Story,
    StoryMedia,
    Theme,
)

router = Router(tags=["stories"])

MAX_PK = 2**63


# Schemas -------------------------------------------------------------------------------------


class Ref(Schema):
    id: int
    title: str


class MediaOut(Schema):
    id: int
    medium: str
    mime: str
    size: int
    duration: float | None
    url: str = Field(..., description="The file, for the same key (answers range requests).")


class StoryRowOut(Schema):
    id: int
    title: str
    excerpt: str = Field(..., description="The first words; the whole text is in the story.")
    story_type: str
    language: str
    audience: str = Field(..., description="Who may hear it: team, organisation or public.")
    activity: Ref
    created_at: datetime
    media: list[str] = Field(..., description="The kinds of its files.")


class ConsentOut(Schema):
    audience: str
    analysis: bool
    quotes: bool
    named: bool
    keep: str
    keep_until: date
    wording: str
    given_at: datetime


class ThemeOut(Schema):
    id: int
    name: str
    kind: str


class ThemeCountOut(ThemeOut):
    description: str
    from_suggestion: bool
    story_count: int


class QuoteOut(Schema):
    id: int
    story: int
    start: int
    end: int
    text: str


class ClipOut(Schema):
    id: int
    story: int
    media: int
    start: float
    end: float
    label: str


class AnswerOut(Schema):
    question: str
    answer: str


class PathOut(Schema):
    insights: list[Ref]
    packages: list[Ref]
    conversations: list[Ref]
    actions: list[Ref]


class StoryOut(StoryRowOut):
    question: str
    text: str
    channel: str
    image_alt: str
    teller_name: str | None = Field(..., description="Only when the teller chose to be named.")
    consent: ConsentOut
    answers: list[AnswerOut]
    files: list[MediaOut]
    themes: list[ThemeOut]
    quotes_allowed: bool
    quotes: list[QuoteOut] = Field(..., description="Empty unless the teller allows quotes.")
    clips: list[ClipOut] = Field(..., description="Empty unless the teller allows quotes.")
    path: PathOut


class ThemesIn(Schema):
    themes: list[int] = Field(..., description="Ids of the initiative's themes; replaces all.")


class InsightOut(Schema):
    id: int
    title: str
    text: str
    created_at: datetime
    stories: list[Ref] = Field(..., description="Only the stories the caller may hear.")
    quotes: list[QuoteOut]
    clips: list[ClipOut]
    evidence_total: int
    evidence_hidden: int = Field(..., description="Evidence the caller may not see.")
    evidence_withdrawn: int


class PackageRowOut(Schema):
    id: int
    title: str
    visibility: str
    status: str
    published_at: datetime | None
    story_count: int
    insight_count: int


class PackageOut(PackageRowOut):
    introduction: str
    stories: list[StoryRowOut]
    insights: list[InsightOut]
    quotes: list[QuoteOut]
    clips: list[ClipOut]
    places: dict[str, int]
    stories_hidden: int = Field(..., description="Stories in it the caller may not hear.")
    stories_withdrawn: int


class ConversationRowOut(Schema):
    id: int
    title: str
    held_on: date
    place: str
    package: Ref | None
    groups: list[str]
    priority_count: int
    action_count: int
    open_count: int


class PriorityOut(Schema):
    id: int
    rank: int
    text: str
    stories: list[Ref]
    insights: list[Ref]


class ActionOut(Schema):
    id: int
    what: str
    owner: str
    due_on: date | None
    status: str
    priority: int | None
    stories: list[Ref]
    insights: list[Ref]


class ConversationOut(Schema):
    id: int
    title: str
    held_on: date
    place: str
    package: Ref | None
    groups: list[str]
    notes: str
    stories_withdrawn: int
    priorities: list[PriorityOut]
    actions: list[ActionOut]


# Checks --------------------------------------------------------------------------------------


def _initiative(request, pk: int, perm: str = "stories.view_stories") -> Initiative:
    initiative = initiative_by_pk(pk=pk, viewer=request.auth) if 0 < pk < MAX_PK else None
    if initiative is None or not request.auth.has_perm("stories.view_stories", initiative):
        raise Http404
    _require(request, initiative, perm)
    return initiative


def _require(request, initiative: Initiative, perm: str) -> None:
    if perm == "stories.view_stories" or request.auth.has_perm(perm, initiative):
        return
    messages = {
        "stories.curate": _("You may not curate the stories of this initiative."),
        "stories.view_mobilisation": _(
            "Only the team of this initiative sees its packages and conversations of change."
        ),
    }
    raise HttpError(403, messages.get(perm, _("You may not do this.")))


def _story(request, pk: int) -> Story:
    """As the story's page: beyond its consent, withdrawn or not there, it does not exist."""
    story = selectors.story_for_staff(pk=pk)
    if story is None or not request.auth.has_perm("stories.view_story", story):
        raise Http404
    return story


def _check_choice(value: str, allowed, name: str) -> str:
    if value and value not in allowed:
        raise HttpError(422, _("Unknown value for %(name)s.") % {"name": name})
    return value


# A story list counts at most this many stories, as the Stories page: a common word among
# 100,000 stories is not counted to the end on every page.
COUNT_CAP = 1000


class StoryPages(ApiPages):
    """ApiPages whose `count` stops at COUNT_CAP; `more` is true when the list goes on."""

    class Output(Schema):
        items: list[Any]
        count: int = Field(..., description="The number of stories, at most 1,000.")
        more: bool = Field(..., description="True when there are more than `count`.")

    def paginate_queryset(self, queryset, pagination, request, **params):
        page_size = self._get_page_size(pagination.page_size)
        offset = (pagination.page - 1) * page_size
        counted = queryset.count_upto(COUNT_CAP + 1)
        return {
            "items": queryset[offset : offset + page_size],
            "count": min(counted, COUNT_CAP),
            "more": counted > COUNT_CAP,
        }


class _Mapped:
    """A query's rows turned into output dicts, for the paginator: only the page is built."""

    def __init__(self, rows, convert):
        self.rows, self.convert = rows, convert

    def __len__(self) -> int:
        return len(self.rows) if isinstance(self.rows, list) else self.rows.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [self.convert(row) for row in self.rows[index]]

    def count_upto(self, limit: int) -> int:
        return self.rows.order_by()[:limit].count()


# Output --------------------------------------------------------------------------------------


def _excerpt(story: Story) -> str:
    words = story.text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def _ref(obj, title: str | None = None) -> dict[str, Any]:
    return {"id": obj.pk, "title": title if title is not None else str(obj)}


def _story_ref(story: Story) -> dict[str, Any]:
    return {"id": story.pk, "title": story.title or _excerpt(story)}


def _row(story: Story) -> dict[str, Any]:
    return {
        "id": story.pk,
        "title": story.title,
        "excerpt": _excerpt(story),
        "story_type": story.story_type,
        "language": story.language,
        "audience": story.audience,
        "activity": _ref(story.activity, story.activity.title),
        "created_at": story.created_at,
        "media": [m.medium for m in story.media.all()],
    }


def _media(story: Story, media: StoryMedia, request) -> dict[str, Any]:
    return {
        "id": media.pk,
        "medium": media.medium,
        "mime": media.mime,
        "size": media.size,
        "duration": media.duration,
        "url": request.build_absolute_uri(f"/api/v1/stories/{story.pk}/files/{media.pk}"),
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.pk,
        "story": quote.story_id,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
    }


def _clip(clip: Clip) -> dict[str, Any]:
    return {
        "id": clip.pk,
        "story": clip.story_id,
        "media": clip.media_id,
        "start": clip.start,
        "end": clip.end,
        "label": clip.label,
    }


def _theme(theme: Theme) -> dict[str, Any]:
    return {"id": theme.pk, "name": theme.name, "kind": theme.kind}


def _detail(request, story: Story) -> dict[str, Any]:
    """Everything the story's page shows, with its themes and (where allowed) its quotes."""
    consents = list(story.consents.all())
    current = consents[0]
    quotable = current.quotes and current.withdrawn_at is None
    codings = story.codings.select_related("theme").order_by("theme__kind", "theme__name")
    path = mob.story_path(story=story)
    return {
        **_row(story),
        "question": story.question,
        "text": story.text,
        "channel": story.channel,
        "image_alt": story.image_alt,
        "teller_name": story.teller_name if current.named and story.teller_name else None,
        "consent": {
            "audience": current.audience,
            "analysis": current.analysis,
            "quotes": current.quotes,
            "named": current.named,
            "keep": current.keep,
            "keep_until": current.keep_until,
            "wording": current.wording,
            "given_at": current.given_at,
        },
        "answers": [{"question": q, "answer": a} for q, a in selectors.answers_shown(story)],
        "files": [_media(story, m, request) for m in story.media.all()],
        "themes": [_theme(c.theme) for c in codings],
        "quotes_allowed": quotable,
        "quotes": [_quote(q) for q in story.quotes.order_by("start", "pk")] if quotable else [],
        "clips": [_clip(c) for c in story.clips.order_by("media_id", "start", "pk")]
        if quotable
        else [],
        "path": {
            "insights": [_ref(i, i.title) for i in path.insights],
            "packages": [_ref(p, p.title) for p in path.packages],
            "conversations": [_ref(c, c.title) for c in path.conversations],
            "actions": [_ref(a, a.what) for a in path.actions],
        },
    }


def _insight(insight: Insight) -> dict[str, Any]:
    shown = len(insight.visible_stories) + len(insight.visible_quotes)
    shown += len(insight.visible_clips)
    total = getattr(insight, "evidence_total", None)
    if total is None:
        total = insight.stories.count() + insight.quotes.count() + insight.clips.count()
    return {
        "id": insight.pk,
        "title": insight.title,
        "text": insight.text,
        "created_at": insight.created_at,
        "stories": [_story_ref(s) for s in insight.visible_stories],
        "quotes": [_quote(q) for q in insight.visible_quotes],
        "clips": [_clip(c) for c in insight.visible_clips],
        "evidence_total": total,
        "evidence_hidden": max(0, total - shown),
        "evidence_withdrawn": insight.evidence_withdrawn,
    }


def _package_row(package) -> dict[str, Any]:
    return {
        "id": package.pk,
        "title": package.title,
        "visibility": package.visibility,
        "status": package.status,
        "published_at": package.published_at,
        "story_count": getattr(package, "story_count", 0),
        "insight_count": getattr(package, "insight_count", 0),
    }


def _conversation_row(conversation) -> dict[str, Any]:
    package = conversation.package
    return {
        "id": conversation.pk,
        "title": conversation.title,
        "held_on": conversation.held_on,
        "place": conversation.place,
        "package": _ref(package, package.title) if package is not None else None,
        "groups": list(conversation.groups or []),
        "priority_count": getattr(conversation, "priority_count", 0),
        "action_count": getattr(conversation, "action_count", 0),
        "open_count": getattr(conversation, "open_count", 0),
    }


def _linked(item) -> dict[str, Any]:
    return {
        "stories": [_story_ref(s) for s in item.visible_stories],
        "insights": [_ref(i, i.title) for i in item.all_insights],
    }


# Stories -------------------------------------------------------------------------------------


@router.get("/initiatives/{pk}/stories", response=list[StoryRowOut])
@paginate(StoryPages, page_size=25)
def story_list(
    request,
    pk: int,
    q: str = "",
    activity: int | None = None,
    story_type: str = "",
    medium: str = "",
    language: str = "",
    audience: str = "",
):
    """The stories the caller may hear, newest first; `q` searches title, text, question and
    photo description (every word must occur; never the teller's name), as the Stories page.
    `count` stops at 1,000 (then `more` is true): page on until a page comes back empty."""
    initiative = _initiative(request, pk)
    if activity is not None and not 0 < activity < MAX_PK:
        raise HttpError(422, _("Unknown value for %(name)s.") % {"name": "activity"})
    stories = selectors.story_search(
        initiative=initiative,
        user=request.auth,
        query=q.replace("\x00", "")[:200],
        activity_id=activity,
        story_type=_check_choice(story_type, StoryType.values, "story_type"),
        medium=_check_choice(medium, Medium.values, "medium"),
        language=language.replace("\x00", "")[:12],
        audience=_check_choice(audience, Audience.values, "audience"),
    )
    return _Mapped(stories, _row)


@router.get("/stories/{pk}", response=StoryOut)
def story_detail(request, pk: int):
    """One story with its consent, themes, quotes and clips (while the teller allows quotes)
    and its path. Reading it is written to the audit log, as on its page."""
    story = _story(request, pk)
    audit_record(
        actor=request.auth,
        action="story.viewed",
        obj=story,
        organisation_id=story.activity.initiative.organisation_id,
        detail={"page": "api"},
    )
    return _detail(request, story)


@router.get("/stories/{pk}/files/{media_pk}", response={200: None})
def story_file(request, pk: int, media_pk: int):
    """A file of the story, through the same checks and the same download as its page."""
    from constellate.stories.views import _media_response

    story = _story(request, pk)
    media = next((m for m in story.media.all() if m.pk == media_pk), None)
    if media is None:
        raise Http404
    return _media_response(request, media)


@router.put("/stories/{pk}/themes", response=list[ThemeOut])
def story_themes(request, pk: int, payload: ThemesIn):
    """Code the story with exactly these themes of its initiative (curators)."""
    story = _story(request, pk)
    initiative = story.activity.initiative
    _require(request, initiative, "stories.curate")
    wanted = set(payload.themes)
    themes = list(Theme.objects.filter(initiative=initiative, pk__in=wanted & _valid_pks(wanted)))
    if len(themes) != len(wanted):
        error = HttpError(422, _("Please check the input."))
        error.errors = {"themes": [_("Choose themes of this initiative.")]}  # type: ignore[attr-defined]
        raise error
    try:
        chosen = services_curation.story_themes_set(story=story, themes=themes, actor=request.auth)
    except ValidationError as exc:
        raise HttpError(422, exc.messages[0]) from exc
    return [_theme(t) for t in chosen]


def _valid_pks(values: set[int]) -> set[int]:
    return {v for v in values if 0 < v < MAX_PK}


@router.get("/initiatives/{pk}/stories/themes", response=list[ThemeCountOut])
def theme_list(request, pk: int):
    """The initiative's themes, each with its number of stories (curators, as the workspace)."""
    initiative = _initiative(request, pk, "stories.curate")
    return [
        {
            **_theme(t),
            "description": t.description,
            "from_suggestion": t.from_suggestion,
            "story_count": t.story_count,
        }
        for t in cur.initiative_themes(initiative=initiative)
    ]


# Insights ------------------------------------------------------------------------------------


@router.get("/initiatives/{pk}/insights", response=list[InsightOut])
@paginate(ApiPages, page_size=25)
def insight_list(request, pk: int):
    """The insights, each with only the evidence the caller may hear, as the Insights page."""
    initiative = _initiative(request, pk, "stories.view_insights")
    return _Mapped(cur.insights_for(initiative=initiative, user=request.auth), _insight)


# Packages ------------------------------------------------------------------------------------


@router.get("/initiatives/{pk}/packages", response=list[PackageRowOut])
@paginate(ApiPages, page_size=25)
def package_list(request, pk: int):
    """The packages (drafts only for curators), for the initiative's team."""
    initiative = _initiative(request, pk, "stories.view_mobilisation")
    curator = request.auth.has_perm("stories.curate", initiative)
    return _Mapped(mob.package_list(initiative=initiative, with_drafts=curator), _package_row)


@router.get("/packages/{pk}", response=PackageOut)
def package_detail(request, pk: int):
    """A package as its page shows it to the caller: only the stories they may hear, quotes
    and clips only while the teller allows quotes."""
    package = mob.package_by_pk(pk=pk)
    if package is None:
        raise Http404
    initiative = package.initiative
    if not request.auth.has_perm("stories.view_stories", initiative):
        raise Http404
    _require(request, initiative, "stories.view_mobilisation")
    if not package.is_published and not request.auth.has_perm("stories.curate", initiative):
        raise Http404
    view = mob.package_view(package=package, user=request.auth)
    return {
        **_package_row(package),
        "story_count": len(view.stories),
        "insight_count": len(view.insights),
        "introduction": package.introduction,
        "stories": [_row(s) for s in view.stories],
        "insights": [_insight(i) for i in view.insights],
        "quotes": [_quote(q) for q in view.quotes],
        "clips": [_clip(c["clip"]) for c in view.clips],
        "places": dict(view.places),
        "stories_hidden": view.hidden,
        "stories_withdrawn": view.withdrawn,
    }


# Conversations of change ---------------------------------------------------------------------


@router.get("/initiatives/{pk}/change-conversations", response=list[ConversationRowOut])
@paginate(ApiPages, page_size=25)
def conversation_list(request, pk: int):
    initiative = _initiative(request, pk, "stories.view_mobilisation")
    return _Mapped(mob.conversation_list(initiative=initiative), _conversation_row)


@router.get("/change-conversations/{pk}", response=ConversationOut)
def conversation_detail(request, pk: int):
    """A conversation of change with its ranked priorities and its actions, each with the
    stories the caller may hear and the insights that led to it."""
    conversation = mob.conversation_by_pk(pk=pk)
    if conversation is None:
        raise Http404
    initiative = conversation.initiative
    if not request.auth.has_perm("stories.view_stories", initiative):
        raise Http404
    _require(request, initiative, "stories.view_mobilisation")
    detail = mob.conversation_detail(conversation=conversation, user=request.auth)
    row = _conversation_row(conversation)
    for key in ("priority_count", "action_count", "open_count"):
        row.pop(key)
    return {
        **row,
        "notes": conversation.notes,
        "stories_withdrawn": conversation.stories_withdrawn,
        "priorities": [
            {"id": p.pk, "rank": p.rank, "text": p.text, **_linked(p)} for p in detail["priorities"]
        ],
        "actions": [
            {
                "id": a.pk,
                "what": a.what,
                "owner": a.owner_display,
                "due_on": a.due_on,
                "status": a.status,
                "priority": a.priority_id,
                **_linked(a),
            }
            for a in detail["actions"]
        ],
    }
