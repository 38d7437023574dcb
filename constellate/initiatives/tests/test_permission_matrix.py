"""The permission matrix: for every page of core, accounts and initiatives, what each kind of
person gets on GET and on POST, and whether a POST changed anything.

Columns (see support.ROLES): anonymous, participant cookie only, admin of ANOTHER organisation,
org admin, org facilitator outside the initiative, initiative facilitator, community reporter,
partner, observer, initiative lead, partner outside the initiative. The initiative under test
is PRIVATE, so outsiders must get a 404 (or a sign-in redirect) and must never read its data.

Cell values:
  200 / 302 / 403 / 404 / 405  the status code
  L                             a redirect to the sign-in page
  a trailing +                  the POST's change happened (without +: it must NOT happen)
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import get_resolver, reverse

from constellate.accounts.models import ApiToken, Invitation, Membership, User
from constellate.initiatives.models import Activity, CanvasVersion, Initiative, InitiativeMembership
from constellate.initiatives.tests.support import (
    NEW_PASSWORD,
    OUTSIDERS,
    PRIVATE_ACTIVITY_TITLE,
    SECRETS,
    World,
    activity_payload,
    canvas_payload,
    client_for,
    initiative_payload,
    login_payload,
    matrix_params,
    shared_world_fixture,
)

# Shorthands for rows where a column pattern repeats.
ALL_200 = "200 200 200 200 200 200 200 200 200 200 200"
SIGNED_IN_200 = "L L 200 200 200 200 200 200 200 200 200"
#                 anon part other admin orgfac initfac rep part obs lead outside
VIEWERS_200 = "L L 404 200 200 200 200 200 200 200 404"
EDITORS_200 = "L L 404 200 403 200 403 403 403 200 404"
EDITORS_POST = "L L 404 302+ 403 302+ 403 403 403 302+ 404"


@dataclass
class Case:
    name: str  # URL name, "namespace:name"
    url: Callable[[World], str]
    get: str
    post: str
    payload: Callable[[World], dict[str, Any]] = lambda w: {}
    # Whether the POST's change happened, given the world and the person who posted.
    effect: Callable[[World, User | None, Any], bool] | None = None
    # A 200 for this page must show the private initiative (proves it is the real page).
    private_page: bool = False
    # Secret texts this page is known to show to outsiders (each has its own failing test).
    known_leaks: tuple[str, ...] = ()
    label: str = ""

    @property
    def id(self) -> str:
        return self.label or self.name.split(":")[1]


def _session_user_id(client) -> str | None:
    return client.session.get(SESSION_KEY)


CASES = [
    # core ------------------------------------------------------------------------------------
    Case(
        "core:home",
        lambda w: reverse("core:home"),
        get="200 200 302 302 302 302 302 302 302 302 302",
        post="200 200 302 302 302 302 302 302 302 302 302",
    ),
    Case("core:health", lambda w: reverse("core:health"), get=ALL_200, post=ALL_200),
    Case("core:ping", lambda w: reverse("core:ping"), get=ALL_200, post=ALL_200),
    Case("core:accessibility", lambda w: reverse("core:accessibility"), get=ALL_200, post=ALL_200),
    # accounts --------------------------------------------------------------------------------
    Case(
        "accounts:login",
        lambda w: reverse("accounts:login"),
        get="200 200 302 302 302 302 302 302 302 302 302",
        post="302+ 302+ 302 302 302 302 302 302 302 302 302",
        payload=lambda w: login_payload(w.login_target),
        effect=lambda w, u, c: _session_user_id(c) == str(w.login_target.pk),
    ),
    Case(
        "accounts:logout",
        lambda w: reverse("accounts:logout"),
        get="405 405 405 405 405 405 405 405 405 405 405",
        post="302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+",
        effect=lambda w, u, c: _session_user_id(c) is None,
    ),
    Case(
        "accounts:password_reset",
        lambda w: reverse("accounts:password_reset"),
        get=ALL_200,
        post="302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+",
        payload=lambda w: {"email": w.login_target.email},
        effect=lambda w, u, c: [m.to for m in mail.outbox] == [[w.login_target.email]],
    ),
    Case(
        "accounts:password_reset_done",
        lambda w: reverse("accounts:password_reset_done"),
        get=ALL_200,
        post="405 405 405 405 405 405 405 405 405 405 405",
    ),
    Case(
        "accounts:password_reset_confirm",
        lambda w: reverse("accounts:password_reset_confirm", args=["MQ", "set-password-x"]),
        get=ALL_200,
        post=ALL_200,
        payload=lambda w: {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        effect=lambda w, u, c: User.objects.get(pk=w.login_target.pk).check_password(NEW_PASSWORD),
        label="password_reset_confirm_bad_link",
    ),
    Case(
        "accounts:password_reset_complete",
        lambda w: reverse("accounts:password_reset_complete"),
        get=ALL_200,
        post="405 405 405 405 405 405 405 405 405 405 405",
    ),
    Case(
        "accounts:invitation_accept",
        lambda w: reverse("accounts:invitation_accept", args=[w.invitation_token]),
        get=ALL_200,
        # Signed in as someone else: refused with a message; the invitation stays unused.
        post="302+ 302+ 200 200 200 200 200 200 200 200 200",
        payload=lambda w: {
            "display_name": "Nieuwe Collega",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
        effect=lambda w, u, c: Membership.objects.filter(
            organisation=w.org_a, user__email=w.invitation.email
        ).exists(),
    ),
    Case(
        "accounts:profile",
        lambda w: reverse("accounts:profile"),
        get=SIGNED_IN_200,
        post="L L 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+",
        payload=lambda w: {"display_name": "Gewijzigde Naam", "language": "en"},
        effect=lambda w, u, c: (
            u is not None and User.objects.get(pk=u.pk).display_name == "Gewijzigde Naam"
        ),
    ),
    Case(
        "accounts:profile_export",
        lambda w: reverse("accounts:profile_export"),
        get=SIGNED_IN_200,
        post=SIGNED_IN_200,
    ),
    Case(
        "accounts:profile_erase",
        lambda w: reverse("accounts:profile_erase"),
        get=SIGNED_IN_200,
        post="L L 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+",
        payload=lambda w: {"confirm": "on"},
        effect=lambda w, u, c: u is not None and not User.objects.filter(pk=u.pk).exists(),
    ),
    Case(
        "accounts:api_keys",
        lambda w: reverse("accounts:api_keys"),
        get=SIGNED_IN_200,
        post="L L 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+ 302+",
        payload=lambda w: {"name": "Mijn script"},
        effect=lambda w, u, c: (
            u is not None and ApiToken.objects.filter(user=u, name="Mijn script").exists()
        ),
    ),
    Case(
        "accounts:organisation_members",
        lambda w: reverse("accounts:organisation_members", args=[w.org_a.slug]),
        get="L L 403 200 200 200 200 200 200 200 200",
        post="L L 403 302+ 403 403 403 403 403 403 403",
        payload=lambda w: {"email": "nieuw@example.org", "role": "partner"},
        effect=lambda w, u, c: Invitation.objects.filter(
            organisation=w.org_a, email="nieuw@example.org"
        ).exists(),
    ),
    Case(
        "accounts:membership_change",
        lambda w: reverse("accounts:membership_change", args=[w.org_a.slug, w.spare_membership.pk]),
        get="L L 405 405 405 405 405 405 405 405 405",
        post="L L 403 302+ 403 403 403 403 403 403 403",
        payload=lambda w: {"action": "role", "role": "partner"},
        effect=lambda w, u, c: Membership.objects.get(pk=w.spare_membership.pk).role == "partner",
    ),
    Case(
        "accounts:invitation_revoke",
        lambda w: reverse("accounts:invitation_revoke", args=[w.org_a.slug, w.invitation.pk]),
        get="L L 405 405 405 405 405 405 405 405 405",
        post="L L 403 302+ 403 403 403 403 403 403 403",
        effect=lambda w, u, c: not Invitation.objects.filter(pk=w.invitation.pk).exists(),
    ),
    Case(
        "accounts:participant_home",
        lambda w: reverse("accounts:participant_home"),
        get=ALL_200,
        # Only the browser that carries a participant can turn it into an account.
        post="200 302+ 200 200 200 200 200 200 200 200 200",
        payload=lambda w: {
            "email": "claim@example.org",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
        effect=lambda w, u, c: User.objects.filter(email="claim@example.org").exists(),
    ),
    Case(
        "accounts:participant_return",
        lambda w: reverse("accounts:participant_return", args=[w.participant_secret]),
        get="302 302 302 302 302 302 302 302 302 302 302",
        post="302 302 302 302 302 302 302 302 302 302 302",
    ),
    # initiatives -----------------------------------------------------------------------------
    Case(
        "initiatives:dashboard",
        lambda w: reverse("initiatives:dashboard"),
        get=SIGNED_IN_200,
        post=SIGNED_IN_200,
    ),
    Case(
        "initiatives:list",
        lambda w: reverse("initiatives:list"),
        get=SIGNED_IN_200,
        post=SIGNED_IN_200,
    ),
    Case(
        "initiatives:create",
        lambda w: reverse("initiatives:create"),
        # The admin of B may create, but only in B: a POST naming A still creates nothing in A.
        get="L L 200 200 200 200 403 403 403 200 403",
        post="L L 302 302+ 302+ 302+ 403 403 403 302+ 403",
        payload=lambda w: initiative_payload(organisation=w.org_a.pk, title="Nieuw via matrix"),
        effect=lambda w, u, c: Initiative.objects.filter(
            organisation=w.org_a, title="Nieuw via matrix"
        ).exists(),
    ),
    Case(
        "initiatives:detail",
        lambda w: reverse("initiatives:detail", args=[w.private.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "initiatives:edit",
        lambda w: reverse("initiatives:edit", args=[w.private.pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        payload=lambda w: initiative_payload(title="Nieuwe titel", visibility="private"),
        effect=lambda w, u, c: Initiative.objects.get(pk=w.private.pk).title == "Nieuwe titel",
        private_page=True,
    ),
    Case(
        "initiatives:members",
        lambda w: reverse("initiatives:members", args=[w.private.pk]),
        get=VIEWERS_200,
        post="L L 404 302+ 403 403 403 403 403 302+ 404",
        payload=lambda w: {"action": "add", "user": w.spare.pk, "role": "observer"},
        effect=lambda w, u, c: InitiativeMembership.objects.filter(
            initiative=w.private, user=w.spare
        ).exists(),
        private_page=True,
    ),
    Case(
        "initiatives:canvas",
        lambda w: reverse("initiatives:canvas", args=[w.private.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "initiatives:canvas_edit",
        lambda w: reverse("initiatives:canvas_edit", args=[w.private.pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        payload=lambda w: canvas_payload(context={"place": "Aardam-Zuid"}),
        effect=lambda w, u, c: CanvasVersion.objects.filter(initiative=w.private).count() == 3,
        private_page=True,
    ),
    Case(
        "initiatives:canvas_history",
        lambda w: reverse("initiatives:canvas_history", args=[w.private.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "initiatives:canvas_compare",
        lambda w: reverse("initiatives:canvas_compare", args=[w.private.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "initiatives:canvas_print",
        lambda w: reverse("initiatives:canvas_print", args=[w.private.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "initiatives:activity_create",
        lambda w: reverse("initiatives:activity_create", args=[w.private.pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        payload=lambda w: activity_payload(title="Nieuwe activiteit"),
        effect=lambda w, u, c: Activity.objects.filter(
            initiative=w.private, title="Nieuwe activiteit"
        ).exists(),
        private_page=True,
    ),
    Case(
        "initiatives:activity_detail",
        lambda w: reverse("initiatives:activity_detail", args=[w.activity.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
        private_page=True,
    ),
    Case(
        "initiatives:activity_edit",
        lambda w: reverse("initiatives:activity_edit", args=[w.activity.pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        payload=lambda w: activity_payload(title="Andere titel"),
        effect=lambda w, u, c: Activity.objects.get(pk=w.activity.pk).title == "Andere titel",
        private_page=True,
    ),
    Case(
        "initiatives:activity_delete",
        lambda w: reverse("initiatives:activity_delete", args=[w.activity.pk]),
        get=EDITORS_200,
        post=EDITORS_POST,
        effect=lambda w, u, c: not Activity.objects.filter(pk=w.activity.pk).exists(),
        private_page=True,
    ),
    Case(
        "initiatives:activity_qr",
        lambda w: reverse("initiatives:activity_qr", args=[w.activity.pk]),
        get=VIEWERS_200,
        post=VIEWERS_200,
    ),
    Case(
        "initiatives:public_list",
        lambda w: reverse("initiatives:public_list"),
        get=ALL_200,
        post=ALL_200,
    ),
    Case(
        "initiatives:public_detail",
        lambda w: w.private.get_public_url(),
        # A private initiative's public page is a preview for those who may see it, else 404.
        get="404 404 404 200 200 200 200 200 200 200 404",
        post="404 404 404 200 200 200 200 200 200 200 404",
        private_page=True,
        label="public_detail_of_private_initiative",
    ),
    Case(
        "initiatives:public_detail",
        lambda w: w.public.get_public_url(),
        get=ALL_200,
        post=ALL_200,
        label="public_detail_of_public_initiative",
    ),
    Case(
        "initiatives:join",
        lambda w: reverse("initiatives:join", args=[w.activity.join_token]),
        # The link is the door: anyone holding it may take part, without seeing the initiative.
        get=ALL_200,
        post="302 302 302 302 302 302 302 302 302 302 302",
        # test_joining.test_join_page_of_private_initiative_keeps_the_activity_title_hidden
        known_leaks=(PRIVATE_ACTIVITY_TITLE,),
    ),
    Case(
        "initiatives:joined",
        lambda w: reverse("initiatives:joined", args=[w.activity.join_token]),
        # Only a browser that took part sees the welcome page; others are sent to the door.
        get="302 200 302 302 302 302 302 302 302 302 302",
        post="302 200 302 302 302 302 302 302 302 302 302",
        # test_joining.test_welcome_page_of_private_initiative_keeps_the_activity_title_hidden
        known_leaks=(PRIVATE_ACTIVITY_TITLE,),
    ),
]


def _check(response, expected: str, world: World, role: str, case: Case) -> None:
    status = response.status_code
    assert status != 500, f"server error for {role} on {case.id}"
    code = expected.rstrip("+")
    if code == "L":
        assert status == 302, status
        assert response["Location"].startswith(reverse("accounts:login")), response["Location"]
    else:
        assert status == int(code), f"{role} got {status} on {case.id}, expected {code}"
        if status == 302:
            assert not response["Location"].startswith(reverse("accounts:login"))
    body = response.content.decode("utf-8", errors="replace")
    if role in OUTSIDERS:
        for secret in set(SECRETS) - set(case.known_leaks):
            assert secret not in body, f"{role} read {secret!r} on {case.id}"
    if case.private_page and status == 200:
        assert world.private.title in body


# One world for the whole matrix; each test's changes are rolled back.
world = shared_world_fixture()


@pytest.mark.django_db
@pytest.mark.parametrize("case, role, expected", list(matrix_params(CASES, "GET")))
def test_get_gives_each_role_exactly_what_the_matrix_allows(world, case, role, expected):
    client = client_for(world, role)
    response = client.get(case.url(world))
    _check(response, expected, world, role, case)


@pytest.mark.django_db
@pytest.mark.parametrize("case, role, expected", list(matrix_params(CASES, "POST")))
def test_post_changes_only_what_the_matrix_allows(world, case, role, expected):
    client = client_for(world, role)
    mail.outbox.clear()
    response = client.post(case.url(world), case.payload(world))
    _check(response, expected, world, role, case)
    if case.effect is not None:
        user = world.users.get(role)
        happened = case.effect(world, user, client)
        if expected.endswith("+"):
            assert happened, f"{role}'s POST to {case.id} should have changed something"
        else:
            assert not happened, f"{role}'s POST to {case.id} changed something it may not"


def test_matrix_covers_every_url_of_core_accounts_and_initiatives():
    resolver = get_resolver()
    names = set()
    for namespace in ("core", "accounts", "initiatives"):
        sub = resolver.namespace_dict[namespace][1]
        names |= {
            f"{namespace}:{key}"
            for key in sub.reverse_dict
            if isinstance(key, str) and not key.startswith("_")
        }
    assert names == {case.name for case in CASES}
