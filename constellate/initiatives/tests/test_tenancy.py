"""Organisations are tenants: nothing of organisation A reaches people of organisation B."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from constellate.accounts import services as account_services
from constellate.accounts.models import Invitation
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives import selectors, services
from constellate.initiatives.choices import Visibility
from constellate.initiatives.models import Activity, Initiative, InitiativeMembership
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)
from constellate.initiatives.tests.support import activity_payload, initiative_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_a():
    return OrganisationFactory(name="Organisatie A", slug="org-a")


@pytest.fixture
def org_b():
    return OrganisationFactory(name="Organisatie B", slug="org-b")


@pytest.fixture
def person_a(org_a):
    return member(org_a, OrgRole.FACILITATOR, display_name="Anouk van A", email="anouk@a.example")


@pytest.fixture
def admin_b(org_b):
    return member(org_b, OrgRole.ADMIN)


@pytest.fixture
def private_a(org_a, person_a):
    initiative = InitiativeFactory(
        organisation=org_a, title="Geheim van A", visibility=Visibility.PRIVATE
    )
    InitiativeMembershipFactory(initiative=initiative, user=person_a, role=InitiativeRole.LEAD)
    return initiative


@pytest.fixture
def initiative_b(org_b, admin_b):
    return InitiativeFactory(organisation=org_b, title="Van B")


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_admin_of_b_cannot_add_a_person_of_a_to_bs_initiative(admin_b, person_a, initiative_b):
    response = _client(admin_b).post(
        reverse("initiatives:members", args=[initiative_b.pk]),
        {"action": "add", "user": person_a.pk, "role": "facilitator"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["user"]
    assert not InitiativeMembership.objects.filter(user=person_a, initiative=initiative_b)
    # The choice list does not even name people of A.
    assert "Anouk van A" not in response.content.decode()


def test_the_service_refuses_a_member_of_another_organisation(admin_b, person_a, initiative_b):
    with pytest.raises(ValidationError) as exc:
        services.initiative_member_set(
            initiative=initiative_b, user=person_a, role="observer", actor=admin_b
        )
    assert "user" in exc.value.message_dict
    assert not InitiativeMembership.objects.filter(user=person_a).exclude(
        initiative__organisation__slug="org-a"
    )


def test_admin_of_b_cannot_see_as_private_initiative_anywhere(admin_b, private_a):
    client = _client(admin_b)
    for name in (
        "detail",
        "edit",
        "members",
        "canvas",
        "canvas_edit",
        "canvas_history",
        "canvas_compare",
        "canvas_print",
        "activity_create",
    ):
        response = client.get(reverse(f"initiatives:{name}", args=[private_a.pk]))
        assert response.status_code == 404, name
        assert "Geheim van A" not in response.content.decode()
    for url in ("/initiatives/", "/initiatives/?q=Geheim", "/dashboard/", "/p/", "/p/?q=Geheim"):
        assert "Geheim van A" not in client.get(url).content.decode(), url
    assert private_a not in selectors.initiative_list_for_user(user=admin_b)


def test_admin_of_b_cannot_open_as_activity_pages(admin_b, private_a):
    activity = ActivityFactory(initiative=private_a, title="Activiteit van A")
    client = _client(admin_b)
    for name in ("activity_detail", "activity_edit", "activity_delete", "activity_qr"):
        url = reverse(f"initiatives:{name}", args=[activity.pk])
        assert client.get(url).status_code == 404, name
    client.post(reverse("initiatives:activity_delete", args=[activity.pk]))
    client.post(
        reverse("initiatives:activity_edit", args=[activity.pk]), activity_payload(title="Weg")
    )
    activity.refresh_from_db()
    assert activity.title == "Activiteit van A"


def test_even_a_public_initiative_of_a_is_read_only_for_b(admin_b, org_a):
    public_a = InitiativeFactory(organisation=org_a, visibility=Visibility.PUBLIC)
    client = _client(admin_b)
    assert client.get(public_a.get_public_url()).status_code == 200
    assert client.get(reverse("initiatives:detail", args=[public_a.pk])).status_code == 404
    response = client.post(
        reverse("initiatives:edit", args=[public_a.pk]), initiative_payload(title="Overgenomen")
    )
    assert response.status_code == 404
    assert Initiative.objects.get(pk=public_a.pk).title != "Overgenomen"


def test_as_private_initiative_is_not_on_the_public_list_and_its_page_is_404(private_a):
    ActivityFactory(initiative=private_a)
    anonymous = Client(raise_request_exception=False)
    assert "Geheim van A" not in anonymous.get(reverse("initiatives:public_list")).content.decode()
    assert private_a not in selectors.public_initiative_list()
    response = anonymous.get(private_a.get_public_url())
    assert response.status_code == 404
    assert "Geheim van A" not in response.content.decode()


def test_admin_of_b_cannot_create_an_initiative_in_a(admin_b, org_a, org_b):
    _client(admin_b).post(
        reverse("initiatives:create"),
        initiative_payload(organisation=org_a.pk, title="Ingebroken"),
    )
    created = Initiative.objects.get(title="Ingebroken")
    assert created.organisation == org_b


def test_admin_of_b_cannot_see_or_change_as_members_or_invitations(admin_b, org_a, org_b):
    invitation, _token = account_services.invitation_create(
        organisation=org_a,
        email="nieuw@a.example",
        role="observer",
        invited_by=member(org_a, OrgRole.ADMIN),
    )
    client = _client(admin_b)
    members_a = client.get(reverse("accounts:organisation_members", args=[org_a.slug]))
    assert members_a.status_code == 403
    assert "anouk@a.example" not in members_a.content.decode()
    for slug, expected in ((org_a.slug, 403), (org_b.slug, 404)):
        response = client.post(reverse("accounts:invitation_revoke", args=[slug, invitation.pk]))
        assert response.status_code == expected
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_run_by_from_another_organisation_is_refused_by_the_service(person_a, private_a, admin_b):
    with pytest.raises(ValidationError) as exc:
        services.activity_create(
            initiative=private_a,
            actor=person_a,
            title="Test",
            kind="workshop",
            purpose="Test",
            opens_on="2026-01-01",
            phases=["co_design"],
            setting="online",
            run_by=admin_b,
        )
    assert "run_by" in exc.value.message_dict
    assert not Activity.objects.exists()


def test_joining_through_as_link_does_not_make_someone_of_b_a_member(admin_b, private_a):
    activity = ActivityFactory(initiative=private_a)
    client = _client(admin_b)
    client.post(reverse("initiatives:join", args=[activity.join_token]))
    assert client.get(reverse("initiatives:detail", args=[private_a.pk])).status_code == 404
    assert not InitiativeMembership.objects.filter(user=admin_b, initiative=private_a).exists()
