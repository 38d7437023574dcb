"""Counting who took part: per target group, channel, place and period, from link
participations, off-line counts and registered contributions; expected shares; flags; the
rule that public figures show only groups of at least five."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import member
from constellate.core.registry import ContributionType, registry
from constellate.initiatives.choices import Setting
from constellate.initiatives.tests.factories import ActivityFactory, InitiativeFactory
from constellate.participation import selectors, services
from constellate.participation.tests.factories import OfflineCountFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

C, J, OLD = "Huurders blok C", "Jongeren", "Ouderen"
MARCH = datetime.date(2025, 3, 12)  # a Wednesday
APRIL = datetime.date(2025, 4, 2)


@pytest.fixture
def scene():
    initiative = InitiativeFactory(target_groups=[C, J, OLD])
    online = ActivityFactory(initiative=initiative, setting=Setting.ONLINE, location="")
    doors = ActivityFactory(initiative=initiative, setting=Setting.DOOR_TO_DOOR, location="Blok C")
    hall = ActivityFactory(initiative=initiative, setting=Setting.PLACE, location="Wijkhuis")
    # Another initiative's figures never count here.
    ParticipationFactory.create_batch(3, target_group=C)
    return initiative, online, doors, hall


def test_counts_per_group_channel_place_and_month_from_all_sources(scene):
    initiative, online, doors, hall = scene
    ParticipationFactory.create_batch(3, activity=online, target_group=J, joined_on=MARCH)
    ParticipationFactory(activity=online, target_group="", joined_on=APRIL)
    ParticipationFactory(activity=hall, target_group=J, joined_on=APRIL)
    # A group that is no longer a target group counts as "not said".
    ParticipationFactory(activity=hall, target_group="Vroegere groep", joined_on=APRIL)
    OfflineCountFactory(activity=doors, held_on=APRIL, people=14, groups={C: 9})
    tally = selectors.participation_tally(initiative=initiative)
    assert tally.total == 3 + 1 + 1 + 1 + 14
    assert tally.by_group() == {J: 4, C: 9, "": 7}
    assert tally.by_channel() == {"online": 4, "place": 2, "door_to_door": 14}
    assert tally.by_place() == {"": 4, "Wijkhuis": 2, "Blok C": 14}
    march, april = datetime.date(2025, 3, 1), datetime.date(2025, 4, 1)
    assert tally.periods() == [march, april]
    per_period = tally.by_period_group()
    assert per_period[(march, J)] == 3
    assert per_period[(april, C)] == 9
    assert per_period[(april, "")] == 1 + 1 + 5


def test_counts_per_week_start_on_monday_and_keep_empty_weeks(scene):
    initiative, online, _doors, _hall = scene
    ParticipationFactory(activity=online, target_group=J, joined_on=MARCH)
    ParticipationFactory(activity=online, target_group=J, joined_on=MARCH + datetime.timedelta(14))
    tally = selectors.participation_tally(initiative=initiative, period="week")
    monday = datetime.date(2025, 3, 10)
    assert tally.periods() == [monday + datetime.timedelta(weeks=n) for n in range(3)]
    assert tally.by_period_group() == {(monday, J): 1, (monday + datetime.timedelta(14), J): 1}


def test_contributions_of_participants_count_under_not_said_without_a_group_hook(scene):
    from constellate.compass.tests.factories import framework, open_round, respond_as_participants

    initiative, _online, _doors, _hall = scene
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    framework(initiative.organisation)
    round_ = open_round(initiative, lead)
    respond_as_participants(round_, "citizens", 2, round_.elements.all())
    tally = selectors.participation_tally(initiative=initiative)
    assert tally.by_group() == {"": 2}
    assert tally.by_channel() == {selectors.NO_CHANNEL: 2}


def test_a_contribution_type_can_report_its_target_group_and_activity(scene, monkeypatch):
    initiative, online, _doors, _hall = scene
    ParticipationFactory.create_batch(2, activity=online, target_group=OLD, joined_on=MARCH)
    monkeypatch.setattr(
        registry,
        "contribution_types",
        {
            "note": ContributionType(
                key="note",
                label=_("Note"),
                model="participation.Participation",
                date_field="joined_on",
                target_group_field="target_group",
            )
        },
    )
    tally = selectors.participation_tally(initiative=initiative)
    # Each record counts once as a participation and once as the pretend contribution.
    assert tally.by_group() == {OLD: 4}
    assert tally.by_channel() == {"online": 4}


def test_expected_shares_default_to_equal_and_blanks_share_the_rest(scene):
    initiative, *_ = scene
    assert selectors.expected_shares_for(initiative=initiative) == pytest.approx(
        {C: 100 / 3, J: 100 / 3, OLD: 100 / 3}
    )
    staff = member(initiative.organisation, OrgRole.FACILITATOR)
    services.expected_shares_set(initiative=initiative, actor=staff, shares={C: 50})
    assert selectors.expected_shares_for(initiative=initiative) == {C: 50, J: 25, OLD: 25}


def test_missing_and_under_represented_groups_are_flagged_with_suggestions(scene):
    initiative, online, doors, hall = scene
    staff = member(initiative.organisation, OrgRole.FACILITATOR)
    services.expected_shares_set(initiative=initiative, actor=staff, shares={C: 50, J: 30, OLD: 20})
    ParticipationFactory.create_batch(16, activity=online, target_group=J, joined_on=MARCH)
    ParticipationFactory.create_batch(3, activity=hall, target_group=OLD, joined_on=MARCH)
    OfflineCountFactory(activity=doors, held_on=MARCH, people=4, groups={OLD: 1})
    with translation.override("en"):
        report = selectors.missing_voices(initiative=initiative)
    lines = {line.group: line for line in report.lines}
    assert report.said_total == 20
    assert report.not_said == 3
    assert lines[C].flagged and lines[C].count == 0
    assert lines[C].message == "Nobody from “Huurders blok C” has taken part yet."
    assert not lines[J].flagged  # 80% against 30% expected
    assert lines[OLD].share == 20 and not lines[OLD].flagged  # exactly as expected
    suggestions = [(w["group"], w["channel"], w["place"]) for w in lines[C].worked_for_others]
    assert suggestions[0] == (J, "Online", "")
    assert (OLD, "At a place", "Wijkhuis") in suggestions
    assert (OLD, "Door to door", "Blok C") in suggestions
    # Fewer than half of the expected share: under-represented, with how it was reached.
    services.expected_shares_set(initiative=initiative, actor=staff, shares={C: 10, J: 20, OLD: 70})
    with translation.override("en"):
        report = selectors.missing_voices(initiative=initiative)
    lines = {line.group: line for line in report.lines}
    assert lines[OLD].flagged and "under-represented: 20% " in lines[OLD].message
    assert "70% was expected" in lines[OLD].message
    assert [(w["channel"], w["count"]) for w in lines[OLD].reached_by] == [
        ("At a place", 3),
        ("Door to door", 1),
    ]


def test_a_group_expected_at_zero_is_never_flagged(scene):
    initiative, online, *_ = scene
    staff = member(initiative.organisation, OrgRole.FACILITATOR)
    services.expected_shares_set(initiative=initiative, actor=staff, shares={C: 0})
    ParticipationFactory(activity=online, target_group=J)
    report = selectors.missing_voices(initiative=initiative)
    assert [line.group for line in report.flagged] == [OLD]


def test_public_figures_leave_out_groups_under_five(scene):
    initiative, online, doors, _hall = scene
    ParticipationFactory.create_batch(4, activity=online, target_group=J)
    ParticipationFactory.create_batch(5, activity=online, target_group=OLD)
    OfflineCountFactory(activity=doors, people=8, groups={C: 4})
    assert selectors.public_group_counts(initiative=initiative) == [(OLD, 5)]
    OfflineCountFactory(activity=doors, people=1, groups={J: 1})
    assert selectors.public_group_counts(initiative=initiative) == [(J, 5), (OLD, 5)]
