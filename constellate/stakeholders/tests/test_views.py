"""The pages as a user meets them: the referral form without an account (and its rate
limit), contacts and follow-ups on the dashboard, the overview panel, escaping, and query
counts that do not grow with the register."""

import datetime

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stakeholders.choices import Status
from constellate.stakeholders.models import Contact, Stakeholder
from constellate.stakeholders.tests.factories import ReferralLinkFactory, StakeholderFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def scene():
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    client.cookies["django_language"] = "en"
    return initiative, lead, client


def _anon():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    return client


def test_referral_form_adds_a_suggestion_without_an_account(scene):
    initiative, _lead, client = scene
    sharer = StakeholderFactory(initiative=initiative, name="Yusuf")
    link = ReferralLinkFactory(initiative=initiative, stakeholder=sharer)
    anon = _anon()
    url = reverse("stakeholders:refer", args=[link.token])
    page = anon.get(url).content.decode()
    assert "Who else should we talk to?" in page and "Yusuf" not in page
    response = anon.post(url, {"entity": "person", "name": "Oma Jet", "email": "jet@example.org"})
    assert response.status_code == 200
    assert "Tick the box" in response.content.decode()
    assert not Stakeholder.objects.filter(name="Oma Jet").exists()
    response = anon.post(
        url, {"entity": "person", "name": "Oma Jet", "reason": "<script>x</script>"}, follow=True
    )
    assert "Thank you" in response.content.decode()
    jet = Stakeholder.objects.get(name="Oma Jet")
    assert jet.status == Status.SUGGESTED and jet.introduced_by == sharer
    register = client.get(reverse("stakeholders:register", args=[initiative.pk])).content.decode()
    assert "Oma Jet" in register and "Suggested" in register
    detail = client.get(jet.get_absolute_url()).content.decode()
    assert "<script>x</script>" not in detail and "&lt;script&gt;" in detail


def test_unknown_and_closed_links_say_so():
    assert _anon().get(reverse("stakeholders:refer", args=["nope"])).status_code == 404
    link = ReferralLinkFactory(is_open=False)
    response = _anon().get(reverse("stakeholders:refer", args=[link.token]))
    assert response.status_code == 404 and "does not work" in response.content.decode()


@override_settings(STAKEHOLDER_REFERRALS_PER_HOUR=2)
def test_rate_limit_gives_a_clear_message(scene):
    initiative, _lead, _client = scene
    link = ReferralLinkFactory(initiative=initiative)
    url = reverse("stakeholders:refer", args=[link.token])
    anon = _anon()
    for n in range(2):
        assert anon.post(url, {"entity": "group", "name": f"Groep {n}"}).status_code == 302
    response = anon.post(url, {"entity": "group", "name": "Groep 3"})
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert Stakeholder.objects.count() == 2


def test_contact_with_follow_up_shows_on_the_dashboard_until_done(scene):
    initiative, _lead, client = scene
    s = StakeholderFactory(initiative=initiative, name="Henk")
    response = client.post(
        reverse("stakeholders:contact_add", args=[s.pk]),
        {
            "contact-kind": "door_to_door",
            "contact-happened_on": (TODAY - datetime.timedelta(days=5)).isoformat(),
            "contact-next_step": "Uitnodiging brengen",
            "contact-follow_up_on": (TODAY - datetime.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 302
    dashboard = client.get(reverse("initiatives:dashboard")).content.decode()
    assert "Follow-ups" in dashboard and "Henk" in dashboard and "overdue since" in dashboard
    contact = Contact.objects.get()
    client.post(reverse("stakeholders:follow_up_done", args=[contact.pk]))
    assert (
        "Uitnodiging brengen" not in client.get(reverse("initiatives:dashboard")).content.decode()
    )


def test_bad_contact_input_is_shown_next_to_the_field(scene):
    initiative, _lead, client = scene
    s = StakeholderFactory(initiative=initiative)
    response = client.post(
        reverse("stakeholders:contact_add", args=[s.pk]),
        {
            "contact-kind": "telepathy",
            "contact-happened_on": "gisteren",
            "contact-outcome": "x" * 5000,
        },
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Contact.objects.exists()


def test_overview_panel_and_tab(scene):
    initiative, _lead, client = scene
    StakeholderFactory(initiative=initiative, status=Status.SUGGESTED)
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert reverse("stakeholders:register", args=[initiative.pk]) in page
    assert "1 in all: 1 suggested" in page


def test_add_form_refuses_contact_details_without_consent(scene):
    initiative, _lead, client = scene
    response = client.post(
        reverse("stakeholders:add", args=[initiative.pk]),
        {
            "entity": "person",
            "name": "Zonder toestemming",
            "kind": "resident",
            "status": "contacted",
            "phone": "0612345678",
        },
    )
    assert response.status_code == 200
    assert "only be stored with consent" in response.content.decode()
    assert not Stakeholder.objects.exists()


def _grow(initiative, lead, n):
    existing = Stakeholder.objects.filter(initiative=initiative).count()
    first = Stakeholder.objects.filter(initiative=initiative).first()
    rows = Stakeholder.objects.bulk_create(
        Stakeholder(
            initiative=initiative, name=f"S{existing + i}", kind="resident", introduced_by=first
        )
        for i in range(n - existing)
    )
    Contact.objects.bulk_create(
        Contact(stakeholder=s, kind="call", happened_on=TODAY, by=lead, follow_up_on=TODAY)
        for s in rows
    )


@pytest.mark.parametrize("name", ["stakeholders:register", "stakeholders:contacts"])
def test_query_count_does_not_grow_with_the_register(scene, name):
    initiative, lead, client = scene
    StakeholderFactory(initiative=initiative, name="Eerste")
    counts = []
    for n in (10, 100):
        _grow(initiative, lead, n)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(name, args=[initiative.pk])).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1], counts


def test_detail_and_dashboard_query_counts_do_not_grow(scene):
    initiative, lead, client = scene
    s = StakeholderFactory(initiative=initiative, name="Eerste")
    counts = []
    # Past the dashboard's first ten follow-ups in both cases, so the total is counted.
    for n in (20, 100):
        _grow(initiative, lead, n)
        with CaptureQueriesContext(connection) as ctx:
            client.get(s.get_absolute_url())
            client.get(reverse("initiatives:dashboard"))
        counts.append(len(ctx))
    assert counts[0] == counts[1], counts
