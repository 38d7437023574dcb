"""Who may see and run conversations, for every role (see initiatives/tests/support.py
ROLES): anonymous, participant cookie only, admin of another organisation, org admin, org
facilitator outside the initiative, initiative facilitator, reporter, partner, observer,
lead, partner outside the initiative. The initiative is PRIVATE unless said otherwise.
Cells: status code, L for a redirect to sign in."""

import pytest
from django.urls import reverse

from constellate.deliberation import services_conversations as services
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Statement
from constellate.deliberation.tests.factories import planted_votes, statements
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

VIEWERS = "L L 404 200 200 200 200 200 200 200 404"
EDITORS = "L L 404 200 403 200 403 403 403 200 404"
ONLY_B = "L L 200 404 404 404 404 404 404 404 404"

PRIVATE_STATEMENT = "Geheime stelling PS3"
B_STATEMENT = "Stelling uit Beekdorp BS8"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


@pytest.fixture
def convs(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    activity = ActivityFactory(
        initiative=world.private, kind=ActivityKind.CONVERSATION, title="Besloten gesprek"
    )
    conversation = services.conversation_ensure(activity=activity)
    statements(conversation, [PRIVATE_STATEMENT])
    (pending,) = statements(conversation, ["Wacht op controle"], StatementStatus.PENDING)
    b_activity = ActivityFactory(initiative=world.b_initiative, kind=ActivityKind.CONVERSATION)
    b_conversation = services.conversation_ensure(activity=b_activity)
    statements(b_conversation, [B_STATEMENT])
    planted_votes(conversation, sizes=(6, 6))
    services.opinion_compute_now(conversation=conversation)
    return {"activity": activity, "b_activity": b_activity, "pending": pending}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["conversation", "report"])
def test_team_pages_of_a_conversation(world, convs, name):
    url = reverse(f"deliberation:{name}", args=[convs["activity"].pk])
    for role, expected in _expect(VIEWERS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        page = response.content.decode()
        assert ("Besloten gesprek" in page) == (expected == "200"), role
        marker = PRIVATE_STATEMENT if name == "conversation" else "Stelling 1"
        assert (marker in page) == (expected == "200"), role
        assert B_STATEMENT not in page, role


@pytest.mark.django_db
def test_the_list_of_conversations(world, convs):
    url = reverse("deliberation:conversations", args=[world.private.pk])
    for role, expected in _expect(VIEWERS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        if expected == "200":
            assert "Besloten gesprek" in response.content.decode()


@pytest.mark.django_db
def test_another_organisations_conversation_is_seen_only_by_it(world, convs):
    url = reverse("deliberation:conversation", args=[convs["b_activity"].pk])
    for role, expected in _expect(ONLY_B).items():
        _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_the_moderation_queue(world, convs):
    url = reverse("deliberation:moderation", args=[convs["activity"].pk])
    for role, expected in _expect(EDITORS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        if expected == "200":
            assert "Wacht op controle" in response.content.decode()


@pytest.mark.django_db
def test_only_editors_moderate_and_add_statements(world, convs):
    pending = convs["pending"]
    url = reverse("deliberation:moderate", args=[convs["activity"].pk, pending.pk])
    add_url = reverse("deliberation:conversation", args=[convs["activity"].pk])
    for role, expected in _expect(EDITORS).items():
        response = client_for(world, role).post(url, {"decision": "accept"})
        if expected == "200":
            assert response.status_code == 302, role
            Statement.objects.filter(pk=pending.pk).update(status=StatementStatus.PENDING)
        else:
            _check(response, expected, role)
            assert Statement.objects.get(pk=pending.pk).status == StatementStatus.PENDING
        text = f"Van {role}"
        response = client_for(world, role).post(
            add_url, {"statement-text": text, "add_statement": "1"}
        )
        assert Statement.objects.filter(text=text).exists() == (expected == "200"), role


@pytest.mark.django_db
def test_participants_see_the_report_only_of_a_public_conversation(world, convs):
    private_url = reverse("deliberation:results", args=[convs["activity"].join_token])
    assert client_for(world, "participant").get(private_url).status_code == 404
    assert client_for(world, "lead").get(private_url).status_code == 404
    public = ActivityFactory(
        initiative=world.public, kind=ActivityKind.CONVERSATION, is_public=True
    )
    conversation = services.conversation_ensure(activity=public)
    planted_votes(conversation, sizes=(6, 6))
    services.opinion_compute_now(conversation=conversation)
    url = reverse("deliberation:results", args=[public.join_token])
    response = client_for(world, "participant").get(url)
    assert response.status_code == 200 and "Stelling 1" in response.content.decode()
    # Without taking part: first join.
    response = client_for(world, "anonymous").get(url)
    assert response.status_code == 302 and "/join/" in response["Location"]
    # Not shown on the public page: only the team sees the report.
    public.is_public = False
    public.save()
    assert client_for(world, "participant").get(url).status_code == 404


@pytest.mark.django_db
def test_voting_needs_joining_first(world, convs):
    url = reverse("deliberation:vote", args=[convs["activity"].join_token])
    response = client_for(world, "anonymous").get(url)
    assert response.status_code == 302 and response["Location"].endswith(
        f"/join/{convs['activity'].join_token}/"
    )
    # A non-conversation activity has no voting page.
    other = reverse("deliberation:vote", args=[world.activity.join_token])
    assert client_for(world, "participant").get(other).status_code == 404
