"""The participant's page of a shared budget through the Django test client: joining,
checking what is left without saving, overspending (refused with the amount, nothing saved),
handing in and changing a choice, tampered forms; and the team's set-up pages with bad
input. Never a server error."""

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.accounts.services import participant_create
from constellate.deliberation.models import Ballot, Budget, BudgetProject
from constellate.deliberation.tests.factories_budgets import budget_activity

pytestmark = pytest.mark.django_db

PROJECTS = [("Bankjes in het park", 3000), ("Speeltuin", 6000), ("Buurtfeest", 1500)]


@pytest.fixture
def scene(client):
    activity, budget, projects = budget_activity(
        total=10_000, projects=PROJECTS, title="Buurtbudget", is_public=True
    )
    _, secret = participant_create(activity=activity)
    client.raise_request_exception = False
    assert client.get(f"/me/{secret}/").status_code == 302
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return activity, budget, projects, client


def _url(activity):
    return reverse("deliberation:ballot", args=[activity.join_token])


def test_check_shows_what_is_left_without_saving(scene):
    activity, _, projects, client = scene
    response = client.post(_url(activity), {"project": [projects[0].pk], "check": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chosen: €3,000 of €10,000." in page and "Left: €7,000." in page
    assert not Ballot.objects.exists()


def test_overspending_is_refused_with_the_amount_and_nothing_saved(scene):
    activity, _, projects, client = scene
    response = client.post(_url(activity), {"project": [p.pk for p in projects], "submit": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "€500 more than the budget of €10,000" in page
    assert "€500 too much." in page
    assert not Ballot.objects.exists()
    # The choices stay ticked, so the person removes one and hands in.
    assert page.count("checked") == 3


def test_hand_in_and_change_a_choice(scene):
    activity, _, projects, client = scene
    response = client.post(_url(activity), {"project": [projects[0].pk], "submit": "1"})
    assert response.status_code == 302
    response = client.get(_url(activity))
    assert "Your choice is saved." in response.content.decode()
    # A refused change does not claim that what is ticked is saved.
    response = client.post(_url(activity), {"project": [p.pk for p in projects], "submit": "1"})
    assert "Your choice is saved." not in response.content.decode()
    assert Ballot.objects.get().total == 3000
    client.post(_url(activity), {"project": [projects[1].pk, projects[2].pk], "submit": "1"})
    ballot = Ballot.objects.get()
    assert ballot.total == 7500
    client.post(_url(activity), {"withdraw": "1"})
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    "value", ["abc", "-1", "0", "1.5", "", "9" * 40, "<script>", "1 OR 1=1", "\x00"]
)
def test_tampered_project_values_get_a_message(scene, value):
    activity, _, _, client = scene
    response = client.post(_url(activity), {"project": [value], "submit": "1"})
    assert response.status_code == 200
    assert "not part of this budget" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_project_of_another_budget_is_refused(scene):
    activity, _, projects, client = scene
    _, _, other = budget_activity(projects=[("Elders", 10)])
    response = client.post(
        _url(activity), {"project": [projects[0].pk, other[0].pk], "submit": "1"}
    )
    assert "not part of this budget" in response.content.decode()
    assert not Ballot.objects.exists()


def test_closed_budget_shows_no_form(scene):
    activity, budget, projects, client = scene
    Budget.objects.filter(pk=budget.pk).update(closed_at=budget.created_at)
    page = client.get(_url(activity)).content.decode()
    assert "Voting on this budget is closed." in page
    response = client.post(_url(activity), {"project": [projects[0].pk], "submit": "1"})
    assert "Voting on this budget is closed." in response.content.decode()
    assert not Ballot.objects.exists()


def test_the_team_sets_up_with_bad_input_and_gets_messages(client):
    from constellate.accounts.roles import InitiativeRole
    from constellate.accounts.tests.factories import UserFactory
    from constellate.initiatives.tests.factories import InitiativeMembershipFactory

    activity, budget, _ = budget_activity(total=0, projects=[])
    user = UserFactory()
    InitiativeMembershipFactory(initiative=activity.initiative, user=user, role=InitiativeRole.LEAD)
    client.force_login(user)
    client.raise_request_exception = False
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("deliberation:budget", args=[activity.pk])
    for bad, message in (("-100", "above zero"), ("lots", "whole number")):
        response = client.post(
            url, {"settings-total": bad, "settings-rule": "greedy", "save_settings": "1"}
        )
        assert response.status_code == 200 and message in response.content.decode()
    response = client.post(
        url, {"settings-total": "12500", "settings-rule": "greedy", "save_settings": "1"}
    )
    assert response.status_code == 302
    assert Budget.objects.get(pk=budget.pk).total == 12500
    response = client.post(
        url, {"project-title": "Te duur", "project-cost": "20000", "add_project": "1"}
    )
    assert "more than the whole budget of €12,500" in response.content.decode()
    response = client.post(
        url, {"project-title": "Moestuin", "project-cost": "2500", "add_project": "1"}
    )
    assert response.status_code == 302
    project = BudgetProject.objects.get(title="Moestuin")
    edit = reverse("deliberation:budget_project", args=[activity.pk, project.pk])
    response = client.post(edit, {"title": "Moestuin", "cost": "-3"})
    assert response.status_code == 200 and "above zero" in response.content.decode()
    response = client.post(edit, {"title": "Moestuin", "cost": "3000"})
    assert response.status_code == 302
    assert BudgetProject.objects.get(pk=project.pk).cost == 3000
    page = client.get(url).content.decode()
    assert "€3,000" in page
    # A project of another budget is not found through this one.
    _, _, other = budget_activity(projects=[("Elders", 10)])
    bad = reverse("deliberation:budget_project", args=[activity.pk, other[0].pk])
    assert client.get(bad).status_code == 404
    response = client.get(reverse("deliberation:budgets", args=[activity.initiative.pk]))
    assert response.status_code == 200 and activity.title in response.content.decode()


def test_once_ballots_exist_the_amount_is_shown_but_fixed(client):
    from constellate.accounts.roles import InitiativeRole
    from constellate.accounts.tests.factories import UserFactory
    from constellate.deliberation.tests.factories_budgets import ballots
    from constellate.initiatives.tests.factories import InitiativeMembershipFactory

    activity, budget, projects = budget_activity(total=5000, projects=[("Moestuin", 2500)])
    ballots(budget, [[projects[0]]])
    user = UserFactory()
    InitiativeMembershipFactory(initiative=activity.initiative, user=user, role=InitiativeRole.LEAD)
    client.force_login(user)
    url = reverse("deliberation:budget", args=[activity.pk])
    page = client.get(url).content.decode()
    assert 'name="settings-total"' in page and "disabled" in page
    response = client.post(
        url,
        {
            "settings-total": "99999",
            "settings-rule": "equal_shares",
            "settings-description": "Nieuw",
            "save_settings": "1",
        },
    )
    assert response.status_code == 302
    budget.refresh_from_db()
    assert (budget.total, budget.rule, budget.description) == (5000, "equal_shares", "Nieuw")
