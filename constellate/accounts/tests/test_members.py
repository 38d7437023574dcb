"""The members of an organisation: who sees what, role changes, and the audit trail."""

import pytest
from django.test import Client
from django.urls import reverse

from constellate.accounts.models import Membership
from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory(slug="houten")


@pytest.fixture
def admin(org):
    return member(org, OrgRole.ADMIN, email="admin@houten.example")


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _members_url(org):
    return reverse("accounts:organisation_members", args=[org.slug])


def _change(client, org, membership, **data):
    return client.post(reverse("accounts:membership_change", args=[org.slug, membership.pk]), data)


def test_admin_sees_e_mail_addresses_and_the_viewing_is_audited(org, admin):
    colleague = member(org, OrgRole.PARTNER, email="partner@houten.example")
    response = _client(admin).get(_members_url(org))
    assert response.status_code == 200
    assert "partner@houten.example" in response.content.decode()
    event = AuditEvent.objects.get(action="personal_data.viewed")
    assert event.actor == admin
    assert event.organisation_id == org.pk
    assert event.detail == {"what": "member list"}
    assert colleague.display_name in response.content.decode()


@pytest.mark.parametrize("role", [OrgRole.FACILITATOR, OrgRole.REPORTER, OrgRole.PARTNER])
def test_other_members_see_names_but_not_e_mail_addresses(org, admin, role):
    viewer = member(org, role, email="viewer@houten.example")
    response = _client(viewer).get(_members_url(org))
    assert response.status_code == 200
    body = response.content.decode()
    assert "admin@houten.example" not in body
    assert "viewer@houten.example" in body  # one's own address
    assert response.context["form"] is None
    assert not AuditEvent.objects.filter(action="personal_data.viewed").exists()


def test_admin_changes_a_role_and_it_is_audited(org, admin):
    colleague = member(org, OrgRole.OBSERVER)
    membership = Membership.objects.get(user=colleague)
    response = _change(_client(admin), org, membership, action="role", role="facilitator")
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == OrgRole.FACILITATOR
    event = AuditEvent.objects.get(action="membership.role_changed")
    assert event.actor == admin
    assert event.detail == {"role": "facilitator"}


def test_admin_removes_a_member_and_it_is_audited(org, admin):
    colleague = member(org, OrgRole.OBSERVER)
    membership = Membership.objects.get(user=colleague)
    response = _change(_client(admin), org, membership, action="remove")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action="membership.removed", actor=admin).exists()


def test_the_last_admin_cannot_step_down_or_be_removed(org, admin):
    membership = Membership.objects.get(user=admin)
    client = _client(admin)
    response = _change(client, org, membership, action="role", role="observer")
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == OrgRole.ADMIN
    page = client.get(response["Location"])
    assert len(list(page.context["messages"])) == 1
    _change(client, org, membership, action="remove")
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_can_step_down_when_there_is_another_admin(org, admin):
    member(org, OrgRole.ADMIN)
    membership = Membership.objects.get(user=admin)
    _change(_client(admin), org, membership, action="role", role="facilitator")
    assert Membership.objects.get(pk=membership.pk).role == OrgRole.FACILITATOR


@pytest.mark.parametrize("role", ["superuser", "", "ADMIN", "admin ", "<script>"])
def test_unknown_role_is_refused_with_a_message(org, admin, role):
    colleague = member(org, OrgRole.OBSERVER)
    membership = Membership.objects.get(user=colleague)
    client = _client(admin)
    response = _change(client, org, membership, action="role", role=role)
    assert response.status_code == 302
    assert Membership.objects.get(pk=membership.pk).role == OrgRole.OBSERVER
    page = client.get(response["Location"])
    assert [m.level_tag for m in page.context["messages"]] == ["error"]


def test_membership_of_another_organisation_cannot_be_changed_through_this_one(org, admin):
    other_org = OrganisationFactory()
    stranger = member(other_org, OrgRole.OBSERVER)
    membership = Membership.objects.get(user=stranger)
    response = _change(_client(admin), org, membership, action="role", role="admin")
    assert response.status_code == 404
    response = _change(_client(admin), org, membership, action="remove")
    assert response.status_code == 404
    assert Membership.objects.get(pk=membership.pk).role == OrgRole.OBSERVER
    # And the admin of this organisation cannot act through the other one's address.
    response = _change(_client(admin), other_org, membership, action="role", role="admin")
    assert response.status_code == 403
    assert Membership.objects.get(pk=membership.pk).role == OrgRole.OBSERVER


def test_unknown_organisation_gives_404(admin):
    response = _client(admin).get(reverse("accounts:organisation_members", args=["bestaat-niet"]))
    assert response.status_code == 404


def test_profile_lists_only_ones_own_organisations(org, admin):
    other = OrganisationFactory(name="Andere Gemeente")
    member(other)
    response = _client(admin).get(reverse("accounts:profile"))
    assert list(response.context["organisations"]) == [org]
    assert "Andere Gemeente" not in response.content.decode()
