"""The rules of the register: consent before contact details, the snowball chain, forgetting,
engagement history, relations, referral links and their rate limit."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone, translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.core.models import AuditEvent
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stakeholders import selectors, services
from constellate.stakeholders.choices import Entity, Kind, Level, Status
from constellate.stakeholders.models import Contact, EngagementChange, Stakeholder
from constellate.stakeholders.tests.factories import (
    ContactFactory,
    ReferralLinkFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def scene():
    org = OrganisationFactory()
    lead = member(org, OrgRole.FACILITATOR)
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    return initiative, lead


def test_contact_details_are_refused_without_consent(scene):
    initiative, lead = scene
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.stakeholder_create(
            initiative=initiative, actor=lead, name="Fatima", kind=Kind.RESIDENT, phone="0612345678"
        )
    assert "only be stored with consent" in str(exc.value.message_dict["phone"])
    assert not Stakeholder.objects.exists()
    s = services.stakeholder_create(
        initiative=initiative,
        actor=lead,
        name="Fatima",
        kind=Kind.RESIDENT,
        phone="0612345678",
        consent_purpose="Uitnodigingen voor de werkplaats",
        consent_on=TODAY,
    )
    assert s.phone == "0612345678"
    # Removing the consent while details remain is refused too.
    with pytest.raises(ValidationError):
        services.stakeholder_update(stakeholder=s, actor=lead, consent_on=None)


def test_group_needs_no_personal_data(scene):
    initiative, lead = scene
    s = services.stakeholder_create(
        initiative=initiative,
        actor=lead,
        entity=Entity.GROUP,
        description="Wandelgroep dinsdagochtend",
        kind=Kind.RESIDENT,
        roles=["user", "beneficiary"],
        strengths=["kent de wijk", "kent de wijk", "heeft een ruimte"],
    )
    assert s.name == "" and s.strengths == ["kent de wijk", "heeft een ruimte"]
    assert s.roles == ["user", "beneficiary"]


def test_bad_choices_and_circles_are_refused(scene):
    initiative, lead = scene
    with pytest.raises(ValidationError) as exc:
        services.stakeholder_create(
            initiative=initiative, actor=lead, name="X", kind="alien", roles=["overlord"]
        )
    assert {"kind", "roles"} <= set(exc.value.message_dict)
    a = StakeholderFactory(initiative=initiative)
    b = StakeholderFactory(initiative=initiative, introduced_by=a)
    c = StakeholderFactory(initiative=initiative, introduced_by=b)
    with pytest.raises(ValidationError) as exc:
        services.stakeholder_update(stakeholder=a, actor=lead, introduced_by=c)
    assert "introduced_by" in exc.value.message_dict
    other = StakeholderFactory()
    with pytest.raises(ValidationError):
        services.stakeholder_update(stakeholder=a, actor=lead, introduced_by=other)


def test_reached_via_follows_the_introduced_by_chain(scene):
    initiative, _lead = scene
    a = StakeholderFactory(initiative=initiative, name="Anna")
    b = StakeholderFactory(initiative=initiative, name="Bram", introduced_by=a)
    c = StakeholderFactory(initiative=initiative, name="Cor", introduced_by=b)
    assert [step["label"] for step in selectors.reached_via(c, show_names=True)] == [
        "Anna",
        "Bram",
    ]
    assert selectors.reached_via(a, show_names=True) == []
    hidden = selectors.reached_via(c, show_names=False)
    assert all("Anna" not in step["label"] and "Bram" not in step["label"] for step in hidden)
    nodes, _edges = selectors.network_for_initiative(initiative=initiative)
    chains = {node["id"]: node["reached_via"] for node in nodes}
    assert chains == {a.pk: [], b.pk: [a.pk], c.pk: [a.pk, b.pk]}


def test_network_hides_person_names_unless_asked(scene):
    initiative, _lead = scene
    a = StakeholderFactory(initiative=initiative, name="Anna Geheim")
    g = StakeholderFactory(
        initiative=initiative,
        name="Buurtcentrum De Brug",
        entity=Entity.ORGANISATION,
        kind=Kind.NGO,
        introduced_by=a,
    )
    services.Relation.objects.create(initiative=initiative, source=a, target=g, kind="trusts")
    nodes, edges = selectors.network_for_initiative(initiative=initiative)
    labels = {n["id"]: n["label"] for n in nodes}
    assert "Anna" not in labels[a.pk] and labels[g.pk] == "Buurtcentrum De Brug"
    assert {"source": a.pk, "target": g.pk, "kind": "introduced"} in edges
    assert {"source": a.pk, "target": g.pk, "kind": "trusts"} in edges
    assert next(n for n in nodes if n["id"] == g.pk)["reached_via"] == [a.pk]
    named, _ = selectors.network_for_initiative(initiative=initiative, show_names=True)
    assert {n["label"] for n in named} == {"Anna Geheim", "Buurtcentrum De Brug"}


def test_level_changes_are_kept_with_who_and_when(scene):
    initiative, lead = scene
    s = services.stakeholder_create(
        initiative=initiative, actor=lead, name="Piet", kind=Kind.RESIDENT, level=Level.INFORMED
    )
    services.stakeholder_update(stakeholder=s, actor=lead, level=Level.CONSULTED)
    services.stakeholder_update(stakeholder=s, actor=lead, notes="zelfde niveau")
    history = list(EngagementChange.objects.filter(stakeholder=s).order_by("pk"))
    assert [(h.previous, h.level) for h in history] == [
        ("", Level.INFORMED),
        (Level.INFORMED, Level.CONSULTED),
    ]
    assert all(h.changed_by == lead for h in history)


def test_forget_erases_personal_fields_and_keeps_the_node(scene):
    initiative, lead = scene
    a = StakeholderFactory(initiative=initiative)
    s = StakeholderFactory(
        initiative=initiative,
        name="Ans de Vries",
        phone="0611111111",
        consent_purpose="x",
        consent_on=TODAY,
        notes="woont naast de bakker",
        strengths=["bakt taarten"],
        introduced_by=a,
    )
    ContactFactory(stakeholder=s, outcome="Ans vertelde over haar zoon")
    services.stakeholder_forget(stakeholder=s, actor=lead)
    s.refresh_from_db()
    assert (s.name, s.phone, s.notes, s.strengths, s.consent_on) == ("", "", "", [], None)
    assert s.introduced_by == a and s.forgotten_at is not None
    assert Contact.objects.get(stakeholder=s).outcome == ""
    assert AuditEvent.objects.filter(action="stakeholder_forgotten").exists()
    with pytest.raises(ValidationError):
        services.stakeholder_update(stakeholder=s, actor=lead, name="Ans")


def test_only_editors_forget_and_other_orgs_cannot_write(scene):
    initiative, _lead = scene
    s = StakeholderFactory(initiative=initiative)
    reporter = member(initiative.organisation, OrgRole.REPORTER)
    InitiativeMembershipFactory(initiative=initiative, user=reporter, role=InitiativeRole.REPORTER)
    outsider = member(OrganisationFactory(), OrgRole.ADMIN)
    with pytest.raises(PermissionDenied):
        services.stakeholder_forget(stakeholder=s, actor=reporter)
    with pytest.raises(PermissionDenied):
        services.stakeholder_create(initiative=initiative, actor=outsider, name="X", kind="other")
    # A reporter may add, and edit what they recorded, but not set the engagement level.
    mine = services.stakeholder_create(
        initiative=initiative, actor=reporter, name="Mijn bron", kind=Kind.RESIDENT
    )
    services.stakeholder_update(stakeholder=mine, actor=reporter, level=Level.CO_DECIDING)
    mine.refresh_from_db()
    assert mine.level == ""
    with pytest.raises(PermissionDenied):
        services.stakeholder_update(stakeholder=s, actor=reporter, notes="x")


def test_contact_moves_a_suggestion_to_contacted_and_checks_dates(scene):
    initiative, lead = scene
    s = StakeholderFactory(initiative=initiative, status=Status.SUGGESTED)
    with pytest.raises(ValidationError) as exc:
        services.contact_create(
            stakeholder=s,
            actor=lead,
            kind="call",
            happened_on=TODAY,
            follow_up_on=TODAY - datetime.timedelta(days=2),
        )
    assert "follow_up_on" in exc.value.message_dict
    services.contact_create(
        stakeholder=s,
        actor=lead,
        kind="visit",
        happened_on=TODAY,
        next_step="Terugbellen",
        follow_up_on=TODAY,
    )
    s.refresh_from_db()
    assert s.status == Status.CONTACTED
    shown, total = selectors.follow_ups_for_user(user=lead, today=TODAY)
    assert total == 1 and shown[0].next_step == "Terugbellen"


def test_referral_creates_a_suggestion_introduced_by_the_sharer(scene):
    initiative, _lead = scene
    sharer = StakeholderFactory(initiative=initiative, name="Yusuf")
    link = ReferralLinkFactory(initiative=initiative, stakeholder=sharer)
    s = services.referral_submit(
        link=link, name="De moskee-vrijwilligers", reason="Kennen iedereen"
    )
    assert s.status == Status.SUGGESTED and s.introduced_by == sharer and s.referral == link
    # Contact details without the consent tick are refused, not silently dropped.
    with pytest.raises(ValidationError) as exc:
        services.referral_submit(link=link, name="Els", phone="0612345678")
    assert "consent" in exc.value.message_dict
    with_consent = services.referral_submit(link=link, name="Els", phone="0612345678", consent=True)
    assert with_consent.phone and with_consent.consent_on == TODAY


@override_settings(STAKEHOLDER_REFERRALS_PER_HOUR=3)
def test_referral_link_is_rate_limited_per_hour(scene):
    initiative, _lead = scene
    link = ReferralLinkFactory(initiative=initiative)
    for n in range(3):
        services.referral_submit(link=link, name=f"Buur {n}")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.referral_submit(link=link, name="Buur 4")
    assert exc.value.code == "rate_limited" and "last hour" in exc.value.messages[0]
    Stakeholder.objects.filter(referral=link).update(
        created_at=timezone.now() - datetime.timedelta(hours=2)
    )
    services.referral_submit(link=link, name="Buur 4")


def test_closed_link_takes_nothing(scene):
    initiative, _lead = scene
    link = ReferralLinkFactory(initiative=initiative, is_open=False)
    with pytest.raises(ValidationError):
        services.referral_submit(link=link, name="Iemand")
    assert not Stakeholder.objects.exists()
