"""The permission matrix of the stakeholder pages: what each kind of person gets on GET and
POST, and whether a POST changed anything. People as in initiatives/tests/support.ROLES; the
initiative is PRIVATE. The stakeholder under test was recorded by the community reporter.

Names: org admins and facilitators and the initiative's members. An org-wide observer who is
no member sees the register anonymously. Contact details: editors and the recorder.
Cells: a status code, L (sign-in redirect), and a trailing + when the POST's change happened."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from constellate.initiatives.tests.support import (
    OUTSIDERS,
    ROLES,
    SECRETS,
    World,
    build_world,
    client_for,
    matrix_params,
    role_cells,
)
from constellate.stakeholders.models import (
    Contact,
    ImportBatch,
    ReferralLink,
    Relation,
    Stakeholder,
)
from constellate.stakeholders.tests.factories import (
    ContactFactory,
    ReferralLinkFactory,
    RelationFactory,
    StakeholderFactory,
)
from constellate.stakeholders.urls import urlpatterns

NAME_SECRET = "Marieke Geheimnaam"
PHONE_SECRET = "0687654321"
ALL_SECRETS = (*SECRETS, NAME_SECRET, PHONE_SECRET)
TODAY = timezone.localdate()

#                 anon part other admin orgfac initfac rep part obs lead outside
VIEWERS_200 = "L L 404 200 200 200 200 200 200 200 404"
NAMES_200 = "L L 404 200 200 200 200 200 403 200 404"
ADDERS_200 = "L L 404 200 403 200 200 403 403 200 404"
ADDERS_POST = "L L 404 302+ 403 302+ 302+ 403 403 302+ 404"
EDITORS_200 = "L L 404 200 403 200 403 403 403 200 404"
EDITORS_POST = "L L 404 302+ 403 302+ 403 403 403 302+ 404"
CHANGERS_POST = "L L 404 302+ 403 302+ 302+ 403 403 302+ 404"
POST_ONLY = "L L 405 405 405 405 405 405 405 405 405"
IMPORT_POST = "L L 404 200+ 403 200+ 403 403 403 200+ 404"
PUBLIC_200 = "200 200 200 200 200 200 200 200 200 200 200"
PUBLIC_POST = "302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+"


@dataclass
class Case:
    name: str
    url: Callable[[World], str]
    get: str
    post: str
    payload: Callable[[World], dict[str, Any]] = lambda w: {}
    effect: Callable[[World, Any], bool] | None = None
    label: str = ""
    private_page: bool = True

    @property
    def id(self) -> str:
        return self.label or self.name.split(":")[1]


def _s(w: World) -> Stakeholder:
    return w.extra["stakeholder"]


def _stakeholder_payload(w: World, name="Nieuwe buur") -> dict[str, Any]:
    return {"entity": "person", "name": name, "kind": "resident", "status": "contacted"}


def _csv(w: World):
    return {"file": SimpleUploadedFile("s.csv", b"name,kind\nGeimporteerd,resident\n")}


CASES = [
    Case(
        "stakeholders:register",
        lambda w: reverse("stakeholders:register", args=[w.private.pk]),
        VIEWERS_200,
        VIEWERS_200,
    ),
    Case(
        "stakeholders:map",
        lambda w: reverse("stakeholders:map", args=[w.private.pk]),
        VIEWERS_200,
        VIEWERS_200,
    ),
    Case(
        "stakeholders:add",
        lambda w: reverse("stakeholders:add", args=[w.private.pk]),
        ADDERS_200,
        ADDERS_POST,
        payload=_stakeholder_payload,
        effect=lambda w, u: Stakeholder.objects.filter(name="Nieuwe buur").exists(),
    ),
    Case(
        "stakeholders:contacts",
        lambda w: reverse("stakeholders:contacts", args=[w.private.pk]),
        NAMES_200,
        NAMES_200,
    ),
    Case(
        "stakeholders:referrals",
        lambda w: reverse("stakeholders:referrals", args=[w.private.pk]),
        EDITORS_200,
        EDITORS_POST,
        payload=lambda w: {"label": "Markt", "stakeholder": ""},
        effect=lambda w, u: ReferralLink.objects.filter(label="Markt").exists(),
    ),
    Case(
        "stakeholders:import",
        lambda w: reverse("stakeholders:import", args=[w.private.pk]),
        EDITORS_200,
        IMPORT_POST,
        payload=_csv,
        effect=lambda w, u: ImportBatch.objects.exists(),
    ),
    Case(
        "stakeholders:import_confirm",
        lambda w: reverse("stakeholders:import_confirm", args=[w.private.pk]),
        POST_ONLY,
        EDITORS_POST,
        payload=lambda w: {"batch": ""},
        effect=None,
    ),
    Case(
        "stakeholders:export",
        lambda w: reverse("stakeholders:export", args=[w.private.pk, "csv"]),
        EDITORS_200,
        EDITORS_200,
    ),
    Case(
        "stakeholders:detail",
        lambda w: reverse("stakeholders:detail", args=[_s(w).pk]),
        NAMES_200,
        NAMES_200,
    ),
    Case(
        "stakeholders:edit",
        lambda w: reverse("stakeholders:edit", args=[_s(w).pk]),
        ADDERS_200,
        ADDERS_POST,
        payload=lambda w: _stakeholder_payload(w, name="Hernoemd"),
        effect=lambda w, u: Stakeholder.objects.filter(name="Hernoemd").exists(),
    ),
    Case(
        "stakeholders:contact_add",
        lambda w: reverse("stakeholders:contact_add", args=[_s(w).pk]),
        POST_ONLY,
        CHANGERS_POST,
        payload=lambda w: {
            "contact-kind": "call",
            "contact-happened_on": TODAY.isoformat(),
            "contact-outcome": "Matrixgesprek",
        },
        effect=lambda w, u: Contact.objects.filter(outcome="Matrixgesprek").exists(),
    ),
    Case(
        "stakeholders:relation_add",
        lambda w: reverse("stakeholders:relation_add", args=[_s(w).pk]),
        POST_ONLY,
        CHANGERS_POST,
        payload=lambda w: {"relation-kind": "trusts", "relation-target": w.extra["other"].pk},
        effect=lambda w, u: Relation.objects.filter(kind="trusts").exists(),
    ),
    Case(
        "stakeholders:forget",
        lambda w: reverse("stakeholders:forget", args=[_s(w).pk]),
        EDITORS_200,
        EDITORS_POST,
        effect=lambda w, u: Stakeholder.objects.get(pk=_s(w).pk).forgotten_at is not None,
    ),
    Case(
        "stakeholders:record_export",
        lambda w: reverse("stakeholders:record_export", args=[_s(w).pk]),
        EDITORS_200,
        EDITORS_200,
    ),
    Case(
        "stakeholders:relation_delete",
        lambda w: reverse("stakeholders:relation_delete", args=[w.extra["relation"].pk]),
        POST_ONLY,
        CHANGERS_POST,
        effect=lambda w, u: not Relation.objects.filter(pk=w.extra["relation"].pk).exists(),
    ),
    Case(
        "stakeholders:follow_up_done",
        lambda w: reverse("stakeholders:follow_up_done", args=[w.extra["contact"].pk]),
        POST_ONLY,
        CHANGERS_POST,
        effect=lambda w, u: Contact.objects.get(pk=w.extra["contact"].pk).follow_up_done,
    ),
    Case(
        "stakeholders:referral_toggle",
        lambda w: reverse("stakeholders:referral_toggle", args=[w.extra["link"].pk]),
        POST_ONLY,
        EDITORS_POST,
        effect=lambda w, u: not ReferralLink.objects.get(pk=w.extra["link"].pk).is_open,
    ),
    Case(
        "stakeholders:refer",
        lambda w: reverse("stakeholders:refer", args=[w.extra["link"].token]),
        PUBLIC_200,
        PUBLIC_POST,
        payload=lambda w: {"entity": "group", "name": "Koor van de wijk"},
        effect=lambda w, u: Stakeholder.objects.filter(name="Koor van de wijk").exists(),
        private_page=False,
    ),
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    from django.db import transaction
    from django.test import override_settings

    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
        w = build_world()
        s = StakeholderFactory(
            initiative=w.private,
            name=NAME_SECRET,
            phone=PHONE_SECRET,
            consent_purpose="Uitnodigingen",
            consent_on=TODAY,
            recorded_by=w.users["reporter"],
        )
        w.extra["stakeholder"] = s
        w.extra["other"] = StakeholderFactory(initiative=w.private, name="Andere buur")
        w.extra["relation"] = RelationFactory(source=s, target=w.extra["other"])
        w.extra["contact"] = ContactFactory(stakeholder=s, follow_up_on=TODAY)
        w.extra["link"] = ReferralLinkFactory(initiative=w.private, stakeholder=s)
        # Another organisation's stakeholder, never to be seen from organisation A.
        StakeholderFactory(initiative=w.b_initiative, name="Beekdorper Buur")
        yield w
        transaction.set_rollback(True)


def _check(response, expected: str, world: World, role: str, case: Case) -> None:
    status = response.status_code
    assert status != 500, f"server error for {role} on {case.id}"
    code = expected.rstrip("+")
    if code == "L":
        assert status == 302, status
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert status == int(code), f"{role} got {status} on {case.id}, expected {code}"
    body = response.content.decode("utf-8", errors="replace")
    assert "Beekdorper Buur" not in body
    if role in OUTSIDERS:
        for secret in ALL_SECRETS:
            assert secret not in body, f"{role} read {secret!r} on {case.id}"
    if role == "observer" or role == "partner" or role == "org_facilitator":
        assert PHONE_SECRET not in body, f"{role} read the phone number on {case.id}"
    if role == "observer":
        assert NAME_SECRET not in body, f"observer read a name on {case.id}"


@pytest.mark.django_db
@pytest.mark.parametrize("case, role, expected", list(matrix_params(CASES, "GET")))
def test_get_gives_each_role_exactly_what_the_matrix_allows(world, case, role, expected):
    response = client_for(world, role).get(case.url(world))
    _check(response, expected, world, role, case)


@pytest.mark.django_db
@pytest.mark.parametrize("case, role, expected", list(matrix_params(CASES, "POST")))
def test_post_changes_only_what_the_matrix_allows(world, case, role, expected):
    response = client_for(world, role).post(case.url(world), case.payload(world))
    _check(response, expected, world, role, case)
    if case.effect is not None:
        happened = case.effect(world, world.users.get(role))
        if expected.endswith("+"):
            assert happened, f"{role}'s POST to {case.id} should have changed something"
        else:
            assert not happened, f"{role}'s POST to {case.id} changed something it may not"


def test_matrix_covers_every_url():
    names = {f"stakeholders:{p.name}" for p in urlpatterns}
    assert names == {case.name for case in CASES}
    assert "stakeholders" in get_resolver().namespace_dict


@pytest.mark.django_db
def test_reporter_sees_contact_details_of_what_they_recorded_partner_never(world):
    url = reverse("stakeholders:detail", args=[_s(world).pk])
    assert PHONE_SECRET in client_for(world, "reporter").get(url).content.decode()
    assert PHONE_SECRET in client_for(world, "lead").get(url).content.decode()
    partner_page = client_for(world, "partner").get(url).content.decode()
    assert NAME_SECRET in partner_page and PHONE_SECRET not in partner_page


@pytest.mark.django_db
def test_public_initiative_page_shows_no_stakeholder(world):
    from constellate.initiatives.choices import Visibility

    world.private.visibility = Visibility.PUBLIC
    world.private.save()
    body = client_for(world, "anonymous").get(world.private.get_public_url()).content.decode()
    assert NAME_SECRET not in body and PHONE_SECRET not in body


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_computed_map_shows_names_only_to_those_who_may_see_them(world, role, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    url = reverse("stakeholders:map", args=[world.private.pk])
    response = client_for(world, role).get(url)
    expected = role_cells(NAMES_200)[role]
    body = response.content.decode()
    if response.status_code == 200:
        assert 'class="network-map"' in body
        assert (NAME_SECRET in body) == (expected == "200"), role
    else:
        assert NAME_SECRET not in body
    _check(response, role_cells(VIEWERS_200)[role], world, role, CASES[1])
