"""Dutch first: the interface is Dutch until the visitor picks a language, whatever the
browser asks for; the choice is kept in a cookie. (Asserts on <html lang>, not on words.)"""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from constellate.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _lang(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match, response.content[:200]
    return match.group(1)


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("accept", ["en", "en-GB,en;q=0.9", "de-DE,de;q=0.8,en;q=0.5", ""])
def test_without_a_cookie_the_page_is_dutch_whatever_the_browser_asks(client, accept):
    response = client.get(reverse("initiatives:public_list"), HTTP_ACCEPT_LANGUAGE=accept)
    assert _lang(response) == "nl"


def test_choosing_english_switches_and_stays_english(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("initiatives:public_list")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:public_list")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert _lang(client.get(reverse("initiatives:public_list"))) == "en"
    # Still English on the next page, even with a Dutch browser.
    assert _lang(client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="nl")) == "en"


def test_choosing_dutch_again_switches_back(client):
    client.post(reverse("set_language"), {"language": "en"})
    client.post(reverse("set_language"), {"language": "nl"})
    assert _lang(client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en")) == "nl"


@pytest.mark.parametrize("language", ["xx", "", "en\x00", "e" * 10_000, "<script>"])
def test_an_unknown_language_is_ignored(client, language):
    response = client.post(reverse("set_language"), {"language": language, "next": "/p/"})
    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert _lang(client.get("/p/")) == "nl"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "\x00"]
)
def test_the_language_switch_never_sends_people_elsewhere(client, next_url):
    response = client.post(reverse("set_language"), {"language": "en", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] in ("/", "")


def test_signing_in_switches_to_the_persons_own_language(client):
    user = UserFactory(language="en")
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert _lang(client.get(reverse("initiatives:dashboard"))) == "en"


def test_the_language_switch_is_on_every_page(client):
    body = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("set_language")}?language=en&amp;next=/"' in body


def test_the_language_link_switches_and_returns_to_the_same_page(client):
    page = reverse("initiatives:public_list") + "?q=afval&page=2"
    body = client.get(page).content.decode()
    link = f"{reverse('set_language')}?language=en&amp;next=/p/%3Fq%3Dafval%26page%3D2"
    assert link in body
    response = client.get(link.replace("&amp;", "&"))
    assert response.status_code == 302
    assert response["Location"] == page
    assert "no-cache" in response["Cache-Control"]
    assert _lang(client.get(page)) == "en"


def test_public_pages_carry_no_form_token_for_anonymous_visitors(client):
    response = client.get(reverse("initiatives:public_list"))
    assert settings.CSRF_COOKIE_NAME not in response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
