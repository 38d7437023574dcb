"""Twenty identical votes at the same moment store exactly one row, and twenty different
votes of one person on one statement leave one row holding one of them. Real threads and
transactions, so this runs on PostgreSQL (SQLite's in-memory test database is not shared
between threads)."""

import threading

import pytest
from django.db import connection, connections

from constellate.accounts.services import participant_create
from constellate.deliberation import services_conversations as services
from constellate.deliberation.models import Statement, Vote
from constellate.deliberation.tests.factories import conversation_activity, statements

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

PARALLEL = 20


def _race(person, statement_pk, values):
    start = threading.Barrier(len(values))
    errors = []

    def cast(value):
        try:
            statement = Statement.objects.select_related("conversation__activity").get(
                pk=statement_pk
            )
            start.wait(timeout=10)
            services.vote_cast(participant=person, statement=statement, value=value)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast, args=(v,)) for v in values]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.fixture
def scene(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    activity, conversation = conversation_activity()
    person, _ = participant_create(activity=activity)
    (statement,) = statements(conversation, ["Het loket moet ook 's avonds open"])
    return person, statement


def test_twenty_parallel_identical_votes_store_exactly_one(scene):
    person, statement = scene
    errors = _race(person, statement.pk, [1] * PARALLEL)
    assert errors == []
    votes = Vote.objects.filter(statement=statement, participant=person)
    assert votes.count() == 1
    assert votes.get().value == 1


def test_twenty_parallel_different_votes_leave_one_row_with_one_of_them(scene):
    person, statement = scene
    values = [(-1, 0, 1)[n % 3] for n in range(PARALLEL)]
    errors = _race(person, statement.pk, values)
    assert errors == []
    assert Vote.objects.filter(statement=statement).count() == 1
    assert Vote.objects.get(statement=statement).value in (-1, 0, 1)
