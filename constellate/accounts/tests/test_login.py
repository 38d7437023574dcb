"""Signing in and out, and the lock after repeated failed sign-ins."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.models import LoginThrottle
from constellate.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

WRONG = "not the right passphrase at all"


@pytest.fixture
def user():
    return UserFactory(email="medewerker@example.org", language="en")


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def _login(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def _form_errors(response) -> list[str]:
    return response.context["form"].non_field_errors()


def test_sign_in_with_e_mail_and_password_goes_to_the_dashboard(client, user):
    response = _login(client, "Medewerker@Example.ORG", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:dashboard")
    assert client.session[SESSION_KEY] == str(user.pk)
    # The interface follows the person's own language from now on.
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_sign_in_follows_a_safe_next_url_but_not_an_outside_one(client, user):
    response = client.post(
        reverse("accounts:login") + "?next=/initiatives/",
        {"username": user.email, "password": PASSWORD},
    )
    assert response["Location"] == "/initiatives/"
    client.post(reverse("accounts:logout"))
    response = client.post(
        reverse("accounts:login") + "?next=https://evil.example/",
        {"username": user.email, "password": PASSWORD},
    )
    assert response["Location"] == reverse("initiatives:dashboard")


def test_wrong_password_shows_a_message_and_does_not_sign_in(client, user):
    response = _login(client, user.email, WRONG)
    assert response.status_code == 200
    assert _form_errors(response)
    assert SESSION_KEY not in client.session


def test_inactive_account_cannot_sign_in(client, user):
    user.is_active = False
    user.save()
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_sign_out_needs_a_post_and_ends_the_session(client, user):
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert SESSION_KEY in client.session
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert SESSION_KEY not in client.session
    assert client.get(reverse("initiatives:dashboard")).status_code == 302


def _fail_until_locked(client, email):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        _login(client, email, WRONG)


def test_repeated_failures_lock_the_address_even_for_the_right_password(client, user):
    assert settings.LOGIN_FAILURE_LIMIT == 5
    for attempt in range(settings.LOGIN_FAILURE_LIMIT - 1):
        response = _login(client, user.email, WRONG)
        assert response.status_code == 200
        codes = [e.code for e in response.context["form"].errors.as_data()["__all__"]]
        assert codes == ["invalid_login"]
        assert LoginThrottle.objects.get().failures == attempt + 1
    _login(client, user.email, WRONG)
    throttle = LoginThrottle.objects.get()
    assert throttle.locked_until > timezone.now()

    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    errors = response.context["form"].errors.as_data()["__all__"]
    assert [e.code for e in errors] == ["locked"]
    # The message names the time the lock ends, in local time.
    local_end = timezone.localtime(throttle.locked_until).strftime("%H:%M")
    assert local_end in errors[0].message
    assert local_end in response.content.decode()


def test_the_lock_is_per_address(client, user):
    other = UserFactory(email="collega@example.org")
    _fail_until_locked(client, user.email)
    response = _login(Client(), other.email, PASSWORD)
    assert response.status_code == 302


def test_the_lock_is_shared_by_browsers(user):
    _fail_until_locked(Client(), user.email)
    response = _login(Client(), user.email, PASSWORD)
    assert response.status_code == 200


def test_sign_in_works_again_after_the_lock_window(client, user):
    _fail_until_locked(client, user.email)
    LoginThrottle.objects.update(
        locked_until=timezone.now() - timedelta(seconds=1),
        first_failure_at=timezone.now() - timedelta(minutes=settings.LOGIN_LOCK_MINUTES + 1),
    )
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)
    # A successful sign-in clears the count.
    assert not LoginThrottle.objects.exists()


def test_failures_spread_over_more_than_the_window_do_not_lock(client, user):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        _login(client, user.email, WRONG)
    LoginThrottle.objects.update(
        first_failure_at=timezone.now() - timedelta(minutes=settings.LOGIN_LOCK_MINUTES + 1)
    )
    _login(client, user.email, WRONG)
    throttle = LoginThrottle.objects.get()
    assert throttle.failures == 1
    assert throttle.locked_until is None
    assert _login(client, user.email, PASSWORD).status_code == 302


def test_unknown_addresses_are_throttled_too_without_revealing_they_are_unknown(client):
    responses = [_login(client, "niemand@example.org", WRONG) for _ in range(5)]
    assert all(r.status_code == 200 for r in responses)
    assert LoginThrottle.objects.get().locked_until is not None


def test_the_address_is_not_stored_in_the_throttle(client, user):
    _login(client, user.email, WRONG)
    assert user.email not in LoginThrottle.objects.get().key


@pytest.mark.parametrize("bad_password", ["", "x" * 5000, "met\x00nul"])
def test_a_malformed_attempt_between_guesses_does_not_reset_the_count(client, user, bad_password):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        _login(client, user.email, WRONG)
    _login(client, user.email, bad_password)
    _login(client, user.email, WRONG)
    response = _login(client, user.email, PASSWORD)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
