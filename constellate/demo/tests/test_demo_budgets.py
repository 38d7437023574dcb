"""Demo shared budgets: Hull and Nieuwegein get a budget with projects and ballots within
the budget, Nieuwegein's results are public; loading the demo again adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from constellate.deliberation.models import Ballot, Budget
from constellate.deliberation.rules import budget_results_are_public
from constellate.deliberation.selectors_budgets import budget_results

pytestmark = pytest.mark.django_db


def test_demo_budgets_have_ballots_within_budget_and_load_once():
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    budgets = Budget.objects.select_related("activity__initiative__organisation")
    assert {b.activity.initiative.organisation.slug for b in budgets} == {"hull", "nieuwegein"}
    for budget in budgets:
        results = budget_results(budget=budget)
        assert results.ballots >= 20
        assert 0 < results.spent <= budget.total
        assert all(b.total <= budget.total for b in Ballot.objects.filter(budget=budget))
        slug = budget.activity.initiative.organisation.slug
        assert budget_results_are_public(budget) == (slug == "nieuwegein")
    before = Ballot.objects.count()
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    assert Ballot.objects.count() == before
