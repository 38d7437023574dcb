"""Sign-up is by invitation: an admin invites an address, the e-mail holds a one-time link."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.models import Invitation, Membership, User
from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, UserFactory, member
from constellate.core.models import AuditEvent
from constellate.initiatives.tests.support import NEW_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Houten", slug="houten")


@pytest.fixture
def admin(org):
    return member(org, OrgRole.ADMIN, display_name="Anna Admin")


def _invite(admin, org, email="nieuw@example.org", role="facilitator"):
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    return client.post(
        reverse("accounts:organisation_members", args=[org.slug]), {"email": email, "role": role}
    )


def _link(mail) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/invitation/[^/\s]+/)", mail.body)
    assert match, mail.body
    return match.group(1)


def _accept(client, link, **overrides):
    data = {"display_name": "Nieuwe Collega", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    data.update(overrides)
    return client.post(link, data)


def test_admin_invites_by_e_mail_with_a_link(org, admin, mailoutbox):
    response = _invite(admin, org, email="Nieuw@Example.org", role="partner")
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "nieuw@example.org"
    assert invitation.role == OrgRole.PARTNER
    assert invitation.invited_by == admin
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nieuw@example.org"]
    assert "Gemeente Houten" in mailoutbox[0].subject
    link = _link(mailoutbox[0])
    # Only the hash of the token is stored.
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert token not in invitation.token_hash
    assert AuditEvent.objects.filter(action="invitation.created", actor=admin).exists()


def test_invitation_link_creates_the_account_and_signs_in(org, admin, mailoutbox):
    _invite(admin, org, role="reporter")
    link = _link(mailoutbox[0])
    client = Client(raise_request_exception=False)
    page = client.get(link)
    assert page.status_code == 200
    assert "nieuw@example.org" in page.content.decode()
    response = _accept(client, link)
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:dashboard")
    user = User.objects.get(email="nieuw@example.org")
    assert user.display_name == "Nieuwe Collega"
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.get(user=user, organisation=org).role == OrgRole.REPORTER
    assert client.session[SESSION_KEY] == str(user.pk)
    assert Invitation.objects.get().accepted_at is not None
    assert AuditEvent.objects.filter(action="invitation.accepted", actor=user).exists()


def test_invitation_link_works_only_once(org, admin, mailoutbox):
    _invite(admin, org)
    link = _link(mailoutbox[0])
    _accept(Client(), link)
    again = Client(raise_request_exception=False)
    assert again.get(link).status_code == 404
    response = _accept(again, link, display_name="Iemand Anders")
    assert response.status_code == 404
    assert User.objects.filter(email="nieuw@example.org").count() == 1
    assert "accounts/invitation_invalid.html" in [t.name for t in response.templates]


def test_expired_invitation_link_gives_a_friendly_404(org, admin, mailoutbox):
    _invite(admin, org)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client = Client(raise_request_exception=False)
    response = client.get(_link(mailoutbox[0]))
    assert response.status_code == 404
    assert "accounts/invitation_invalid.html" in [t.name for t in response.templates]
    assert _accept(client, _link(mailoutbox[0])).status_code == 404
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_invitation_expires_after_fourteen_days(org, admin):
    _invite(admin, org)
    invitation = Invitation.objects.get()
    assert timedelta(days=13) < invitation.expires_at - timezone.now() <= timedelta(days=14)


def test_wrong_e_mail_signed_in_is_refused_with_a_message(org, admin, mailoutbox):
    _invite(admin, org)
    someone_else = UserFactory(email="iemand@example.org")
    client = Client(raise_request_exception=False)
    client.force_login(someone_else)
    link = _link(mailoutbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1
    assert not Membership.objects.filter(user=someone_else, organisation=org).exists()
    assert Invitation.objects.get().accepted_at is None


def test_signed_in_user_with_the_invited_address_joins_with_one_click(org, admin, mailoutbox):
    existing = member(OrganisationFactory(), email="nieuw@example.org")
    _invite(admin, org, role="observer")
    client = Client(raise_request_exception=False)
    client.force_login(existing)
    response = client.post(_link(mailoutbox[0]))
    assert response.status_code == 302
    assert Membership.objects.get(user=existing, organisation=org).role == OrgRole.OBSERVER


def test_existing_account_must_sign_in_before_accepting(org, admin, mailoutbox):
    UserFactory(email="nieuw@example.org")
    _invite(admin, org)
    client = Client(raise_request_exception=False)
    response = _accept(client, _link(mailoutbox[0]))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert User.objects.filter(email="nieuw@example.org").count() == 1
    assert not Membership.objects.filter(organisation=org, user__email="nieuw@example.org")


def test_inviting_a_current_member_shows_a_message_next_to_the_field(org, admin, mailoutbox):
    member(org, email="al-lid@example.org")
    response = _invite(admin, org, email="al-lid@example.org")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_inviting_again_replaces_the_open_invitation(org, admin, mailoutbox):
    _invite(admin, org)
    _invite(admin, org)
    assert Invitation.objects.count() == 1
    # Only the newest link works.
    assert Client().get(_link(mailoutbox[0])).status_code == 404
    assert Client().get(_link(mailoutbox[1])).status_code == 200


def test_admin_can_withdraw_an_invitation(org, admin, mailoutbox):
    _invite(admin, org)
    invitation = Invitation.objects.get()
    client = Client()
    client.force_login(admin)
    response = client.post(reverse("accounts:invitation_revoke", args=[org.slug, invitation.pk]))
    assert response.status_code == 302
    assert not Invitation.objects.exists()
    assert Client().get(_link(mailoutbox[0])).status_code == 404
    assert AuditEvent.objects.filter(action="invitation.revoked").exists()


def test_long_passphrases_work_when_accepting(org, admin, mailoutbox):
    _invite(admin, org)
    passphrase = "de trein naar utrecht vertrekt om acht uur vanaf spoor drie" + " echt waar" * 5
    assert len(passphrase) >= 100
    response = _accept(Client(), _link(mailoutbox[0]), password1=passphrase, password2=passphrase)
    assert response.status_code == 302
    assert User.objects.get(email="nieuw@example.org").check_password(passphrase)


@pytest.mark.parametrize(
    "password, field",
    [
        ("te kort wachtw", "password1"),
        ("password1234567", "password1"),
        ("", "password1"),
    ],
)
def test_weak_password_on_accepting_is_refused_next_to_the_field(
    org, admin, mailoutbox, password, field
):
    _invite(admin, org)
    response = _accept(Client(), _link(mailoutbox[0]), password1=password, password2=password)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not User.objects.filter(email="nieuw@example.org").exists()
    assert Invitation.objects.get().accepted_at is None


def test_different_passwords_on_accepting_are_refused(org, admin, mailoutbox):
    _invite(admin, org)
    response = _accept(Client(), _link(mailoutbox[0]), password2=NEW_PASSWORD + " anders")
    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    assert not User.objects.filter(email="nieuw@example.org").exists()
