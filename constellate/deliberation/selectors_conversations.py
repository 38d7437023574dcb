"""Reads of conversations: what a participant votes on next, the team's lists, the
moderation queue, and the report built from the latest stored result.

Privacy: nothing here returns who voted what. Vote rows are read only as counts; the report
shows a group only from MIN_GROUP_SIZE members, and a percentage only from MIN_GROUP_SIZE
votes, so nobody can work out one person's votes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import Participant
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Conversation, OpinionResult, Statement, Vote
from constellate.deliberation.opinion_map import group_colour, opinion_map_svg
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity, Initiative

MIN_GROUP_SIZE = 5
LETTERS = "ABCDEFGHIJ"


def conversation_activities(*, initiative: Initiative) -> list[Activity]:
    """The initiative's conversation activities, each with `n_statements`, `n_pending`,
    `n_votes` and `n_voters` (a fixed number of queries)."""
    activities = list(
        Activity.objects.filter(initiative=initiative, kind=ActivityKind.CONVERSATION).order_by(
            "opens_on", "title"
        )
    )
    ids = [a.pk for a in activities]
    statements = {
        row["conversation__activity_id"]: row
        for row in Statement.objects.filter(conversation__activity_id__in=ids)
        .values("conversation__activity_id")
        .annotate(
            accepted=Count("pk", filter=Q(status=StatementStatus.ACCEPTED)),
            pending=Count("pk", filter=Q(status=StatementStatus.PENDING)),
        )
        .order_by()
    }
    votes = {
        row["conversation__activity_id"]: row
        for row in Vote.objects.filter(conversation__activity_id__in=ids)
        .values("conversation__activity_id")
        .annotate(n=Count("pk"), voters=Count("participant", distinct=True))
        .order_by()
    }
    for activity in activities:
        s = statements.get(activity.pk, {})
        v = votes.get(activity.pk, {})
        activity.n_statements = s.get("accepted", 0)  # type: ignore[attr-defined]
        activity.n_pending = s.get("pending", 0)  # type: ignore[attr-defined]
        activity.n_votes = v.get("n", 0)  # type: ignore[attr-defined]
        activity.n_voters = v.get("voters", 0)  # type: ignore[attr-defined]
    return activities


def statement_next(*, conversation: Conversation, participant: Participant) -> Statement | None:
    """The next accepted statement the participant has not voted on: the least voted first,
    so that every statement gets enough votes to count."""
    return (
        conversation.statements.filter(status=StatementStatus.ACCEPTED)
        .exclude(votes__participant=participant)
        .annotate(n_votes=Count("votes"))
        .order_by("n_votes", "created_at", "pk")
        .first()
    )


def statement_of_conversation(*, conversation: Conversation, pk: Any) -> Statement | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**63:
        return None
    return (
        Statement.objects.select_related("conversation__activity__initiative")
        .filter(conversation=conversation, pk=pk)
        .first()
    )


def voting_progress(*, conversation: Conversation, participant: Participant) -> tuple[int, int]:
    """(statements the participant voted on, accepted statements), counting accepted ones."""
    counts = conversation.statements.filter(status=StatementStatus.ACCEPTED).aggregate(
        total=Count("pk", distinct=True),
        voted=Count("pk", filter=Q(votes__participant=participant), distinct=True),
    )
    return counts["voted"] or 0, counts["total"] or 0


def own_votes(*, conversation: Conversation, participant: Participant) -> QuerySet[Vote]:
    """The participant's own votes in this conversation (their own data: only they see it)."""
    return (
        Vote.objects.filter(
            conversation=conversation,
            participant=participant,
            statement__status=StatementStatus.ACCEPTED,
        )
        .select_related("statement")
        .order_by("statement__created_at", "statement_id")
    )


def own_statements(*, conversation: Conversation, participant: Participant) -> QuerySet[Statement]:
    """The statements the participant added here (their own: only they see this list)."""
    return conversation.statements.filter(author_participant=participant).order_by(
        "created_at", "pk"
    )


def moderation_queue(*, conversation: Conversation) -> QuerySet[Statement]:
    return conversation.statements.filter(status=StatementStatus.PENDING).order_by(
        "created_at", "pk"
    )


def statement_list(*, conversation: Conversation) -> QuerySet[Statement]:
    """Every statement with its vote totals (aggregates only), newest first."""
    return conversation.statements.annotate(
        n_agree=Count("votes", filter=Q(votes__value=1)),
        n_disagree=Count("votes", filter=Q(votes__value=-1)),
        n_pass=Count("votes", filter=Q(votes__value=0)),
    ).order_by("-created_at", "-pk")


def result_latest(*, conversation: Conversation) -> OpinionResult | None:
    return (
        OpinionResult.objects.filter(conversation=conversation)
        .order_by("-computed_at", "-pk")
        .first()
    )


# The report ----------------------------------------------------------------------------------


@dataclass
class StatementLine:
    text: str
    direction: str  # "agree" or "disagree": what the group (or everyone) mostly did
    seen: int
    agree: int | None  # percentages; None with fewer than MIN_GROUP_SIZE votes
    disagree: int | None
    passed: int | None


@dataclass
class GroupView:
    letter: str
    label: str
    colour: str
    size: int
    statements: list[StatementLine] = field(default_factory=list)


@dataclass
class Report:
    result: OpinionResult | None
    votes_now: int
    groups: list[GroupView]
    hidden_groups: int
    hidden_people: int
    ungrouped: int
    consensus: list[StatementLine]
    svg: str
    counts: dict[str, Any]

    @property
    def outdated(self) -> bool:
        return self.result is not None and self.votes_now != self.result.votes_count


def _line(texts: dict[int, str], counts: dict[str, list[int]], row: dict) -> StatementLine | None:
    sid = row["statement"]
    if sid not in texts:
        return None
    a, d, p = counts.get(str(sid), [0, 0, 0])
    seen = a + d + p
    enough = seen >= MIN_GROUP_SIZE

    def pct(n: int) -> int | None:
        return round(100 * n / seen) if enough and seen else None

    return StatementLine(
        text=texts[sid],
        direction=row["direction"],
        seen=seen,
        agree=pct(a),
        disagree=pct(d),
        passed=pct(p),
    )


def conversation_report(*, conversation: Conversation) -> Report:
    """The report of the latest result: groups from MIN_GROUP_SIZE members with their
    representative statements, the consensus statements and the map."""
    stored = result_latest(conversation=conversation)
    votes_now = Vote.objects.filter(conversation=conversation).count()
    if stored is None:
        return Report(None, votes_now, [], 0, 0, 0, [], "", {})
    result = stored.result
    texts = dict(
        conversation.statements.filter(status=StatementStatus.ACCEPTED).values_list("pk", "text")
    )
    by_group = result.get("votes_by_group", {})
    shown = [g for g in result.get("groups", []) if g["size"] >= MIN_GROUP_SIZE]
    hidden = [g for g in result.get("groups", []) if g["size"] < MIN_GROUP_SIZE]
    groups = []
    labels: dict[int, str] = {}
    colours: dict[int, str] = {}
    for index, group in enumerate(shown):
        letter = LETTERS[index]
        labels[group["id"]] = letter
        colours[group["id"]] = group_colour(index)
        view = GroupView(
            letter=letter,
            label=_("Group %(letter)s") % {"letter": letter},
            colour=colours[group["id"]],
            size=group["size"],
        )
        counts = by_group.get(str(group["id"]), {})
        for row in group.get("representative", []):
            line = _line(texts, counts, row)
            if line is not None:
                view.statements.append(line)
        groups.append(view)
    consensus = []
    everyone = by_group.get("all", {})
    for side in ("agree", "disagree"):
        for row in result.get("consensus", {}).get(side, []):
            line = _line(texts, everyone, row)
            if line is not None:
                consensus.append(line)
    counts = result.get("counts", {})
    grouped = sum(g["size"] for g in result.get("groups", []))
    svg = opinion_map_svg(
        chart_id=f"opinion-map-{conversation.pk}",
        title=_("Map of the opinion groups"),
        clusters=result.get("base_clusters", []),
        labels=labels,
        colours=colours,
    )
    return Report(
        result=stored,
        votes_now=votes_now,
        groups=groups,
        hidden_groups=len(hidden),
        hidden_people=sum(g["size"] for g in hidden),
        ungrouped=max(stored.participants_count - grouped, 0),
        consensus=consensus,
        svg=svg,
        counts=counts,
    )


def result_age_minutes(result: OpinionResult) -> int:
    return max(int((timezone.now() - result.computed_at).total_seconds() // 60), 0)
