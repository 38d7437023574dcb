"""Votes, statements, moderation, the rate limit and the recomputation task."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.deliberation import services_conversations as services
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Conversation, OpinionResult, Statement, Vote
from constellate.deliberation.tests.factories import (
    conversation_activity,
    planted_votes,
    statements,
)
from constellate.initiatives.tests.factories import InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(dummy_tasks):
    activity, conversation = conversation_activity()
    person, _secret = participant_create(activity=activity)
    return activity, conversation, person


def test_a_vote_is_stored_and_a_second_vote_changes_it(scene):
    _activity, conversation, person = scene
    (statement,) = statements(conversation, ["Het loket moet langer open"])
    services.vote_cast(participant=person, statement=statement, value=1)
    services.vote_cast(participant=person, statement=statement, value=-1)
    votes = Vote.objects.filter(statement=statement)
    assert votes.count() == 1
    assert votes.get().value == -1 and votes.get().conversation_id == conversation.pk


def test_the_database_refuses_a_second_vote_row_for_the_same_person(scene):
    from django.db import IntegrityError, transaction

    _activity, conversation, person = scene
    (statement,) = statements(conversation, ["Een stelling"])
    Vote.objects.create(conversation=conversation, statement=statement, participant=person, value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            conversation=conversation, statement=statement, participant=person, value=0
        )


@pytest.mark.parametrize("value", ["2", "", None, "ja", "1.5"])
def test_a_vote_other_than_agree_disagree_or_pass_is_refused(scene, value):
    _activity, conversation, person = scene
    (statement,) = statements(conversation, ["Een stelling"])
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.vote_cast(participant=person, statement=statement, value=value)
    assert "Choose agree, disagree or pass." in exc.value.messages
    assert not Vote.objects.exists()


def test_no_votes_on_pending_or_rejected_statements_or_in_a_closed_conversation(scene):
    activity, conversation, person = scene
    pending, rejected = statements(conversation, ["Wacht", "Weg"])
    Statement.objects.filter(pk=rejected.pk).update(status=StatementStatus.REJECTED)
    Statement.objects.filter(pk=pending.pk).update(status=StatementStatus.PENDING)
    for statement in Statement.objects.all():
        with pytest.raises(ValidationError):
            services.vote_cast(participant=person, statement=statement, value=1)
    (open_one,) = statements(conversation, ["Open"])
    activity.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    activity.save()
    open_one = Statement.objects.select_related("conversation__activity").get(pk=open_one.pk)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.vote_cast(participant=person, statement=open_one, value=1)
    assert "This conversation is closed." in exc.value.messages
    assert not Vote.objects.exists()


def test_a_participants_statement_waits_for_moderation_when_moderated(scene):
    activity, conversation, person = scene
    statement = services.statement_submit(
        conversation=conversation, participant=person, text="  Meer   uitleg aan de balie "
    )
    assert statement.status == StatementStatus.PENDING
    assert statement.text == "Meer uitleg aan de balie"
    lead = member(activity.initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=activity.initiative, user=lead, role=InitiativeRole.LEAD)
    services.statement_moderate(statement=statement, actor=lead, status=StatementStatus.ACCEPTED)
    statement.refresh_from_db()
    assert statement.status == StatementStatus.ACCEPTED and statement.moderated_by == lead


def test_without_moderation_a_statement_is_shown_at_once(scene):
    _activity, conversation, person = scene
    conversation.moderated = False
    conversation.save()
    statement = services.statement_submit(
        conversation=conversation, participant=person, text="Bel mensen terug"
    )
    assert statement.status == StatementStatus.ACCEPTED


def test_only_the_team_adds_statements_when_participants_may_not(scene):
    _activity, conversation, person = scene
    conversation.participants_can_add = False
    conversation.save()
    with pytest.raises(ValidationError):
        services.statement_submit(conversation=conversation, participant=person, text="Iets")
    assert not Statement.objects.exists()


def test_someone_outside_the_team_cannot_moderate(scene):
    activity, conversation, person = scene
    statement = services.statement_submit(
        conversation=conversation, participant=person, text="Stelling"
    )
    partner = member(activity.initiative.organisation, OrgRole.PARTNER)
    InitiativeMembershipFactory(
        initiative=activity.initiative, user=partner, role=InitiativeRole.PARTNER
    )
    with pytest.raises(PermissionDenied):
        services.statement_moderate(
            statement=statement, actor=partner, status=StatementStatus.ACCEPTED
        )
    statement.refresh_from_db()
    assert statement.status == StatementStatus.PENDING


def test_statements_per_participant_per_hour_are_limited(scene, settings):
    settings.CONVERSATION_STATEMENTS_PER_HOUR = 3
    _activity, conversation, person = scene
    for n in range(3):
        services.statement_submit(conversation=conversation, participant=person, text=f"S {n}")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.statement_submit(conversation=conversation, participant=person, text="S 4")
    assert "You added many statements in the last hour" in exc.value.messages[0]
    assert Statement.objects.count() == 3
    # An hour later it is allowed again.
    Statement.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))
    services.statement_submit(conversation=conversation, participant=person, text="S 4")
    # And another person is not held back by the first one's limit.
    other, _ = participant_create()
    services.statement_submit(conversation=conversation, participant=other, text="S 5")


def test_statements_per_conversation_per_hour_are_limited_too(scene, settings):
    settings.CONVERSATION_STATEMENTS_PER_HOUR_TOTAL = 2
    _activity, conversation, _person = scene
    for n in range(2):
        services.statement_submit(
            conversation=conversation, participant=participant_create()[0], text=f"S {n}"
        )
    with pytest.raises(ValidationError):
        services.statement_submit(
            conversation=conversation, participant=participant_create()[0], text="S 3"
        )


def test_a_statement_too_long_empty_or_twice_is_refused(scene):
    _activity, conversation, person = scene
    for text in ("", "   ", "x" * 281, "a\x00b"):
        with pytest.raises(ValidationError):
            services.statement_submit(conversation=conversation, participant=person, text=text)
    services.statement_submit(conversation=conversation, participant=person, text="Dubbel")
    with pytest.raises(ValidationError):
        services.statement_submit(conversation=conversation, participant=person, text="dubbel")
    assert Statement.objects.count() == 1


# Recomputation --------------------------------------------------------------------------------


def test_votes_queue_one_recomputation_while_one_is_pending(
    scene, dummy_tasks, django_capture_on_commit_callbacks
):
    _activity, conversation, person = scene
    made = statements(conversation, ["Een", "Twee", "Drie"])
    with django_capture_on_commit_callbacks(execute=True):
        for statement in made:
            services.vote_cast(participant=person, statement=statement, value=1)
    assert len(dummy_tasks.results) == 1
    assert dummy_tasks.results[0].args == [conversation.pk]
    # The worker runs it; after that the next vote queues a new one.
    services.opinion_compute.call(conversation.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(participant=person, statement=made[0], value=0)
    assert len(dummy_tasks.results) == 2


def test_a_lost_queued_recomputation_is_queued_again_after_a_while(
    scene, dummy_tasks, django_capture_on_commit_callbacks
):
    _activity, conversation, person = scene
    (statement,) = statements(conversation, ["Een"])
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(participant=person, statement=statement, value=1)
    Conversation.objects.filter(pk=conversation.pk).update(
        recompute_queued_at=timezone.now() - datetime.timedelta(minutes=20)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.vote_cast(participant=person, statement=statement, value=-1)
    assert len(dummy_tasks.results) == 2


def test_the_task_stores_the_result_with_its_vote_count_and_state(
    immediate_tasks, django_capture_on_commit_callbacks
):
    _activity, conversation = conversation_activity()
    made, groups = planted_votes(conversation, sizes=(10, 9))
    last = groups[0][0]
    with django_capture_on_commit_callbacks(execute=True):
        # One vote changed through the service queues and (immediately) runs the task.
        services.vote_cast(participant=last, statement=made[0], value=-1)
    result = OpinionResult.objects.get(conversation=conversation)
    assert result.votes_count == Vote.objects.filter(conversation=conversation).count()
    assert result.participants_count == 19
    assert len(result.result["groups"]) == 2
    assert result.state.get("k")  # handed back as `previous` next time
    # Aggregates only: nothing in the stored result says which participant is where.
    assert "participants" not in result.result
    conversation.refresh_from_db()
    assert conversation.recompute_queued_at is None


def test_the_previous_state_is_passed_on_and_only_a_few_results_are_kept(dummy_tasks):
    _activity, conversation = conversation_activity()
    planted_votes(conversation, sizes=(8, 8))
    for _ in range(services.RESULTS_KEPT + 2):
        services.opinion_compute.call(conversation.pk)
    results = OpinionResult.objects.filter(conversation=conversation)
    assert results.count() == services.RESULTS_KEPT
    # Each computation counted on from the state of the one before (Pol.is's stable k).
    counts = sorted(r.state["k"]["last_k_count"] for r in results)
    assert counts == list(range(3, services.RESULTS_KEPT + 3))


def test_who_is_missing_counts_a_voter_once_however_many_votes(scene):
    from constellate.participation.selectors import participation_tally

    activity, conversation, person = scene
    for statement in statements(conversation, ["Eén", "Twee", "Drie", "Vier"]):
        services.vote_cast(participant=person, statement=statement, value=1)
    tally = participation_tally(initiative=activity.initiative)
    # the join through the link does not exist here: only the votes count, as one person
    assert tally.total == 1
