"""The API gives the same answers as the pages, to the same people, and nothing more."""

import datetime

import pytest
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import api_token_create
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives.choices import Visibility
from constellate.initiatives.models import Activity, CanvasVersion
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, secret = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def world():
    org, other = OrganisationFactory(), OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    partner = member(org, OrgRole.PARTNER)
    outsider = member(other, OrgRole.ADMIN)
    initiative = InitiativeFactory(organisation=org, visibility=Visibility.PRIVATE)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    InitiativeMembershipFactory(initiative=initiative, user=partner, role=InitiativeRole.PARTNER)
    ActivityFactory(initiative=initiative, title="Huiskamergesprek")
    return {"initiative": initiative, "lead": lead, "partner": partner, "outsider": outsider}


def test_api_refuses_requests_without_a_valid_key(client, world):
    assert client.get("/api/v1/initiatives").status_code == 401
    bad = {"HTTP_AUTHORIZATION": "Bearer cst_not-a-real-key"}
    assert client.get("/api/v1/initiatives", **bad).status_code == 401


def test_expired_or_revoked_keys_stop_working(client, world):
    token, secret = api_token_create(user=world["lead"], name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/initiatives", **auth).status_code == 200
    token.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    token.save()
    assert client.get("/api/v1/initiatives", **auth).status_code == 401


def test_member_lists_and_reads_their_initiative(client, world):
    auth = bearer(world["partner"])
    listing = client.get("/api/v1/initiatives", **auth).json()
    assert [i["id"] for i in listing["items"]] == [world["initiative"].pk]
    detail = client.get(f"/api/v1/initiatives/{world['initiative'].pk}", **auth).json()
    assert detail["title"] == world["initiative"].title and detail["public_url"] is None
    activities = client.get(
        f"/api/v1/initiatives/{world['initiative'].pk}/activities", **auth
    ).json()
    assert [a["title"] for a in activities] == ["Huiskamergesprek"]


def test_another_organisation_sees_nothing_through_the_api(client, world):
    auth = bearer(world["outsider"])
    assert client.get("/api/v1/initiatives", **auth).json()["items"] == []
    pk = world["initiative"].pk
    for url in (
        f"/api/v1/initiatives/{pk}",
        f"/api/v1/initiatives/{pk}/activities",
        f"/api/v1/initiatives/{pk}/canvas",
    ):
        assert client.get(url, **auth).status_code == 404
    payload = {
        "title": "x",
        "kind": "workshop",
        "purpose": "x",
        "opens_on": "2026-12-01",
        "phases": ["co_design"],
        "setting": "online",
    }
    response = client.post(
        f"/api/v1/initiatives/{pk}/activities", payload, content_type="application/json", **auth
    )
    assert response.status_code == 404
    assert not Activity.objects.filter(title="x").exists()


def test_partner_cannot_change_but_lead_can_add_an_activity(client, world):
    pk = world["initiative"].pk
    payload = {
        "title": "Belronde",
        "kind": "phone_round",
        "purpose": "Mensen bellen die niet naar bijeenkomsten komen.",
        "opens_on": "2026-12-01",
        "closes_on": "2026-12-20",
        "phases": ["co_design", "co_initiation"],
        "setting": "phone",
    }
    denied = client.post(
        f"/api/v1/initiatives/{pk}/activities",
        payload,
        content_type="application/json",
        **bearer(world["partner"]),
    )
    assert denied.status_code == 403
    created = client.post(
        f"/api/v1/initiatives/{pk}/activities",
        payload,
        content_type="application/json",
        **bearer(world["lead"]),
    )
    assert created.status_code == 201
    assert created.json()["phases"] == ["co_initiation", "co_design"]
    assert Activity.objects.filter(initiative_id=pk, title="Belronde").exists()


def test_invalid_activity_gets_field_messages_and_saves_nothing(client, world):
    pk = world["initiative"].pk
    before = Activity.objects.count()
    response = client.post(
        f"/api/v1/initiatives/{pk}/activities",
        {
            "title": "Te vroeg dicht",
            "kind": "workshop",
            "purpose": "x",
            "opens_on": "2026-12-10",
            "closes_on": "2026-12-01",
            "phases": [],
            "setting": "place",
        },
        content_type="application/json",
        **bearer(world["lead"]),
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) >= {"closes_on", "phases"}
    assert Activity.objects.count() == before


def test_canvas_saved_through_the_api_becomes_a_version(client, world):
    pk = world["initiative"].pk
    auth = bearer(world["lead"])
    data = {
        "context": {"place": "Houten"},
        "goals": [{"goal": "Minder wachttijd", "why": "", "driver": "need"}],
    }
    saved = client.put(
        f"/api/v1/initiatives/{pk}/canvas", {"data": data}, content_type="application/json", **auth
    )
    assert saved.json() == {"number": 1, "changed": True, "conflict": False}
    again = client.put(
        f"/api/v1/initiatives/{pk}/canvas", {"data": data}, content_type="application/json", **auth
    )
    assert again.json()["changed"] is False
    current = client.get(f"/api/v1/initiatives/{pk}/canvas", **auth).json()
    assert current["number"] == 1 and current["data"]["goals"][0]["goal"] == "Minder wachttijd"
    assert CanvasVersion.objects.filter(initiative_id=pk).count() == 1


def test_public_endpoints_need_no_key_and_show_only_public_initiatives(client, world):
    public = InitiativeFactory(visibility=Visibility.PUBLIC, title="Open voor iedereen")
    ActivityFactory(initiative=public, is_public=False, title="Intern overleg")
    ActivityFactory(initiative=public, title="Inloopavond")
    listing = client.get("/api/v1/public/initiatives").json()
    assert [i["title"] for i in listing["items"]] == ["Open voor iedereen"]
    activities = client.get(f"/api/v1/public/initiatives/{public.pk}/activities").json()
    assert [a["title"] for a in activities] == ["Inloopavond"]
    assert (
        client.get(f"/api/v1/public/initiatives/{world['initiative'].pk}/activities").status_code
        == 404
    )


def test_openapi_schema_is_published_without_login(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/initiatives" in schema["paths"]


def test_api_keys_page_shows_a_new_key_once_and_revokes(client, world):
    client.force_login(world["lead"])
    response = client.post("/accounts/profile/api-keys/", {"name": "Rapportage"}, follow=True)
    secret = response.context["new_secret"]
    assert secret.startswith("cst_") and secret.encode() in response.content
    assert client.get("/accounts/profile/api-keys/").context["new_secret"] is None
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/initiatives", **auth).status_code == 200
    token = world["lead"].api_tokens.get()
    client.post("/accounts/profile/api-keys/", {"revoke": token.pk})
    assert client.get("/api/v1/initiatives", **auth).status_code == 401


def test_nobody_can_revoke_another_persons_key(client, world):
    token, _secret = api_token_create(user=world["partner"], name="van een ander")
    client.force_login(world["lead"])
    assert client.post("/accounts/profile/api-keys/", {"revoke": token.pk}).status_code == 404
    assert client.post("/accounts/profile/api-keys/", {"revoke": "abc"}).status_code == 404
    assert world["partner"].api_tokens.count() == 1


@pytest.mark.parametrize("url", ["/api/v1/initiatives", "/api/v1/public/initiatives"])
def test_a_page_number_beyond_reason_gets_a_clear_answer_not_a_server_error(client, world, url):
    auth = bearer(world["lead"])
    client.raise_request_exception = False
    huge = client.get(url, {"page": "99999999999999999999"}, **auth)
    assert huge.status_code == 422
    past_the_end = client.get(url, {"page": "1000"}, **auth)
    assert past_the_end.status_code in (200, 404)
