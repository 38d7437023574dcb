"""Reads of idea rounds: the list (filter, search, sort, a page at a time, fast at 50,000
ideas), one idea with its comments, the moderation queue, the team's overview of rounds,
and the published ideas for the public initiative page.

Privacy: supports are only ever read as counts (the idea's `support_count`), or for the
participant themself ("you support this")."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from constellate.accounts.models import Participant
from constellate.deliberation.choices import IdeaModeration, IdeaStatus
from constellate.deliberation.models import Idea, IdeaComment, IdeaRound, IdeaSupport
from constellate.deliberation.search_ideas import search_ideas
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity, Initiative

SORTS = {
    "newest": ("-created_at", "-id"),
    "supported": ("-support_count", "-created_at", "-id"),
}
STATUS_FILTERS = [s.value for s in IdeaStatus]


def idea_round_activities(*, initiative: Initiative) -> list[Activity]:
    """The initiative's idea rounds, each with `n_ideas` (published), `n_pending` and
    `n_supports` (a fixed number of queries)."""
    activities = list(
        Activity.objects.filter(initiative=initiative, kind=ActivityKind.IDEA_ROUND).order_by(
            "opens_on", "title"
        )
    )
    ids = [a.pk for a in activities]
    counts = {
        row["idea_round__activity_id"]: row
        for row in Idea.objects.filter(idea_round__activity_id__in=ids)
        .values("idea_round__activity_id")
        .annotate(
            published=Count("pk", filter=Q(moderation=IdeaModeration.PUBLISHED)),
            pending=Count("pk", filter=Q(moderation=IdeaModeration.PENDING)),
        )
        .order_by()
    }
    supports = dict(
        IdeaSupport.objects.filter(idea__idea_round__activity_id__in=ids)
        .values("idea__idea_round__activity_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("idea__idea_round__activity_id", "n")
    )
    for activity in activities:
        c = counts.get(activity.pk, {})
        activity.n_ideas = c.get("published", 0)  # type: ignore[attr-defined]
        activity.n_pending = c.get("pending", 0)  # type: ignore[attr-defined]
        activity.n_supports = supports.get(activity.pk, 0)  # type: ignore[attr-defined]
    return activities


def idea_list(
    *, idea_round: IdeaRound, status: str = "", query: str = "", sort: str = "newest"
) -> QuerySet[Idea]:
    """The round's published ideas (what participants and the team's list show). Without a
    status filter merged ideas are left out (they live on in the idea they went into)."""
    ideas = Idea.objects.filter(idea_round=idea_round, moderation=IdeaModeration.PUBLISHED)
    if status in STATUS_FILTERS:
        ideas = ideas.filter(status=status)
    else:
        ideas = ideas.exclude(status=IdeaStatus.MERGED)
    ideas = search_ideas(ideas, query)
    return ideas.select_related("merged_into").order_by(*SORTS.get(sort, SORTS["newest"]))


def _pk(value: Any) -> int | None:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk < 2**63 else None


def idea_of_round(*, idea_round: IdeaRound, pk: Any, published_only: bool) -> Idea | None:
    pk = _pk(pk)
    if pk is None:
        return None
    ideas = Idea.objects.select_related(
        "idea_round__activity__initiative__organisation", "merged_into"
    ).filter(idea_round=idea_round, pk=pk)
    if published_only:
        ideas = ideas.filter(moderation=IdeaModeration.PUBLISHED)
    return ideas.first()


def comment_of_idea(*, idea: Idea, pk: Any) -> IdeaComment | None:
    pk = _pk(pk)
    if pk is None:
        return None
    return (
        IdeaComment.objects.select_related("idea__idea_round__activity")
        .filter(idea=idea, pk=pk)
        .first()
    )


def idea_comments(*, idea: Idea) -> QuerySet[IdeaComment]:
    """The visible comments, oldest first (also those carried over from merged ideas)."""
    return idea.comments.filter(hidden=False).select_related("author_participant")


def supported_ids(*, participant: Participant | None, ideas: list[Idea]) -> set[int]:
    """Which of these ideas the participant supports (their own data, for their buttons)."""
    if participant is None or not ideas:
        return set()
    return set(
        IdeaSupport.objects.filter(
            participant=participant, idea_id__in=[i.pk for i in ideas]
        ).values_list("idea_id", flat=True)
    )


def own_waiting(*, idea_round: IdeaRound, participant: Participant | None) -> list[Idea]:
    """The participant's own ideas that wait for the team (only they see these)."""
    if participant is None:
        return []
    return list(
        Idea.objects.filter(
            idea_round=idea_round,
            author_participant=participant,
            moderation=IdeaModeration.PENDING,
        )
        .only("pk", "title", "created_at")
        .order_by("created_at", "pk")
    )


def moderation_queue(*, idea_round: IdeaRound) -> QuerySet[Idea]:
    return Idea.objects.filter(idea_round=idea_round, moderation=IdeaModeration.PENDING).order_by(
        "created_at", "pk"
    )


def merge_targets(*, idea: Idea) -> QuerySet[Idea]:
    """The ideas `idea` may be merged into: published, not merged, in the same round."""
    return (
        Idea.objects.filter(idea_round_id=idea.idea_round_id, moderation=IdeaModeration.PUBLISHED)
        .exclude(status=IdeaStatus.MERGED)
        .exclude(pk=idea.pk)
        .only("pk", "title")
        .order_by("title", "pk")
    )


def merged_from(*, idea: Idea) -> list[Idea]:
    return list(idea.merged_from.only("pk", "title", "idea_round_id").order_by("pk"))


PUBLIC_SHOWN = 5


def public_idea_rounds(*, initiative: Initiative) -> list[dict[str, Any]]:
    """For the public initiative page: each idea round shown there with its newest published
    ideas (titles and status; no support numbers, which change too often for that cached
    page) and the number of published ideas. Two queries per round."""
    if not initiative.is_public:
        return []
    rounds = []
    activities = Activity.objects.filter(
        initiative=initiative, kind=ActivityKind.IDEA_ROUND, is_public=True
    ).order_by("opens_on", "title")
    for activity in activities:
        ideas = Idea.objects.filter(
            idea_round__activity=activity, moderation=IdeaModeration.PUBLISHED
        ).exclude(status=IdeaStatus.MERGED)
        rounds.append(
            {
                "activity": activity,
                "count": ideas.count(),
                "ideas": list(ideas.order_by("-created_at", "-id")[:PUBLIC_SHOWN]),
            }
        )
    return rounds
