"""The pages: the join page's optional question (no JavaScript needed, nothing required, bad
values refused with a message), the who-is-missing page, expected shares and off-line counts,
and that the public page shows no participation figures."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.selectors import PARTICIPANT_COOKIE
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)
from constellate.participation.models import ExpectedShares, OfflineCount, Participation
from constellate.participation.tests.factories import OfflineCountFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

C, J = "Huurders blok C", "Jongeren"


@pytest.fixture
def scene():
    initiative = InitiativeFactory(target_groups=[C, J])
    activity = ActivityFactory(initiative=initiative, title="Deur aan deur")
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    return initiative, activity, lead


def _english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_join_page_offers_the_groups_as_an_optional_choice(scene):
    initiative, activity, _lead = scene
    page = _english(Client()).get(activity.get_join_url()).content.decode()
    assert 'type="radio" name="target_group"' in page
    assert f'value="{C}"' in page and f'value="{J}"' in page
    assert "None of these, or I'd rather not say" in page
    assert "required" not in page.split('name="target_group"')[1].split(">")[0]


def test_joining_without_answering_records_a_participation_without_group(scene):
    _initiative, activity, _lead = scene
    response = Client().post(activity.get_join_url())
    assert response.status_code == 302
    assert Participation.objects.get(activity=activity).target_group == ""


def test_joining_with_a_group_records_it(scene):
    _initiative, activity, _lead = scene
    Client().post(activity.get_join_url(), {"target_group": C})
    assert Participation.objects.get(activity=activity).target_group == C


def test_a_bad_group_is_refused_with_a_message_and_nothing_is_recorded(scene):
    _initiative, activity, _lead = scene
    client = _english(Client())
    response = client.post(activity.get_join_url(), {"target_group": "<b>Hackers</b>"})
    assert response.status_code == 200  # the form again, with its messages
    page = response.content.decode()
    assert "Choose one of the groups in the list" in page
    assert "error-summary" in page
    assert not Participation.objects.exists()
    assert PARTICIPANT_COOKIE not in response.cookies


def test_joining_again_shows_the_earlier_answer(scene):
    _initiative, activity, _lead = scene
    client = Client()
    client.post(activity.get_join_url(), {"target_group": J})
    page = client.get(activity.get_join_url()).content.decode()
    assert f'value="{J}" checked' in page


def test_initiative_without_target_groups_asks_nothing_but_still_records(scene):
    initiative, activity, _lead = scene
    initiative.target_groups = []
    initiative.save()
    page = Client().get(activity.get_join_url()).content.decode()
    assert 'name="target_group"' not in page
    Client().post(activity.get_join_url())
    assert Participation.objects.filter(activity=activity).count() == 1


def test_missing_page_flags_the_group_nobody_came_from(scene):
    initiative, activity, lead = scene
    ParticipationFactory.create_batch(3, activity=activity, target_group=J)
    client = _english(Client())
    client.force_login(lead)
    page = client.get(reverse("participation:missing", args=[initiative.pk])).content.decode()
    assert "Nobody from “Huurders blok C” has taken part yet." in page
    assert "<svg" in page and "Taking part per period and target group" in page
    week = client.get(reverse("participation:missing", args=[initiative.pk]), {"per": "week"})
    assert "week of" in week.content.decode()
    bad = client.get(reverse("participation:missing", args=[initiative.pk]), {"per": "x"})
    assert bad.status_code == 200


def test_expected_shares_form_saves_and_shows_errors(scene):
    initiative, _activity, lead = scene
    client = _english(Client())
    client.force_login(lead)
    url = reverse("participation:shares", args=[initiative.pk])
    response = client.post(url, {"share_0": "70", "share_1": "70"})
    assert response.status_code == 200  # the form again, with its messages
    assert "at most 100" in response.content.decode()
    assert not ExpectedShares.objects.exists()
    response = client.post(url, {"share_0": "70", "share_1": ""})
    assert response.status_code == 302
    assert ExpectedShares.objects.get().shares == {C: 70}


def test_offline_count_form_adds_and_deletes(scene):
    initiative, activity, lead = scene
    client = _english(Client())
    client.force_login(lead)
    url = reverse("participation:offline", args=[initiative.pk])
    data = {
        "activity": activity.pk,
        "held_on": timezone.localdate().isoformat(),
        "people": "14",
        "group_0": "9",
        "group_1": "",
        "note": "Blok C",
    }
    bad = client.post(url, {**data, "group_0": "20"})
    assert bad.status_code == 200  # the form again, with its messages
    assert "add up to more people than the total" in bad.content.decode()
    assert not OfflineCount.objects.exists()
    assert client.post(url, data).status_code == 302
    count = OfflineCount.objects.get()
    assert (count.people, count.groups) == (14, {C: 9})
    assert "Blok C" in client.get(url).content.decode()
    delete = reverse("participation:offline_delete", args=[count.pk])
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not OfflineCount.objects.exists()


def test_an_activity_of_another_initiative_cannot_be_chosen(scene):
    initiative, _activity, lead = scene
    elsewhere = ActivityFactory()
    client = Client()
    client.force_login(lead)
    response = client.post(
        reverse("participation:offline", args=[initiative.pk]),
        {"activity": elsewhere.pk, "held_on": timezone.localdate().isoformat(), "people": "3"},
    )
    assert response.status_code == 200  # the form again, with its messages
    assert not OfflineCount.objects.exists()


def test_the_public_page_shows_only_groups_of_at_least_five_and_follows_new_joins(scene):
    initiative, activity, _lead = scene
    ParticipationFactory.create_batch(4, activity=activity, target_group=J)
    ParticipationFactory.create_batch(5, activity=activity, target_group="")
    OfflineCountFactory(activity=activity, people=5, groups={C: 5})
    client = _english(Client())
    page = client.get(initiative.get_public_url()).content.decode()
    assert "Who took part so far" in page
    assert f"{C}: 5 times" in page
    assert J not in page.split("Who took part so far")[1]  # only four: left out
    assert reverse("participation:missing", args=[initiative.pk]) not in page
    # A fifth young person joins: the cached page shows the group now.
    Client().post(activity.get_join_url(), {"target_group": J})
    page = client.get(initiative.get_public_url()).content.decode()
    assert f"{J}: 5 times" in page


def test_the_public_page_shows_no_section_when_every_group_is_small(scene):
    initiative, activity, _lead = scene
    ParticipationFactory.create_batch(4, activity=activity, target_group=J)
    page = _english(Client()).get(initiative.get_public_url()).content.decode()
    assert "Who took part so far" not in page
