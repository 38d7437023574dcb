"""Who may see stories and their files, for every role (see initiatives/tests/support.py
ROLES): anonymous, participant cookie only, admin of another organisation, org admin, org
facilitator outside the initiative, initiative facilitator, reporter, partner, observer,
lead, partner outside the initiative. The initiative is PRIVATE.

A story is heard only within its consent: "team only" by the initiative's members,
"organisation" by everyone who sees the initiative. Beyond that, for another organisation,
and for a withdrawn story the answer is 404, as if it did not exist.
Cells: status code, L for a redirect to sign in."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from constellate.accounts import services as account_services
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture
from constellate.stories import services
from constellate.stories.choices import Audience, Medium
from constellate.stories.models import StoryMedia
from constellate.stories.tests.conftest import tiny_wav
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()

LIST = "L L 404 200 200 200 200 200 200 200 404"
TEAM = "L L 404 404 404 200 200 200 404 200 404"
ORGANISATION = "L L 404 200 200 200 200 200 200 200 404"
NOBODY = "L L 404 404 404 404 404 404 404 404 404"
# A story of organisation B: only B's admin, nobody of A.
ONLY_B = "L L 200 404 404 404 404 404 404 404 404"
GATHERERS = "L L 404 200 403 200 200 403 403 200 404"
EDITORS = "L L 404 200 403 200 403 403 403 200 404"

TEAM_TEXT = "Alleen voor het team TT4"
ORG_TEXT = "Voor de hele organisatie OO7"
OTHER_ORG_TEXT = "Verhaal uit Beekdorp BB2"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


def _with_audio(story) -> StoryMedia:
    media = StoryMedia(story=story, medium=Medium.AUDIO, mime="audio/wav", size=0)
    content = tiny_wav()
    media.size = len(content)
    media.file.save("test.wav", ContentFile(content), save=False)
    media.save()
    return media


@pytest.fixture
def stories(world, story_storage):
    activity = gathering_activity(initiative=world.private, title="Verhalen ophalen")
    team, _ = told_story(activity, text=TEAM_TEXT, audience=Audience.TEAM)
    org, _ = told_story(activity, text=ORG_TEXT, audience=Audience.ORGANISATION)
    b_activity = gathering_activity(initiative=world.b_initiative)
    other, _ = told_story(b_activity, text=OTHER_ORG_TEXT, audience=Audience.ORGANISATION)
    return {
        "activity": activity,
        "team": team,
        "org": org,
        "other": other,
        "team_media": _with_audio(team),
        "org_media": _with_audio(org),
    }


@pytest.mark.django_db
def test_the_story_list_shows_only_what_each_role_may_hear(world, stories):
    url = reverse("stories:list", args=[world.private.pk])
    team_cells, org_cells = _expect(TEAM), _expect(ORGANISATION)
    for role, expected in _expect(LIST).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        page = response.content.decode()
        for key, cells in (("team", team_cells), ("org", org_cells)):
            shown = f'href="/stories/{stories[key].pk}/"' in page
            assert shown == (cells[role] == "200"), (role, key)
            assert (stories[key].text in page) == shown, (role, key)
        assert OTHER_ORG_TEXT not in page, role


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "cells"), [("team", TEAM), ("org", ORGANISATION), ("other", ONLY_B)]
)
def test_story_pages_within_consent(world, stories, key, cells):
    url = reverse("stories:detail", args=[stories[key].pk])
    for role, expected in _expect(cells).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        if expected == "200":
            assert stories[key].text in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "cells"), [("team", TEAM), ("org", ORGANISATION)])
def test_media_downloads_within_consent(world, stories, key, cells):
    media = stories[f"{key}_media"]
    url = reverse("stories:media", args=[stories[key].pk, media.pk])
    for role, expected in _expect(cells).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        if expected == "200":
            assert response["Content-Type"] == "audio/wav"
            assert b"".join(response.streaming_content).startswith(b"RIFF")
    # A file of one story is never reached through another story's address.
    wrong = reverse("stories:media", args=[stories["org"].pk, stories["team_media"].pk])
    assert client_for(world, "lead").get(wrong).status_code == 404


@pytest.mark.django_db
def test_a_withdrawn_story_is_gone_everywhere(world, stories):
    story, media = stories["org"], stories["org_media"]
    path = media.file.path
    services.story_withdraw(story=story)
    import os

    assert not os.path.exists(path)
    for url in (
        reverse("stories:detail", args=[story.pk]),
        reverse("stories:media", args=[story.pk, media.pk]),
    ):
        for role, expected in _expect(NOBODY).items():
            _check(client_for(world, role).get(url), expected, role)
    page = client_for(world, "lead").get(reverse("stories:list", args=[world.private.pk]))
    assert ORG_TEXT not in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "cells"), [("assisted", GATHERERS), ("settings", EDITORS)])
def test_gathering_pages(world, stories, name, cells):
    url = reverse(f"stories:{name}", args=[stories["activity"].pk])
    for role, expected in _expect(cells).items():
        _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
def test_assisted_entry_post_only_for_gatherers(world, stories):
    from constellate.stories.models import Story

    url = reverse("stories:assisted", args=[stories["activity"].pk])
    data = {
        "channel": "phone",
        "story_type": "testimony",
        "text": "Telefonisch verteld verhaal",
        "audience": "team",
        "analysis": "yes",
        "quotes": "no",
        "named": "no",
        "keep": "1y",
        "teller_agreed": "on",
    }
    for role, expected in _expect(GATHERERS).items():
        before = Story.all_objects.count()
        response = client_for(world, role).post(url, data)
        _check(response, expected, role)
        made = Story.all_objects.count() - before
        assert made == (1 if expected == "200" else 0), role
        if made:
            assert "/my-story/" in response.content.decode()


@pytest.mark.django_db
def test_the_private_link_is_the_only_way_for_the_teller(world, stories):
    activity = stories["activity"]
    story, secret = told_story(activity, text="Mijn verhaal met link")
    client = client_for(world, "anonymous")
    assert (
        "Mijn verhaal met link"
        in client.get(reverse("stories:link", args=[secret])).content.decode()
    )
    assert client.get(reverse("stories:link", args=["not-a-secret"])).status_code == 404
    # A teller's data export leaves out a withdrawn story's text.
    participant, _ = account_services.participant_create(activity=activity)
    mine, _ = told_story(activity, participant=participant, text="Wordt ingetrokken WW3")
    user = account_services.participant_claim(
        participant=participant,
        email="teller@example.org",
        password="een lange zin die ik goed kan onthouden",
    )
    services.story_withdraw(story=mine)
    export = account_services.user_data_export(user=user)
    assert "WW3" not in str(export)
    assert export["stories"][0]["status"] == "withdrawn"
