"""Sessions know whose they are: one query reads the session and its person, and a person's
sessions end with their account."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from constellate.accounts import services
from constellate.accounts.models import Session
from constellate.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _signed_in(user) -> Client:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_signing_in_records_whose_session_it_is():
    user = UserFactory()
    client = _signed_in(user)
    assert Session.objects.get(pk=client.session.session_key).user == user


def test_a_signed_in_page_reads_session_and_person_in_one_query():
    user = UserFactory(display_name="Joost")
    client = _signed_in(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    assert response.context["user"] == user
    reads_of_person = [q["sql"] for q in queries if '"accounts_user"' in q["sql"]]
    assert len(reads_of_person) == 1 and "accounts_session" in reads_of_person[0]


def test_erasing_an_account_ends_all_its_sessions():
    user = UserFactory()
    first, second = _signed_in(user), _signed_in(user)
    assert Session.objects.filter(user=user).count() == 2
    services.user_erase(user=user)
    assert not Session.objects.exists()
    assert first.get(reverse("accounts:profile")).status_code == 302  # back to sign in
    assert second.get(reverse("initiatives:dashboard")).status_code == 302


def test_a_deactivated_person_is_signed_out_on_their_next_page():
    user = UserFactory()
    client = _signed_in(user)
    user.is_active = False
    user.save()
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_changed_password_ends_other_sessions():
    user = UserFactory()
    client = _signed_in(user)
    user.set_password("een-heel-nieuw-en-lang-wachtwoord")
    user.save()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_signing_out_forgets_the_person_of_the_session():
    user = UserFactory()
    client = _signed_in(user)
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(user=user).exists()
