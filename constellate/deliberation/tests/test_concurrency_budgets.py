"""Parallel ballots never overspend: twenty parallel submissions of one person (some over
the budget, some within) leave one ballot within the budget, and many people handing in at
the same moment each get one ballot within the budget. Real threads and transactions, so
this runs on PostgreSQL (SQLite's in-memory test database is not shared between threads)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from constellate.accounts.services import participant_create
from constellate.deliberation import services_budgets as services
from constellate.deliberation.models import Ballot, BallotChoice, Budget
from constellate.deliberation.tests.factories_budgets import budget_activity

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

PARALLEL = 20


def _race(jobs, extra=None):
    """Run (participant, project ids, budget pk) jobs, and `extra` (a callable) if given, at
    the same moment; returns (errors, refusals)."""
    start = threading.Barrier(len(jobs) + (1 if extra else 0))
    errors, refusals = [], []

    def submit(person, ids, budget_pk):
        try:
            budget = Budget.objects.select_related("activity").get(pk=budget_pk)
            start.wait(timeout=10)
            services.ballot_submit(budget=budget, participant=person, project_ids=ids)
        except ValidationError as exc:
            refusals.append(exc)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    def run_extra():
        try:
            start.wait(timeout=10)
            extra()
        except ValidationError as exc:
            refusals.append(exc)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=job) for job in jobs]
    if extra:
        threads.append(threading.Thread(target=run_extra))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors, refusals


def _within_budget(budget):
    for ballot in Ballot.objects.filter(budget=budget):
        cost = sum(
            c.project.cost
            for c in BallotChoice.objects.filter(ballot=ballot).select_related("project")
        )
        assert cost == ballot.total <= budget.total


@pytest.fixture
def scene(settings):
    settings.BUDGET_BALLOT_SAVES_PER_HOUR = 1000
    activity, budget, projects = budget_activity(
        total=10_000, projects=[("A", 6000), ("B", 5000), ("C", 4000), ("D", 1000)]
    )
    return activity, budget, projects


def test_parallel_ballots_of_one_person_leave_one_ballot_within_budget(scene):
    activity, budget, (a, b, c, d) = scene
    person, _ = participant_create(activity=activity)
    choices = [[a.pk, b.pk], [a.pk, c.pk], [b.pk, c.pk, d.pk], [a.pk, b.pk, c.pk], [c.pk, d.pk]]
    jobs = [(person, choices[n % len(choices)], budget.pk) for n in range(PARALLEL)]
    errors, refusals = _race(jobs)
    assert errors == []
    # The over-budget choices (a+b and a+b+c) are refused, the others saved one by one.
    assert len(refusals) == sum(1 for n in range(PARALLEL) if n % 5 in (0, 3))
    assert Ballot.objects.filter(budget=budget, participant=person).count() == 1
    _within_budget(budget)


def test_parallel_ballots_of_many_people_each_stay_within_budget(scene):
    activity, budget, (a, b, c, d) = scene
    people = [participant_create(activity=activity)[0] for _ in range(PARALLEL)]
    choices = [[a.pk, c.pk], [a.pk, b.pk], [d.pk], [b.pk, c.pk, d.pk]]
    jobs = [(person, choices[n % 4], budget.pk) for n, person in enumerate(people)]
    errors, refusals = _race(jobs)
    assert errors == []
    assert len(refusals) == PARALLEL // 4  # a + b = 11000
    assert Ballot.objects.filter(budget=budget).count() == PARALLEL - PARALLEL // 4
    _within_budget(budget)


def test_a_project_added_while_ballots_come_in_is_refused_or_comes_first(scene):
    """The team's change and the ballots take the same lock: either the project is added
    before any ballot, or it is refused because a ballot came first."""
    from constellate.accounts.roles import InitiativeRole
    from constellate.accounts.tests.factories import UserFactory
    from constellate.initiatives.tests.factories import InitiativeMembershipFactory

    activity, budget, (a, _b, c, _d) = scene
    lead = UserFactory()
    InitiativeMembershipFactory(initiative=activity.initiative, user=lead, role=InitiativeRole.LEAD)
    people = [participant_create(activity=activity)[0] for _ in range(5)]
    added = []

    def add_project():
        services.project_add(
            budget=Budget.objects.select_related("activity").get(pk=budget.pk),
            actor=lead,
            title="Laat",
            description="",
            cost=9000,
        )
        added.append(True)

    errors, refusals = _race([(p, [a.pk, c.pk], budget.pk) for p in people], extra=add_project)
    assert errors == []
    assert Ballot.objects.filter(budget=budget).count() == 5
    if added:
        first_ballot = Ballot.objects.filter(budget=budget).order_by("created_at").first()
        project = budget.projects.get(title="Laat")
        assert project.created_at <= first_ballot.created_at
    else:
        assert len(refusals) == 1
    _within_budget(budget)
