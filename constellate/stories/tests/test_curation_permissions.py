"""Who may curate, for every role (see initiatives/tests/support.py ROLES): anonymous,
participant cookie only, admin of another organisation, org admin, org facilitator outside
the initiative, initiative facilitator, reporter, partner, observer, lead, partner outside the
initiative. The initiative is PRIVATE.

Curators are the initiative's lead, facilitators and community reporters, and the
organisation's admin; they curate the stories they may hear (the admin outside the team not
"team only" ones). Who sees the initiative but may not curate gets 403 on curation pages;
a story beyond its consent, or anything of another organisation, is 404. Insights are read by
everyone who sees the initiative, with only the evidence they may hear.
Cells: status code, L for a redirect to sign in, 302 for a write that succeeded."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture
from constellate.stories import services_curation as curation
from constellate.stories.choices import Audience, Medium, ThemeKind
from constellate.stories.models import (
    Clip,
    Insight,
    Quote,
    StoryCoding,
    StoryMedia,
    StoryRedaction,
    Theme,
    ThemeSuggestionChoice,
    ThemeSuggestionRun,
)
from constellate.stories.tests.conftest import tiny_wav
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()

CURATORS = "L L 404 200 403 200 200 403 403 200 404"
CURATORS_WRITE = "L L 404 302 403 302 302 403 403 302 404"
VIEWERS = "L L 404 200 200 200 200 200 200 200 404"
# A team-only story: only curators in the team; the partner hears it but may not curate.
TEAM_STORY = "L L 404 404 404 200 200 403 404 200 404"
TEAM_STORY_WRITE = "L L 404 404 404 302 302 403 404 302 404"

TEAM_TEXT = "Alleen voor het team TT4. Ik heet Karel Jansen."
ORG_TEXT = "Voor de hele organisatie OO7. Het loket was dicht."
OTHER_TEXT = "Verhaal uit Beekdorp BB2."


def _cells(row: str) -> dict[str, str]:
    return dict(zip(ROLES, row.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)
        if expected == "302":
            assert "/accounts/login/" not in response["Location"], role


def _audio(story) -> StoryMedia:
    content = tiny_wav(2.0)
    media = StoryMedia(
        story=story, medium=Medium.AUDIO, mime="audio/wav", size=len(content), duration=2.0
    )
    media.file.save("a.wav", ContentFile(content), save=False)
    media.save()
    return media


@pytest.fixture
def scene(world, story_storage):
    lead = world.users["lead"]
    activity = gathering_activity(initiative=world.private, title="Verhalen ophalen")
    team, _ = told_story(activity, text=TEAM_TEXT, audience=Audience.TEAM)
    org, _ = told_story(activity, text=ORG_TEXT, audience=Audience.ORGANISATION)
    other, _ = told_story(gathering_activity(initiative=world.b_initiative), text=OTHER_TEXT)
    theme = curation.theme_create(
        initiative=world.private, actor=lead, name="Loket", kind=ThemeKind.ISSUE
    )
    team_quote = curation.quote_create(story=team, actor=lead, start=0, end=24)
    org_quote = curation.quote_create(story=org, actor=lead, start=0, end=28)
    insight = curation.insight_save(
        initiative=world.private,
        actor=lead,
        title="Het loket is dicht",
        text="Mensen staan voor een dichte deur.",
        quotes=[team_quote, org_quote],
    )
    run = ThemeSuggestionRun.objects.create(
        initiative=world.private,
        state="done",
        progress=100,
        story_count=2,
        result={"themes": [{"label": "loket", "terms": ["loket"], "members": [team.pk, org.pk]}]},
    )
    return {
        "activity": activity,
        "team": team,
        "org": org,
        "other": other,
        "theme": theme,
        "team_quote": team_quote,
        "org_quote": org_quote,
        "insight": insight,
        "run": run,
        "org_media": _audio(org),
        "team_media": _audio(team),
    }


def _initiative_pages(world, scene):
    pk = world.private.pk
    run = scene["run"]
    return [
        reverse("stories:curation", args=[pk]),
        reverse("stories:curation", args=[pk]) + "?coded=no",
        reverse("stories:curation_theme_new", args=[pk]),
        reverse("stories:curation_suggestions", args=[pk]),
        reverse("stories:curation_suggestion_accept", args=[pk, run.pk, 0]),
        reverse("stories:curation_insight_new", args=[pk]),
        reverse("stories:curation_insight_edit", args=[scene["insight"].pk]),
    ]


@pytest.mark.django_db
def test_curation_pages_are_for_curators(world, scene):
    for url in _initiative_pages(world, scene):
        for role, expected in _cells(CURATORS).items():
            _check(client_for(world, role).get(url), expected, role)


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "cells"), [("team", TEAM_STORY), ("org", CURATORS)])
def test_a_story_is_curated_only_within_its_consent(world, scene, key, cells):
    story = scene[key]
    for name in ("stories:curation_story", "stories:curation_redact"):
        url = reverse(name, args=[story.pk])
        for role, expected in _cells(cells).items():
            response = client_for(world, role).get(url)
            _check(response, expected, role)
            if expected == "200" and name == "stories:curation_story":
                assert story.text.split(".")[0] in response.content.decode()


@pytest.mark.django_db
def test_another_organisations_story_is_not_there_for_a(world, scene):
    other = scene["other"]
    for name in ("stories:curation_story", "stories:curation_redact"):
        url = reverse(name, args=[other.pk])
        for role in ("org_admin", "lead", "reporter"):
            assert client_for(world, role).get(url).status_code == 404, role
    # B's own admin may curate B's story, but never reaches A's.
    assert (
        client_for(world, "other_org")
        .get(reverse("stories:curation_story", args=[other.pk]))
        .status_code
        == 200
    )
    page = client_for(world, "other_org").get(
        reverse("stories:curation", args=[world.b_initiative.pk])
    )
    assert OTHER_TEXT[:10] in page.content.decode()
    assert ORG_TEXT[:10] not in page.content.decode()


@pytest.mark.django_db
def test_insights_are_read_with_only_the_evidence_each_role_may_hear(world, scene):
    url = reverse("stories:curation_insights", args=[world.private.pk])
    team_cells = _cells(TEAM_STORY)
    for role, expected in _cells(VIEWERS).items():
        response = client_for(world, role).get(url)
        _check(response, expected, role)
        page = response.content.decode()
        assert OTHER_TEXT not in page
        if expected != "200":
            assert "Het loket is dicht" not in page, role
            continue
        assert "Het loket is dicht" in page, role
        assert scene["org_quote"].text in page, role
        hears_team = team_cells[role] in ("200", "403")
        assert (scene["team_quote"].text in page) == hears_team, role
        assert "you may not see" in page or "je niet mag zien" in page or hears_team, role


@pytest.mark.django_db
def test_the_workspace_lists_only_stories_the_curator_may_hear(world, scene):
    url = reverse("stories:curation", args=[world.private.pk])
    admin = client_for(world, "org_admin").get(url).content.decode()
    lead = client_for(world, "lead").get(url).content.decode()
    assert "TT4" in lead and "OO7" in lead
    assert "TT4" not in admin and "OO7" in admin
    assert "BB2" not in lead


# Writes ------------------------------------------------------------------------------------


def _post_matrix(world, cells, url_of, data_of, made):
    for role, expected in _cells(cells).items():
        before = made()
        response = client_for(world, role).post(url_of(role), data_of(role))
        _check(response, expected, role)
        assert (made() != before) == (expected == "302"), role


@pytest.mark.django_db
def test_only_curators_add_themes(world, scene):
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse("stories:curation_theme_new", args=[world.private.pk]),
        lambda role: {"name": f"Thema {role}", "kind": "asset"},
        lambda: Theme.objects.count(),
    )


@pytest.mark.django_db
def test_only_curators_who_hear_the_story_code_it(world, scene):
    theme = scene["theme"]
    _post_matrix(
        world,
        TEAM_STORY_WRITE,
        lambda role: reverse("stories:curation_story_themes", args=[scene["team"].pk]),
        lambda role: {"themes": [theme.pk]} if StoryCoding.objects.count() == 0 else {},
        lambda: StoryCoding.objects.count(),
    )


@pytest.mark.django_db
def test_only_curators_mark_quotes_and_clips(world, scene):
    story, media = scene["org"], scene["org_media"]
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse("stories:curation_quote_new", args=[story.pk]),
        lambda role: {"first": "1", "last": "1"},
        lambda: Quote.objects.count(),
    )
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse("stories:curation_clip_new", args=[story.pk]),
        lambda role: {"media": media.pk, "start": "0:00", "end": "0:01", "label": role},
        lambda: Clip.objects.count(),
    )


@pytest.mark.django_db
def test_only_curators_remove_quotes_and_clips(world, scene):
    story, media = scene["org"], scene["org_media"]
    lead = world.users["lead"]
    for role, expected in _cells(CURATORS_WRITE).items():
        quote = curation.quote_create(story=story, actor=lead, start=0, end=5)
        clip = curation.clip_create(media=media, actor=lead, start=0, end=1, label="x")
        client = client_for(world, role)
        for url, model, pk in (
            (reverse("stories:curation_quote_delete", args=[quote.pk]), Quote, quote.pk),
            (reverse("stories:curation_clip_delete", args=[clip.pk]), Clip, clip.pk),
        ):
            _check(client.post(url), expected, role)
            assert model.objects.filter(pk=pk).exists() == (expected != "302"), role


@pytest.mark.django_db
def test_only_curators_redact(world, scene):
    story = scene["team"]
    proposals = client_for(world, "lead").get(reverse("stories:curation_redact", args=[story.pk]))
    assert "Karel Jansen" in proposals.content.decode()

    def data(role):
        return {"accept": [f"{TEAM_TEXT.index('Karel')}:{len(TEAM_TEXT) - 1}:name"]}

    for role, expected in _cells(TEAM_STORY_WRITE).items():
        StoryRedaction.objects.filter(story=story).delete()
        type(story).all_objects.filter(pk=story.pk).update(text=TEAM_TEXT)
        url = reverse("stories:curation_redact", args=[story.pk])
        response = client_for(world, role).post(url, data(role))
        _check(response, expected, role)
        assert StoryRedaction.objects.filter(story=story).exists() == (expected == "302"), role
        if expected != "302":  # the lead redacts; this role may not undo it either
            client_for(world, "lead").post(url, data(role))
        undo = client_for(world, role).post(
            reverse("stories:curation_redact_undo", args=[story.pk])
        )
        _check(undo, expected, role)
        story.refresh_from_db()
        assert (story.text == TEAM_TEXT) == (expected == "302"), role


@pytest.mark.django_db
def test_only_curators_write_change_and_delete_insights(world, scene):
    quote = scene["org_quote"]
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse("stories:curation_insight_new", args=[world.private.pk]),
        lambda role: {"title": f"Inzicht {role}", "text": "Tekst", "quotes": [quote.pk]},
        lambda: Insight.objects.count(),
    )
    insight = scene["insight"]
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse("stories:curation_insight_edit", args=[insight.pk]),
        lambda role: {"title": f"Nieuw {role}", "text": "Tekst", "quotes": [quote.pk]},
        lambda: Insight.objects.get(pk=insight.pk).title,
    )
    lead = world.users["lead"]
    made = {}

    def delete_url(role):
        made[role] = curation.insight_save(
            initiative=world.private, actor=lead, title="Weg", text="x", quotes=[quote]
        )
        return reverse("stories:curation_insight_delete", args=[made[role].pk])

    for role, expected in _cells(CURATORS_WRITE).items():
        response = client_for(world, role).post(delete_url(role))
        _check(response, expected, role)
        assert Insight.objects.filter(pk=made[role].pk).exists() == (expected != "302"), role


@pytest.mark.django_db
def test_only_curators_accept_or_ignore_suggestions(world, scene, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    run = scene["run"]
    run.result = {
        "themes": [{"label": f"t{n}", "terms": [], "members": [scene["org"].pk]} for n in range(24)]
    }
    run.save()
    index = iter(range(12))
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse(
            "stories:curation_suggestion_ignore", args=[world.private.pk, run.pk, next(index)]
        ),
        lambda role: {},
        lambda: ThemeSuggestionChoice.objects.count(),
    )
    accept_index = iter(range(12, 24))
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse(
            "stories:curation_suggestion_accept",
            args=[world.private.pk, run.pk, next(accept_index)],
        ),
        lambda role: {
            "name": f"Voorstel {role}",
            "kind": "issue",
            "confirm": "on",
        },
        lambda: ThemeSuggestionChoice.objects.count(),
    )
    _post_matrix(
        world,
        CURATORS_WRITE,
        lambda role: reverse("stories:curation_suggestions", args=[world.private.pk]),
        lambda role: {},
        _runs_started,
    )


def _runs_started() -> int:
    # A waiting run is returned instead of starting another: let each one fail first.
    count = ThemeSuggestionRun.objects.count()
    ThemeSuggestionRun.objects.filter(state="queued").update(state="failed")
    return count


@pytest.mark.django_db
def test_an_admin_outside_the_team_keeps_evidence_they_may_not_hear_when_editing(world, scene):
    insight = scene["insight"]
    client = client_for(world, "org_admin")
    url = reverse("stories:curation_insight_edit", args=[insight.pk])
    form = client.get(url).content.decode()
    assert "TT4" not in form  # the team-only quote is not offered
    response = client.post(url, {"title": "Nieuw", "text": "Tekst", "quotes": []})
    assert response.status_code == 302
    assert set(insight.quotes.all()) == {scene["team_quote"]}
