"""Who may see and run shared budgets, for every role (see initiatives/tests/support.py
ROLES). The initiative is PRIVATE unless said otherwise. Cells: status code, L for a
redirect to sign in. Nobody ever sees who chose what: no page shows a participant's
pseudonym or one person's ballot."""

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.deliberation.models import Budget, BudgetProject
from constellate.deliberation.tests.factories_budgets import ballots, budget_activity
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

VIEWERS = "L L 404 200 200 200 200 200 200 200 404"
EDITORS = "L L 404 302 403 302 403 403 403 302 404"
ONLY_B = "L L 200 404 404 404 404 404 404 404 404"

PRIVATE_PROJECT = "Geheim project GP7"
B_PROJECT = "Project uit Beekdorp BP2"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


@pytest.fixture
def scene(world):
    activity, budget, projects = budget_activity(
        initiative=world.private,
        title="Besloten buurtbudget",
        projects=[(PRIVATE_PROJECT, 4000), ("Tweede project", 3000)],
    )
    people = ballots(budget, [[projects[0]], [projects[0], projects[1]], [projects[1]]])
    b_activity, _, _ = budget_activity(initiative=world.b_initiative, projects=[(B_PROJECT, 10)])
    return {
        "activity": activity,
        "budget": budget,
        "projects": projects,
        "people": people,
        "b_activity": b_activity,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["budget", "budget_report"])
def test_team_pages_of_a_budget(world, scene, name):
    url = reverse(f"deliberation:{name}", args=[scene["activity"].pk])
    pseudonyms = [p.pseudonym for p in scene["people"]]
    for role, expected in _expect(VIEWERS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        page = response.content.decode()
        assert ("Besloten buurtbudget" in page) == (expected == "200"), role
        assert (PRIVATE_PROJECT in page) == (expected == "200"), role
        assert B_PROJECT not in page, role
        for pseudonym in pseudonyms:
            assert pseudonym not in page, role


@pytest.mark.django_db
def test_the_list_of_budgets(world, scene):
    url = reverse("deliberation:budgets", args=[world.private.pk])
    for role, expected in _expect(VIEWERS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        if expected == "200":
            assert "Besloten buurtbudget" in response.content.decode()


@pytest.mark.django_db
def test_another_organisations_budget_is_seen_only_by_it(world, scene):
    for name in ("budget", "budget_report"):
        url = reverse(f"deliberation:{name}", args=[scene["b_activity"].pk])
        for role, expected in _expect(ONLY_B).items():
            _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_only_editors_close_and_publish(world, scene):
    budget = scene["budget"]
    close = reverse("deliberation:budget_close", args=[scene["activity"].pk])
    publish = reverse("deliberation:budget_publish", args=[scene["activity"].pk])
    for role, expected in _expect(EDITORS).items():
        response = client_for(world, role).post(publish, {"published": "1"})
        _check(response, expected, role)
        assert Budget.objects.get(pk=budget.pk).results_published == (expected == "302"), role
        Budget.objects.filter(pk=budget.pk).update(results_published=False)
        response = client_for(world, role).post(close)
        _check(response, expected, role)
        assert (Budget.objects.get(pk=budget.pk).closed_at is not None) == (expected == "302")
        Budget.objects.filter(pk=budget.pk).update(closed_at=None)


@pytest.mark.django_db
def test_only_editors_add_projects(world):
    activity, _, _ = budget_activity(initiative=world.private, projects=[])
    url = reverse("deliberation:budget", args=[activity.pk])
    for role, expected in _expect(EDITORS.replace("302", "200")).items():
        title = f"Van {role}"
        response = client_for(world, role).post(
            url, {"project-title": title, "project-cost": "100", "add_project": "1"}
        )
        if expected != "200":
            _check(response, expected, role)
        assert BudgetProject.objects.filter(title=title).exists() == (expected == "200"), role


@pytest.mark.django_db
def test_public_results_only_when_public_and_published_or_closed(world):
    activity, budget, projects = budget_activity(
        initiative=world.public, is_public=True, projects=[("Openbaar project", 100)]
    )
    ballots(budget, [[projects[0]]] * 5)
    url = reverse("deliberation:budget_results", args=[activity.join_token])
    assert client_for(world, "anonymous").get(url).status_code == 404
    budget.results_published = True
    budget.save()
    response = client_for(world, "anonymous").get(url)
    assert response.status_code == 200 and "Openbaar project" in response.content.decode()
    budget.results_published = False
    budget.closed_at = budget.created_at
    budget.save()
    assert client_for(world, "participant").get(url).status_code == 200
    # Not on the public page, or a private initiative: only the team sees the results.
    activity.is_public = False
    activity.save()
    assert client_for(world, "participant").get(url).status_code == 404
    private, private_budget, _ = budget_activity(initiative=world.private, projects=[])
    private_budget.results_published = True
    private_budget.save()
    url = reverse("deliberation:budget_results", args=[private.join_token])
    assert client_for(world, "lead").get(url).status_code == 404


@pytest.mark.django_db
def test_public_results_hide_counts_below_five_ballots(world):
    activity, budget, projects = budget_activity(
        initiative=world.public, is_public=True, projects=[("Klein project", 100)]
    )
    budget.results_published = True
    budget.save()
    ballots(budget, [[projects[0]]] * 4)
    client = client_for(world, "anonymous")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("deliberation:budget_results", args=[activity.join_token]))
    text = page.content.decode()
    assert "once at least 5 people" in text and "Klein project" not in text


@pytest.mark.django_db
def test_choosing_needs_joining_first_and_a_budget_activity(world, scene):
    url = reverse("deliberation:ballot", args=[scene["activity"].join_token])
    response = client_for(world, "anonymous").get(url)
    assert response.status_code == 302 and response["Location"].endswith(
        f"/join/{scene['activity'].join_token}/"
    )
    other = reverse("deliberation:ballot", args=[world.activity.join_token])
    assert client_for(world, "participant").get(other).status_code == 404


@pytest.mark.django_db
def test_the_public_page_links_to_published_results(world):
    from constellate.accounts.roles import InitiativeRole
    from constellate.deliberation import services_budgets as services

    activity, budget, _ = budget_activity(
        initiative=world.public, is_public=True, title="Wijkbudget WB5", projects=[("P", 10)]
    )
    url = reverse("initiatives:public_detail", args=[world.public.pk, world.public.slug])
    client = client_for(world, "anonymous")
    results = reverse("deliberation:budget_results", args=[activity.join_token])
    assert results not in client.get(url).content.decode()
    lead = world.users["lead"]
    if not lead.has_perm("deliberation.run_budget", activity):
        world.public.memberships.create(user=lead, role=InitiativeRole.LEAD)
    services.results_publish(budget=budget, actor=lead, published=True)
    assert results in client.get(url).content.decode()
