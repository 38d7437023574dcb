"""The core pages: start page, health check, error pages and the security headers."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from constellate.accounts.tests.factories import PASSWORD, UserFactory
from constellate.core import views

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def test_start_page_for_visitors_and_dashboard_for_signed_in_people(client):
    assert client.get(reverse("core:home")).status_code == 200
    client.force_login(UserFactory())
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:dashboard")


def test_health_check_answers_ok_and_is_never_cached(client):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_ping_and_accessibility_statement(client):
    assert client.get(reverse("core:ping")).content == b"ok"
    assert client.get(reverse("core:accessibility")).status_code == 200


def test_unknown_address_gives_the_friendly_404_page(client):
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert "core/error.html" in [t.name for t in response.templates]
    assert reverse("core:home") in response.content.decode()


def test_server_error_page_renders_without_a_database_or_context():
    request = RequestFactory().get("/")
    response = views.server_error(request)
    assert response.status_code == 500
    assert b"<html" in response.content


def test_forbidden_and_bad_request_pages(client):
    request = RequestFactory().get("/")
    assert views.permission_denied(request).status_code == 403
    assert views.bad_request(request).status_code == 400


def test_a_form_without_its_csrf_token_is_refused_with_an_explanation():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 403
    assert response.context["csrf"] is True
    assert "_auth_user_id" not in client.session


def test_every_form_carries_a_csrf_token(client):
    for url in (reverse("accounts:login"), reverse("accounts:password_reset")):
        assert b'name="csrfmiddlewaretoken"' in client.get(url).content


def test_pages_carry_the_security_headers(client):
    response = client.get(reverse("core:home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp


def test_session_and_csrf_cookies_are_httponly(client):
    user = UserFactory()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"
