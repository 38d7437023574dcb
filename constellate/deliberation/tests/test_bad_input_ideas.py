"""Idea pages through the link and the team's pages: the whole path with the Django client,
bad input (empty, too long, hostile text, odd numbers, anonymous flooding) answered with a
clear message and nothing half-saved, everything escaped, and pages costing a fixed number
of queries whatever the size of the round."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.deliberation import services_ideas as services
from constellate.deliberation.choices import IdeaModeration, IdeaStatus
from constellate.deliberation.models import Idea, IdeaComment, IdeaSupport
from constellate.deliberation.tests.factories import idea_round_activity, ideas
from constellate.initiatives.tests.factories import InitiativeMembershipFactory
from constellate.initiatives.tests.support import HUGE, NUL, SCRIPT

pytestmark = pytest.mark.django_db


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


def test_the_whole_path_with_the_client():
    activity, idea_round = idea_round_activity()
    alice, bob, lead = _joined(activity), _joined(activity), _lead(activity)
    token = activity.join_token
    response = alice.post(
        reverse("deliberation:idea_propose", args=[token]),
        {"title": "Leeshoek", "description": "Met banken bij het raam"},
        follow=True,
    )
    assert "The team checks your idea before others see it." in response.content.decode()
    idea = Idea.objects.get()
    assert idea.moderation == IdeaModeration.PENDING
    assert "Leeshoek" not in bob.get(reverse("deliberation:ideas", args=[token])).content.decode()
    # Only its author sees that it waits.
    own = alice.get(reverse("deliberation:ideas", args=[token])).content.decode()
    assert "Your ideas waiting for the team" in own and "Leeshoek" in own
    lead.post(
        reverse("deliberation:idea_moderate", args=[activity.pk, idea.pk]), {"decision": "publish"}
    )
    listing = bob.get(reverse("deliberation:ideas", args=[token])).content.decode()
    assert "Leeshoek" in listing and "0 supports" in listing
    support = reverse("deliberation:idea_support", args=[token, idea.pk])
    list_url = reverse("deliberation:ideas", args=[token]) + "?sort=supported"
    response = bob.post(support, {"action": "support", "next": list_url})
    assert response["Location"] == list_url
    bob.post(support, {"action": "support"})
    detail = bob.get(reverse("deliberation:idea", args=[token, idea.pk])).content.decode()
    assert "1 support" in detail and "You support this idea." in detail
    bob.post(
        reverse("deliberation:idea", args=[token, idea.pk]), {"text": "Goed plan, met kussens"}
    )
    staff = reverse("deliberation:idea_staff", args=[activity.pk, idea.pk])
    lead.post(
        staff,
        {"respond": "1", "status": "taken_up", "response": "We richten de hoek in maart in."},
    )
    detail = alice.get(reverse("deliberation:idea", args=[token, idea.pk])).content.decode()
    assert "We richten de hoek in maart in." in detail and "Taken up" in detail
    assert "Goed plan, met kussens" in detail
    bob.post(support, {"action": "withdraw"})
    idea.refresh_from_db()
    assert idea.support_count == 0 and idea.comment_count == 1


def test_merging_through_the_team_page_links_the_merged_idea_to_the_other():
    activity, idea_round = idea_round_activity()
    a, b = ideas(idea_round, ["Leeshoek", "Hoek om te lezen"])
    lead = _lead(activity)
    response = lead.post(
        reverse("deliberation:idea_staff", args=[activity.pk, a.pk]),
        {"merge": "1", "target": str(b.pk)},
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == IdeaStatus.MERGED and a.merged_into == b
    page = _joined(activity).get(reverse("deliberation:idea", args=[activity.join_token, a.pk]))
    html = page.content.decode()
    assert "merged into another idea" in html
    assert reverse("deliberation:idea", args=[activity.join_token, b.pk]) in html
    # A merge target from another round is refused.
    _other, other_round = idea_round_activity(initiative=activity.initiative)
    (foreign,) = ideas(other_round, ["Elders"])
    response = lead.post(
        reverse("deliberation:idea_staff", args=[activity.pk, b.pk]),
        {"merge": "1", "target": str(foreign.pk)},
    )
    assert response.status_code == 200
    assert Idea.objects.get(pk=b.pk).status == IdeaStatus.NEW


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "description": ""},
        {"title": "   ", "description": "Uitleg"},
        {"title": "x" * 151, "description": "Uitleg"},
        {"title": "Titel", "description": HUGE},
        {"title": NUL, "description": "Uitleg"},
        {"title": "Titel", "description": NUL},
        {},
    ],
)
def test_a_bad_idea_is_refused_with_a_message_and_not_saved(data):
    activity, _round = idea_round_activity()
    client = _joined(activity)
    response = client.post(reverse("deliberation:idea_propose", args=[activity.join_token]), data)
    assert response.status_code == 200
    assert 'class="errors"' in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001, NUL])
def test_a_bad_comment_is_refused_and_not_saved(text):
    activity, idea_round = idea_round_activity()
    (idea,) = ideas(idea_round, ["Leeshoek"])
    client = _joined(activity)
    response = client.post(
        reverse("deliberation:idea", args=[activity.join_token, idea.pk]), {"text": text}
    )
    assert response.status_code == 200 and 'class="errors"' in response.content.decode()
    assert not IdeaComment.objects.exists()


@pytest.mark.parametrize("pk", ["abc", "9" * 30, "-5", "0"])
def test_odd_idea_numbers_are_not_found(pk):
    activity, _round = idea_round_activity()
    client = _joined(activity)
    token = activity.join_token
    for url in (f"/join/{token}/ideas/{pk}/", f"/join/{token}/ideas/{pk}/support/"):
        response = client.post(url) if url.endswith("support/") else client.get(url)
        assert response.status_code == 404, url
    assert not IdeaSupport.objects.exists()


@pytest.mark.parametrize(
    "query",
    [
        {"q": HUGE},
        {"q": NUL},
        {"q": '" OR 1=1 --'},
        {"q": "NEAR(a b)"},
        {"status": "nope", "sort": "'; DROP TABLE"},
        {"page": "9" * 40},
        {"page": "-1"},
        {"page": "abc"},
    ],
)
def test_odd_searches_and_pages_still_give_a_page(query):
    activity, idea_round = idea_round_activity()
    ideas(idea_round, ["Leeshoek"])
    client = _joined(activity)
    response = client.get(reverse("deliberation:ideas", args=[activity.join_token]), query)
    assert response.status_code == 200
    lead = _lead(activity)
    assert (
        lead.get(reverse("deliberation:idea_round", args=[activity.pk]), query).status_code == 200
    )


def test_anonymous_flooding_is_stopped_with_a_message(settings):
    settings.IDEAS_PER_HOUR = 3
    activity, _round = idea_round_activity()
    client = _joined(activity)
    url = reverse("deliberation:idea_propose", args=[activity.join_token])
    for n in range(3):
        client.post(url, {"title": f"Idee {n}", "description": "Uitleg"})
    response = client.post(url, {"title": "Nog een", "description": "Uitleg"})
    assert "You proposed many ideas in the last hour." in response.content.decode()
    assert Idea.objects.count() == 3


def test_a_bad_response_keeps_what_was_typed():
    activity, idea_round = idea_round_activity()
    (idea,) = ideas(idea_round, ["Leeshoek"])
    lead = _lead(activity)
    response = lead.post(
        reverse("deliberation:idea_staff", args=[activity.pk, idea.pk]),
        {"respond": "1", "status": "not_taken_up", "response": "Helaas niet"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Say why the idea is not taken up." in html
    assert "Helaas niet" in html
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW and idea.response == ""


def test_ideas_are_escaped_everywhere():
    activity, idea_round = idea_round_activity(initiative__visibility="public", is_public=True)
    idea_round.moderated = False
    idea_round.question = SCRIPT
    idea_round.save()
    client = _joined(activity)
    token = activity.join_token
    client.post(
        reverse("deliberation:idea_propose", args=[token]), {"title": SCRIPT, "description": SCRIPT}
    )
    idea = Idea.objects.get()
    client.post(reverse("deliberation:idea", args=[token, idea.pk]), {"text": SCRIPT})
    lead = _lead(activity)
    pages = [
        client.get(reverse("deliberation:ideas", args=[token])),
        client.get(reverse("deliberation:idea", args=[token, idea.pk])),
        lead.get(reverse("deliberation:idea_round", args=[activity.pk])),
        lead.get(reverse("deliberation:idea_staff", args=[activity.pk, idea.pk])),
    ]
    for response in pages:
        page = response.content.decode()
        assert response.status_code == 200
        assert SCRIPT not in page and "&lt;script&gt;" in page


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_pages_cost_the_same_number_of_queries_for_a_small_and_a_big_round():
    counts = []
    for size in (3, 40):
        activity, idea_round = idea_round_activity()
        made = ideas(idea_round, [f"Idee {n}" for n in range(size)])
        people = [participant_create(activity=activity)[0] for _ in range(3)]
        for idea in made:
            for who in people:
                services.idea_support(idea=idea, participant=who)
            IdeaComment.objects.create(idea=idea, text="Reactie", author_participant=people[0])
        services.idea_merge(source=made[1], target=made[0], actor=_lead_user(activity))
        lead = _lead(activity)
        participant = _joined(activity)
        token = activity.join_token
        counts.append(
            (
                _count(lead, reverse("deliberation:idea_rounds", args=[activity.initiative_id])),
                _count(lead, reverse("deliberation:idea_round", args=[activity.pk]) + "?page=2"),
                _count(lead, reverse("deliberation:idea_staff", args=[activity.pk, made[0].pk])),
                _count(
                    participant, reverse("deliberation:ideas", args=[token]) + "?sort=supported"
                ),
                _count(participant, reverse("deliberation:ideas", args=[token]) + "?q=idee"),
                _count(participant, reverse("deliberation:idea", args=[token, made[0].pk])),
            )
        )
    assert counts[0] == counts[1]


def _lead_user(activity):
    lead = member(activity.initiative.organisation, OrgRole.ADMIN)
    return lead
