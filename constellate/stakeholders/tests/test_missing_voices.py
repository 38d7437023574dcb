"""The register feeds "who is missing" (participation app) through the registry: contacts
logged with stakeholders of a target group count as times that group took part, by kind of
contact and place; stakeholders known but not reached yet are shown per group; a target group
is recorded on a stakeholder only from the initiative's own groups, also through a referral
link."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.participation import selectors as participation
from constellate.stakeholders import services
from constellate.stakeholders.choices import ContactKind, Kind, Status
from constellate.stakeholders.models import Stakeholder
from constellate.stakeholders.tests.factories import (
    ContactFactory,
    ReferralLinkFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db

C, J = "Huurders blok C", "Jongeren"
MAY = datetime.date(2025, 5, 14)


@pytest.fixture
def scene():
    initiative = InitiativeFactory(target_groups=[C, J])
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    return initiative, lead


def test_contacts_with_stakeholders_of_a_group_count_as_taking_part(scene):
    initiative, _lead = scene
    young = StakeholderFactory(initiative=initiative, target_group=J, reach_place="Skatepark")
    ContactFactory(stakeholder=young, kind=ContactKind.DOOR_TO_DOOR, happened_on=MAY)
    ContactFactory(stakeholder=young, kind=ContactKind.CALL, happened_on=MAY)
    ContactFactory(stakeholder=young, kind=ContactKind.VISIT, happened_on=MAY)
    # Staff and organisations without a target group are not the voices looked for.
    alderman = StakeholderFactory(initiative=initiative, kind=Kind.POLITICIAN)
    ContactFactory(stakeholder=alderman, happened_on=MAY)
    # Another initiative's contacts never count here.
    ContactFactory(stakeholder=StakeholderFactory(target_group=J), happened_on=MAY)

    tally = participation.participation_tally(initiative=initiative)
    assert tally.by_group() == {J: 3}
    assert tally.by_place() == {"Skatepark": 3}
    with translation.override("en"):
        channels = {participation.channel_label(c): n for c, n in tally.by_channel().items()}
    # A door-to-door round and a call are the same ways as those of activities; a home visit
    # is a way of its own.
    assert channels == {"Door to door": 1, "By phone": 1, "Visit": 1}
    assert tally.periods() == [datetime.date(2025, 5, 1)]


def test_missing_view_shows_who_is_known_but_not_reached_yet(scene):
    initiative, lead = scene
    StakeholderFactory.create_batch(
        2, initiative=initiative, target_group=C, status=Status.SUGGESTED
    )
    StakeholderFactory(initiative=initiative, target_group=C, status=Status.ENGAGED)
    report = participation.missing_voices(initiative=initiative)
    line = next(x for x in report.lines if x.group == C)
    assert (line.known, line.waiting) == (3, 2)
    assert line.flagged

    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(lead)
    page = client.get(reverse("participation:missing", args=[initiative.pk])).content.decode()
    assert "2 stakeholders of this group are in the register but have not been reached yet." in (
        page
    )
    register = reverse("stakeholders:register", args=[initiative.pk])
    assert f'href="{register}?group=Huurders%20blok%20C"' in page
    # The link opens the register filtered on that group.
    listed = client.get(register, {"group": C}).content.decode()
    assert listed.count("Bewoner") == 3


def test_only_the_initiatives_own_groups_can_be_recorded(scene):
    initiative, lead = scene
    with pytest.raises(ValidationError) as error:
        services.stakeholder_create(
            initiative=initiative, actor=lead, name="Amal", kind=Kind.RESIDENT, target_group="X"
        )
    assert "target_group" in error.value.message_dict
    assert not Stakeholder.objects.exists()
    kept = services.stakeholder_create(
        initiative=initiative, actor=lead, name="Amal", kind=Kind.RESIDENT, target_group=J
    )
    # A group the initiative later drops stays on the record until someone changes it.
    initiative.target_groups = [C]
    initiative.save()
    services.stakeholder_update(stakeholder=kept, actor=lead, notes="Wil meedoen", target_group=J)
    kept.refresh_from_db()
    assert kept.target_group == J


def test_a_referral_can_say_which_group_the_suggested_person_belongs_to(scene):
    initiative, lead = scene
    link = ReferralLinkFactory(initiative=initiative, created_by=lead)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("stakeholders:refer", args=[link.token])
    form = client.get(url).content.decode()
    assert "Do they belong to one of these groups? (optional)" in form and J in form
    client.post(url, {"entity": "person", "name": "De buurvrouw", "target_group": J})
    bad = client.post(url, {"entity": "person", "name": "Iemand", "target_group": "Verzonnen"})
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()
    suggested = Stakeholder.objects.get(initiative=initiative)
    assert (suggested.name, suggested.target_group, suggested.status) == (
        "De buurvrouw",
        J,
        Status.SUGGESTED,
    )
    line = next(
        x for x in participation.missing_voices(initiative=initiative).lines if x.group == J
    )
    assert (line.known, line.waiting) == (1, 1)
