"""Accepting a suggested theme with many members: the members come in pages, the count is
shown, paging keeps the name typed and the stories left out, and accepting codes every member
(on every page) except those left out. Tampered ids change nothing."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stories.choices import SuggestionRunState
from constellate.stories.models import StoryCoding, Theme, ThemeSuggestionRun
from constellate.stories.tests.factories import gathering_activity, told_story

MEMBERS = 60


@pytest.fixture
def scene(db):
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = gathering_activity(initiative=initiative)
    stories = [told_story(activity, text=f"Over de bus {n:02d}")[0] for n in range(MEMBERS)]
    no_analysis, _ = told_story(activity, text="Niet voor analyse", analysis=False)
    other, _ = told_story(gathering_activity(initiative=InitiativeFactory()), text="Elders")
    members = [s.pk for s in stories] + [no_analysis.pk]
    run = ThemeSuggestionRun.objects.create(
        initiative=initiative,
        state=SuggestionRunState.DONE,
        progress=100,
        story_count=MEMBERS,
        result={"themes": [{"label": "bus", "terms": ["bus"], "members": members}]},
    )
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return {
        "initiative": initiative,
        "stories": stories,
        "no_analysis": no_analysis,
        "other": other,
        "run": run,
        "client": client,
        "url": reverse("stories:curation_suggestion_accept", args=[initiative.pk, run.pk, 0]),
    }


def _boxes(html: str) -> tuple[list[int], list[int]]:
    ticked, unticked = [], []
    for tag in re.findall(r"<input[^>]*>", html):
        if 'name="leave_out"' in tag:
            pk = int(re.search(r'value="(\d+)"', tag)[1])
            (ticked if " checked" in tag else unticked).append(pk)
    return ticked, unticked


@pytest.mark.django_db
def test_members_in_pages_with_the_count_and_accepting_codes_all_but_those_left_out(scene):
    client, url, stories = scene["client"], scene["url"], scene["stories"]
    first = client.get(url).content.decode()
    assert "60 stories will be coded with this theme." in first
    assert _boxes(first) == ([], [s.pk for s in stories[:25]])
    assert "Page 1 of 3" in first and "Niet voor analyse" not in first
    assert _boxes(client.get(url, {"page": "3"}).content.decode())[1] == [
        s.pk for s in stories[50:]
    ]

    # Leave one out on page 1, go to page 2: nothing made, name kept, one left out.
    data = {"name": "Openbaar vervoer", "kind": "issue", "leave_out": [stories[3].pk]}
    second = client.post(url, {**data, "members_page": "2"})
    assert second.status_code == 200 and not Theme.objects.exists()
    page = second.content.decode()
    assert 'value="Openbaar vervoer"' in page and "Please check the following" not in page
    assert "59 stories will be coded with this theme." in page and "1 story left out." in page
    ticked, offered = _boxes(page)
    assert ticked == [stories[3].pk]
    assert offered == [s.pk for s in stories[26:51]]

    # Leave another out on page 2, then accept: every other member is coded.
    data["leave_out"].append(stories[30].pk)
    accepted = client.post(url, {**data, "confirm": "on"})
    assert accepted.status_code == 302
    theme = Theme.objects.get()
    coded = set(StoryCoding.objects.filter(theme=theme).values_list("story_id", flat=True))
    assert coded == {s.pk for s in stories} - {stories[3].pk, stories[30].pk}
    assert scene["no_analysis"].pk not in coded


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["garbage", "huge", "negative"])
def test_broken_ids_are_refused_and_nothing_is_made(scene, bad):
    wrong = {"garbage": "abc", "huge": "9" * 30, "negative": "-4"}[bad]
    response = scene["client"].post(
        scene["url"],
        {"name": "Bus", "kind": "issue", "leave_out": [wrong], "confirm": "on"},
    )
    assert response.status_code == 200
    assert "Choose stories of this suggestion." in response.content.decode()
    assert not Theme.objects.exists() and not StoryCoding.objects.exists()


@pytest.mark.django_db
def test_leaving_out_a_story_of_elsewhere_codes_nothing_there(scene):
    """Leaving out can only code fewer stories: an id that is no member changes nothing."""
    other = scene["other"]
    response = scene["client"].post(
        scene["url"],
        {"name": "Bus", "kind": "issue", "leave_out": [other.pk], "confirm": "on"},
    )
    assert response.status_code == 302
    coded = set(StoryCoding.objects.values_list("story_id", flat=True))
    assert coded == {s.pk for s in scene["stories"]}


@pytest.mark.django_db
def test_hostile_page_numbers_get_a_page(scene):
    for number in ("0", "-3", "x", "9" * 30):
        assert scene["client"].get(scene["url"], {"page": number}).status_code == 200
        response = scene["client"].post(scene["url"], {"members_page": number})
        assert response.status_code == 200
    assert not Theme.objects.exists()


@pytest.mark.django_db
def test_a_member_that_left_since_the_page_was_shown_is_no_error(scene):
    from constellate.stories import services

    stories = scene["stories"]
    services.story_withdraw(story=stories[0])
    response = scene["client"].post(
        scene["url"],
        {
            "name": "Bus",
            "kind": "issue",
            "leave_out": [stories[0].pk, scene["no_analysis"].pk, stories[1].pk],
            "confirm": "on",
        },
    )
    assert response.status_code == 302, re.findall(
        r"errors[^>]*>(.*?)</ul>", response.content.decode()
    )
    coded = set(StoryCoding.objects.values_list("story_id", flat=True))
    assert coded == {s.pk for s in stories[2:]}
