"""Two people saving the canvas at the same moment: both versions are kept, numbered one after
the other, and the later one is told about the other. Real threads and transactions, so this
runs on PostgreSQL (SQLite's in-memory test database is not shared between threads)."""

import threading

import pytest
from django.db import connection, connections

from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives import services
from constellate.initiatives.models import CanvasVersion
from constellate.initiatives.tests.factories import InitiativeFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def test_simultaneous_canvas_saves_are_both_kept_with_consecutive_numbers():
    initiative = InitiativeFactory()
    people = [member(initiative.organisation, OrgRole.ADMIN) for _ in range(4)]
    services.canvas_save(
        initiative=initiative, data={"context": {"place": "Start"}}, author=people[0]
    )
    start = threading.Barrier(len(people))
    results, errors = [], []

    def save(person, n):
        try:
            start.wait(timeout=10)
            results.append(
                services.canvas_save(
                    initiative=initiative,
                    data={"context": {"place": f"Plek {n}"}},
                    author=person,
                    base_number=1,
                )
            )
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(p, n)) for n, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    numbers = sorted(v.number for v, _conflict in results)
    assert numbers == [2, 3, 4, 5]
    # Exactly one save started from the newest version; every other one hears of the conflict.
    assert sorted(conflict for _v, conflict in results) == [False, True, True, True]
    assert CanvasVersion.objects.filter(initiative=initiative).count() == 5
    assert {v.author_id for v in CanvasVersion.objects.filter(number__gt=1)} == {
        p.pk for p in people
    }
