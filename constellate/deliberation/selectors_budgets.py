"""Reads of shared budgets: the team's list, the projects, a participant's own ballot and the
results.

Privacy: nothing here returns who chose what. The results are counted from the ballots as
sets of project ids (no participant attached) and shown only as totals per project; the
public results page shows them only from MIN_BALLOTS ballots, so that nobody can read one
person's choice from them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet

from constellate.accounts.models import Participant
from constellate.analysis.budget import FUNDED, SKIPPED, Outcome, ProjectInput, count
from constellate.deliberation.models import Ballot, BallotChoice, Budget, BudgetProject
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity, Initiative

MIN_BALLOTS = 5


def budget_activities(*, initiative: Initiative) -> list[Activity]:
    """The initiative's budget activities, each with `budget_total`, `n_projects` and
    `n_ballots` (a fixed number of queries)."""
    activities = list(
        Activity.objects.filter(initiative=initiative, kind=ActivityKind.BUDGET).order_by(
            "opens_on", "title"
        )
    )
    ids = [a.pk for a in activities]
    rows = {
        row["activity_id"]: row
        for row in Budget.objects.filter(activity_id__in=ids)
        .values("activity_id", "total")
        .annotate(
            n_projects=Count("projects", distinct=True), n_ballots=Count("ballots", distinct=True)
        )
        .order_by()
    }
    for activity in activities:
        row = rows.get(activity.pk, {})
        activity.budget_total = row.get("total", 0)  # type: ignore[attr-defined]
        activity.n_projects = row.get("n_projects", 0)  # type: ignore[attr-defined]
        activity.n_ballots = row.get("n_ballots", 0)  # type: ignore[attr-defined]
    return activities


def projects(*, budget: Budget) -> list[BudgetProject]:
    return list(budget.projects.order_by("position", "pk"))


def project_of_budget(*, budget: Budget, pk: Any) -> BudgetProject | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**63:
        return None
    return BudgetProject.objects.filter(budget=budget, pk=pk).select_related("budget").first()


def own_ballot(*, budget: Budget, participant: Participant) -> tuple[Ballot | None, list[int]]:
    """The participant's own ballot and the ids they chose (their own data: only they see
    it)."""
    ballot = Ballot.objects.filter(budget=budget, participant=participant).first()
    if ballot is None:
        return None, []
    return ballot, list(ballot.choices.values_list("project_id", flat=True))


def ballot_count(*, budget: Budget) -> int:
    return Ballot.objects.filter(budget=budget).count()


@dataclass
class ResultLine:
    project: BudgetProject
    supporters: int
    status: str
    left_before: int | None

    @property
    def funded(self) -> bool:
        return self.status == FUNDED

    @property
    def skipped(self) -> bool:
        return self.status == SKIPPED


@dataclass
class Results:
    rule: str
    ballots: int
    total: int
    spent: int
    left: int
    lines: list[ResultLine] = field(default_factory=list)


def budget_results(*, budget: Budget) -> Results:
    """Per project: supporters and whether it is funded under the budget's counting rule.
    Two queries; the ballots are read as sets of project ids only."""
    items = projects(budget=budget)
    chosen: dict[int, list[int]] = defaultdict(list)
    for ballot_id, project_id in BallotChoice.objects.filter(ballot__budget=budget).values_list(
        "ballot_id", "project_id"
    ):
        chosen[ballot_id].append(project_id)
    outcome: Outcome = count(
        budget.rule,
        budget.total,
        [ProjectInput(id=p.pk, cost=p.cost) for p in items],
        list(chosen.values()),
    )
    by_id = {p.pk: p for p in items}
    lines = [
        ResultLine(
            project=by_id[line.id],
            supporters=line.supporters,
            status=line.status,
            left_before=line.left_before,
        )
        for line in outcome.projects
    ]
    return Results(
        rule=budget.rule,
        ballots=len(chosen),
        total=budget.total,
        spent=outcome.spent,
        left=outcome.left,
        lines=lines,
    )


def supporters_per_project(*, budget: Budget) -> dict[int, int]:
    """{project id: number of ballots choosing it} (aggregates for the team's page)."""
    return dict(
        BudgetProject.objects.filter(budget=budget)
        .annotate(n=Count("choices", filter=Q(choices__isnull=False)))
        .values_list("pk", "n")
    )


def budgets_with_public_results(*, initiative: Initiative) -> QuerySet[Budget]:
    """The initiative's budgets whose results anyone may see: on a public activity, and
    published by the team or voting over (the object-level twin is
    rules.budget_results_are_public). The initiative's own visibility is checked by the
    caller."""
    from django.utils import timezone

    return Budget.objects.filter(
        Q(results_published=True)
        | Q(closed_at__isnull=False)
        | Q(activity__closes_on__lt=timezone.localdate()),
        activity__initiative=initiative,
        activity__kind=ActivityKind.BUDGET,
        activity__is_public=True,
    )


def public_budget_results(*, initiative: Initiative) -> list[Activity]:
    """The initiative's budget activities whose results are public (the public page links to
    them). The initiative's own visibility is checked by the page that shows this."""
    public = budgets_with_public_results(initiative=initiative).values("activity_id")
    return list(Activity.objects.filter(pk__in=public).order_by("opens_on", "title"))
