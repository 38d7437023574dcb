"""The conversations part of the API: an initiative's conversations, one conversation with
its statements and their vote totals, the report (opinion groups, representative and
consensus statements, and how old the result is), and moderation for the team. The same
selectors, services and rules as the pages.

Aggregates only (issue 6 point 6): no endpoint says who voted what, nor who is in which
group; percentages and groups follow the report's minimum of MIN_GROUP_SIZE. Who may not see
the initiative gets a 404; who sees it but may not do this gets a 403."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from constellate.core.pagination import ApiPages
from constellate.deliberation import selectors_conversations as selectors
from constellate.deliberation import services_conversations as services
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Conversation, Statement
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity
from constellate.initiatives.selectors import initiative_by_pk

router = Router(tags=["conversations"])

MAX_PK = 2**63
VIEW = "deliberation.view_conversation"
RUN = "deliberation.run_conversation"


# Schemas -------------------------------------------------------------------------------------


class ConversationRowOut(Schema):
    id: int = Field(..., description="The id of the conversation's activity.")
    title: str
    topic: str
    statements: int = Field(..., description="Accepted statements.")
    pending: int = Field(..., description="Statements waiting for moderation.")
    votes: int
    voters: int
    source: str = Field(..., description="Source and licence of an imported conversation.")


class ConversationOut(ConversationRowOut):
    initiative: int
    description: str
    participants_can_add: bool
    moderated: bool
    imported_at: datetime | None
    report_computed_at: datetime | None
    can_run: bool


class StatementOut(Schema):
    id: int
    text: str
    status: str = Field(..., description="pending, accepted or rejected.")
    from_participant: bool
    added_on: date
    agree: int
    disagree: int
    passed: int = Field(..., description="Votes 'pass / unsure'.")


class StatementLineOut(Schema):
    text: str
    direction: str = Field(..., description="agree or disagree: what the group mostly did.")
    seen: int = Field(..., description="Votes on the statement in the group.")
    agree: int | None = Field(..., description="Percent; null with fewer than 5 votes.")
    disagree: int | None
    passed: int | None


class GroupOut(Schema):
    letter: str
    size: int
    statements: list[StatementLineOut] = Field(..., description="Representative statements.")


class ReportOut(Schema):
    computed_at: datetime | None = Field(..., description="Null until the first computation.")
    age_minutes: int | None
    votes_counted: int = Field(..., description="Votes the result was computed from.")
    votes_now: int
    outdated: bool = Field(..., description="Votes came in since; a new result is on its way.")
    participants: int
    ungrouped: int
    hidden_groups: int = Field(..., description="Groups with fewer than min_group_size people.")
    hidden_people: int
    min_group_size: int
    groups: list[GroupOut]
    consensus: list[StatementLineOut]
    source: str


class ModerateIn(Schema):
    decision: str = Field(..., description="accept or reject.")


# Checks --------------------------------------------------------------------------------------


def _activity(request, pk: int, perm: str = VIEW) -> tuple[Activity, Conversation]:
    activity = None
    if 0 < pk < MAX_PK:
        activity = (
            Activity.objects.select_related("initiative__organisation")
            .filter(pk=pk, kind=ActivityKind.CONVERSATION)
            .first()
        )
    if activity is None or not request.auth.has_perm(VIEW, activity):
        raise Http404
    if perm != VIEW and not request.auth.has_perm(perm, activity):
        raise HttpError(403, _("You may not run this conversation."))
    return activity, services.conversation_ensure(activity=activity)


# Output --------------------------------------------------------------------------------------


def _row(activity: Activity) -> dict[str, Any]:
    conversation = getattr(activity, "conversation_row", None)
    return {
        "id": activity.pk,
        "title": activity.title,
        "topic": conversation.topic if conversation else "",
        "statements": activity.n_statements,
        "pending": activity.n_pending,
        "votes": activity.n_votes,
        "voters": activity.n_voters,
        "source": conversation.source if conversation else "",
    }


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "id": statement.pk,
        "text": statement.text,
        "status": statement.status,
        "from_participant": statement.author_participant_id is not None,
        "added_on": timezone.localtime(statement.created_at).date(),
        "agree": statement.n_agree,
        "disagree": statement.n_disagree,
        "passed": statement.n_pass,
    }


def _line(line) -> dict[str, Any]:
    return {
        "text": line.text,
        "direction": line.direction,
        "seen": line.seen,
        "agree": line.agree,
        "disagree": line.disagree,
        "passed": line.passed,
    }


class _Mapped:
    """A query's rows turned into output dicts, for the paginator: only the page is built."""

    def __init__(self, rows, convert):
        self.rows, self.convert = rows, convert

    def __len__(self) -> int:
        return len(self.rows) if isinstance(self.rows, list) else self.rows.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [self.convert(row) for row in self.rows[index]]


# Endpoints -----------------------------------------------------------------------------------


@router.get("/initiatives/{pk}/conversations", response=list[ConversationRowOut])
@paginate(ApiPages, page_size=25)
def conversation_list(request, pk: int):
    """The initiative's conversations with their totals."""
    initiative = initiative_by_pk(pk=pk, viewer=request.auth) if 0 < pk < MAX_PK else None
    if initiative is None or not request.auth.has_perm(
        "deliberation.view_conversations", initiative
    ):
        raise Http404
    activities = selectors.conversation_activities(initiative=initiative)
    conversations = {
        c.activity_id: c
        for c in Conversation.objects.filter(activity__in=[a.pk for a in activities])
    }
    for activity in activities:
        activity.conversation_row = conversations.get(activity.pk)  # type: ignore[attr-defined]
    return _Mapped(activities, _row)


@router.get("/conversations/{pk}", response=ConversationOut)
def conversation_detail(request, pk: int):
    """One conversation (by its activity's id) with its totals; its statements are listed
    at /conversations/{pk}/statements."""
    activity, conversation = _activity(request, pk)
    (counted,) = [
        a
        for a in selectors.conversation_activities(initiative=activity.initiative)
        if a.pk == activity.pk
    ]
    counted.conversation_row = conversation  # type: ignore[attr-defined]
    latest = selectors.result_latest(conversation=conversation)
    return {
        **_row(counted),
        "initiative": activity.initiative_id,
        "description": conversation.description,
        "participants_can_add": conversation.participants_can_add,
        "moderated": conversation.moderated,
        "imported_at": conversation.imported_at,
        "report_computed_at": latest.computed_at if latest else None,
        "can_run": request.auth.has_perm(RUN, activity),
    }


@router.get("/conversations/{pk}/statements", response=list[StatementOut])
@paginate(ApiPages, page_size=50)
def statement_list(request, pk: int, status: str = ""):
    """The statements with their vote totals (agree, disagree, pass), newest first;
    `status` filters (pending, accepted, rejected)."""
    _activity_, conversation = _activity(request, pk)
    if status and status not in StatementStatus.values:
        raise HttpError(422, _("Unknown value for %(name)s.") % {"name": "status"})
    rows = selectors.statement_list(conversation=conversation)
    if status:
        rows = rows.filter(status=status)
    return _Mapped(rows, _statement)


@router.get("/conversations/{pk}/report", response=ReportOut)
def report(request, pk: int):
    """The opinion groups of the latest result: groups of at least `min_group_size` people
    with their representative statements, the consensus statements, and how old it is."""
    _activity_, conversation = _activity(request, pk)
    report = selectors.conversation_report(conversation=conversation)
    result = report.result
    return {
        "computed_at": result.computed_at if result else None,
        "age_minutes": selectors.result_age_minutes(result) if result else None,
        "votes_counted": result.votes_count if result else 0,
        "votes_now": report.votes_now,
        "outdated": report.outdated,
        "participants": result.participants_count if result else 0,
        "ungrouped": report.ungrouped,
        "hidden_groups": report.hidden_groups,
        "hidden_people": report.hidden_people,
        "min_group_size": selectors.MIN_GROUP_SIZE,
        "groups": [
            {
                "letter": group.letter,
                "size": group.size,
                "statements": [_line(line) for line in group.statements],
            }
            for group in report.groups
        ],
        "consensus": [_line(line) for line in report.consensus],
        "source": conversation.source,
    }


@router.post("/conversations/{pk}/statements/{statement_pk}/moderate", response=StatementOut)
def moderate(request, pk: int, statement_pk: int, payload: ModerateIn):
    """Accept or reject a statement (the team of the initiative)."""
    _activity_, conversation = _activity(request, pk, RUN)
    statement = selectors.statement_of_conversation(conversation=conversation, pk=statement_pk)
    if statement is None:
        raise Http404
    status = {"accept": StatementStatus.ACCEPTED, "reject": StatementStatus.REJECTED}.get(
        payload.decision
    )
    if status is None:
        error = HttpError(422, _("Please check the input."))
        error.errors = {"decision": [_("Choose accept or reject.")]}  # type: ignore[attr-defined]
        raise error
    try:
        services.statement_moderate(statement=statement, actor=request.auth, status=status)
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from exc
    row = selectors.statement_list(conversation=conversation).get(pk=statement.pk)
    return _statement(row)
