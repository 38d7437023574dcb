"""Shared test set-up for the initiatives app and the cross-app tests: a small world of two
organisations with every role, and builders for the POST bodies of the app's forms."""

import datetime
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from constellate.accounts import services as account_services
from constellate.accounts.models import (
    ApiToken,
    Invitation,
    Membership,
    Organisation,
    Participant,
    User,
)
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import PASSWORD, OrganisationFactory, UserFactory, member
from constellate.initiatives import services
from constellate.initiatives.choices import Visibility
from constellate.initiatives.models import (
    Activity,
    CanvasVersion,
    Initiative,
    InitiativeMembership,
)
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)

# Texts that only people who may see the private initiative of organisation A may ever read.
PRIVATE_TITLE = "Besloten traject QX7"
PRIVATE_SUMMARY = "Vertrouwelijke samenvatting ZK4"
PRIVATE_ACTIVITY_TITLE = "Verborgen werksessie VW9"
ADMIN_A_EMAIL = "admin-a@gemeente-a.example"
SECRETS = (PRIVATE_TITLE, PRIVATE_SUMMARY, PRIVATE_ACTIVITY_TITLE, ADMIN_A_EMAIL)

NEW_PASSWORD = "een lange zin die ik goed kan onthouden"

# The people of the permission matrix, in the order of its columns.
ROLES = (
    "anonymous",  # nobody signed in, no participant cookie
    "participant",  # only a pseudonymous participant cookie
    "other_org",  # admin of organisation B
    "org_admin",  # admin of organisation A
    "org_facilitator",  # facilitator in A, not a member of the initiative
    "init_facilitator",  # facilitator in A and facilitator of the initiative
    "reporter",  # community reporter in A and in the initiative
    "partner",  # partner in A and in the initiative
    "observer",  # observer in A, not a member of the initiative
    "lead",  # facilitator in A and lead of the initiative
    "outside_partner",  # partner in A, not a member of the initiative
)
# Those who may never see the private initiative of organisation A.
OUTSIDERS = {"anonymous", "participant", "other_org", "outside_partner"}


@dataclass
class World:
    org_a: Organisation
    org_b: Organisation
    users: dict[str, User]
    private: Initiative  # organisation A, private
    public: Initiative  # organisation A, public
    activity: Activity  # in the private initiative
    public_activity: Activity  # in the public initiative
    b_initiative: Initiative  # organisation B, private
    b_activity: Activity
    invitation: Invitation  # open invitation of organisation A
    invitation_token: str
    participant: Participant  # joined through the public activity
    participant_secret: str
    spare: User  # reporter in A, in no initiative
    spare_membership: Membership
    login_target: User  # an account without organisation, to sign in as
    extra: dict[str, Any] = field(default_factory=dict)


def build_world() -> World:
    org_a = OrganisationFactory(name="Gemeente Aardam", slug="aardam")
    org_b = OrganisationFactory(name="Gemeente Beekdorp", slug="beekdorp")
    users = {
        "org_admin": member(org_a, OrgRole.ADMIN, email=ADMIN_A_EMAIL),
        "org_facilitator": member(org_a, OrgRole.FACILITATOR),
        "init_facilitator": member(org_a, OrgRole.FACILITATOR),
        "reporter": member(org_a, OrgRole.REPORTER),
        "partner": member(org_a, OrgRole.PARTNER),
        "observer": member(org_a, OrgRole.OBSERVER),
        "lead": member(org_a, OrgRole.FACILITATOR),
        "outside_partner": member(org_a, OrgRole.PARTNER),
        "other_org": member(org_b, OrgRole.ADMIN),
    }
    private = InitiativeFactory(
        organisation=org_a,
        title=PRIVATE_TITLE,
        slug="besloten-traject",
        summary=PRIVATE_SUMMARY,
        visibility=Visibility.PRIVATE,
    )
    for role_name, role in (
        ("lead", InitiativeRole.LEAD),
        ("init_facilitator", InitiativeRole.FACILITATOR),
        ("reporter", InitiativeRole.REPORTER),
        ("partner", InitiativeRole.PARTNER),
    ):
        InitiativeMembershipFactory(initiative=private, user=users[role_name], role=role)
    activity = ActivityFactory(initiative=private, title=PRIVATE_ACTIVITY_TITLE)
    public = InitiativeFactory(organisation=org_a, title="Open traject Aardam", slug="open-traject")
    InitiativeMembershipFactory(initiative=public, user=users["lead"], role=InitiativeRole.LEAD)
    public_activity = ActivityFactory(initiative=public, title="Open gesprek")
    b_initiative = InitiativeFactory(
        organisation=org_b, title="Traject Beekdorp", visibility=Visibility.PRIVATE
    )
    InitiativeMembershipFactory(
        initiative=b_initiative, user=users["other_org"], role=InitiativeRole.LEAD
    )
    b_activity = ActivityFactory(initiative=b_initiative, title="Werksessie Beekdorp")
    services.canvas_save(
        initiative=private,
        data={"context": {"place": "Aardam-Noord"}},
        author=users["lead"],
    )
    services.canvas_save(
        initiative=private,
        data={"context": {"place": "Aardam-Noord"}, "goals": [{"goal": "Minder wachttijd"}]},
        author=users["lead"],
    )
    invitation, token = account_services.invitation_create(
        organisation=org_a,
        email="uitgenodigd@example.org",
        role=OrgRole.FACILITATOR,
        invited_by=users["org_admin"],
    )
    participant, secret = account_services.participant_create(activity=public_activity)
    spare = member(org_a, OrgRole.REPORTER, display_name="Reserve Persoon")
    login_target = UserFactory(email="inloggen@example.org")
    return World(
        org_a=org_a,
        org_b=org_b,
        users=users,
        private=private,
        public=public,
        activity=activity,
        public_activity=public_activity,
        b_initiative=b_initiative,
        b_activity=b_activity,
        invitation=invitation,
        invitation_token=token,
        participant=participant,
        participant_secret=secret,
        spare=spare,
        spare_membership=Membership.objects.get(organisation=org_a, user=spare),
        login_target=login_target,
    )


def shared_world_fixture():
    """A module-scoped `world` fixture: the world is built once per test module, and each
    test runs inside its own savepoint (pytest-django), so whatever a test writes is rolled
    back before the next one. Use as `world = shared_world_fixture()` in a test module."""

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        fast_hashing = override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
        )
        with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)

    return world


def client_for(world: World, role: str) -> Client:
    """A test client acting as `role`; server errors come back as 500 responses."""
    client = Client(raise_request_exception=False)
    if role == "participant":
        response = client.get(f"/me/{world.participant_secret}/")
        assert response.status_code == 302
    elif role != "anonymous":
        client.force_login(world.users[role])
    return client


# POST bodies ---------------------------------------------------------------------------------


def initiative_payload(**overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Samen werk vinden",
        "summary": "Met werkzoekenden de dienst opnieuw ontwerpen.",
        "service_area": "work_income",
        "place": "Houten",
        "target_groups": "Werkzoekenden\nJongeren",
        "languages": ["nl", "en"],
        "visibility": "public",
        "status": "preparing",
    }
    data.update(overrides)
    return data


def activity_payload(**overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    data = {
        "title": "Keukentafelgesprekken",
        "kind": "conversation",
        "purpose": "Verhalen ophalen bij mensen thuis.",
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=30)).isoformat(),
        "phases": ["co_initiation", "co_design"],
        "setting": "place",
        "location": "Wijkcentrum De Brug",
        "run_by": "",
        "run_by_note": "",
        "is_public": "on",
        "joining_open": "on",
    }
    data.update(overrides)
    return data


LIST_KEYS = ("goals", "values", "resources", "barriers")


def canvas_payload(
    *,
    context: dict[str, str] | None = None,
    goals: list[dict[str, str]] | None = None,
    values: list[dict[str, str]] | None = None,
    resources: list[dict[str, str]] | None = None,
    barriers: list[dict[str, str]] | None = None,
    tools: list[str] | None = None,
    tools_note: str = "",
    base_version: int | str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """The POST body of the canvas page, as the browser sends it."""
    data: dict[str, Any] = {}
    for key in ("place", "target_group", "policy", "service"):
        data[f"context-{key}"] = (context or {}).get(key, "")
    rows = {
        "goals": goals or [],
        "values": values or [],
        "resources": resources or [],
        "barriers": barriers or [],
    }
    defaults = {
        "goals": {"goal": "", "why": "", "driver": "need"},
        "values": {"value": "", "meaning": ""},
        "resources": {"kind": "people", "description": ""},
        "barriers": {"kind": "legal", "description": "", "contradiction": ""},
    }
    for key in LIST_KEYS:
        data[f"{key}-TOTAL_FORMS"] = str(len(rows[key]))
        data[f"{key}-INITIAL_FORMS"] = str(len(rows[key]))
        data[f"{key}-MIN_NUM_FORMS"] = "0"
        data[f"{key}-MAX_NUM_FORMS"] = "20"
        for i, row in enumerate(rows[key]):
            for name, value in {**defaults[key], **row}.items():
                data[f"{key}-{i}-{name}"] = value
    data["tools-tools"] = tools or []
    data["tools-tools_note"] = tools_note
    if base_version is not None:
        data["base_version"] = str(base_version)
    data["save"] = "1"
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def login_payload(user: User, password: str = PASSWORD) -> dict[str, str]:
    return {"username": user.email, "password": password}


# Bad input ---------------------------------------------------------------------------------

HUGE = "x" * 100_000
NUL = "ab\x00cd"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
BIG_NUMBER = "9" * 30
# Raw bodies that are not valid UTF-8, as a broken client might send them.
INVALID_UTF8_BODIES = [
    b"\xff\xfe\xfd\x00\x01",
    b"title=\xc3\x28&summary=\xa0\xa1&email=\xf0\x28\x8c\xbc",
    b"%ff%fe=%c3%28&display_name=%e2%82&password1=%80",
    b"a=" + b"\xff" * 10_000,
]


SNAPSHOT_MODELS = (
    Organisation,
    User,
    Membership,
    Invitation,
    Participant,
    ApiToken,
    Initiative,
    InitiativeMembership,
    CanvasVersion,
    Activity,
)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of the tables a form could write to, to prove a refused form wrote nothing."""
    result = {}
    for model in SNAPSHOT_MODELS:
        rows = list(model.objects.order_by("pk").values())
        for row in rows:
            row.pop("last_login", None)  # signing in a test client sets it
        result[model._meta.label] = rows
    return result


# Permission matrices ---------------------------------------------------------------------
# A matrix row is one expected cell per role, in ROLES order, separated by spaces.


def role_cells(row: str) -> dict[str, str]:
    values = row.split()
    assert len(values) == len(ROLES), row
    return dict(zip(ROLES, values, strict=True))


def matrix_params(cases, method: str):
    """One pytest case per (page, role) of a matrix: cases have `id`, `get` and `post` rows."""
    for case in cases:
        row = role_cells(case.get if method == "GET" else case.post)
        for role in ROLES:
            yield pytest.param(case, role, row[role], id=f"{case.id}-{role}")


# Query counts ----------------------------------------------------------------------------


def page_queries(client: Client, url: str) -> tuple[int, list[str]]:
    """GET `url` (it must answer 200): the number of SQL queries and their text."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]
