"""Passwords follow NIST SP 800-63B: length over composition, common passwords refused; and
resetting a forgotten password by e-mail."""

import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from constellate.accounts.models import User
from constellate.accounts.tests.factories import PASSWORD, UserFactory
from constellate.initiatives.tests.support import NEW_PASSWORD

pytestmark = pytest.mark.django_db

PASSPHRASE_64 = "the quiet heron waits by the canal until the morning bus comes by"
PASSPHRASE_100 = (
    "on tuesdays my neighbour bakes bread for the whole street and we trade it for apples "
    "from the old tree"
)


def _messages(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user or User(email="iemand@example.org"))
    except ValidationError as exc:
        return exc.messages
    return []


@pytest.mark.parametrize("password", [PASSPHRASE_64, PASSPHRASE_100])
def test_long_passphrases_are_accepted(password):
    assert len(password) >= 64
    assert _messages(password) == []


def test_a_passphrase_of_all_lowercase_words_is_accepted_without_composition_rules():
    assert _messages("purple monkey dishwasher river") == []
    assert _messages("correcthorsebatterystaple") == []


@pytest.mark.parametrize(
    "password",
    [
        "password1234567",
        "Password1234567",
        "password12345678",
        "iloveyou12345678",
        "qwerty123456789",
        "123456789012345",
        "aaaaaaaaaaaaaaaa",
        "passwordpassword",
        "welkom123456789",
    ],
)
def test_common_passwords_and_common_words_with_digits_added_are_refused(password):
    assert len(password) >= 15
    assert _messages(password), f"{password!r} should be refused"


@pytest.mark.parametrize("password", ["korte zin", "a" * 3, "elf tekens!", "veertien teken"])
def test_passwords_shorter_than_15_characters_are_refused(password):
    assert len(password) < 15
    assert _messages(password)


def test_a_random_long_password_without_words_is_accepted():
    assert _messages("8274619305728461") == []
    assert _messages("Zq7!mR2#vT9@kL4$") == []


def test_passwords_above_256_characters_are_refused():
    assert len("lange woorden " * 20) == 280
    assert _messages("lange woorden " * 20)
    assert _messages(("lange woorden " * 20)[:256]) == []


def test_a_password_like_the_users_e_mail_address_is_refused():
    user = User(email="jan.jansen.houten@example.org", display_name="Jan Jansen")
    assert _messages("jan.jansen.houten", user)


# Password reset by e-mail -------------------------------------------------------------------


def _reset_link(body: str) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", body)
    assert match, body
    return match.group(1)


def test_password_reset_sends_a_link_that_sets_a_new_password(mailoutbox):
    user = UserFactory(email="vergeten@example.org")
    client = Client(raise_request_exception=False)
    response = client.post(reverse("accounts:password_reset"), {"email": "Vergeten@Example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["vergeten@example.org"]
    link = _reset_link(mailoutbox[0].body)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(PASSWORD)

    # The link works once.
    again = Client().get(link, follow=True)
    assert again.context["validlink"] is False
    # And the new password signs in.
    fresh = Client()
    login = fresh.post(
        reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD}
    )
    assert login.status_code == 302


def test_password_reset_refuses_a_short_new_password_with_a_message(mailoutbox):
    user = UserFactory(email="kort@example.org")
    client = Client(raise_request_exception=False)
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    form_page = client.get(_reset_link(mailoutbox[0].body), follow=True)
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": "te kort", "new_password2": "te kort"})
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(mailoutbox):
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": "niemand@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_password_reset_link_with_a_bad_token_says_the_link_does_not_work():
    user = UserFactory()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    response = Client().get(reverse("accounts:password_reset_confirm", args=[uid, "bad-token"]))
    assert response.status_code == 200
    assert response.context["validlink"] is False
