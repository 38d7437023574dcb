"""The conversations API gives the same answers as the pages, to the same people, and only
aggregates: a matrix of every endpoint against every role, another organisation's key sees
nothing, bad input gets a 4xx (never a 500), lists come in pages, and no body names a voter.

People as in initiatives/tests/support.ROLES; without a key (anonymous, or a participant's
cookie) the API answers 401. The initiative is PRIVATE. Cells: a status code, with a trailing
+ when the request's change happened."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings

from constellate.accounts.services import api_token_create
from constellate.api import api
from constellate.deliberation import services_conversations as services
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Statement
from constellate.deliberation.tests.factories import planted_votes, statements
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.initiatives.tests.support import (
    OUTSIDERS,
    ROLES,
    SECRETS,
    World,
    build_world,
    client_for,
    role_cells,
)

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
PRIVATE_STATEMENT = "Geheime stelling PS3"
B_STATEMENT = "Stelling uit Beekdorp BS8"

#              anon part other admin orgfac initfac rep  part obs  lead outside
VIEWERS = "401 401 404 200 200 200 200 200 200 200 404"
EDITORS = "401 401 404 200+ 403 200+ 403 403 403 200+ 404"


@dataclass
class Case:
    id: str
    method: str
    path: str  # as in the OpenAPI schema
    url: Callable[[World], str]
    expected: str
    payload: Callable[[World], dict[str, Any]] | None = None
    effect: Callable[[World], bool] | None = None


def _a(w: World) -> int:
    return w.extra["activity"].pk


def _pending_accepted(w: World) -> bool:
    return Statement.objects.get(pk=w.extra["pending"].pk).status == StatementStatus.ACCEPTED


CASES = [
    Case(
        "list",
        "GET",
        "/api/v1/initiatives/{pk}/conversations",
        lambda w: f"/api/v1/initiatives/{w.private.pk}/conversations",
        VIEWERS,
    ),
    Case(
        "detail",
        "GET",
        "/api/v1/conversations/{pk}",
        lambda w: f"/api/v1/conversations/{_a(w)}",
        VIEWERS,
    ),
    Case(
        "statements",
        "GET",
        "/api/v1/conversations/{pk}/statements",
        lambda w: f"/api/v1/conversations/{_a(w)}/statements",
        VIEWERS,
    ),
    Case(
        "report",
        "GET",
        "/api/v1/conversations/{pk}/report",
        lambda w: f"/api/v1/conversations/{_a(w)}/report",
        VIEWERS,
    ),
    Case(
        "moderate",
        "POST",
        "/api/v1/conversations/{pk}/statements/{statement_pk}/moderate",
        lambda w: f"/api/v1/conversations/{_a(w)}/statements/{w.extra['pending'].pk}/moderate",
        EDITORS,
        payload=lambda w: {"decision": "accept"},
        effect=_pending_accepted,
    ),
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], TASKS=DUMMY
    )
    with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
        w = build_world()
        activity = ActivityFactory(
            initiative=w.private, kind=ActivityKind.CONVERSATION, title="Besloten gesprek"
        )
        conversation = services.conversation_ensure(activity=activity)
        statements(conversation, [PRIVATE_STATEMENT])
        (pending,) = statements(conversation, ["Wacht op controle"], StatementStatus.PENDING)
        _made, groups = planted_votes(conversation, sizes=(8, 7))
        services.opinion_compute_now(conversation=conversation)
        b_activity = ActivityFactory(initiative=w.b_initiative, kind=ActivityKind.CONVERSATION)
        statements(services.conversation_ensure(activity=b_activity), [B_STATEMENT])
        w.extra.update(
            activity=activity,
            conversation=conversation,
            pending=pending,
            b_activity=b_activity,
            voters=[p for people in groups for p in people],
            keys={
                role: api_token_create(user=user, name="test")[1] for role, user in w.users.items()
            },
        )
        yield w
        transaction.set_rollback(True)


def call(world: World, role: str, method: str, url: str, payload=None, *, lang=None, **extra):
    key = world.extra["keys"].get(role)
    client = client_for(world, role) if role == "participant" else Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    if lang:
        client.cookies["django_language"] = lang
    kwargs: dict[str, Any] = {**headers, **extra}
    if payload is not None:
        kwargs.update(data=payload, content_type="application/json")
    return getattr(client, method.lower())(url, **kwargs)


def _params():
    for case in CASES:
        row = role_cells(case.expected)
        for role in ROLES:
            yield pytest.param(case, role, row[role], id=f"{case.id}-{role}")


def _no_voter_in(world: World, body: str) -> None:
    for person in world.extra["voters"]:
        assert person.pseudonym not in body
    assert '"participant"' not in body and '"participant_id"' not in body


@pytest.mark.django_db
@pytest.mark.parametrize("case, role, expected", list(_params()))
def test_each_role_gets_exactly_what_the_matrix_allows(world, case, role, expected, settings):
    settings.TASKS = DUMMY
    payload = case.payload(world) if case.payload else None
    response = call(world, role, case.method, case.url(world), payload)
    status = response.status_code
    assert status == int(expected.rstrip("+")), f"{role} got {status} on {case.id}"
    body = response.content.decode()
    assert B_STATEMENT not in body
    _no_voter_in(world, body)
    if role in OUTSIDERS or role == "other_org":
        for secret in (*SECRETS, PRIVATE_STATEMENT, "Besloten gesprek"):
            assert secret not in body, f"{role} read {secret!r} on {case.id}"
    if status >= 400:
        assert "detail" in response.json()
    if case.effect is not None:
        happened = case.effect(world)
        if expected.endswith("+"):
            assert happened, f"{role}'s {case.method} on {case.id} should have changed something"
        else:
            assert not happened, f"{role}'s {case.method} on {case.id} changed something"


def test_matrix_covers_every_endpoint(client):
    schema = api.get_openapi_schema()
    operations = {
        (method.upper(), path)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
        if "conversations" in op.get("tags", [])
    }
    assert operations == {(case.method, case.path) for case in CASES}


@pytest.mark.django_db
def test_another_organisation_sees_nothing_of_ours_and_we_nothing_of_theirs(world):
    b = world.extra["b_activity"]
    for url in (
        f"/api/v1/conversations/{b.pk}",
        f"/api/v1/conversations/{b.pk}/statements",
        f"/api/v1/conversations/{b.pk}/report",
        f"/api/v1/initiatives/{world.b_initiative.pk}/conversations",
    ):
        assert call(world, "org_admin", "GET", url).status_code == 404, url
        assert call(world, "other_org", "GET", url).status_code == 200, url
    a = _a(world)
    assert call(world, "other_org", "GET", f"/api/v1/conversations/{a}").status_code == 404
    # a statement of another conversation cannot be moderated through ours
    b_statement = Statement.objects.get(text=B_STATEMENT)
    response = call(
        world,
        "lead",
        "POST",
        f"/api/v1/conversations/{a}/statements/{b_statement.pk}/moderate",
        {"decision": "reject"},
    )
    assert response.status_code == 404
    assert Statement.objects.get(pk=b_statement.pk).status == StatementStatus.ACCEPTED


@pytest.mark.django_db
def test_the_conversation_its_statements_and_its_report_hold_aggregates(world):
    a = _a(world)
    detail = call(world, "observer", "GET", f"/api/v1/conversations/{a}").json()
    assert detail["title"] == "Besloten gesprek" and detail["can_run"] is False
    assert detail["statements"] == 13 and detail["pending"] == 1
    assert detail["voters"] == 15 and detail["votes"] == 15 * 12
    rows = call(world, "observer", "GET", f"/api/v1/conversations/{a}/statements").json()
    assert rows["count"] == 14
    common = next(r for r in rows["items"] if r["text"] == "Iedereen eens")
    assert common["agree"] + common["disagree"] + common["passed"] == 15
    assert set(common) == {
        "id",
        "text",
        "status",
        "from_participant",
        "added_on",
        "agree",
        "disagree",
        "passed",
    }
    report = call(world, "lead", "GET", f"/api/v1/conversations/{a}/report", lang="en").json()
    assert report["computed_at"] and report["age_minutes"] == 0
    assert report["votes_counted"] == report["votes_now"] == 180 and not report["outdated"]
    assert sorted(g["size"] for g in report["groups"]) == [7, 8]
    assert all(g["statements"] for g in report["groups"])
    assert any(line["text"] == "Iedereen eens" for line in report["consensus"])
    assert report["min_group_size"] == 5


@pytest.mark.django_db
def test_lists_come_in_pages(world):
    a = _a(world)
    url = f"/api/v1/conversations/{a}/statements"
    first = call(world, "lead", "GET", url, {"page_size": 5}).json()
    second = call(world, "lead", "GET", url, {"page_size": 5, "page": 2}).json()
    assert first["count"] == 14 and len(first["items"]) == 5 and len(second["items"]) == 5
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}
    assert call(world, "lead", "GET", url, {"page": 500}).json()["items"] == []
    pending = call(world, "lead", "GET", url, {"status": "pending"}).json()
    assert [r["text"] for r in pending["items"]] == ["Wacht op controle"]
    listed = call(world, "lead", "GET", f"/api/v1/initiatives/{world.private.pk}/conversations")
    assert [r["title"] for r in listed.json()["items"]] == ["Besloten gesprek"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "payload", "status"),
    [
        ("GET", "/api/v1/conversations/0", None, 404),
        ("GET", "/api/v1/conversations/99999999999999999999", None, 404),
        ("GET", "/api/v1/conversations/-3/report", None, 404),
        ("GET", "/api/v1/conversations/abc", None, 422),
        ("GET", "/api/v1/initiatives/99999999999999999999/conversations", None, 404),
        ("GET", "/api/v1/conversations/{a}/statements?page=0", None, 422),
        ("GET", "/api/v1/conversations/{a}/statements?page=99999999999", None, 422),
        ("GET", "/api/v1/conversations/{a}/statements?status=gone", None, 422),
        ("POST", "/api/v1/conversations/{a}/statements/{s}/moderate", {"decision": "x"}, 422),
        ("POST", "/api/v1/conversations/{a}/statements/{s}/moderate", {}, 422),
        (
            "POST",
            "/api/v1/conversations/{a}/statements/99999999999999999999/moderate",
            {"decision": "accept"},
            404,
        ),
        ("POST", "/api/v1/conversations/{a}/statements/{s}/moderate", "not json", 400),
        ("GET", "/api/v1/conversations/{w}", None, 404),  # an activity that is no conversation
    ],
)
def test_bad_input_gets_a_clear_4xx(world, method, path, payload, status):
    url = path.format(a=_a(world), s=world.extra["pending"].pk, w=world.activity.pk)
    before = Statement.objects.get(pk=world.extra["pending"].pk).status
    if isinstance(payload, str):
        key = world.extra["keys"]["lead"]
        response = Client().post(
            url, payload, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
        )
    else:
        response = call(world, "lead", method, url, payload)
    assert response.status_code == status, response.content
    assert "detail" in response.json()
    assert Statement.objects.get(pk=world.extra["pending"].pk).status == before
