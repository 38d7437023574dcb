"""The permission matrix of reflection sessions, actions and the competence check: what each
kind of person gets on GET and POST for every page, and whether a POST changed anything.

The people are those of the initiatives app's matrix (see initiatives/tests/support.ROLES):
anonymous, participant cookie only, admin of ANOTHER organisation, org admin, org facilitator
outside the initiative, initiative facilitator, community reporter (in the initiative),
partner (in the initiative), observer (org-wide reader), initiative lead, partner outside the
initiative. The initiative is PRIVATE: outsiders get a 404 and never read its sessions. The
action under test is owned by the community reporter, who may mark it done.

Cells: a status code, L (sign-in redirect), and a trailing + when the POST's change happened.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone

from constellate.compass.models import (
    ActionStatus,
    CompetenceCheck,
    ReflectionAction,
    ReflectionSession,
    SessionStatus,
)
from constellate.compass.services_competences import competences_ensure
from constellate.compass.tests.factories_reflection import make_action, make_done, make_session
from constellate.compass.urls_reflection import urlpatterns as reflection_urls
from constellate.initiatives.tests.support import (
    OUTSIDERS,
    SECRETS,
    World,
    build_world,
    client_for,
    matrix_params,
)

SESSION_SECRET = "Geheim antwoord RS5"
ACTION_SECRET = "Geheime actie RA7"
ALL_SECRETS = (*SECRETS, SESSION_SECRET, ACTION_SECRET)

#                 anon part other admin orgfac initfac rep part obs lead outside
VIEWERS_200 = "L L 404 200 200 200 200 200 200 200 404"
EDITORS_200 = "L L 404 200 403 200 403 403 403 200 404"
EDITORS_POST = "L L 404 302+ 403 302+ 403 403 403 302+ 404"
POST_ONLY = "L L 405 405 405 405 405 405 405 405 405"
OWNER_POST = "L L 404 302+ 403 302+ 302+ 403 403 302+ 404"
ORG_MEMBERS_200 = "L L 403 200 200 200 200 200 200 200 200"
ORG_MEMBERS_POST = "L L 403 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+"
TEAM_200 = "L L 403 200 200 200 403 403 403 200 403"


@dataclass
class Case:
    name: str
    url: Callable[[World], str]
    get: str
    post: str
    payload: Callable[[World], dict[str, Any]] = lambda w: {}
    effect: Callable[[World, Any], bool] | None = None
    private_page: bool = False
    label: str = ""

    @property
    def id(self) -> str:
        return self.label or self.name.split(":")[1]


def _session(w: World) -> ReflectionSession:
    return w.extra["session"]


def _action(w: World) -> ReflectionAction:
    return w.extra["action"]


def _session_payload(w: World) -> dict[str, Any]:
    return {
        "held_on": timezone.localdate().isoformat(),
        "setting": "online",
        "participant_count": "6",
        "participants": "Zes bewoners",
        "answer_0_0": "Nieuw antwoord van de groep",
        "agreements": "Afgesproken",
    }


def _action_payload(w: World, prefix: str = "action-") -> dict[str, Any]:
    return {
        f"{prefix}description": "Nieuwe actie uit de matrix",
        f"{prefix}owner": "",
        f"{prefix}owner_name": "Buurman Piet",
        f"{prefix}due_on": timezone.localdate().isoformat(),
        f"{prefix}element": "",
    }


CASES = [
    Case(
        "compass:reflection_list",
        lambda w: reverse("compass:reflection_list", args=[w.private.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "compass:reflection_start",
        lambda w: reverse("compass:reflection_start", args=[w.private.pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        payload=lambda w: {
            **_session_payload(w),
            "constellation": w.extra["constellation"].pk,
        },
        effect=lambda w, u: ReflectionSession.objects.filter(initiative=w.private).count() == 3,
        private_page=True,
    ),
    Case(
        "compass:reflection_actions",
        lambda w: reverse("compass:reflection_actions", args=[w.private.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "compass:reflection_session",
        lambda w: reverse("compass:reflection_session", args=[_session(w).pk]),
        get=VIEWERS_200,
        post=EDITORS_POST,
        payload=_session_payload,
        effect=lambda w, u: (
            ReflectionSession.objects.get(pk=_session(w).pk).agreements == "Afgesproken"
        ),
        private_page=True,
    ),
    Case(
        "compass:reflection_session",
        lambda w: reverse("compass:reflection_session", args=[w.extra["closed"].pk]),
        # A closed session: editors are told it is closed, nobody changes it.
        get=VIEWERS_200,
        post="L L 404 302 403 302 403 403 403 302 404",
        payload=_session_payload,
        effect=lambda w, u: (
            ReflectionSession.objects.get(pk=w.extra["closed"].pk).agreements == "Afgesproken"
        ),
        private_page=True,
        label="closed_session",
    ),
    Case(
        "compass:reflection_close",
        lambda w: reverse("compass:reflection_close", args=[_session(w).pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        effect=lambda w, u: (
            ReflectionSession.objects.get(pk=_session(w).pk).status == SessionStatus.CLOSED
        ),
        private_page=True,
    ),
    Case(
        "compass:reflection_delete",
        lambda w: reverse("compass:reflection_delete", args=[_session(w).pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        effect=lambda w, u: not ReflectionSession.objects.filter(pk=_session(w).pk).exists(),
        private_page=True,
    ),
    Case(
        "compass:reflection_print",
        lambda w: reverse("compass:reflection_print", args=[w.extra["closed"].pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "compass:reflection_action_add",
        lambda w: reverse("compass:reflection_action_add", args=[_session(w).pk]),
        get=POST_ONLY,
        post=EDITORS_POST,
        payload=_action_payload,
        effect=lambda w, u: ReflectionAction.objects.filter(
            description="Nieuwe actie uit de matrix"
        ).exists(),
    ),
    Case(
        "compass:reflection_action_edit",
        lambda w: reverse("compass:reflection_action_edit", args=[_action(w).pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        payload=lambda w: _action_payload(w, prefix=""),
        effect=lambda w, u: (
            ReflectionAction.objects.get(pk=_action(w).pk).description
            == "Nieuwe actie uit de matrix"
        ),
        private_page=True,
    ),
    Case(
        "compass:reflection_action_delete",
        lambda w: reverse("compass:reflection_action_delete", args=[_action(w).pk]),
        get=POST_ONLY,
        post=EDITORS_POST,
        effect=lambda w, u: not ReflectionAction.objects.filter(pk=_action(w).pk).exists(),
    ),
    Case(
        "compass:reflection_action_done",
        lambda w: reverse("compass:reflection_action_done", args=[_action(w).pk]),
        get=POST_ONLY,
        post=OWNER_POST,
        effect=lambda w, u: (
            ReflectionAction.objects.get(pk=_action(w).pk).status == ActionStatus.DONE
        ),
    ),
    Case(
        "compass:reflection_action_reopen",
        lambda w: reverse("compass:reflection_action_reopen", args=[w.extra["done"].pk]),
        get=POST_ONLY,
        post=OWNER_POST,
        effect=lambda w, u: (
            ReflectionAction.objects.get(pk=w.extra["done"].pk).status == ActionStatus.OPEN
        ),
    ),
    Case(
        "compass:competences",
        lambda w: reverse("compass:competences", args=[w.org_a.slug]),
        get=ORG_MEMBERS_200,
        post=ORG_MEMBERS_200,
    ),
    Case(
        "compass:competence_check",
        lambda w: reverse("compass:competence_check", args=[w.org_a.slug]),
        get=ORG_MEMBERS_200,
        post=ORG_MEMBERS_POST,
        payload=lambda w: {f"competence_{key}": "3" for key in w.extra["competence_keys"]},
        effect=lambda w, u: (
            u is not None and CompetenceCheck.objects.filter(user=u, organisation=w.org_a).exists()
        ),
    ),
    Case(
        "compass:competence_team",
        lambda w: reverse("compass:competence_team", args=[w.org_a.slug]),
        get=TEAM_200,
        post=TEAM_200,
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
        session = make_session(w.private, participants=SESSION_SECRET)
        session.answers = {"0-0": SESSION_SECRET}
        session.save()
        w.extra["session"] = session
        w.extra["constellation"] = session.constellation
        w.extra["action"] = make_action(
            session, owner=w.users["reporter"], description=ACTION_SECRET
        )
        closed = make_session(w.private, constellation="system", closed=True)
        w.extra["closed"] = closed
        w.extra["done"] = make_done(make_action(closed, owner=w.users["reporter"]))
        competences_ensure(organisation=w.org_a)
        w.extra["competence_keys"] = list(
            w.org_a.competences.filter(is_active=True).values_list("key", flat=True)
        )
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
        if status == 302:
            assert not response["Location"].startswith(reverse("accounts:login"))
    body = response.content.decode("utf-8", errors="replace")
    if role in OUTSIDERS:
        for secret in ALL_SECRETS:
            assert secret not in body, f"{role} read {secret!r} on {case.id}"
    if case.private_page and status == 200:
        assert world.private.title in body


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


def test_matrix_covers_every_url_of_reflection_and_competences():
    names = {f"compass:{p.name}" for p in reflection_urls}
    assert names == {case.name for case in CASES}
    resolver = get_resolver().namespace_dict["compass"][1]
    for name in names:
        assert name.split(":")[1] in resolver.reverse_dict
