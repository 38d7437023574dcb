"""Choosing stories for a package, a priority or an action among many, without JavaScript:
the chosen ones always listed, a search and pages over the others, everything typed and
ticked kept when searching or paging, saving takes all; ids of stories one may not choose
(another initiative, a team-only story for someone outside the team, garbage) are refused
with a message and nothing is saved."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.stories import picker as picker_module
from constellate.stories import services_mobilise as mobilise
from constellate.stories.choices import Audience
from constellate.stories.models import ChangeAction, ChangePriority, Package
from constellate.stories.tests.factories import gathering_activity, told_story

REFUSED = "Some chosen stories are not stories of this initiative that you may see"


@pytest.fixture
def scene(db, monkeypatch):
    # Pages of 5 over 13 stories: three pages, as 20 a page over 60 would be.
    monkeypatch.setattr(picker_module, "PAGE_SIZE", 5)
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    admin = member(initiative.organisation, OrgRole.ADMIN)
    activity = gathering_activity(initiative=initiative)
    team, _ = told_story(activity, text="Alleen het team TP1", audience=Audience.TEAM)
    stories = [
        told_story(activity, text=f"Verhaal nummer {n:02d} over de wijk")[0] for n in range(12)
    ]
    stories.reverse()  # newest first, as the lists show them
    other = InitiativeFactory(organisation=initiative.organisation)
    foreign, _ = told_story(gathering_activity(initiative=other), text="Elders EP2")
    conversation = mobilise.conversation_save(
        initiative=initiative, actor=lead, title="Gesprek", held_on=datetime.date(2026, 6, 1)
    )
    return {
        "initiative": initiative,
        "lead": lead,
        "admin": admin,
        "team": team,
        "stories": stories,
        "foreign": foreign,
        "conversation": conversation,
    }


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _boxes(html: str, name: str = "stories") -> tuple[list[int], list[int]]:
    """(ticked, unticked) story ids of the checkboxes called `name`."""
    import re

    ticked, unticked = [], []
    for tag in re.findall(r"<input[^>]*>", html):
        if f'name="{name}"' not in tag or 'type="checkbox"' not in tag:
            continue
        pk = int(re.search(r'value="(\d+)"', tag)[1])
        (ticked if " checked" in tag else unticked).append(pk)
    return ticked, unticked


@pytest.mark.django_db
def test_package_form_pages_and_searches_and_keeps_what_was_typed_and_ticked(scene):
    stories, team = scene["stories"], scene["team"]
    client = _client(scene["lead"])
    url = reverse("stories:package_new", args=[scene["initiative"].pk])
    first = client.get(url).content.decode()
    ticked, offered = _boxes(first)
    assert ticked == [] and offered == [s.pk for s in stories[:5]]
    assert "13 stories to add" in first  # the team's own story too
    assert "Elders EP2" not in first

    # Tick the newest, go to page 2: nothing saved, nothing lost, no complaints.
    data = {"title": "Mijn pakket", "visibility": "private", "stories": [stories[0].pk]}
    second = client.post(url, {**data, "stories_pick": "2"})
    assert second.status_code == 200 and not Package.objects.exists()
    page = second.content.decode()
    assert 'value="Mijn pakket"' in page and "Please check the following" not in page
    ticked, offered = _boxes(page)
    assert ticked == [stories[0].pk]
    assert offered == [s.pk for s in stories[6:11]]  # the chosen one is no longer offered
    assert "Page 2 of 3" in page

    # Tick one on page 2 and search: both stay chosen, the search shows only what matches.
    data["stories"] = [stories[0].pk, stories[8].pk]
    third = client.post(url, {**data, "stories_q": "nummer 05", "stories_pick": "search"})
    ticked, offered = _boxes(third.content.decode())
    assert ticked == [stories[0].pk, stories[8].pk]
    number_05 = next(s for s in stories if "nummer 05" in s.text)
    assert offered == [number_05.pk]
    assert 'value="nummer 05"' in third.content.decode()

    # Saving takes every ticked story, whatever page it was ticked on.
    data["stories"].append(number_05.pk)
    saved = client.post(url, {**data, "stories_q": "nummer 05"})
    assert saved.status_code == 302
    package = Package.objects.get()
    assert {s.pk for s in package.stories.all()} == {stories[0].pk, stories[8].pk, number_05.pk}

    # Editing shows them chosen, and keeps them when paging.
    edit_url = reverse("stories:package_edit", args=[package.pk])
    ticked, offered = _boxes(client.get(edit_url).content.decode())
    assert set(ticked) == {stories[0].pk, stories[8].pk, number_05.pk}
    assert (
        team.pk
        in offered
        + _boxes(client.post(edit_url, {**data, "stories_pick": "3"}).content.decode())[1]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["foreign", "garbage", "huge", "team_for_admin"])
def test_package_form_refuses_stories_one_may_not_choose_and_saves_nothing(scene, bad):
    stories = scene["stories"]
    user = scene["admin"] if bad == "team_for_admin" else scene["lead"]
    client = _client(user)
    wrong = {
        "foreign": scene["foreign"].pk,
        "garbage": "abc",
        "huge": "9" * 30,
        "team_for_admin": scene["team"].pk,
    }[bad]
    url = reverse("stories:package_new", args=[scene["initiative"].pk])
    data = {"title": "Pakket", "visibility": "private", "stories": [stories[0].pk, wrong]}
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert REFUSED in page and "Please check the following" in page
    assert not Package.objects.exists()
    # the story that may be chosen is still chosen; the other is not shown
    ticked, _ = _boxes(page)
    assert ticked == [stories[0].pk]
    assert "Elders EP2" not in page
    if user == scene["admin"]:
        assert "TP1" not in page
    # and editing a package with it changes nothing
    package = mobilise.package_save(
        initiative=scene["initiative"], actor=scene["lead"], title="Oud", stories=[stories[1]]
    )
    edited = client.post(
        reverse("stories:package_edit", args=[package.pk]), {**data, "title": "Nieuw"}
    )
    assert edited.status_code == 200 and REFUSED in edited.content.decode()
    package.refresh_from_db()
    assert package.title == "Oud" and [s.pk for s in package.stories.all()] == [stories[1].pk]


@pytest.mark.django_db
def test_an_admin_outside_the_team_keeps_the_team_only_stories_of_a_package(scene):
    stories, team = scene["stories"], scene["team"]
    package = mobilise.package_save(
        initiative=scene["initiative"], actor=scene["lead"], title="P", stories=[team, stories[0]]
    )
    client = _client(scene["admin"])
    url = reverse("stories:package_edit", args=[package.pk])
    page = client.get(url).content.decode()
    assert "TP1" not in page and _boxes(page)[0] == [stories[0].pk]
    response = client.post(url, {"title": "P", "visibility": "private", "stories": [stories[5].pk]})
    assert response.status_code == 302
    assert {s.pk for s in package.stories.all()} == {team.pk, stories[5].pk}


@pytest.mark.django_db
def test_a_public_package_refusal_is_shown_next_to_the_stories(scene):
    scene["initiative"].visibility = "public"
    scene["initiative"].save()
    client = _client(scene["lead"])
    url = reverse("stories:package_new", args=[scene["initiative"].pk])
    response = client.post(
        url, {"title": "P", "visibility": "public", "stories": [scene["stories"][0].pk]}
    )
    page = response.content.decode()
    message = "A public package can only hold stories whose teller allows everyone to hear them."
    assert page.count(message) == 2  # in the summary and next to the list
    assert not Package.objects.exists()


@pytest.mark.django_db
def test_action_form_on_the_conversation_page_pages_and_saves_all(scene):
    stories, conversation = scene["stories"], scene["conversation"]
    client = _client(scene["lead"])
    page = client.get(reverse("stories:conversation", args=[conversation.pk])).content.decode()
    assert _boxes(page, "action-stories") == ([], [s.pk for s in stories[:5]])
    assert _boxes(page, "priority-stories") == ([], [s.pk for s in stories[:5]])
    url = reverse("stories:action_new", args=[conversation.pk])
    data = {"action-what": "Langer open", "action-status": "open"}
    paged = client.post(
        url, {**data, "action-stories": [stories[0].pk], "action-stories_pick": "2"}
    )
    assert paged.status_code == 200 and not ChangeAction.objects.exists()
    html = paged.content.decode()
    assert 'value="Langer open"' in html and "<details open>" in html
    ticked, offered = _boxes(html, "action-stories")
    assert ticked == [stories[0].pk] and offered == [s.pk for s in stories[6:11]]
    # the other form is untouched
    assert _boxes(html, "priority-stories") == ([], [s.pk for s in stories[:5]])
    refused = client.post(url, {**data, "action-stories": [stories[0].pk, scene["foreign"].pk]})
    assert refused.status_code == 400 and REFUSED in refused.content.decode()
    assert not ChangeAction.objects.exists()
    saved = client.post(url, {**data, "action-stories": [stories[0].pk, stories[9].pk]})
    assert saved.status_code == 302
    action = ChangeAction.objects.get()
    assert {s.pk for s in action.stories.all()} == {stories[0].pk, stories[9].pk}

    # Changing the action: the same, on its own page.
    edit = reverse("stories:action_edit", args=[action.pk])
    ticked, _ = _boxes(client.get(edit).content.decode(), "action-stories")
    assert set(ticked) == {stories[0].pk, stories[9].pk}
    searched = client.post(
        edit,
        {
            **data,
            "action-what": "Nog langer open",
            "action-stories": [stories[9].pk],
            "action-stories_q": "nummer 01",
            "action-stories_pick": "search",
        },
    )
    assert searched.status_code == 200
    ticked, offered = _boxes(searched.content.decode(), "action-stories")
    assert ticked == [stories[9].pk] and len(offered) == 1
    action.refresh_from_db()
    assert action.what == "Langer open"  # nothing saved while searching
    bad = client.post(edit, {**data, "action-stories": [stories[9].pk, scene["foreign"].pk]})
    assert bad.status_code == 200 and REFUSED in bad.content.decode()
    assert {s.pk for s in action.stories.all()} == {stories[0].pk, stories[9].pk}
    client.post(edit, {**data, "action-what": "Klaar", "action-stories": [stories[9].pk]})
    action.refresh_from_db()
    assert action.what == "Klaar" and [s.pk for s in action.stories.all()] == [stories[9].pk]


@pytest.mark.django_db
def test_priority_form_refuses_tampered_ids_and_saves_with_paged_choices(scene):
    stories, conversation = scene["stories"], scene["conversation"]
    client = _client(scene["lead"])
    url = reverse("stories:priority_new", args=[conversation.pk])
    refused = client.post(
        url, {"priority-text": "Eerst", "priority-stories": [scene["foreign"].pk]}
    )
    assert refused.status_code == 400 and REFUSED in refused.content.decode()
    assert not ChangePriority.objects.exists()
    paged = client.post(
        url,
        {
            "priority-text": "Eerst",
            "priority-stories": [stories[10].pk],
            "priority-stories_pick": "3",
        },
    )
    assert paged.status_code == 200 and not ChangePriority.objects.exists()
    saved = client.post(url, {"priority-text": "Eerst", "priority-stories": [stories[10].pk]})
    assert saved.status_code == 302
    assert [s.pk for s in ChangePriority.objects.get().stories.all()] == [stories[10].pk]


@pytest.mark.django_db
def test_hostile_page_numbers_and_searches_get_a_page(scene):
    client = _client(scene["lead"])
    url = reverse("stories:package_new", args=[scene["initiative"].pk])
    for pick in ("0", "-1", "x", "9" * 30, "999999"):
        response = client.post(url, {"title": "", "stories_pick": pick})
        assert response.status_code == 200, pick
    response = client.post(
        url, {"stories_q": '\x00\' OR 1=1 "NEAR(" ' * 30, "stories_pick": "search"}
    )
    assert response.status_code == 200
