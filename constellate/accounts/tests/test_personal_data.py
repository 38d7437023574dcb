"""A person's own data: the profile, the JSON export and erasure."""

import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from constellate.accounts import services
from constellate.accounts.models import Membership, Participant, User
from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.core.models import AuditEvent
from constellate.core.registry import registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Houten")


@pytest.fixture
def user(org):
    return member(
        org, OrgRole.FACILITATOR, email="petra@example.org", display_name="Petra de Vries"
    )


@pytest.fixture
def client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_export_is_a_json_download_with_the_users_data(client, user):
    participant, _secret = services.participant_create(user=user)
    response = client.get(reverse("accounts:profile_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"] == [
        {
            "email": "petra@example.org",
            "name": "Petra de Vries",
            "language": "nl",
            "joined": data["profile"][0]["joined"],
            "last_login": data["profile"][0]["last_login"],
        }
    ]
    assert data["profile"][0]["joined"]
    assert data["memberships"] == [
        {
            "organisation": "Gemeente Houten",
            "role": "facilitator",
            "since": data["memberships"][0]["since"],
        }
    ]
    assert data["participations"][0]["pseudonym"] == participant.pseudonym
    # Every kind of personal data in the registry is in the export.
    assert set(registry.personal_data) <= set(data)
    assert AuditEvent.objects.filter(action="personal_data.exported", actor=user).exists()


def test_export_holds_only_the_users_own_data(client, user, org):
    member(org, email="iemand-anders@example.org", display_name="Iemand Anders")
    body = client.get(reverse("accounts:profile_export")).content.decode()
    assert "iemand-anders@example.org" not in body
    assert "Iemand Anders" not in body


def test_erase_needs_the_confirmation_box(client, user):
    # What a browser sends with the box unticked: the form, without "confirm".
    response = client.post(reverse("accounts:profile_erase"), {"csrfmiddlewaretoken": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["confirm"]
    assert User.objects.filter(pk=user.pk).exists()


def test_erase_removes_the_account_its_memberships_and_participants(client, user):
    services.participant_create(user=user)
    anonymous_participant, _secret = services.participant_create()
    user_pk = user.pk
    response = client.post(reverse("accounts:profile_erase"), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert not User.objects.filter(pk=user_pk).exists()
    assert not Membership.objects.filter(user_id=user_pk).exists()
    assert list(Participant.objects.all()) == [anonymous_participant]
    # The fact is kept, the person is not.
    event = AuditEvent.objects.get(action="user.erased")
    assert event.actor is None
    assert event.detail == {"user_id": user_pk}
    assert "petra" not in json.dumps(event.detail)
    # Signed out.
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_profile_change_saves_and_switches_the_language(client, user):
    response = client.post(
        reverse("accounts:profile"), {"display_name": "Petra V.", "language": "en"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.language) == ("Petra V.", "en")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(reverse("accounts:profile"))
    assert '<html lang="en">' in page.content.decode()
