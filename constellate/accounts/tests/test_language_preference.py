import pytest
from django.conf import settings

from constellate.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_signed_in_persons_language_choice_is_kept_in_their_profile(client):
    user = UserFactory(language="nl")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/dashboard/"})
    user.refresh_from_db()
    assert user.language == "en"


def test_unknown_language_changes_nothing(client):
    user = UserFactory(language="nl")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.language == "nl"


def test_signing_in_applies_the_profile_language_on_a_new_device(client):
    user = UserFactory(language="en")
    response = client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert 'lang="en"' in client.get("/dashboard/").content.decode()


def test_language_picked_before_signing_in_is_not_overruled(client):
    user = UserFactory(language="nl")
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    client.post("/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert 'lang="en"' in client.get("/dashboard/").content.decode()
