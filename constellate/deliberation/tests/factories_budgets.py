"""Builders for shared-budget tests: a budget activity with projects, and ballots."""

from constellate.accounts.services import participant_create
from constellate.deliberation.models import Ballot, BallotChoice, BudgetProject
from constellate.deliberation.services_budgets import budget_ensure
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory


def budget_activity(total=10_000, projects=(), rule="greedy", **kwargs):
    """A budget activity with `projects` as (title, cost) pairs."""
    kwargs.setdefault("kind", ActivityKind.BUDGET)
    kwargs.setdefault("title", "Buurtbudget Schoonoord")
    activity = ActivityFactory(**kwargs)
    budget = budget_ensure(activity=activity)
    budget.total = total
    budget.rule = rule
    budget.save()
    made = [
        BudgetProject.objects.create(budget=budget, title=title, cost=cost, position=n)
        for n, (title, cost) in enumerate(projects, start=1)
    ]
    return activity, budget, made


def ballots(budget, choices):
    """One new participant per entry of `choices` (a list of project lists), ballots stored
    directly (the service is tested on its own)."""
    people = []
    for chosen in choices:
        person, _ = participant_create(activity=budget.activity)
        total = sum(p.cost for p in chosen)
        ballot = Ballot.objects.create(
            budget=budget, participant=person, total=total, budget_total=budget.total
        )
        BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project=p) for p in chosen)
        people.append(person)
    return people
