"""Bad input on every form of the accounts app: empty, oversized, malformed, wrongly encoded
and NUL-bearing values. Each gets a message next to its field or a clean 4xx, never a 500, and
nothing is half-saved (every row of every table is compared before and after)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from constellate.accounts.models import LoginThrottle, User
from constellate.accounts.tests.factories import PASSWORD
from constellate.initiatives.tests.support import (
    BIG_NUMBER,
    HUGE,
    IMG,
    INVALID_UTF8_BODIES,
    NEW_PASSWORD,
    NUL,
    SCRIPT,
    client_for,
    shared_world_fixture,
    snapshot,
)

pytestmark = pytest.mark.django_db

world = shared_world_fixture()

BAD_EMAILS = [
    "",
    "   ",
    HUGE + "@example.org",
    "iemand" + NUL + "@example.org",
    "geen-adres",
    SCRIPT,
]
BAD_PASSWORDS = ["", HUGE, "lang genoeg maar" + NUL + "met nul"]


def _short(value) -> str:
    text = repr(value)
    return text if len(text) < 30 else f"{text[:20]}...({len(str(value))})"


def _assert_refused_next_to_field(response, fields) -> None:
    """Refused with a message on one of `fields`, shown next to it."""
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    fields = (fields,) if isinstance(fields, str) else fields
    hit = [f for f in fields if f in form.errors]
    assert hit, form.errors
    body = response.content.decode()
    assert f'id="{form[hit[0]].auto_id}_errors"' in body
    assert SCRIPT not in body
    assert IMG not in body


# Sign-in ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", BAD_EMAILS, ids=_short)
def test_sign_in_with_a_bad_address_is_refused_next_to_the_field(world, email):
    before = snapshot()
    response = client_for(world, "anonymous").post(
        reverse("accounts:login"), {"username": email, "password": PASSWORD}
    )
    _assert_refused_next_to_field(response, "username")
    assert snapshot() == before


@pytest.mark.parametrize("password", BAD_PASSWORDS, ids=_short)
def test_sign_in_with_a_bad_password_is_refused_next_to_the_field(world, password):
    response = client_for(world, "anonymous").post(
        reverse("accounts:login"), {"username": world.login_target.email, "password": password}
    )
    _assert_refused_next_to_field(response, "password")
    # A malformed password is not a guess: it does not count towards the lock.
    assert not LoginThrottle.objects.exists()


# Password reset --------------------------------------------------------------------------------


@pytest.mark.parametrize("email", BAD_EMAILS, ids=_short)
def test_password_reset_with_a_bad_address_is_refused_next_to_the_field(world, email):
    response = client_for(world, "anonymous").post(
        reverse("accounts:password_reset"), {"email": email}
    )
    _assert_refused_next_to_field(response, "email")
    assert mail.outbox == []


@pytest.fixture
def set_password_url(world):
    client = client_for(world, "anonymous")
    client.post(reverse("accounts:password_reset"), {"email": world.login_target.email})
    path = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    return client, client.get(path, follow=True).redirect_chain[-1][0]


@pytest.mark.parametrize(
    "password1, password2",
    [
        ("", ""),
        (HUGE, HUGE),
        ("te kort", "te kort"),
        ("password1234567", "password1234567"),
        (NEW_PASSWORD, NEW_PASSWORD + " anders"),
        (NEW_PASSWORD + NUL, NEW_PASSWORD + NUL),
    ],
    ids=_short,
)
def test_bad_new_password_is_refused_next_to_the_field(
    world, set_password_url, password1, password2
):
    client, url = set_password_url
    before = snapshot()
    response = client.post(url, {"new_password1": password1, "new_password2": password2})
    _assert_refused_next_to_field(response, ("new_password1", "new_password2"))
    assert snapshot() == before


# Invitation ------------------------------------------------------------------------------------


def _invitation_url(world):
    return reverse("accounts:invitation_accept", args=[world.invitation_token])


@pytest.mark.parametrize(
    "field, value",
    [
        ("display_name", ""),
        ("display_name", HUGE),
        ("display_name", NUL),
        ("password1", ""),
        ("password1", HUGE),
        ("password1", "te kort"),
        ("password1", NUL),
        ("password2", "iets anders dan het eerste"),
    ],
    ids=_short,
)
def test_bad_invitation_acceptance_is_refused_next_to_the_field(world, field, value):
    data = {"display_name": "Nieuwe Collega", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    data[field] = value
    if field == "password1":
        data["password2"] = value
    before = snapshot()
    response = client_for(world, "anonymous").post(_invitation_url(world), data)
    _assert_refused_next_to_field(response, (field, "password2"))
    assert snapshot() == before


@pytest.mark.parametrize("token", ["x", HUGE, "%00", "..%2F..%2F", BIG_NUMBER])
def test_bad_invitation_token_is_a_friendly_404(world, token):
    url = reverse("accounts:invitation_accept", args=["T"]).replace("/T/", f"/{token}/")
    client = client_for(world, "anonymous")
    assert client.get(url).status_code == 404
    assert client.post(url, {"display_name": "X"}).status_code == 404


@pytest.mark.parametrize(
    "field, value",
    [
        *[("email", email) for email in BAD_EMAILS],
        ("role", "king"),
        ("role", ""),
        ("role", HUGE),
        ("role", NUL),
    ],
    ids=_short,
)
def test_bad_invitation_is_refused_next_to_the_field(world, field, value):
    data = {"email": "nieuw@example.org", "role": "partner", field: value}
    before = snapshot()
    response = client_for(world, "org_admin").post(
        reverse("accounts:organisation_members", args=[world.org_a.slug]), data
    )
    _assert_refused_next_to_field(response, field)
    assert snapshot() == before
    assert mail.outbox == []


# Role change -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        {"action": "role", "role": "king"},
        {"action": "role", "role": ""},
        {"action": "role", "role": HUGE},
        {"action": "role", "role": NUL},
        {"action": HUGE, "role": "emperor"},
        {},
    ],
    ids=_short,
)
def test_bad_role_change_is_refused_with_a_message(world, data):
    client = client_for(world, "org_admin")
    before = snapshot()
    response = client.post(
        reverse("accounts:membership_change", args=[world.org_a.slug, world.spare_membership.pk]),
        data,
    )
    assert response.status_code == 302
    assert snapshot() == before
    page = client.get(response["Location"])
    assert [m.level_tag for m in page.context["messages"]] == ["error"]


@pytest.mark.parametrize("pk", ["abc", "-1", "1.5", BIG_NUMBER])
def test_role_change_with_a_bad_id_is_a_clean_404(world, pk):
    client = client_for(world, "org_admin")
    url = f"/org/{world.org_a.slug}/members/{pk}/"
    before = snapshot()
    assert client.post(url, {"action": "role", "role": "admin"}).status_code == 404
    assert client.post(f"/org/{world.org_a.slug}/invitations/{pk}/revoke/").status_code == 404
    assert snapshot() == before


# Profile, erase, API keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("display_name", HUGE),
        ("display_name", NUL),
        ("language", "xx"),
        ("language", ""),
        ("language", HUGE),
    ],
    ids=_short,
)
def test_bad_profile_input_is_refused_next_to_the_field(world, field, value):
    data = {"display_name": "Naam", "language": "nl", field: value}
    before = snapshot()
    response = client_for(world, "observer").post(reverse("accounts:profile"), data)
    _assert_refused_next_to_field(response, field)
    assert snapshot() == before


@pytest.mark.parametrize("data", [{"confirm": ""}, {"confirm": "false"}, {"x": HUGE}], ids=str)
def test_erase_without_confirmation_is_refused_next_to_the_box(world, data):
    before = snapshot()
    response = client_for(world, "observer").post(reverse("accounts:profile_erase"), data)
    _assert_refused_next_to_field(response, "confirm")
    assert snapshot() == before


@pytest.mark.parametrize("name", ["", "   ", HUGE, NUL], ids=_short)
def test_bad_api_key_name_is_refused_next_to_the_field(world, name):
    before = snapshot()
    response = client_for(world, "observer").post(reverse("accounts:api_keys"), {"name": name})
    _assert_refused_next_to_field(response, "name")
    assert snapshot() == before


@pytest.mark.parametrize("revoke", ["abc", "-1", BIG_NUMBER, "\u00b2", NUL])
def test_revoking_an_api_key_with_a_bad_id_is_a_clean_404(world, revoke):
    before = snapshot()
    response = client_for(world, "observer").post(reverse("accounts:api_keys"), {"revoke": revoke})
    assert response.status_code == 404
    assert snapshot() == before


# Claiming a participation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        *[("email", email) for email in BAD_EMAILS],
        ("display_name", HUGE),
        ("display_name", NUL),
        ("password1", ""),
        ("password1", "te kort"),
        ("password1", HUGE),
        ("password1", NUL),
    ],
    ids=_short,
)
def test_bad_participant_claim_is_refused_next_to_the_field(world, field, value):
    data = {"email": "claim@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    data[field] = value
    if field == "password1":
        data["password2"] = value
    before = snapshot()
    response = client_for(world, "participant").post(reverse("accounts:participant_home"), data)
    _assert_refused_next_to_field(response, (field, "password2"))
    assert snapshot() == before


@pytest.mark.parametrize("secret", ["x", HUGE, "%00", BIG_NUMBER, "a" * 201])
def test_bad_personal_link_is_a_friendly_404(world, secret):
    client = client_for(world, "anonymous")
    response = client.get(f"/me/{secret}/")
    assert response.status_code == 404


# Wrongly encoded bodies ------------------------------------------------------------------------

FORMS = [
    ("anonymous", lambda w: reverse("accounts:login")),
    ("anonymous", lambda w: reverse("accounts:password_reset")),
    ("anonymous", lambda w: reverse("accounts:invitation_accept", args=[w.invitation_token])),
    ("org_admin", lambda w: reverse("accounts:organisation_members", args=[w.org_a.slug])),
    (
        "org_admin",
        lambda w: reverse("accounts:membership_change", args=[w.org_a.slug, w.spare_membership.pk]),
    ),
    ("observer", lambda w: reverse("accounts:profile")),
    ("observer", lambda w: reverse("accounts:profile_erase")),
    ("observer", lambda w: reverse("accounts:api_keys")),
    ("participant", lambda w: reverse("accounts:participant_home")),
]


@pytest.mark.parametrize("role, url", FORMS)
@pytest.mark.parametrize("body", INVALID_UTF8_BODIES, ids=lambda b: repr(b[:12]))
def test_invalid_utf8_bodies_are_refused_cleanly(world, role, url, body):
    client = client_for(world, role)
    before = snapshot()
    response = client.generic(
        "POST", url(world), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 302, 400)
    assert snapshot() == before
    assert User.objects.filter(pk=world.login_target.pk).exists()
