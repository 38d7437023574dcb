"""Bad input on the conversation pages: a clear answer, nothing half-saved, everything
escaped; and the pages cost a fixed number of queries whatever the size of the conversation."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.deliberation import services_conversations as services
from constellate.deliberation.models import Statement, Vote
from constellate.deliberation.tests.factories import conversation_activity, planted_votes
from constellate.initiatives.tests.factories import InitiativeMembershipFactory
from constellate.initiatives.tests.support import HUGE, NUL, SCRIPT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_worker(dummy_tasks):
    return dummy_tasks


def _joined(activity):
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    client.post(reverse("initiatives:join", args=[activity.join_token]))
    return client


def _lead(activity):
    lead = member(activity.initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=activity.initiative, user=lead, role=InitiativeRole.LEAD)
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"statement": "abc", "value": "1"},
        {"statement": "9" * 30, "value": "1"},
        {"statement": "-5", "value": "1"},
        {"statement": NUL, "value": NUL},
        {"statement": "{pk}", "value": "7"},
        {"statement": "{pk}", "value": HUGE},
        {"statement": "{pk}"},
    ],
)
def test_broken_votes_are_refused_without_a_server_error(data):
    activity, conversation = conversation_activity()
    statement = Statement.objects.create(conversation=conversation, text="Stelling")
    client = _joined(activity)
    url = reverse("deliberation:vote", args=[activity.join_token])
    data = {k: v.replace("{pk}", str(statement.pk)) for k, v in data.items()}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert not Vote.objects.exists()


def test_a_vote_on_another_conversations_statement_is_refused():
    activity, _conversation = conversation_activity()
    _other_activity, other = conversation_activity()
    foreign = Statement.objects.create(conversation=other, text="Elders")
    client = _joined(activity)
    url = reverse("deliberation:vote", args=[activity.join_token])
    response = client.post(url, {"statement": foreign.pk, "value": "1"}, follow=True)
    assert "This statement is not open for votes." in response.content.decode()
    assert not Vote.objects.exists()


@pytest.mark.parametrize("text", [HUGE, NUL, "", "   "])
def test_a_bad_statement_is_refused_with_a_message_and_not_saved(text):
    activity, _conversation = conversation_activity()
    client = _joined(activity)
    url = reverse("deliberation:statement_add", args=[activity.join_token])
    response = client.post(url, {"text": text})
    assert response.status_code == 200
    assert 'class="errors"' in response.content.decode()
    assert not Statement.objects.exists()


def test_statements_are_escaped_everywhere():
    activity, conversation = conversation_activity()
    conversation.moderated = False
    conversation.topic = SCRIPT
    conversation.save()
    client = _joined(activity)
    client.post(reverse("deliberation:statement_add", args=[activity.join_token]), {"text": SCRIPT})
    pages = [client.get(reverse("deliberation:vote", args=[activity.join_token]))]
    lead = _lead(activity)
    pages.append(lead.get(reverse("deliberation:conversation", args=[activity.pk])))
    pages.append(lead.get(reverse("deliberation:report", args=[activity.pk])))
    for response in pages:
        page = response.content.decode()
        assert response.status_code == 200
        assert SCRIPT not in page
        assert "&lt;script&gt;" in page


def test_the_settings_form_keeps_what_was_typed_when_refused():
    activity, conversation = conversation_activity()
    lead = _lead(activity)
    url = reverse("deliberation:conversation", args=[activity.pk])
    with translation.override("en"):
        response = lead.post(
            url,
            {"settings-topic": "x" * 301, "settings-description": "Uitleg", "save_settings": "1"},
        )
    assert response.status_code == 200
    assert "Uitleg" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.description == ""


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_pages_cost_the_same_number_of_queries_for_a_small_and_a_big_conversation():
    counts = []
    for sizes in ((5, 5), (30, 25)):
        activity, conversation = conversation_activity()
        planted_votes(conversation, sizes=sizes, n_statements=12 if sizes[0] == 5 else 24)
        services.opinion_compute_now(conversation=conversation)
        lead = _lead(activity)
        participant = _joined(activity)
        counts.append(
            (
                _count(lead, reverse("deliberation:report", args=[activity.pk])),
                _count(lead, reverse("deliberation:conversation", args=[activity.pk])),
                _count(lead, reverse("deliberation:conversations", args=[activity.initiative_id])),
                _count(participant, reverse("deliberation:vote", args=[activity.join_token])),
            )
        )
    assert counts[0] == counts[1]
