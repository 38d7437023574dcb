"""Twenty identical supports at the same moment store exactly one row (and count one);
supports racing a merge end up counted once on the idea merged into. Real threads and
transactions, so this runs on PostgreSQL (SQLite's in-memory test database is not shared
between threads)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from constellate.accounts.roles import OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.deliberation import services_ideas as services
from constellate.deliberation.choices import IdeaStatus
from constellate.deliberation.models import Idea, IdeaSupport
from constellate.deliberation.tests.factories import idea_round_activity, ideas

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]

PARALLEL = 20


def _race(calls):
    start = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            start.wait(timeout=10)
            call()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_twenty_parallel_identical_supports_store_exactly_one():
    activity, idea_round = idea_round_activity()
    person, _ = participant_create(activity=activity)
    (idea,) = ideas(idea_round, ["Leeshoek"])

    def support():
        services.idea_support(idea=Idea.objects.get(pk=idea.pk), participant=person)

    assert _race([support] * PARALLEL) == []
    assert IdeaSupport.objects.filter(idea=idea, participant=person).count() == 1
    assert Idea.objects.get(pk=idea.pk).support_count == 1


def test_parallel_supports_and_withdrawals_keep_the_count_true():
    activity, idea_round = idea_round_activity()
    people = [participant_create(activity=activity)[0] for _ in range(PARALLEL // 2)]
    (idea,) = ideas(idea_round, ["Leeshoek"])
    for who in people[::2]:
        services.idea_support(idea=idea, participant=who)

    def toggle(who, add):
        fresh = Idea.objects.get(pk=idea.pk)
        if add:
            services.idea_support(idea=fresh, participant=who)
        else:
            services.idea_support_withdraw(idea=fresh, participant=who)

    calls = []
    for n, who in enumerate(people):
        calls.append(lambda who=who, n=n: toggle(who, n % 2 == 1))
        calls.append(lambda who=who: toggle(who, True))
    assert _race(calls) == []
    assert (
        Idea.objects.get(pk=idea.pk).support_count == IdeaSupport.objects.filter(idea=idea).count()
    )


def test_supports_racing_a_merge_are_counted_once_on_the_idea_merged_into():
    activity, idea_round = idea_round_activity()
    people = [participant_create(activity=activity)[0] for _ in range(PARALLEL - 1)]
    a, b = ideas(idea_round, ["Leeshoek", "Hoek om te lezen"])
    lead = member(activity.initiative.organisation, OrgRole.ADMIN)

    def support(who, target):
        try:
            services.idea_support(idea=Idea.objects.get(pk=target.pk), participant=who)
        except ValidationError:  # a support on the merged idea is refused: fine
            if Idea.objects.get(pk=target.pk).status != IdeaStatus.MERGED:
                raise

    calls = [
        lambda who=who, target=(a if n % 2 else b): support(who, target)
        for n, who in enumerate(people)
    ]
    calls.append(lambda: services.idea_merge(source=a, target=b, actor=lead))
    assert _race(calls) == []
    b.refresh_from_db()
    assert b.support_count == IdeaSupport.objects.filter(idea=b).count()
    assert not IdeaSupport.objects.filter(idea=a).exists()
