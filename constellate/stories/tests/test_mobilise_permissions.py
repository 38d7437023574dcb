"""Who may see and make packages and conversations of change, for every role (see
initiatives/tests/support.py ROLES). The initiative is PRIVATE.

The initiative's members read them (partners too), curators (lead, facilitators, reporters,
the organisation's admin) make them; who sees the initiative without being in its team
(facilitator or observer of the organisation) gets 403; another organisation and outsiders
404. Cells: status code, L for a redirect to sign in, 302 for a write that succeeded."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture
from constellate.stories import services_curation as curation
from constellate.stories import services_mobilise as mobilise
from constellate.stories.choices import Audience
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()

READERS = "L L 404 200 403 200 200 200 403 200 404"
MAKERS = "L L 404 200 403 200 200 403 403 200 404"
WRITES = "L L 404 302 403 302 302 403 403 302 404"

TEAM_TEXT = "Alleen voor het team MT4."
ORG_TEXT = "Voor de organisatie MO7."


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
    activity = gathering_activity(initiative=world.private, title="Verhalen")
    team, _ = told_story(activity, text=TEAM_TEXT, audience=Audience.TEAM)
    org, _ = told_story(activity, text=ORG_TEXT, audience=Audience.ORGANISATION)
    insight = curation.insight_save(
        initiative=world.private, actor=lead, title="Inzicht IN8", text="T", stories=[org]
    )
    package = mobilise.package_save(
        initiative=world.private,
        actor=lead,
        title="Pakket PK1",
        stories=[team, org],
        insights=[insight],
    )
    mobilise.package_publish(package=package, actor=lead)
    draft = mobilise.package_save(
        initiative=world.private, actor=lead, title="Concept DR2", stories=[org]
    )
    conversation = mobilise.conversation_save(
        initiative=world.private,
        actor=lead,
        title="Gesprek GS3",
        held_on=datetime.date(2026, 6, 1),
        package=package,
    )
    priority = mobilise.priority_add(conversation=conversation, text="Prio PR5", stories=[org])
    action = mobilise.action_save(conversation=conversation, what="Actie AC6", stories=[team, org])
    return {
        "team": team,
        "org": org,
        "package": package,
        "draft": draft,
        "conversation": conversation,
        "priority": priority,
        "action": action,
    }


@pytest.mark.django_db
def test_reading_pages(world, scene):
    pk = world.private.pk
    urls = [
        reverse("stories:packages", args=[pk]),
        reverse("stories:package", args=[scene["package"].pk]),
        reverse("stories:package_print", args=[scene["package"].pk]),
        reverse("stories:conversations", args=[pk]),
        reverse("stories:conversation", args=[scene["conversation"].pk]),
    ]
    for url in urls:
        for role, expected in _cells(READERS).items():
            response = client_for(world, role).get(url)
            _check(response, expected, role)
            if expected == "200":
                page = response.content.decode()
                # A team-only story shows only to the team, never to the admin outside it.
                assert ("MT4" in page) <= (role != "org_admin"), role


@pytest.mark.django_db
def test_making_pages(world, scene):
    pk = world.private.pk
    urls = [
        reverse("stories:package_new", args=[pk]),
        reverse("stories:package_edit", args=[scene["package"].pk]),
        reverse("stories:conversation_new", args=[pk]),
        reverse("stories:conversation_edit", args=[scene["conversation"].pk]),
        reverse("stories:action_edit", args=[scene["action"].pk]),
    ]
    for url in urls:
        for role, expected in _cells(MAKERS).items():
            _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_a_draft_package_is_only_for_curators(world, scene):
    url = reverse("stories:package", args=[scene["draft"].pk])
    cells = _cells(MAKERS)
    cells["partner"] = "404"
    for role, expected in cells.items():
        _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_writes(world, scene):
    for role, expected in _cells(WRITES).items():
        client = client_for(world, role)
        response = client.post(
            reverse("stories:action_status", args=[scene["action"].pk]), {"status": "doing"}
        )
        _check(response, expected, role)
        response = client.post(
            reverse("stories:priority_move", args=[scene["priority"].pk]), {"direction": "up"}
        )
        _check(response, expected, role)
        response = client.post(
            reverse("stories:priority_new", args=[scene["conversation"].pk]),
            {"priority-text": f"Nieuw {role}"},
        )
        _check(response, expected, role)
    scene["action"].refresh_from_db()
    assert scene["action"].status == "doing"


@pytest.mark.django_db
def test_a_curator_makes_and_publishes_a_package_through_the_pages(world, scene):
    client = client_for(world, "reporter")
    response = client.post(
        reverse("stories:package_new", args=[world.private.pk]),
        {"title": "Nieuw pakket NP9", "visibility": "private", "stories": [scene["org"].pk]},
    )
    assert response.status_code == 302
    package_url = response["Location"]
    package_pk = int(package_url.rstrip("/").split("/")[-1])
    assert client.post(reverse("stories:package_publish", args=[package_pk])).status_code == 302
    page = client_for(world, "partner").get(package_url).content.decode()
    assert "NP9" in page and "MO7" in page


@pytest.mark.django_db
def test_another_organisation_sees_nothing(world, scene):
    client = client_for(world, "other_org")
    for url in (
        reverse("stories:package", args=[scene["package"].pk]),
        reverse("stories:conversation", args=[scene["conversation"].pk]),
        reverse("stories:action_edit", args=[scene["action"].pk]),
        reverse("stories:packages", args=[world.private.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "PK1" not in response.content.decode()
    # The public page of a private initiative's package does not exist.
    url = reverse(
        "stories:public_package",
        args=[world.private.pk, world.private.slug, scene["package"].pk],
    )
    assert client_for(world, "anonymous").get(url).status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow(world, scene):
    lead = world.users["lead"]
    client = client_for(world, "lead")
    package_url = reverse("stories:package", args=[scene["package"].pk])
    conversation_url = reverse("stories:conversation", args=[scene["conversation"].pk])
    before = (_queries(client, package_url), _queries(client, conversation_url))
    activity = gathering_activity(initiative=world.private)
    more = [told_story(activity, text=f"Meer {n}.")[0] for n in range(4)]
    for story in more:
        curation.quote_create(story=story, actor=lead, start=0, end=4)
    mobilise.package_save(
        initiative=world.private,
        actor=lead,
        title="Pakket PK1",
        stories=[scene["org"], scene["team"], *more],
        insights=list(scene["package"].insights.all()),
        package=scene["package"],
    )
    for n in range(3):
        mobilise.priority_add(conversation=scene["conversation"], text=f"P{n}", stories=more)
        mobilise.action_save(conversation=scene["conversation"], what=f"A{n}", stories=more)
    after = (_queries(client, package_url), _queries(client, conversation_url))
    assert after == before
