"""The stories API gives the same answers as the pages, to the same people, and nothing more:
a matrix of every endpoint against every role; a team-only story never reaches someone who
sees the initiative only through the organisation; withdrawn and expired stories are gone;
quotes only while the teller allows them; files through the same checked download; lists in
pages; bad input a 4xx and nothing changed.

People as in initiatives/tests/support.ROLES; without a key (anonymous, or a participant's
cookie) the API answers 401. The initiative is PRIVATE. Cells: a status code, with a
trailing + when the request's change happened."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings

from constellate.accounts.services import api_token_create
from constellate.api import api
from constellate.core.models import AuditEvent
from constellate.initiatives.tests.support import ROLES, World, build_world, client_for, role_cells
from constellate.stories import services
from constellate.stories import services_curation as curation
from constellate.stories import services_mobilise as mobilise
from constellate.stories.choices import Audience, Keep, Medium
from constellate.stories.models import StoryCoding, StoryMedia
from constellate.stories.tests.conftest import tiny_wav
from constellate.stories.tests.factories import gathering_activity, told_story

TEAM_TEXT = "Alleen voor het team TQ4. Niet verder vertellen."
ORG_TEXT = "Voor de hele organisatie OQ7. Het loket was dicht."
B_TEXT = "Verhaal uit Beekdorp BQ2."

#          anon part other admin orgfac initfac rep  part obs  lead outside
VIEWERS = "401 401 404 200 200 200 200 200 200 200 404"
TEAM = "401 401 404 404 404 200 200 200 404 200 404"
CURATORS = "401 401 404 200 403 200 200 403 403 200 404"
CODERS = "401 401 404 200+ 403 200+ 200+ 403 403 200+ 404"
TEAM_CODERS = "401 401 404 404 404 200+ 200+ 403 404 200+ 404"
MOBILISERS = "401 401 404 200 403 200 200 200 403 200 404"
DRAFTS = "401 401 404 200 403 200 200 404 403 200 404"
# Who hears a team-only story (the organisation's admin outside the team does not).
HEARS_TEAM = {"init_facilitator", "reporter", "partner", "lead"}


@dataclass
class Case:
    id: str
    method: str
    path: str  # as in the OpenAPI schema
    url: Callable[[World, dict], str]
    expected: str
    payload: Callable[[World, dict], dict[str, Any]] | None = None
    effect: Callable[[World, dict], bool] | None = None


def _coded(scene, key: str) -> bool:
    return StoryCoding.objects.filter(story=scene[key], theme=scene["theme2"]).exists()


CASES = [
    Case(
        "list",
        "GET",
        "/api/v1/initiatives/{pk}/stories",
        lambda w, s: f"/api/v1/initiatives/{w.private.pk}/stories",
        VIEWERS,
    ),
    Case(
        "org_story",
        "GET",
        "/api/v1/stories/{pk}",
        lambda w, s: f"/api/v1/stories/{s['org'].pk}",
        VIEWERS,
    ),
    Case(
        "team_story",
        "GET",
        "/api/v1/stories/{pk}",
        lambda w, s: f"/api/v1/stories/{s['team'].pk}",
        TEAM,
    ),
    Case(
        "org_file",
        "GET",
        "/api/v1/stories/{pk}/files/{media_pk}",
        lambda w, s: f"/api/v1/stories/{s['org'].pk}/files/{s['org_media'].pk}",
        VIEWERS,
    ),
    Case(
        "team_file",
        "GET",
        "/api/v1/stories/{pk}/files/{media_pk}",
        lambda w, s: f"/api/v1/stories/{s['team'].pk}/files/{s['team_media'].pk}",
        TEAM,
    ),
    Case(
        "code_org",
        "PUT",
        "/api/v1/stories/{pk}/themes",
        lambda w, s: f"/api/v1/stories/{s['org'].pk}/themes",
        CODERS,
        payload=lambda w, s: {"themes": [s["theme"].pk, s["theme2"].pk]},
        effect=lambda w, s: _coded(s, "org"),
    ),
    Case(
        "code_team",
        "PUT",
        "/api/v1/stories/{pk}/themes",
        lambda w, s: f"/api/v1/stories/{s['team'].pk}/themes",
        TEAM_CODERS,
        payload=lambda w, s: {"themes": [s["theme2"].pk]},
        effect=lambda w, s: _coded(s, "team"),
    ),
    Case(
        "themes",
        "GET",
        "/api/v1/initiatives/{pk}/stories/themes",
        lambda w, s: f"/api/v1/initiatives/{w.private.pk}/stories/themes",
        CURATORS,
    ),
    Case(
        "insights",
        "GET",
        "/api/v1/initiatives/{pk}/insights",
        lambda w, s: f"/api/v1/initiatives/{w.private.pk}/insights",
        VIEWERS,
    ),
    Case(
        "packages",
        "GET",
        "/api/v1/initiatives/{pk}/packages",
        lambda w, s: f"/api/v1/initiatives/{w.private.pk}/packages",
        MOBILISERS,
    ),
    Case(
        "package",
        "GET",
        "/api/v1/packages/{pk}",
        lambda w, s: f"/api/v1/packages/{s['package'].pk}",
        MOBILISERS,
    ),
    Case(
        "draft",
        "GET",
        "/api/v1/packages/{pk}",
        lambda w, s: f"/api/v1/packages/{s['draft'].pk}",
        DRAFTS,
    ),
    Case(
        "conversations",
        "GET",
        "/api/v1/initiatives/{pk}/change-conversations",
        lambda w, s: f"/api/v1/initiatives/{w.private.pk}/change-conversations",
        MOBILISERS,
    ),
    Case(
        "conversation",
        "GET",
        "/api/v1/change-conversations/{pk}",
        lambda w, s: f"/api/v1/change-conversations/{s['conversation'].pk}",
        MOBILISERS,
    ),
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
        w = build_world()
        w.extra["keys"] = {
            role: api_token_create(user=user, name="test")[1] for role, user in w.users.items()
        }
        yield w
        transaction.set_rollback(True)


def _with_audio(story):
    media = StoryMedia(story=story, medium=Medium.AUDIO, mime="audio/wav", size=0)
    content = tiny_wav()
    media.size = len(content)
    media.file.save("test.wav", ContentFile(content), save=False)
    media.save()
    return media


@pytest.fixture
def scene(world, story_storage):
    lead = world.users["lead"]
    activity = gathering_activity(initiative=world.private, title="Verhalen ophalen")
    team, _ = told_story(activity, text=TEAM_TEXT, audience=Audience.TEAM)
    org, org_secret = told_story(activity, text=ORG_TEXT, audience=Audience.ORGANISATION)
    b_story, _ = told_story(gathering_activity(initiative=world.b_initiative), text=B_TEXT)
    theme = curation.theme_create(initiative=world.private, actor=lead, name="Loket", kind="issue")
    theme2 = curation.theme_create(initiative=world.private, actor=lead, name="Buurt", kind="asset")
    b_theme = curation.theme_create(
        initiative=world.b_initiative, actor=world.users["other_org"], name="Beek", kind="issue"
    )
    curation.story_themes_set(story=org, themes=[theme], actor=lead)
    quote = curation.quote_create(story=org, actor=lead, start=0, end=ORG_TEXT.index(".") + 1)
    team_quote = curation.quote_create(story=team, actor=lead, start=0, end=10)
    insight = curation.insight_save(
        initiative=world.private,
        actor=lead,
        title="Inzicht IQ8",
        text="Het loket",
        stories=[team, org],
        quotes=[quote, team_quote],
    )
    package = mobilise.package_save(
        initiative=world.private,
        actor=lead,
        title="Pakket PQ1",
        stories=[team, org],
        insights=[insight],
    )
    mobilise.package_publish(package=package, actor=lead)
    draft = mobilise.package_save(
        initiative=world.private, actor=lead, title="Concept DQ2", stories=[org]
    )
    conversation = mobilise.conversation_save(
        initiative=world.private,
        actor=lead,
        title="Gesprek GQ3",
        held_on=datetime.date(2026, 6, 1),
        package=package,
    )
    priority = mobilise.priority_add(
        conversation=conversation, text="Prio PQ5", stories=[team, org], insights=[insight]
    )
    action = mobilise.action_save(
        conversation=conversation, what="Actie AQ6", stories=[team, org], priority=priority
    )
    return {
        "activity": activity,
        "team": team,
        "org": org,
        "org_secret": org_secret,
        "b_story": b_story,
        "team_media": _with_audio(team),
        "org_media": _with_audio(org),
        "theme": theme,
        "theme2": theme2,
        "b_theme": b_theme,
        "quote": quote,
        "insight": insight,
        "package": package,
        "draft": draft,
        "conversation": conversation,
        "priority": priority,
        "action": action,
    }


def call(world: World, role: str, method: str, url: str, payload=None, *, lang=None, **extra):
    key = world.extra["keys"].get(role)
    client = client_for(world, role) if role == "participant" else Client()
    if lang:
        client.cookies["django_language"] = lang
    kwargs: dict[str, Any] = {}
    if key:
        kwargs["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    kwargs.update(extra)
    if payload is not None:
        if method == "GET":
            kwargs["data"] = payload
        else:
            kwargs.update(data=payload, content_type="application/json")
    return getattr(client, method.lower())(url, **kwargs)


def _body(response) -> str:
    if hasattr(response, "streaming_content"):
        return ""
    return response.content.decode()


def _check_leaks(body: str, role: str, where: str) -> None:
    assert B_TEXT not in body, f"{role} read organisation B's story on {where}"
    if role not in HEARS_TEAM:
        assert "TQ4" not in body, f"{role} read the team-only story on {where}"


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_role_gets_exactly_what_the_matrix_allows(world, scene, case):
    row = role_cells(case.expected)
    for role in ROLES:
        expected = row[role]
        if case.effect is not None:
            StoryCoding.objects.filter(theme=scene["theme2"]).delete()
        payload = case.payload(world, scene) if case.payload else None
        response = call(world, role, case.method, case.url(world, scene), payload)
        status = response.status_code
        assert status == int(expected.rstrip("+")), f"{role} got {status} on {case.id}"
        body = _body(response)
        _check_leaks(body, role, case.id)
        if status >= 400:
            assert "detail" in response.json()
        if case.effect is not None:
            happened = case.effect(world, scene)
            assert happened == expected.endswith("+"), f"{role}'s {case.method} on {case.id}"


def test_matrix_covers_every_endpoint_and_the_schema_lists_them(client):
    schema = api.get_openapi_schema()
    operations = {
        (method.upper(), path)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
        if "stories" in op.get("tags", [])
    }
    assert operations == {(case.method, case.path) for case in CASES}
    published = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(published["/api/v1/stories/{pk}/themes"]) == {"put"}


# Consent -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_team_only_story_never_reaches_the_organisations_admin(world, scene):
    team, org = scene["team"], scene["org"]
    admin = "org_admin"
    listed = call(world, admin, "GET", f"/api/v1/initiatives/{world.private.pk}/stories").json()
    assert [r["id"] for r in listed["items"]] == [org.pk]
    # even when asked for by its scope, or found by its words
    for query in ({"audience": "team"}, {"q": "TQ4"}):
        found = call(world, admin, "GET", f"/api/v1/initiatives/{world.private.pk}/stories", query)
        assert found.json()["count"] == 0
    package = call(world, admin, "GET", f"/api/v1/packages/{scene['package'].pk}").json()
    assert [s["id"] for s in package["stories"]] == [org.pk]
    assert package["stories_hidden"] == 1
    [insight] = package["insights"]
    assert [s["id"] for s in insight["stories"]] == [org.pk]
    assert [q["id"] for q in insight["quotes"]] == [scene["quote"].pk]
    assert insight["evidence_total"] == 4 and insight["evidence_hidden"] == 2
    conversation = call(
        world, admin, "GET", f"/api/v1/change-conversations/{scene['conversation'].pk}"
    ).json()
    [priority] = conversation["priorities"]
    assert [s["id"] for s in priority["stories"]] == [org.pk]
    assert priority["insights"] == [{"id": scene["insight"].pk, "title": "Inzicht IQ8"}]
    [action] = conversation["actions"]
    assert [s["id"] for s in action["stories"]] == [org.pk]
    assert action["priority"] == scene["priority"].pk
    # the team hears both
    lead = call(world, "lead", "GET", f"/api/v1/packages/{scene['package'].pk}").json()
    assert {s["id"] for s in lead["stories"]} == {team.pk, org.pk}
    assert lead["stories_hidden"] == 0


@pytest.mark.django_db
def test_one_story_with_consent_themes_quotes_path_and_files(world, scene):
    org = scene["org"]
    data = call(world, "partner", "GET", f"/api/v1/stories/{org.pk}").json()
    assert data["text"] == ORG_TEXT and data["audience"] == "organisation"
    assert data["consent"]["audience"] == "organisation" and data["consent"]["quotes"] is True
    assert data["consent"]["keep"] == "2y" and data["teller_name"] is None
    assert data["themes"] == [{"id": scene["theme"].pk, "name": "Loket", "kind": "issue"}]
    assert data["quotes_allowed"] is True
    assert [q["text"] for q in data["quotes"]] == ["Voor de hele organisatie OQ7."]
    assert data["path"]["insights"] == [{"id": scene["insight"].pk, "title": "Inzicht IQ8"}]
    assert [p["id"] for p in data["path"]["packages"]] == [scene["package"].pk]
    assert [a["title"] for a in data["path"]["actions"]] == ["Actie AQ6"]
    [file] = data["files"]
    assert file["medium"] == "audio" and file["id"] == scene["org_media"].pk
    assert file["url"].endswith(f"/api/v1/stories/{org.pk}/files/{scene['org_media'].pk}")
    download = call(world, "partner", "GET", file["url"])
    assert download.status_code == 200 and download["Content-Type"] == "audio/wav"
    assert b"".join(download.streaming_content).startswith(b"RIFF")
    part = call(world, "partner", "GET", file["url"], HTTP_RANGE="bytes=0-3")
    assert part.status_code == 206 and part.content == b"RIFF"
    # a file of one story is not reached through another story's address
    wrong = f"/api/v1/stories/{org.pk}/files/{scene['team_media'].pk}"
    assert call(world, "lead", "GET", wrong).status_code == 404
    # reading it is in the audit log, as on its page
    assert AuditEvent.objects.filter(
        action="story.viewed", actor=world.users["partner"], object_id=str(org.pk)
    ).exists()


@pytest.mark.django_db
def test_quotes_only_while_the_teller_allows_them(world, scene):
    org = scene["org"]
    services.consent_give(
        story=org,
        audience=Audience.ORGANISATION,
        analysis=True,
        quotes=False,
        named=False,
        keep=Keep.TWO_YEARS,
    )
    data = call(world, "lead", "GET", f"/api/v1/stories/{org.pk}").json()
    assert data["quotes_allowed"] is False and data["quotes"] == [] and data["clips"] == []
    assert data["consent"]["quotes"] is False
    insights = call(world, "lead", "GET", f"/api/v1/initiatives/{world.private.pk}/insights")
    [insight] = insights.json()["items"]
    assert scene["quote"].pk not in [q["id"] for q in insight["quotes"]]
    package = call(world, "lead", "GET", f"/api/v1/packages/{scene['package'].pk}").json()
    assert scene["quote"].pk not in [q["id"] for q in package["quotes"]]
    assert scene["quote"].pk not in [q["id"] for i in package["insights"] for q in i["quotes"]]


@pytest.mark.django_db
def test_a_withdrawn_story_is_gone_from_every_endpoint(world, scene):
    org, media = scene["org"], scene["org_media"]
    services.story_withdraw(story=org)
    for role in ("lead", "org_admin"):
        listed = call(world, role, "GET", f"/api/v1/initiatives/{world.private.pk}/stories")
        assert org.pk not in [r["id"] for r in listed.json()["items"]]
        for url in (f"/api/v1/stories/{org.pk}", f"/api/v1/stories/{org.pk}/files/{media.pk}"):
            assert call(world, role, "GET", url).status_code == 404
        for url in (
            f"/api/v1/initiatives/{world.private.pk}/insights",
            f"/api/v1/packages/{scene['package'].pk}",
            f"/api/v1/change-conversations/{scene['conversation'].pk}",
        ):
            assert "OQ7" not in call(world, role, "GET", url).content.decode(), (role, url)
    code = call(world, "lead", "PUT", f"/api/v1/stories/{org.pk}/themes", {"themes": []})
    assert code.status_code == 404


@pytest.mark.django_db
def test_an_expired_story_is_gone(world, scene):
    org = scene["org"]
    services.stories_expire(today=datetime.date.today() + datetime.timedelta(days=365 * 3))
    assert call(world, "lead", "GET", f"/api/v1/stories/{org.pk}").status_code == 404
    listed = call(world, "lead", "GET", f"/api/v1/initiatives/{world.private.pk}/stories")
    assert listed.json()["count"] == 0


# Another organisation ----------------------------------------------------------------------


@pytest.mark.django_db
def test_another_organisation_sees_nothing_and_codes_nothing(world, scene):
    for url in (
        f"/api/v1/initiatives/{world.private.pk}/stories",
        f"/api/v1/stories/{scene['org'].pk}",
        f"/api/v1/packages/{scene['package'].pk}",
    ):
        response = call(world, "other_org", "GET", url, lang="en")
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}
    # B's admin reads B's own story, but cannot code it with A's theme
    b_story = scene["b_story"]
    assert call(world, "other_org", "GET", f"/api/v1/stories/{b_story.pk}").status_code == 200
    refused = call(
        world,
        "other_org",
        "PUT",
        f"/api/v1/stories/{b_story.pk}/themes",
        {"themes": [scene["theme"].pk]},
        lang="en",
    )
    assert refused.status_code == 422
    assert refused.json()["errors"] == {"themes": ["Choose themes of this initiative."]}
    assert not StoryCoding.objects.filter(story=b_story).exists()


# Writes and bad input ----------------------------------------------------------------------


@pytest.mark.django_db
def test_coding_replaces_the_themes_and_refuses_foreign_or_broken_ids(world, scene):
    org, theme, theme2 = scene["org"], scene["theme"], scene["theme2"]
    url = f"/api/v1/stories/{org.pk}/themes"
    done = call(world, "reporter", "PUT", url, {"themes": [theme2.pk]})
    assert done.status_code == 200
    assert done.json() == [{"id": theme2.pk, "name": "Buurt", "kind": "asset"}]
    assert set(StoryCoding.objects.filter(story=org).values_list("theme_id", flat=True)) == {
        theme2.pk
    }
    for bad in (
        {"themes": [theme.pk, scene["b_theme"].pk]},
        {"themes": [10**30]},
        {"themes": ["x"]},
        {"themes": None},
        {},
    ):
        response = call(world, "lead", "PUT", url, bad)
        assert response.status_code == 422, bad
    assert set(StoryCoding.objects.filter(story=org).values_list("theme_id", flat=True)) == {
        theme2.pk
    }
    observer = call(world, "observer", "PUT", url, {"themes": []}, lang="en")
    assert observer.json() == {"detail": "You may not curate the stories of this initiative."}


@pytest.mark.django_db
def test_unknown_filters_and_page_numbers_are_refused(world, scene):
    url = f"/api/v1/initiatives/{world.private.pk}/stories"
    for query in (
        {"story_type": "poem"},
        {"medium": "smell"},
        {"audience": "world"},
        {"activity": "0"},
        {"activity": "9" * 30},
        {"page": "0"},
        {"page": "9" * 20},
        {"page_size": "0"},
    ):
        assert call(world, "lead", "GET", url, query).status_code == 422, query
    for url in (
        "/api/v1/stories/99999999999999999999",
        "/api/v1/stories/0",
        "/api/v1/packages/99999999999999999999",
        "/api/v1/change-conversations/-1",
        "/api/v1/initiatives/99999999999999999999/stories",
    ):
        assert call(world, "lead", "GET", url).status_code in (404, 422), url
    hostile = call(
        world,
        "lead",
        "GET",
        f"/api/v1/initiatives/{world.private.pk}/stories",
        {"q": '\x00\' OR 1=1 -- "NEAR("' * 20},
    )
    assert hostile.status_code == 200


@pytest.mark.django_db
def test_stories_come_in_pages_and_search_and_filter_as_the_list_page(world, scene):
    activity = scene["activity"]
    for n in range(28):
        told_story(activity, text=f"Verhaal nummer {n:02d} over de bibliotheek")
    url = f"/api/v1/initiatives/{world.private.pk}/stories"
    first = call(world, "partner", "GET", url).json()
    assert first["count"] == 30 and len(first["items"]) == 25
    second = call(world, "partner", "GET", url, {"page": 2}).json()
    assert len(second["items"]) == 5
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}
    # newest first
    assert first["items"][0]["excerpt"].startswith("Verhaal nummer 27")
    found = call(world, "partner", "GET", url, {"q": "bibliotheek 07"}).json()
    assert [r["excerpt"] for r in found["items"]] == ["Verhaal nummer 07 over de bibliotheek"]
    team = call(world, "partner", "GET", url, {"audience": "team"}).json()
    assert [r["id"] for r in team["items"]] == [scene["team"].pk]
    media = call(world, "partner", "GET", url, {"medium": "audio"}).json()
    assert {r["id"] for r in media["items"]} == {scene["team"].pk, scene["org"].pk}
    assert media["items"][0]["media"] == ["audio"]
    by_activity = call(world, "partner", "GET", url, {"activity": activity.pk + 1000}).json()
    assert by_activity["count"] == 0 and by_activity["more"] is False
    assert first["more"] is False


@pytest.mark.django_db
def test_the_count_of_a_long_list_stops_at_the_cap(world, scene, monkeypatch):
    from constellate.stories import api as stories_api

    monkeypatch.setattr(stories_api, "COUNT_CAP", 1)
    url = f"/api/v1/initiatives/{world.private.pk}/stories"
    capped = call(world, "lead", "GET", url, {"page_size": 1}).json()
    assert capped["count"] == 1 and capped["more"] is True
    last = call(world, "lead", "GET", url, {"page_size": 1, "page": 2}).json()
    assert len(last["items"]) == 1
    assert call(world, "lead", "GET", url, {"page_size": 1, "page": 3}).json()["items"] == []


@pytest.mark.django_db
def test_drafts_only_for_curators_in_the_package_list(world, scene):
    url = f"/api/v1/initiatives/{world.private.pk}/packages"
    lead = [p["title"] for p in call(world, "lead", "GET", url).json()["items"]]
    partner = [p["title"] for p in call(world, "partner", "GET", url).json()["items"]]
    assert set(lead) == {"Pakket PQ1", "Concept DQ2"} and partner == ["Pakket PQ1"]
    conversations = call(
        world, "partner", "GET", f"/api/v1/initiatives/{world.private.pk}/change-conversations"
    ).json()
    [row] = conversations["items"]
    assert row["title"] == "Gesprek GQ3" and row["package"]["id"] == scene["package"].pk
    assert row["priority_count"] == 1 and row["action_count"] == 1 and row["open_count"] == 1


@pytest.mark.django_db
def test_observer_message_for_mobilisation_is_translated(world, scene):
    url = f"/api/v1/initiatives/{world.private.pk}/packages"
    english = call(world, "observer", "GET", url, lang="en").json()
    assert english == {
        "detail": "Only the team of this initiative sees its packages and conversations of change."
    }


@pytest.mark.django_db
def test_lists_take_the_same_number_of_queries_however_long(world, scene):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = (
        f"/api/v1/initiatives/{world.private.pk}/stories",
        f"/api/v1/initiatives/{world.private.pk}/insights",
        f"/api/v1/initiatives/{world.private.pk}/packages",
        f"/api/v1/initiatives/{world.private.pk}/change-conversations",
        f"/api/v1/change-conversations/{scene['conversation'].pk}",
    )

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as ctx:
                assert call(world, "lead", "GET", url).status_code == 200
            result.append(len(ctx.captured_queries))
        return result

    counts()  # the key's first use of the day is written down once
    before = counts()
    lead = world.users["lead"]
    for n in range(5):
        story, _ = told_story(scene["activity"], text=f"Nog een verhaal {n}")
        _with_audio(story)
        insight = curation.insight_save(
            initiative=world.private, actor=lead, title=f"I{n}", text="T", stories=[story]
        )
        mobilise.package_save(initiative=world.private, actor=lead, title=f"P{n}", stories=[story])
        conversation = mobilise.conversation_save(
            initiative=world.private,
            actor=lead,
            title=f"G{n}",
            held_on=datetime.date(2026, 6, 2),
            package=scene["package"],
        )
        mobilise.priority_add(
            conversation=scene["conversation"], text=f"P{n}", stories=[story], insights=[insight]
        )
        mobilise.action_save(conversation=scene["conversation"], what=f"A{n}", stories=[story])
        assert conversation
    assert counts() == before
