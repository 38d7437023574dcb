"""Shared budgets: the team's set-up, ballots (within the budget, one per person, changed
while open), bad input, the results under both counting rules, amounts per language, and the
registry (export and erasure of a person's ballot)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import UserFactory
from constellate.core.registry import registry
from constellate.deliberation import selectors_budgets as selectors
from constellate.deliberation import services_budgets as services
from constellate.deliberation.models import Ballot, BallotChoice, BudgetProject
from constellate.deliberation.tests.factories_budgets import ballots, budget_activity
from constellate.initiatives.models import Activity

pytestmark = pytest.mark.django_db

PROJECTS = [("Bankjes in het park", 3000), ("Speeltuin", 6000), ("Buurtfeest", 1500)]


@pytest.fixture
def scene():
    activity, budget, projects = budget_activity(total=10_000, projects=PROJECTS)
    person, _ = participant_create(activity=activity)
    return activity, budget, projects, person


@pytest.fixture
def lead(scene):
    from constellate.accounts.roles import InitiativeRole
    from constellate.initiatives.tests.factories import InitiativeMembershipFactory

    user = UserFactory()
    InitiativeMembershipFactory(initiative=scene[0].initiative, user=user, role=InitiativeRole.LEAD)
    return user


def test_amounts_are_written_per_language():
    with translation.override("en"):
        assert services.euros(12500) == "€12,500"
    with translation.override("nl"):
        # The Dutch catalogue writes "€ 12.500" (a no-break space: € never ends a line); the
        # number itself is grouped with a dot.
        assert services.euros(12500) == "€\u00a012.500"


# The team's set-up --------------------------------------------------------------------------


def test_the_team_sets_up_a_budget(scene, lead):
    activity, budget, projects, _ = scene
    services.budget_settings_set(
        budget=budget,
        actor=lead,
        total="12.500",
        description="Kies wat de buurt nodig heeft.",
        minimum_percent="50",
        rule="equal_shares",
    )
    budget.refresh_from_db()
    assert (budget.total, budget.minimum_percent, budget.rule) == (12500, 50, "equal_shares")
    project = services.project_add(
        budget=budget, actor=lead, title="  Moestuin  ", description="", cost="€ 2.000"
    )
    assert (project.title, project.cost) == ("Moestuin", 2000)
    services.project_update(
        project=project, actor=lead, title="Moestuin", description="Bij de school", cost="2500"
    )
    project.refresh_from_db()
    assert project.cost == 2500
    services.project_delete(project=project, actor=lead)
    assert not BudgetProject.objects.filter(pk=project.pk).exists()


@pytest.mark.parametrize(
    ("cost", "message"),
    [
        ("0", "above zero"),
        ("-5", "above zero"),
        ("veel", "whole number"),
        ("12.5e3", "whole number"),
        ("١٢", "whole number"),
        ("10001", "more than the whole budget"),
        ("99999999999999999999", "at most"),
    ],
)
def test_bad_costs_are_refused_with_a_message(scene, lead, cost, message):
    _, budget, _, _ = scene
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.project_add(budget=budget, actor=lead, title="Nieuw", description="", cost=cost)
    assert message in " ".join(exc.value.messages)
    assert not BudgetProject.objects.filter(title="Nieuw").exists()


def test_hostile_text_is_stored_as_text_or_refused(scene, lead):
    _, budget, _, _ = scene
    project = services.project_add(
        budget=budget, actor=lead, title="<script>alert(1)</script>", description="", cost=10
    )
    assert project.title == "<script>alert(1)</script>"  # escaped by the templates
    with pytest.raises(ValidationError):
        services.project_add(budget=budget, actor=lead, title="a\x00b", description="", cost=10)
    with pytest.raises(ValidationError):
        services.project_add(budget=budget, actor=lead, title="x" * 201, description="", cost=10)
    with pytest.raises(ValidationError):
        services.project_add(budget=budget, actor=lead, title="   ", description="", cost=10)


def test_the_budget_cannot_drop_below_a_project(scene, lead):
    _, budget, _, _ = scene
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.budget_settings_set(
            budget=budget,
            actor=lead,
            total="5000",
            description="",
            minimum_percent="",
            rule="greedy",
        )
    assert "€6,000" in " ".join(exc.value.messages)
    for bad in ("101", "-1", "tien"):
        with pytest.raises(ValidationError):
            services.budget_settings_set(
                budget=budget,
                actor=lead,
                total="10000",
                description="",
                minimum_percent=bad,
                rule="greedy",
            )
    with pytest.raises(ValidationError):
        services.budget_settings_set(
            budget=budget,
            actor=lead,
            total="10000",
            description="",
            minimum_percent="0",
            rule="loting",
        )


def test_projects_and_amount_are_frozen_after_the_first_ballot(scene, lead):
    _, budget, projects, person = scene
    services.ballot_submit(budget=budget, participant=person, project_ids=[projects[0].pk])
    for call in (
        lambda: services.project_add(
            budget=budget, actor=lead, title="Later", description="", cost=5
        ),
        lambda: services.project_update(
            project=projects[0], actor=lead, title="X", description="", cost=1
        ),
        lambda: services.project_delete(project=projects[1], actor=lead),
        lambda: services.budget_settings_set(
            budget=budget,
            actor=lead,
            total="20000",
            description="",
            minimum_percent="0",
            rule="greedy",
        ),
    ):
        with pytest.raises(ValidationError):
            call()
    assert BudgetProject.objects.filter(budget=budget).count() == 3
    # The explanation and the counting rule may still change; closing ends the voting.
    services.budget_settings_set(
        budget=budget,
        actor=lead,
        total="10000",
        description="Nieuw",
        minimum_percent="0",
        rule="equal_shares",
    )
    services.budget_close(budget=budget, actor=lead)
    assert not services.budget_is_open(budget)
    with pytest.raises(ValidationError):
        services.ballot_submit(budget=budget, participant=person, project_ids=[projects[1].pk])


def test_only_editors_change_a_budget(scene):
    _, budget, _, _ = scene
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        services.project_add(budget=budget, actor=outsider, title="X", description="", cost=5)
    with pytest.raises(PermissionDenied):
        services.budget_close(budget=budget, actor=outsider)
    with pytest.raises(PermissionDenied):
        services.results_publish(budget=budget, actor=outsider, published=True)


def test_a_budget_belongs_to_a_budget_activity():
    from constellate.initiatives.tests.factories import ActivityFactory

    with pytest.raises(ValidationError):
        services.budget_ensure(activity=ActivityFactory())


# Ballots ------------------------------------------------------------------------------------


def test_a_participant_chooses_within_the_budget_and_changes_the_choice(scene):
    _, budget, projects, person = scene
    ballot = services.ballot_submit(
        budget=budget, participant=person, project_ids=[str(projects[0].pk), str(projects[1].pk)]
    )
    assert ballot.total == 9000
    ballot = services.ballot_submit(
        budget=budget, participant=person, project_ids=[projects[2].pk, projects[2].pk]
    )
    assert Ballot.objects.filter(participant=person).count() == 1
    assert ballot.total == 1500
    assert list(ballot.choices.values_list("project_id", flat=True)) == [projects[2].pk]
    assert services.ballot_withdraw(budget=budget, participant=person)
    assert not Ballot.objects.exists()


def test_overspending_is_refused_with_the_amount_and_nothing_saved(scene):
    _, budget, projects, person = scene
    services.ballot_submit(budget=budget, participant=person, project_ids=[projects[2].pk])
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.ballot_submit(
            budget=budget, participant=person, project_ids=[p.pk for p in projects]
        )
    message = " ".join(exc.value.messages)
    assert "€10,500" in message and "€500 more than the budget of €10,000" in message
    assert "Nothing is saved" in message
    # The earlier choice is untouched.
    ballot = Ballot.objects.get(participant=person)
    assert ballot.total == 1500 and ballot.choices.count() == 1


@pytest.mark.parametrize(
    "ids", [["abc"], ["-3"], ["1.5"], ["0"], [""], ["1e3"], ["9" * 30], ["<b>1</b>"]]
)
def test_non_numbers_are_refused(scene, ids):
    _, budget, _, person = scene
    with pytest.raises(ValidationError):
        services.ballot_submit(budget=budget, participant=person, project_ids=ids)
    assert not Ballot.objects.exists()


def test_a_project_of_another_budget_is_refused(scene):
    _, budget, projects, person = scene
    _, _, other = budget_activity(total=100_000, projects=[("Elders", 10)])
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.ballot_submit(
            budget=budget, participant=person, project_ids=[projects[0].pk, other[0].pk]
        )
    assert "not part of this budget" in " ".join(exc.value.messages)
    assert not Ballot.objects.exists()


def test_an_empty_choice_and_the_minimum_share(scene, lead):
    _, budget, projects, person = scene
    with pytest.raises(ValidationError):
        services.ballot_submit(budget=budget, participant=person, project_ids=[])
    budget.minimum_percent = 50
    budget.save()
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.ballot_submit(budget=budget, participant=person, project_ids=[projects[0].pk])
    assert "at least €5,000" in " ".join(exc.value.messages)
    services.ballot_submit(budget=budget, participant=person, project_ids=[projects[1].pk])


def test_no_ballots_while_not_open(scene):
    activity, budget, projects, person = scene
    Activity.objects.filter(pk=activity.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    activity.refresh_from_db()
    budget.activity = activity
    assert services.budget_is_closed(budget)
    with pytest.raises(ValidationError):
        services.ballot_submit(budget=budget, participant=person, project_ids=[projects[0].pk])
    activity.closes_on = None
    activity.joining_open = False
    with pytest.raises(ValidationError):
        services.ballot_submit(budget=budget, participant=person, project_ids=[projects[0].pk])


def test_changing_a_ballot_is_rate_limited(scene, settings):
    settings.BUDGET_BALLOT_SAVES_PER_HOUR = 3
    _, budget, projects, person = scene
    for n in range(3):
        services.ballot_submit(budget=budget, participant=person, project_ids=[projects[n].pk])
    with pytest.raises(ValidationError) as exc:
        services.ballot_submit(budget=budget, participant=person, project_ids=[projects[0].pk])
    assert exc.value.code == "rate_limited"
    assert Ballot.objects.get().choices.get().project_id == projects[2].pk
    # An hour later it is allowed again.
    Ballot.objects.update(window_started_at=timezone.now() - datetime.timedelta(hours=2))
    services.ballot_submit(budget=budget, participant=person, project_ids=[projects[0].pk])


def test_the_database_refuses_a_ballot_over_budget_and_a_second_ballot(scene):
    from django.db import IntegrityError, transaction

    _, budget, _, person = scene
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(budget=budget, participant=person, total=10_001, budget_total=10_000)
    Ballot.objects.create(budget=budget, participant=person, total=1, budget_total=10_000)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(budget=budget, participant=person, total=1, budget_total=10_000)


def test_the_database_refuses_a_project_without_a_positive_cost(scene):
    from django.db import IntegrityError, transaction

    _, budget, _, _ = scene
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetProject.objects.create(budget=budget, title="Gratis", cost=0)


# Results ------------------------------------------------------------------------------------


def test_results_with_the_greedy_rule(scene):
    _, budget, (bench, playground, party), _ = scene
    # Supporters: playground 3, bench 2, party 2. Playground (6000) fits, 4000 left; party
    # (1500, cheaper than the bench at equal support) fits, 2500 left; the bench (3000) no
    # longer fits.
    ballots(budget, [[playground], [playground, party], [playground, bench], [bench, party]])
    results = selectors.budget_results(budget=budget)
    assert results.ballots == 4
    rows = [(line.project.title, line.supporters, line.status) for line in results.lines]
    assert rows == [
        ("Speeltuin", 3, "funded"),
        ("Buurtfeest", 2, "funded"),
        ("Bankjes in het park", 2, "skipped"),
    ]
    assert results.lines[2].left_before == 2500
    assert (results.spent, results.left) == (7500, 2500)


def test_results_with_equal_shares(scene):
    _, budget, (bench, playground, party), _ = scene
    budget.rule = "equal_shares"
    budget.save()
    # Three of four want the playground and the bench (9000): greedy gives them both. The
    # fourth wants only the party. Equal shares: 2500 each; the three pay the bench (1000
    # each) and then cannot pay the playground (4500 < 6000); the fourth pays the party.
    ballots(budget, [[playground, bench]] * 3 + [[party]])
    results = selectors.budget_results(budget=budget)
    funded = {line.project.title for line in results.lines if line.funded}
    assert funded == {"Bankjes in het park", "Buurtfeest"}
    budget.rule = "greedy"
    funded = {
        line.project.title for line in selectors.budget_results(budget=budget).lines if line.funded
    }
    assert funded == {"Speeltuin", "Bankjes in het park"}


# Registry -----------------------------------------------------------------------------------


def test_a_persons_ballot_is_exported_and_erased(scene):
    _, budget, projects, person = scene
    user = UserFactory()
    person.user = user
    person.save()
    services.ballot_submit(budget=budget, participant=person, project_ids=[projects[0].pk])
    other = ballots(budget, [[projects[1]]])
    item = registry.personal_data["budget_ballots"]
    rows = list(item.export(user))
    assert len(rows) == 1 and rows[0]["projects"] == ["Bankjes in het park"]
    assert item.erase(user) == 2  # the ballot and its one choice
    assert not Ballot.objects.filter(participant=person).exists()
    assert Ballot.objects.filter(participant=other[0]).exists()
    assert BallotChoice.objects.count() == 1
    assert "budget_ballot" in registry.contribution_types
    assert registry.contribution_types["budget_ballot"].counts_people
