"""The stakeholders API gives the same answers as the pages, to the same people, and nothing
more: a matrix of every endpoint against every role, names and contact details as on the
pages, another organisation's key sees nothing, bad input gets field messages and changes
nothing, lists come in pages, and the network comes from the cache (202 until computed).

People as in initiatives/tests/support.ROLES; without a key (anonymous, or a participant's
cookie) the API answers 401. The initiative is PRIVATE; the stakeholder under test was
recorded by the community reporter. Cells: a status code, with a trailing + when the
request's change happened."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks import default_task_backend

from constellate.accounts.roles import InitiativeRole
from constellate.accounts.services import api_token_create
from constellate.api import api
from constellate.core.models import AuditEvent
from constellate.core.network_cache import network_layout_compute
from constellate.initiatives.choices import Visibility
from constellate.initiatives.tests.factories import InitiativeMembershipFactory
from constellate.initiatives.tests.support import (
    OUTSIDERS,
    ROLES,
    SECRETS,
    World,
    build_world,
    client_for,
    role_cells,
)
from constellate.stakeholders.api import NetworkOut
from constellate.stakeholders.models import Contact, EngagementChange, Relation, Stakeholder
from constellate.stakeholders.tests.factories import (
    ContactFactory,
    RelationFactory,
    StakeholderFactory,
)

NAME_SECRET = "Marieke Geheimnaam"
PHONE_SECRET = "0687654321"
NOTE_SECRET = "Woont boven de bakker"
B_NAME = "Beekdorper Buur"
ALL_SECRETS = (*SECRETS, NAME_SECRET, PHONE_SECRET, NOTE_SECRET)
TODAY = timezone.localdate()
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

#              anon part other admin orgfac initfac rep  part obs  lead outside
VIEWERS = "401 401 404 200 200 200 200 200 200 200 404"
NAMES = "401 401 404 200 200 200 200 200 403 200 404"
ADDERS = "401 401 404 201+ 403 201+ 201+ 403 403 201+ 404"
CHANGERS_201 = "401 401 404 201+ 403 201+ 201+ 403 403 201+ 404"
CHANGERS_200 = "401 401 404 200+ 403 200+ 200+ 403 403 200+ 404"
CHANGERS_204 = "401 401 404 204+ 403 204+ 204+ 403 403 204+ 404"
MANAGERS = "401 401 404 200+ 403 200+ 403 403 403 200+ 404"


@dataclass
class Case:
    id: str
    method: str
    path: str  # as in the OpenAPI schema
    url: Callable[[World], str]
    expected: str
    payload: Callable[[World], dict[str, Any]] | None = None
    effect: Callable[[World], bool] | None = None


def _s(w: World) -> Stakeholder:
    return w.extra["stakeholder"]


CASES = [
    Case(
        "register",
        "GET",
        "/api/v1/initiatives/{pk}/stakeholders",
        lambda w: f"/api/v1/initiatives/{w.private.pk}/stakeholders",
        VIEWERS,
    ),
    Case(
        "add",
        "POST",
        "/api/v1/initiatives/{pk}/stakeholders",
        lambda w: f"/api/v1/initiatives/{w.private.pk}/stakeholders",
        ADDERS,
        payload=lambda w: {"entity": "person", "name": "Nieuwe buur", "kind": "resident"},
        effect=lambda w: Stakeholder.objects.filter(name="Nieuwe buur").exists(),
    ),
    Case(
        "network",
        "GET",
        "/api/v1/initiatives/{pk}/stakeholders/network",
        lambda w: f"/api/v1/initiatives/{w.private.pk}/stakeholders/network",
        VIEWERS,
    ),
    Case(
        "contact_log",
        "GET",
        "/api/v1/initiatives/{pk}/stakeholders/contacts",
        lambda w: f"/api/v1/initiatives/{w.private.pk}/stakeholders/contacts",
        NAMES,
    ),
    Case(
        "detail",
        "GET",
        "/api/v1/stakeholders/{pk}",
        lambda w: f"/api/v1/stakeholders/{_s(w).pk}",
        NAMES,
    ),
    Case(
        "update",
        "PATCH",
        "/api/v1/stakeholders/{pk}",
        lambda w: f"/api/v1/stakeholders/{_s(w).pk}",
        CHANGERS_200,
        payload=lambda w: {"description": "Matrixwijziging"},
        effect=lambda w: Stakeholder.objects.filter(description="Matrixwijziging").exists(),
    ),
    Case(
        "forget",
        "POST",
        "/api/v1/stakeholders/{pk}/forget",
        lambda w: f"/api/v1/stakeholders/{_s(w).pk}/forget",
        MANAGERS,
        payload=lambda w: {},
        effect=lambda w: Stakeholder.objects.get(pk=_s(w).pk).forgotten_at is not None,
    ),
    Case(
        "relations",
        "GET",
        "/api/v1/stakeholders/{pk}/relations",
        lambda w: f"/api/v1/stakeholders/{_s(w).pk}/relations",
        NAMES,
    ),
    Case(
        "relation_add",
        "POST",
        "/api/v1/stakeholders/{pk}/relations",
        lambda w: f"/api/v1/stakeholders/{_s(w).pk}/relations",
        CHANGERS_201,
        payload=lambda w: {"target": w.extra["other"].pk, "kind": "trusts"},
        effect=lambda w: Relation.objects.filter(kind="trusts").exists(),
    ),
    Case(
        "relation_delete",
        "DELETE",
        "/api/v1/stakeholders/relations/{pk}",
        lambda w: f"/api/v1/stakeholders/relations/{w.extra['relation'].pk}",
        CHANGERS_204,
        effect=lambda w: not Relation.objects.filter(pk=w.extra["relation"].pk).exists(),
    ),
    Case(
        "contacts",
        "GET",
        "/api/v1/stakeholders/{pk}/contacts",
        lambda w: f"/api/v1/stakeholders/{_s(w).pk}/contacts",
        NAMES,
    ),
    Case(
        "contact_add",
        "POST",
        "/api/v1/stakeholders/{pk}/contacts",
        lambda w: f"/api/v1/stakeholders/{_s(w).pk}/contacts",
        CHANGERS_201,
        payload=lambda w: {
            "kind": "call",
            "happened_on": TODAY.isoformat(),
            "outcome": "Matrixgesprek",
        },
        effect=lambda w: Contact.objects.filter(outcome="Matrixgesprek").exists(),
    ),
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
        w = build_world()
        s = StakeholderFactory(
            initiative=w.private,
            name=NAME_SECRET,
            phone=PHONE_SECRET,
            notes=NOTE_SECRET,
            consent_purpose="Uitnodigingen",
            consent_on=TODAY,
            recorded_by=w.users["reporter"],
        )
        w.extra["stakeholder"] = s
        w.extra["other"] = StakeholderFactory(
            initiative=w.private, name="Buurthuis De Kern", entity="organisation", kind="ngo"
        )
        w.extra["relation"] = RelationFactory(source=s, target=w.extra["other"])
        w.extra["contact"] = ContactFactory(
            stakeholder=s, outcome="Wil meedoen", by=w.users["reporter"]
        )
        # Another organisation's stakeholder, never to be seen from organisation A.
        w.extra["b_stakeholder"] = StakeholderFactory(initiative=w.b_initiative, name=B_NAME)
        w.extra["keys"] = {
            role: api_token_create(user=user, name="test")[1] for role, user in w.users.items()
        }
        yield w
        transaction.set_rollback(True)


def api_client(world: World, role: str) -> tuple[Client, dict[str, str]]:
    """A test client and the headers acting as `role`: a personal API key, or none at all for
    the anonymous visitor and the participant (whose cookie the API does not accept)."""
    key = world.extra["keys"].get(role)
    client = client_for(world, role) if role == "participant" else Client()
    return client, ({"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {})


def call(world: World, role: str, method: str, url: str, payload=None, *, lang=None, **extra):
    """One request as `role`; `lang="en"` picks English as the language cookie does (the
    interface, and so the API, is Dutch otherwise, whatever the client asks for)."""
    client, headers = api_client(world, role)
    if lang:
        client.cookies["django_language"] = lang
    kwargs: dict[str, Any] = {**headers, **extra}
    if payload is not None:
        kwargs.update(data=payload, content_type="application/json")
    return getattr(client, method.lower())(url, **kwargs)


def _check_leaks(body: str, role: str, where: str) -> None:
    assert B_NAME not in body
    if role in OUTSIDERS or role == "other_org":
        for secret in ALL_SECRETS:
            assert secret not in body, f"{role} read {secret!r} on {where}"
    if role in ("observer", "partner", "org_facilitator"):
        assert PHONE_SECRET not in body, f"{role} read the phone number on {where}"
        assert NOTE_SECRET not in body, f"{role} read the notes on {where}"
    if role == "observer":
        assert NAME_SECRET not in body, f"observer read a name on {where}"


def _params():
    for case in CASES:
        row = role_cells(case.expected)
        for role in ROLES:
            yield pytest.param(case, role, row[role], id=f"{case.id}-{role}")


@pytest.mark.django_db
@pytest.mark.parametrize("case, role, expected", list(_params()))
def test_each_role_gets_exactly_what_the_matrix_allows(world, case, role, expected, settings):
    settings.TASKS = IMMEDIATE
    payload = case.payload(world) if case.payload else None
    response = call(world, role, case.method, case.url(world), payload)
    status = response.status_code
    assert status == int(expected.rstrip("+")), f"{role} got {status} on {case.id}"
    body = response.content.decode()
    _check_leaks(body, role, case.id)
    if status >= 400:
        assert "detail" in response.json()
    if case.effect is not None:
        happened = case.effect(world)
        if expected.endswith("+"):
            assert happened, f"{role}'s {case.method} on {case.id} should have changed something"
        else:
            assert not happened, f"{role}'s {case.method} on {case.id} changed something"


def _stakeholder_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if "stakeholders" in operation.get("tags", [])
    }


def test_matrix_covers_every_endpoint_and_the_schema_lists_them(client):
    assert _stakeholder_operations() == {(case.method, case.path) for case in CASES}
    published = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/initiatives/{pk}/stakeholders/network" in published
    assert set(published["/api/v1/stakeholders/{pk}"]) == {"get", "patch"}
    assert "delete" in published["/api/v1/stakeholders/relations/{pk}"]


# Names and contact details ------------------------------------------------------------------


@pytest.mark.django_db
def test_observer_sees_the_register_by_kind_and_number_and_cannot_search_names(world):
    url = f"/api/v1/initiatives/{world.private.pk}/stakeholders"
    observer = call(world, "observer", "GET", url, lang="en").json()
    labels = {row["id"]: row["label"] for row in observer["items"]}
    assert labels[_s(world).pk] == f"Resident #{_s(world).pk}"
    # a group's or organisation's name is not personal data
    assert labels[world.extra["other"].pk] == "Buurthuis De Kern"
    searched = call(world, "observer", "GET", url, {"q": "Marieke"}).json()
    assert searched["count"] == observer["count"] == 2  # the search is ignored, not a hint
    partner = call(world, "partner", "GET", url, {"q": "Marieke"}).json()
    assert [row["label"] for row in partner["items"]] == [NAME_SECRET]


@pytest.mark.django_db
def test_contact_details_only_for_editors_and_who_recorded_them(world):
    url = f"/api/v1/stakeholders/{_s(world).pk}"
    partner = call(world, "partner", "GET", url).json()
    assert partner["name"] == NAME_SECRET and partner["contact_details_shown"] is False
    assert partner["phone"] is None and partner["notes"] is None
    assert partner["can_change"] is False
    for role in ("reporter", "lead", "org_admin"):
        data = call(world, role, "GET", url).json()
        assert data["phone"] == PHONE_SECRET and data["notes"] == NOTE_SECRET, role
        assert data["can_change"] is True
    # reading them is recorded, as on the page
    assert AuditEvent.objects.filter(
        action="stakeholder_contact_details_viewed", actor=world.users["lead"]
    ).exists()
    assert not AuditEvent.objects.filter(
        action="stakeholder_contact_details_viewed", actor=world.users["partner"]
    ).exists()


@pytest.mark.django_db
def test_relations_and_contacts_read_as_on_the_stakeholder_page(world):
    s, other = _s(world), world.extra["other"]
    relations = call(world, "partner", "GET", f"/api/v1/stakeholders/{other.pk}/relations")
    assert relations.json() == [
        {
            "id": world.extra["relation"].pk,
            "kind": "works_with",
            "source": s.pk,
            "target": other.pk,
            "direction": "in",
            "other": {"id": s.pk, "label": NAME_SECRET},
        }
    ]
    contacts = call(world, "partner", "GET", f"/api/v1/stakeholders/{s.pk}/contacts").json()
    assert contacts["count"] == 1
    contact = contacts["items"][0]
    assert contact["outcome"] == "Wil meedoen" and contact["stakeholder"]["label"] == NAME_SECRET
    assert contact["by"] == (world.users["reporter"].display_name or world.users["reporter"].email)
    log = call(
        world, "partner", "GET", f"/api/v1/initiatives/{world.private.pk}/stakeholders/contacts"
    )
    assert [c["id"] for c in log.json()["items"]] == [world.extra["contact"].pk]


@pytest.mark.django_db
def test_a_community_reporter_adds_but_does_not_set_the_engagement_level(world):
    url = f"/api/v1/initiatives/{world.private.pk}/stakeholders"
    payload = {"entity": "person", "description": "Man van de moskee", "level": "co_deciding"}
    response = call(world, "reporter", "POST", url, payload)
    assert response.status_code == 201
    created = Stakeholder.objects.get(pk=response.json()["id"])
    assert created.level == "" and created.recorded_by == world.users["reporter"]
    led = call(world, "lead", "POST", url, {**payload, "description": "Vrouw van de markt"})
    assert Stakeholder.objects.get(pk=led.json()["id"]).level == "co_deciding"
    assert EngagementChange.objects.filter(stakeholder_id=led.json()["id"]).count() == 1


# Another organisation ----------------------------------------------------------------------


@pytest.mark.django_db
def test_another_organisation_sees_nothing_even_of_a_public_initiative(world):
    world.private.visibility = Visibility.PUBLIC
    world.private.save()
    s = _s(world)
    for url in (
        f"/api/v1/initiatives/{world.private.pk}/stakeholders",
        f"/api/v1/initiatives/{world.private.pk}/stakeholders/network",
        f"/api/v1/stakeholders/{s.pk}",
        f"/api/v1/stakeholders/{s.pk}/contacts",
    ):
        response = call(world, "other_org", "GET", url, lang="en")
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}
        _check_leaks(response.content.decode(), "other_org", url)


@pytest.mark.django_db
def test_another_organisations_stakeholders_cannot_be_linked_from_your_own(world):
    b_url = f"/api/v1/initiatives/{world.b_initiative.pk}/stakeholders"
    before = Stakeholder.objects.count()
    response = call(
        world,
        "other_org",
        "POST",
        b_url,
        {"name": "Via Aardam", "entity": "group", "introduced_by": _s(world).pk},
        lang="en",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"introduced_by": ["Choose someone of this initiative."]}
    assert Stakeholder.objects.count() == before
    b_stakeholder = world.extra["b_stakeholder"]
    relation = call(
        world,
        "other_org",
        "POST",
        f"/api/v1/stakeholders/{b_stakeholder.pk}/relations",
        {"target": _s(world).pk, "kind": "trusts"},
    )
    assert relation.status_code == 422 and set(relation.json()["errors"]) == {"target"}
    assert not Relation.objects.filter(source=b_stakeholder).exists()


# Bad input ---------------------------------------------------------------------------------


def _snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Stakeholder, Relation, Contact, EngagementChange)
    ]


@pytest.mark.django_db
def test_invalid_stakeholder_gets_field_messages_and_saves_nothing(world):
    world.private.target_groups = ["Jongeren"]
    world.private.save()
    before = _snapshot()
    response = call(
        world,
        "lead",
        "POST",
        f"/api/v1/initiatives/{world.private.pk}/stakeholders",
        {
            "entity": "alien",
            "name": "x" * 201,
            "kind": "resident",
            "target_group": "Ouderen",
            "email": "geen-adres",
            "consent_on": (TODAY.replace(year=TODAY.year + 1)).isoformat(),
            "roles": ["king"],
            "introduced_by": 10**30,
        },
        lang="en",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"introduced_by": ["Choose someone of this initiative."]}
    response = call(
        world,
        "lead",
        "POST",
        f"/api/v1/initiatives/{world.private.pk}/stakeholders",
        {
            "entity": "alien",
            "name": "x" * 201,
            "target_group": "Ouderen",
            "email": "geen-adres",
            "consent_on": (TODAY.replace(year=TODAY.year + 1)).isoformat(),
            "roles": ["king"],
        },
        lang="en",
    )
    body = response.json()
    assert response.status_code == 422 and body["detail"] == "Please check the input."
    assert set(body["errors"]) == {
        "entity",
        "name",
        "target_group",
        "email",
        "consent_on",
        "roles",
    }
    assert "Keep this under 200 characters (now 201)." in body["errors"]["name"]
    assert any("consent" in m for m in body["errors"]["email"])
    assert _snapshot() == before


@pytest.mark.django_db
def test_invalid_update_contact_and_relation_change_nothing(world):
    s = _s(world)
    before = _snapshot()
    update = call(
        world,
        "lead",
        "PATCH",
        f"/api/v1/stakeholders/{s.pk}",
        {"name": "", "description": "", "phone": "ab\x00cd", "status": "gone"},
        lang="en",
    )
    assert update.status_code == 422
    assert set(update.json()["errors"]) == {"name", "phone", "status"}
    contact = call(
        world,
        "lead",
        "POST",
        f"/api/v1/stakeholders/{s.pk}/contacts",
        {
            "kind": "pigeon",
            "happened_on": TODAY.replace(year=TODAY.year + 1).isoformat(),
            "next_step": "x" * 301,
        },
        lang="en",
    )
    assert contact.status_code == 422
    assert set(contact.json()["errors"]) == {"kind", "happened_on", "next_step"}
    for payload, field in (
        ({"target": s.pk, "kind": "trusts"}, "target"),
        ({"target": world.extra["other"].pk, "kind": "loves"}, "kind"),
        ({"target": world.extra["other"].pk, "kind": "works_with"}, "target"),  # already there
    ):
        relation = call(world, "lead", "POST", f"/api/v1/stakeholders/{s.pk}/relations", payload)
        assert relation.status_code == 422 and set(relation.json()["errors"]) == {field}
    # malformed JSON types are refused before any service is called
    typed = call(
        world,
        "lead",
        "POST",
        f"/api/v1/stakeholders/{s.pk}/contacts",
        {"kind": "call", "happened_on": "gisteren"},
    )
    assert typed.status_code == 422
    assert _snapshot() == before
    assert Stakeholder.objects.get(pk=s.pk).name == NAME_SECRET


@pytest.mark.django_db
def test_a_forgotten_person_gets_no_personal_details_back(world):
    s = _s(world)
    forgotten = call(world, "lead", "POST", f"/api/v1/stakeholders/{s.pk}/forget", {}, lang="en")
    assert forgotten.status_code == 200
    data = forgotten.json()
    assert data["forgotten"] and data["name"] == "" and data["phone"] == ""
    assert data["label"] == f"Forgotten person #{s.pk}"
    again = call(
        world, "lead", "PATCH", f"/api/v1/stakeholders/{s.pk}", {"name": "Marieke"}, lang="en"
    )
    assert again.status_code == 422
    assert list(again.json()["errors"]) == ["__all__"]
    assert Stakeholder.objects.get(pk=s.pk).name == ""


@pytest.mark.django_db
def test_unknown_filter_values_are_refused_and_messages_are_dutch_by_default(world):
    url = f"/api/v1/initiatives/{world.private.pk}/stakeholders"
    for query in ({"status": "gone"}, {"kind": "alien"}, {"page": "0"}, {"page": "9" * 20}):
        assert call(world, "lead", "GET", url, query).status_code == 422
    assert (
        call(world, "lead", "GET", "/api/v1/stakeholders/99999999999999999999").status_code == 404
    )
    dutch = call(world, "lead", "PATCH", f"/api/v1/stakeholders/{_s(world).pk}", {"kind": "x"})
    assert dutch.json()["detail"] == "Kijk de invoer nog even na."


# Lists and filters ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_register_comes_in_pages_and_filters_as_the_register_page(world):
    world.private.target_groups = ["Jongeren", "Ouderen"]
    world.private.save()
    for n in range(28):
        StakeholderFactory(
            initiative=world.private,
            name=f"Jongere {n:02d}",
            target_group="Jongeren",
            status="suggested" if n % 2 else "engaged",
            kind="service_user",
        )
    url = f"/api/v1/initiatives/{world.private.pk}/stakeholders"
    first = call(world, "partner", "GET", url).json()
    assert first["count"] == 30 and len(first["items"]) == 25
    second = call(world, "partner", "GET", url, {"page": 2}).json()
    assert len(second["items"]) == 5
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}
    assert len(call(world, "partner", "GET", url, {"page_size": 10}).json()["items"]) == 10
    assert len(call(world, "partner", "GET", url, {"page_size": 1000}).json()["items"]) == 30
    group = call(world, "partner", "GET", url, {"group": "Jongeren"}).json()
    assert group["count"] == 28
    assert {r["target_group"] for r in group["items"]} == {"Jongeren"}
    filtered = call(
        world, "partner", "GET", url, {"group": "Jongeren", "status": "suggested", "q": "ere 1"}
    ).json()
    assert [r["label"] for r in filtered["items"]] == [
        f"Jongere {n}" for n in ("11", "13", "15", "17", "19")
    ]
    assert call(world, "partner", "GET", url, {"kind": "ngo"}).json()["items"] == [
        {
            "id": world.extra["other"].pk,
            "label": "Buurthuis De Kern",
            "entity": "organisation",
            "kind": "ngo",
            "status": "contacted",
            "level": "",
            "target_group": "",
            "introduced_by": None,
            "forgotten": False,
        }
    ]


@pytest.mark.django_db
def test_introducer_is_shown_by_label_and_created_stakeholder_by_its_chain(world):
    s = _s(world)
    url = f"/api/v1/initiatives/{world.private.pk}/stakeholders"
    created = call(
        world,
        "lead",
        "POST",
        url,
        {"entity": "person", "name": "Zus van Marieke", "kind": "resident", "introduced_by": s.pk},
    )
    assert created.status_code == 201
    assert created.json()["reached_via"] == [{"id": s.pk, "label": NAME_SECRET}]
    introducer = call(world, "lead", "GET", f"/api/v1/stakeholders/{s.pk}").json()
    assert introducer["introduced"] == [{"id": created.json()["id"], "label": "Zus van Marieke"}]
    rows = call(world, "observer", "GET", url, {"kind": "resident"}, lang="en").json()["items"]
    row = next(r for r in rows if r["id"] == created.json()["id"])
    assert row["introduced_by"] == {"id": s.pk, "label": f"Resident #{s.pk}"}


# The network -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_network_is_202_until_computed_then_nodes_edges_and_measures(world, settings):
    settings.TASKS = DUMMY
    default_task_backend.clear()
    url = f"/api/v1/initiatives/{world.private.pk}/stakeholders/network"
    for _ in range(2):
        pending = call(world, "lead", "GET", url, lang="en")
        assert pending.status_code == 202
        assert pending["Retry-After"] == "5"
        assert pending.json() == {
            "status": "queued",
            "percent": 0,
            "step": "",
            "detail": "The map is being computed. It is waiting its turn.",
        }
    assert len(default_task_backend.results) == 1  # enqueued once
    network_layout_compute.call(*default_task_backend.results[0].args)
    response = call(world, "lead", "GET", url)
    assert response.status_code == 200
    data = response.json()
    s, other = _s(world), world.extra["other"]
    nodes = {node["id"]: node for node in data["nodes"]}
    assert set(nodes) == {s.pk, other.pk}
    assert nodes[s.pk]["label"] == NAME_SECRET
    assert nodes[s.pk]["degree"] == 1 and nodes[s.pk]["component"] == 0
    assert {"x", "y", "betweenness", "clustering", "broker", "cut_vertex"} <= set(nodes[s.pk])
    assert data["edges"] == [{"source": s.pk, "target": other.pk, "kind": "works_with"}]
    assert data["summary"]["nodes"] == 2 and data["summary"]["edges"] == 1
    # the answer is built without the schema (for speed) but has exactly its shape
    assert NetworkOut.model_validate(data).model_dump(mode="json") == data
    # the observer's network is another cache entry, without names: computed separately
    observer = call(world, "observer", "GET", url)
    assert observer.status_code == 202
    network_layout_compute.call(*default_task_backend.results[-1].args)
    anonymous = {n["id"]: n["label"] for n in call(world, "observer", "GET", url).json()["nodes"]}
    # the kind is named in the language the worker ran in (the map's cache is shared)
    assert anonymous[s.pk].endswith(f" #{s.pk}") and anonymous[other.pk] == "Buurthuis De Kern"
    assert NAME_SECRET not in call(world, "observer", "GET", url).content.decode()


@pytest.mark.django_db
def test_network_follows_a_change_of_the_register(world, settings):
    settings.TASKS = IMMEDIATE
    url = f"/api/v1/initiatives/{world.private.pk}/stakeholders/network"
    first = call(world, "lead", "GET", url).json()
    call(
        world,
        "lead",
        "POST",
        f"/api/v1/stakeholders/{world.extra['other'].pk}/relations",
        {"target": _s(world).pk, "kind": "trusts"},
    )
    second = call(world, "lead", "GET", url).json()
    assert second["version"] != first["version"]
    assert {"source": world.extra["other"].pk, "target": _s(world).pk, "kind": "trusts"} in (
        second["edges"]
    )


@pytest.mark.django_db
def test_a_key_works_for_someone_who_joins_the_initiative_later(world):
    """The key carries the person, not a fixed set of rights: rights follow the roles."""
    url = f"/api/v1/stakeholders/{_s(world).pk}"
    refused = call(world, "observer", "GET", url, lang="en")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "You may not see the names in this register."}
    change = call(world, "partner", "PATCH", url, {"name": "Anders"}, lang="en")
    assert change.json() == {"detail": "You may not change this stakeholder."}
    InitiativeMembershipFactory(
        initiative=world.private, user=world.users["observer"], role=InitiativeRole.PARTNER
    )
    assert call(world, "observer", "GET", url).json()["name"] == NAME_SECRET


@pytest.mark.django_db
def test_a_signed_in_session_is_no_key(world):
    client = client_for(world, "lead")
    response = client.get(f"/api/v1/initiatives/{world.private.pk}/stakeholders")
    assert response.status_code == 401


@pytest.mark.django_db
def test_lists_take_the_same_number_of_queries_however_long(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    s = _s(world)
    urls = (
        f"/api/v1/initiatives/{world.private.pk}/stakeholders",
        f"/api/v1/initiatives/{world.private.pk}/stakeholders/contacts",
        f"/api/v1/stakeholders/{s.pk}/contacts",
    )

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert call(world, "lead", "GET", url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    counts()  # the key's first use of the day is written down once
    before = counts()
    for _ in range(12):
        ContactFactory(
            stakeholder=StakeholderFactory(initiative=world.private, introduced_by=s),
            by=world.users["lead"],
        )
        ContactFactory(stakeholder=s, by=world.users["partner"])
    assert counts() == before
