"""The decision log's pages for every role (see initiatives/tests/support.py ROLES), bad
input through the pages, and the public pages. The initiative of the matrix is PRIVATE.

Cells: status code, L for a redirect to sign in, 302 for a write that succeeded."""

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.decisions import services
from constellate.decisions.models import Decision, EvidenceLink, Milestone
from constellate.decisions.tests.factories import decision, form_data
from constellate.deliberation.tests.factories import conversation_activity, statements
from constellate.initiatives.tests.support import (
    ROLES,
    client_for,
    page_queries,
    shared_world_fixture,
)
from constellate.stories import services as story_services
from constellate.stories.choices import Audience
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()

READERS = "L L 404 200 200 200 200 200 200 200 404"
MAKERS = "L L 404 200 403 200 403 403 403 200 404"
WRITES = "L L 404 302 403 302 403 403 403 302 404"


def _cells(row: str) -> dict[str, str]:
    return dict(zip(ROLES, row.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


@pytest.fixture
def scene(world):
    lead = world.users["lead"]
    d = decision(world.private, lead, title="Besluit BS1")
    milestone = services.milestone_add(decision=d, actor=lead, title="Mijlpaal MP2")
    activity = gathering_activity(initiative=world.private)
    team_story, _ = told_story(activity, text="Teamverhaal TV3.", audience=Audience.TEAM)
    org_story, _ = told_story(activity, text="Organisatieverhaal OV4.")
    services.evidence_link(
        decision=d, actor=lead, items=[("story", team_story.pk), ("story", org_story.pk)]
    )
    return {
        "decision": d,
        "milestone": milestone,
        "team_story": team_story,
        "org_story": org_story,
        "link": EvidenceLink.objects.filter(decision=d).first(),
    }


@pytest.mark.django_db
def test_reading_pages(world, scene):
    for url in (
        reverse("decisions:list", args=[world.private.pk]),
        reverse("decisions:detail", args=[scene["decision"].pk]),
    ):
        for role, expected in _cells(READERS).items():
            response = client_for(world, role).get(url)
            _check(response, expected, role)
            page = response.content.decode()
            assert ("BS1" in page) == (expected == "200"), role
            if (
                expected == "200"
                and "decisions/" in url
                and url.endswith(f"{scene['decision'].pk}/")
            ):
                # A team-only story is shown only to the team, never to others who see the
                # initiative.
                team = role in {"init_facilitator", "reporter", "partner", "lead"}
                assert ("TV3" in page) == team, role
                assert "OV4" in page, role


@pytest.mark.django_db
def test_making_pages(world, scene):
    for url in (
        reverse("decisions:new", args=[world.private.pk]),
        reverse("decisions:edit", args=[scene["decision"].pk]),
        reverse("decisions:delete", args=[scene["decision"].pk]),
    ):
        for role, expected in _cells(MAKERS).items():
            _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_writes(world, scene):
    d = scene["decision"]
    for role, expected in _cells(WRITES).items():
        client = client_for(world, role)
        _check(
            client.post(
                reverse("decisions:milestone_done", args=[d.pk, scene["milestone"].pk]),
                {"done": "1"},
            ),
            expected,
            role,
        )
        _check(
            client.post(
                reverse("decisions:milestone_add", args=[d.pk]),
                {"milestone-title": f"Nieuw {role}", "milestone-due_on": "2026-09-01"},
            ),
            expected,
            role,
        )
        _check(
            client.post(
                reverse("decisions:evidence_change", args=[d.pk, scene["link"].pk]),
                {
                    f"link{scene['link'].pk}-outcome": "partly",
                    f"link{scene['link'].pk}-reason": "R",
                },
            ),
            expected,
            role,
        )
        _check(
            client.post(reverse("decisions:new", args=[world.private.pk]), form_data()),
            expected,
            role,
        )
    assert Milestone.objects.filter(decision=d).count() == 1 + 3  # admin, facilitator, lead
    assert Decision.objects.filter(initiative=world.private).count() == 1 + 3


@pytest.mark.django_db
def test_a_facilitator_records_a_decision_links_evidence_and_sets_a_milestone(world, scene):
    client = client_for(world, "init_facilitator")
    response = client.post(reverse("decisions:new", args=[world.private.pk]), form_data())
    assert response.status_code == 302
    d = Decision.objects.get(title="Spreekuur in de bibliotheek")
    assert d.percent_done == 40 and d.created_by == world.users["init_facilitator"]
    page = client.get(
        reverse("decisions:detail", args=[d.pk]), {"source": "story", "q": "OV4"}
    ).content.decode()
    assert f"story:{scene['org_story'].pk}" in page and "TV3" not in page
    response = client.post(
        reverse("decisions:evidence_add", args=[d.pk]),
        {"items": [f"story:{scene['org_story'].pk}"], "outcome": "taken_up", "reason": ""},
    )
    assert response.status_code == 302
    assert EvidenceLink.objects.filter(decision=d, object_id=scene["org_story"].pk).exists()


@pytest.mark.django_db
def test_the_overview_shows_decisions_being_carried_out(world, scene):
    page = client_for(world, "partner").get(world.private.get_absolute_url()).content.decode()
    assert "BS1" in page
    services.decision_save(
        initiative=world.private,
        actor=world.users["lead"],
        title="Besluit BS1",
        text="T",
        decided_on=scene["decision"].decided_on,
        decided_by="X",
        participation="informed",
        status="done",
        decision=scene["decision"],
    )
    page = client_for(world, "partner").get(world.private.get_absolute_url()).content.decode()
    assert "BS1" not in page  # done: off the overview (the cache follows the change)


@pytest.mark.django_db
def test_another_organisation_sees_nothing(world, scene):
    client = client_for(world, "other_org")
    d = scene["decision"]
    for url in (
        reverse("decisions:list", args=[world.private.pk]),
        reverse("decisions:detail", args=[d.pk]),
        reverse("decisions:edit", args=[d.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404 and "BS1" not in response.content.decode()
    # Nor can it link its own initiative's evidence into a decision of A, or A's into B's.
    b_decision = decision(world.b_initiative, world.users["other_org"], title="B-besluit")
    response = client.post(
        reverse("decisions:evidence_add", args=[b_decision.pk]),
        {"items": [f"story:{scene['org_story'].pk}"], "outcome": "taken_up"},
    )
    assert response.status_code == 400
    assert not EvidenceLink.objects.filter(decision=b_decision).exists()


@pytest.mark.django_db
def test_a_private_initiative_is_never_public(world, scene):
    for role in ROLES:
        client = client_for(world, role)
        for url in (
            reverse("decisions:public_feedback", args=[world.private.pk, world.private.slug]),
            reverse(
                "decisions:public_detail",
                args=[world.private.pk, world.private.slug, scene["decision"].pk],
            ),
        ):
            response = client.get(url)
            assert response.status_code == 404, (role, url)
    # The preview of the private initiative's public page shows no decisions.
    page = client_for(world, "lead").get(world.private.get_public_url()).content.decode()
    assert "BS1" not in page


@pytest.mark.django_db
def test_public_pages_of_a_public_initiative(world):
    lead = world.users["lead"]
    d = decision(world.public, lead, title="Openbaar besluit OB5")
    activity = gathering_activity(initiative=world.public)
    public_story, _ = told_story(activity, text="Openbaar verhaal OP6.", audience=Audience.PUBLIC)
    team_story, _ = told_story(activity, text="Team TT7.", audience=Audience.TEAM)
    _act, conversation = conversation_activity(initiative=world.public)
    statement = statements(conversation, ["Stelling SS8"])[0]
    services.evidence_link(
        decision=d,
        actor=lead,
        items=[("story", public_story.pk), ("story", team_story.pk), ("statement", statement.pk)],
    )
    client = client_for(world, "anonymous")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    feedback = client.get(
        reverse("decisions:public_feedback", args=[world.public.pk, world.public.slug])
    ).content.decode()
    detail = client.get(
        reverse("decisions:public_detail", args=[world.public.pk, world.public.slug, d.pk])
    ).content.decode()
    for page in (feedback, detail):
        assert "OB5" in page
        assert "Stories: 1" in page and "Statements in conversations: 1" in page
        for secret in ("OP6", "TT7", "SS8"):
            assert secret not in page  # counted, never shown
    initiative_page = client.get(world.public.get_public_url()).content.decode()
    assert "OB5" in initiative_page and "You said, we did" in initiative_page
    # A withdrawn story leaves the public count at once.
    story_services.story_withdraw(story=public_story)
    feedback = client.get(
        reverse("decisions:public_feedback", args=[world.public.pk, world.public.slug])
    ).content.decode()
    assert "Stories:" not in feedback


@pytest.mark.django_db
def test_the_participant_sees_what_became_of_their_statement(world):
    from django.test import Client

    from constellate.deliberation import services_conversations

    activity, conversation = conversation_activity(initiative=world.public)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get(reverse("initiatives:join", args=[activity.join_token])).status_code in (
        200,
        302,
    )
    response = client.post(reverse("initiatives:join", args=[activity.join_token]), {})
    assert response.status_code == 302
    from constellate.accounts.models import Participant

    participant = Participant.objects.order_by("-pk").first()
    statement = services_conversations.statement_submit(
        conversation=conversation, participant=participant, text="Langer open op zaterdag LZ9"
    )
    services_conversations.statement_moderate(
        statement=statement, actor=world.users["lead"], status="accepted"
    )
    d = decision(world.public, world.users["lead"], title="Zaterdag open ZO1")
    services.evidence_link(
        decision=d,
        actor=world.users["lead"],
        items=[("statement", statement.pk)],
        outcome="not_taken_up",
        reason="Geen personeel op zaterdag.",
    )
    page = client.get(reverse("deliberation:my_votes", args=[activity.join_token])).content.decode()
    assert "LZ9" in page and "ZO1" in page and "Geen personeel op zaterdag." in page
    assert "not taken up" in page


@pytest.mark.django_db
def test_query_counts_do_not_grow(world, scene):
    client = client_for(world, "lead")
    d = scene["decision"]
    url = reverse("decisions:detail", args=[d.pk])
    feedback = reverse("decisions:public_feedback", args=[world.public.pk, world.public.slug])
    public = decision(world.public, world.users["lead"])
    pub_activity = gathering_activity(initiative=world.public)
    first = told_story(pub_activity, text="Eerste.", audience=Audience.PUBLIC)[0]
    services.evidence_link(decision=public, actor=world.users["lead"], items=[("story", first.pk)])
    before = (page_queries(client, url)[0], page_queries(client, feedback)[0])
    activity = gathering_activity(initiative=world.private)
    more = [told_story(activity, text=f"Meer {n}.")[0] for n in range(4)]
    services.evidence_link(
        decision=d, actor=world.users["lead"], items=[("story", s.pk) for s in more]
    )
    for n in range(3):
        services.milestone_add(decision=d, actor=world.users["lead"], title=f"M{n}")
        decision(world.public, world.users["lead"], title=f"Extra {n}")
    pub = [told_story(pub_activity, text=f"P {n}.", audience=Audience.PUBLIC)[0] for n in range(3)]
    services.evidence_link(
        decision=public, actor=world.users["lead"], items=[("story", s.pk) for s in pub]
    )
    after = (page_queries(client, url)[0], page_queries(client, feedback)[0])
    assert after == before


@pytest.mark.django_db
def test_own_statements_page_reads_outcomes_in_a_fixed_number_of_queries(world, client):
    """A participant's own statements each show what became of them, fetched at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from constellate.accounts.models import Participant
    from constellate.deliberation.tests.factories import conversation_activity

    activity, conversation = conversation_activity(
        initiative=world.public, is_public=True, joining_open=True
    )
    client.post(reverse("initiatives:join", args=[activity.join_token]), {})
    participant = Participant.objects.order_by("-pk").first()
    d = decision(world.public, world.users["lead"])
    url = reverse("deliberation:my_votes", args=[activity.join_token])
    counts = []
    for n in (2, 6):
        while conversation.statements.filter(author_participant=participant).count() < n:
            made = conversation.statements.create(
                text=f"Eigen stelling {conversation.statements.count()}",
                author_participant=participant,
                status="accepted",
            )
            services.evidence_link(
                decision=d, actor=world.users["lead"], items=[("statement", made.pk)]
            )
        client.get(url)  # caches filled once (content types, the day's "last seen")
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(url).content.decode()
        assert page.count('class="contribution-outcome"') == n
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
