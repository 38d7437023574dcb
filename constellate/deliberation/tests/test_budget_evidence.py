"""A shared budget's results as evidence for a decision: linkable by the team, named on the
public feedback page only once the results are public."""

import pytest
from django.utils import translation

from constellate.accounts.roles import InitiativeRole
from constellate.accounts.tests.factories import UserFactory
from constellate.decisions import selectors, services
from constellate.decisions.tests.factories import decision
from constellate.deliberation.tests.factories_budgets import budget_activity
from constellate.initiatives.tests.factories import InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


def test_budget_results_are_evidence_named_in_public_only_once_published():
    activity, budget, _projects = budget_activity(is_public=True, projects=[("Bankjes", 3000)])
    initiative = activity.initiative
    lead = UserFactory()
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    d = decision(initiative, lead)
    services.evidence_link(decision=d, actor=lead, items=[("budget_result", budget.pk)])

    def public_titles():
        with translation.override("en"):
            evidence = selectors.public_evidence(initiative=initiative, decisions=[d])[d.pk]
            return [str(item["title"]) for item in evidence.named]

    assert initiative.is_public
    assert public_titles() == []  # voting still open, results not published
    budget.results_published = True
    budget.save()
    assert public_titles() == ["Results of the shared budget: " + activity.title]
