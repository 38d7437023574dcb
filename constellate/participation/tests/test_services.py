"""Recording participation, off-line counts and expected shares: what is kept, what is
refused, and that personal data moves with the person and is erased with them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from constellate.accounts import services as account_services
from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives import services as initiative_services
from constellate.initiatives.tests.factories import ActivityFactory, InitiativeFactory
from constellate.participation import services
from constellate.participation.models import ExpectedShares, OfflineCount, Participation

pytestmark = pytest.mark.django_db

GROUPS = ["Huurders blok C", "Jongeren", "Ouderen"]


@pytest.fixture
def scene():
    initiative = InitiativeFactory(target_groups=GROUPS)
    activity = ActivityFactory(initiative=initiative)
    other = ActivityFactory(initiative=initiative)
    staff = member(initiative.organisation, OrgRole.FACILITATOR)
    return initiative, activity, other, staff


def test_joining_records_one_participation_per_activity_and_keeps_the_first_day(scene):
    _initiative, activity, other, _staff = scene
    participant, secret = initiative_services.activity_join(
        activity=activity, participant=None, user=None, answers={"target_group": "Jongeren"}
    )
    assert secret
    record = Participation.objects.get(activity=activity, participant=participant)
    assert record.target_group == "Jongeren"
    assert record.joined_on == timezone.localdate()
    Participation.objects.filter(pk=record.pk).update(joined_on=datetime.date(2024, 1, 5))
    # Again for the same activity without an answer: nothing changes, no second record.
    initiative_services.activity_join(activity=activity, participant=participant, user=None)
    record.refresh_from_db()
    assert (record.target_group, record.joined_on) == ("Jongeren", datetime.date(2024, 1, 5))
    # Another activity: a second record, with its own (optional) answer.
    initiative_services.activity_join(
        activity=other, participant=participant, user=None, answers={"target_group": ""}
    )
    assert Participation.objects.filter(participant=participant).count() == 2
    assert Participation.objects.get(activity=other).target_group == ""


def test_a_new_answer_on_joining_again_replaces_the_old_one(scene):
    _initiative, activity, _other, _staff = scene
    participant, _secret = initiative_services.activity_join(
        activity=activity, participant=None, user=None, answers={"target_group": "Jongeren"}
    )
    initiative_services.activity_join(
        activity=activity, participant=participant, user=None, answers={"target_group": ""}
    )
    assert Participation.objects.get(participant=participant).target_group == ""


def test_a_group_that_is_not_a_target_group_is_refused(scene):
    initiative, activity, _other, _staff = scene
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.participation_record(
            activity=activity,
            participant=account_services.participant_create()[0],
            target_group="Iets anders",
        )
    assert "Choose one of the groups in the list" in " ".join(exc.value.messages)
    assert not Participation.objects.exists()


def test_joining_a_closed_activity_records_nothing(scene):
    _initiative, activity, _other, _staff = scene
    activity.joining_open = False
    activity.save()
    with pytest.raises(ValidationError):
        initiative_services.activity_join(activity=activity, participant=None, user=None)
    assert not Participation.objects.exists()


def test_participations_move_with_a_claimed_account_and_are_erased_with_it(scene):
    _initiative, activity, other, _staff = scene
    participant, _secret = initiative_services.activity_join(
        activity=activity, participant=None, user=None, answers={"target_group": "Ouderen"}
    )
    initiative_services.activity_join(activity=other, participant=participant, user=None)
    user = account_services.participant_claim(
        participant=participant,
        email="claim@example.org",
        password="een lange zin die ik goed kan onthouden",
    )
    export = account_services.user_data_export(user=user)
    assert {r["activity"] for r in export["participation_records"]} == {
        activity.title,
        other.title,
    }
    assert {r["sees_themselves_in"] for r in export["participation_records"]} == {"Ouderen", ""}
    account_services.user_erase(user=user)
    assert not Participation.objects.exists()


def test_offline_count_keeps_total_and_groups(scene):
    _initiative, activity, _other, staff = scene
    count = services.offline_count_add(
        activity=activity,
        actor=staff,
        held_on=timezone.localdate(),
        people="14",
        groups={"Huurders blok C": "9", "Jongeren": "", "Ouderen": None},
        note=" deur aan deur ",
    )
    assert (count.people, count.groups, count.note) == (14, {"Huurders blok C": 9}, "deur aan deur")


@pytest.mark.parametrize(
    ("people", "groups", "held_on_days", "field", "text"),
    [
        (0, {}, 0, "people", "whole number from 1"),
        ("veel", {}, 0, "people", "whole number from 1"),
        (5, {"Jongeren": 6}, 0, "groups", "add up to more people"),
        (5, {"Jongeren": -1}, 0, "groups", "0 or more"),
        (5, {"Onbekend": 1}, 0, "groups", "is not one of"),
        (5, {}, -2, "held_on", "future"),
    ],
)
def test_bad_offline_counts_are_refused_and_nothing_is_saved(
    scene, people, groups, held_on_days, field, text
):
    _initiative, activity, _other, staff = scene
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.offline_count_add(
            activity=activity,
            actor=staff,
            held_on=timezone.localdate() - datetime.timedelta(days=held_on_days),
            people=people,
            groups=groups,
        )
    assert text in " ".join(exc.value.message_dict[field])
    assert not OfflineCount.objects.exists()


def test_expected_shares_are_saved_with_blanks_left_open(scene):
    initiative, _activity, _other, staff = scene
    services.expected_shares_set(
        initiative=initiative,
        actor=staff,
        shares={"Huurders blok C": "50", "Jongeren": "", "Ouderen": None},
    )
    assert ExpectedShares.objects.get(initiative=initiative).shares == {"Huurders blok C": 50}


@pytest.mark.parametrize(
    ("shares", "text"),
    [
        ({"Huurders blok C": 80, "Jongeren": 30}, "at most 100"),
        ({"Huurders blok C": 20, "Jongeren": 20, "Ouderen": 20}, "must add up to 100"),
        ({"Huurders blok C": 120}, "from 0 to 100"),
        ({"Huurders blok C": "half"}, "from 0 to 100"),
        ({"Iemand anders": 10}, "is not one of"),
    ],
)
def test_bad_expected_shares_are_refused(scene, shares, text):
    initiative, _activity, _other, staff = scene
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.expected_shares_set(initiative=initiative, actor=staff, shares=shares)
    assert text in " ".join(exc.value.messages)
    assert not ExpectedShares.objects.exists()
