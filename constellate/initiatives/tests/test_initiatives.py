"""Initiatives: starting one, editing it, its team, the lists and the dashboard."""

import pytest
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import MembershipFactory, OrganisationFactory, member
from constellate.core.models import AuditEvent
from constellate.initiatives import services
from constellate.initiatives.choices import Visibility
from constellate.initiatives.models import Initiative, InitiativeMembership
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)
from constellate.initiatives.tests.support import initiative_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Houten")


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_facilitator_starts_an_initiative_and_becomes_its_lead(org):
    facilitator = member(org, OrgRole.FACILITATOR)
    response = _client(facilitator).post(
        reverse("initiatives:create"), initiative_payload(title="Samen Werk Vinden!")
    )
    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:canvas_edit", args=[initiative.pk])
    assert initiative.organisation == org
    assert initiative.slug == "samen-werk-vinden"
    assert initiative.target_groups == ["Werkzoekenden", "Jongeren"]
    assert initiative.languages == ["nl", "en"]
    assert InitiativeMembership.objects.get(initiative=initiative).user == facilitator
    assert InitiativeMembership.objects.get(initiative=initiative).role == InitiativeRole.LEAD
    assert AuditEvent.objects.filter(action="initiative.created", actor=facilitator).exists()


def test_two_initiatives_with_the_same_title_get_different_links(org):
    admin = member(org, OrgRole.ADMIN)
    client = _client(admin)
    client.post(reverse("initiatives:create"), initiative_payload(title="Buurtzorg"))
    client.post(reverse("initiatives:create"), initiative_payload(title="Buurtzorg"))
    assert sorted(Initiative.objects.values_list("slug", flat=True)) == [
        "buurtzorg",
        "buurtzorg-2",
    ]


def test_someone_in_two_organisations_chooses_where_to_start(org):
    other = OrganisationFactory(name="Reclassering")
    user = member(org, OrgRole.FACILITATOR)
    MembershipFactory(organisation=other, user=user, role=OrgRole.ADMIN)
    client = _client(user)
    assert len(client.get(reverse("initiatives:create")).context["organisations"]) == 2
    client.post(reverse("initiatives:create"), initiative_payload(organisation=other.pk))
    assert Initiative.objects.get().organisation == other


def test_editing_changes_the_initiative_and_is_audited(org):
    initiative = InitiativeFactory(organisation=org, title="Oude titel")
    lead = member(org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    response = _client(lead).post(
        reverse("initiatives:edit", args=[initiative.pk]),
        initiative_payload(title="Nieuwe titel", visibility="private", status="running"),
    )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.title, initiative.visibility, initiative.status) == (
        "Nieuwe titel",
        "private",
        "running",
    )
    # The link keeps working: the slug does not follow the title.
    assert initiative.slug != "nieuwe-titel"
    assert AuditEvent.objects.filter(action="initiative.updated", actor=lead).exists()


def test_old_public_link_with_another_slug_redirects_to_the_current_one(org):
    initiative = InitiativeFactory(organisation=org, slug="juiste-naam")
    response = Client().get(reverse("initiatives:public_detail", args=[initiative.pk, "oud"]))
    assert response.status_code == 301
    assert response["Location"] == initiative.get_public_url()


def test_lead_adds_a_colleague_changes_the_role_and_removes_them(org):
    initiative = InitiativeFactory(organisation=org)
    lead = member(org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    colleague = member(org, OrgRole.REPORTER)
    client = _client(lead)
    url = reverse("initiatives:members", args=[initiative.pk])
    client.post(url, {"action": "add", "user": colleague.pk, "role": "reporter"})
    membership = InitiativeMembership.objects.get(initiative=initiative, user=colleague)
    assert membership.role == InitiativeRole.REPORTER
    client.post(url, {"action": "add", "user": colleague.pk, "role": "facilitator"})
    membership.refresh_from_db()
    assert membership.role == InitiativeRole.FACILITATOR
    client.post(url, {"action": "remove", "membership": membership.pk})
    assert not InitiativeMembership.objects.filter(pk=membership.pk).exists()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"initiative.member_set", "initiative.member_removed"} <= actions


def test_the_last_lead_cannot_leave_or_step_down(org):
    initiative = InitiativeFactory(organisation=org)
    lead = member(org)
    membership = InitiativeMembershipFactory(
        initiative=initiative, user=lead, role=InitiativeRole.LEAD
    )
    client = _client(lead)
    url = reverse("initiatives:members", args=[initiative.pk])
    response = client.post(url, {"action": "add", "user": lead.pk, "role": "observer"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    client.post(url, {"action": "remove", "membership": membership.pk})
    membership.refresh_from_db()
    assert membership.role == InitiativeRole.LEAD


def test_initiative_list_shows_what_the_person_may_see(org):
    observer = member(org, OrgRole.OBSERVER)
    partner = member(org, OrgRole.PARTNER)
    mine = InitiativeFactory(organisation=org, title="Met partner", visibility=Visibility.PRIVATE)
    InitiativeMembershipFactory(initiative=mine, user=partner, role=InitiativeRole.PARTNER)
    InitiativeFactory(organisation=org, title="Zonder partner", visibility=Visibility.PRIVATE)
    InitiativeFactory(title="Andere organisatie", visibility=Visibility.PUBLIC)

    def titles(user):
        return {i.title for i in _client(user).get(reverse("initiatives:list")).context["page"]}

    assert titles(observer) == {"Met partner", "Zonder partner"}
    assert titles(partner) == {"Met partner"}


def test_initiative_list_filters_by_search_and_status(org):
    admin = member(org, OrgRole.ADMIN)
    InitiativeFactory(organisation=org, title="Jeugdzorg samen", status="running")
    InitiativeFactory(organisation=org, title="Ouderen thuis", status="preparing")
    client = _client(admin)
    url = reverse("initiatives:list")
    assert [i.title for i in client.get(url, {"q": "jeugd"}).context["page"]] == ["Jeugdzorg samen"]
    assert [i.title for i in client.get(url, {"status": "preparing"}).context["page"]] == [
        "Ouderen thuis"
    ]
    assert len(client.get(url, {"status": "nonsense"}).context["page"]) == 2


def test_dashboard_shows_my_initiatives_and_what_needs_attention(org):
    lead = member(org, display_name="Lea Lead")
    with_activity = InitiativeFactory(organisation=org, title="Met activiteit")
    empty = InitiativeFactory(organisation=org, title="Nog leeg")
    for initiative in (with_activity, empty):
        InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    ActivityFactory(initiative=with_activity, title="Loopt nu")
    InitiativeFactory(organisation=org, title="Niet van mij")
    response = _client(lead).get(reverse("initiatives:dashboard"))
    context = response.context
    assert {i.title for i in context["mine"]} == {"Met activiteit", "Nog leeg"}
    assert [a.title for a in context["open_now"]] == ["Loopt nu"]
    assert [i.title for i in context["no_activity"]] == ["Nog leeg"]
    # Both canvases are empty.
    assert len(context["incomplete_canvas"]) == 2
    assert "Niet van mij" not in response.content.decode()


def test_canvas_save_updates_the_initiative_so_it_rises_in_the_list(org):
    admin = member(org, OrgRole.ADMIN)
    older = InitiativeFactory(organisation=org, title="Ouder")
    InitiativeFactory(organisation=org, title="Nieuwer")
    services.canvas_save(initiative=older, data={"context": {"place": "X"}}, author=admin)
    page = _client(admin).get(reverse("initiatives:list")).context["page"]
    assert [i.title for i in page][0] == "Ouder"


def test_private_initiative_has_a_preview_of_its_public_page_for_members(org):
    initiative = InitiativeFactory(organisation=org, visibility=Visibility.PRIVATE)
    admin = member(org, OrgRole.ADMIN)
    response = _client(admin).get(initiative.get_public_url())
    assert response.status_code == 200
    assert response.context["is_preview"] is True
    assert Client().get(initiative.get_public_url()).status_code == 404
