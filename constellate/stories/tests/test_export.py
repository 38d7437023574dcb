"""The team's CSV export of stories: for curators only, and never beyond the teller's
consent (what the viewer may hear, use for analysis, the name only when named)."""

import csv
import io

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.core.models import AuditEvent
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture
from constellate.stories import services, services_curation
from constellate.stories.choices import Audience, ThemeKind
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()

# The curators of the initiative and the organisation's admin; others who see it get 403.
CURATORS = "L L 404 200 403 200 200 403 403 200 404"
# Which of them hear a team-only story (the admin outside the team does not).
HEARS_TEAM = "- - - no - yes yes - - yes -"


def _rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))


@pytest.fixture
def scene(world):
    activity = gathering_activity(initiative=world.private, title="Verhalen ophalen")
    team, _ = told_story(activity, text="Alleen het team TT4", audience=Audience.TEAM)
    named, _ = told_story(
        activity,
        text="Met mijn naam NN1",
        named=True,
        teller_name="Karel Jansen",
        teller_email="karel@example.org",
    )
    anonymous, _ = told_story(activity, text='=HYPERLINK("x") zonder naam AA2')
    anonymous.teller_name = "Geheime Naam"
    anonymous.save()
    no_analysis, _ = told_story(activity, text="Niet voor analyse XX9", analysis=False)
    b_activity = gathering_activity(initiative=world.b_initiative)
    told_story(b_activity, text="Verhaal uit Beekdorp BB2")
    lead = world.users["lead"]
    theme = services_curation.theme_create(
        initiative=world.private, actor=lead, name="Loket", kind=ThemeKind.ISSUE
    )
    services_curation.story_themes_set(story=named, themes=[theme], actor=lead)
    return {"activity": activity, "team": team, "named": named, "withdrawable": anonymous}


@pytest.mark.django_db
def test_only_curators_export_and_only_what_they_may_hear(world, scene):
    url = reverse("stories:export", args=[world.private.pk])
    hears_team = dict(zip(ROLES, HEARS_TEAM.split(), strict=True))
    for role, expected in zip(ROLES, CURATORS.split(), strict=True):
        response = client_for(world, role).get(url)
        if expected == "L":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
            continue
        assert response.status_code == int(expected), (role, response.status_code)
        if expected != "200":
            continue
        texts = " ".join(row_text for row in _rows(response) for row_text in row.values())
        assert ("TT4" in texts) == (hears_team[role] == "yes"), role
        assert "NN1" in texts and "AA2" in texts, role
        assert "XX9" not in texts, role  # the teller said no to analysis
        assert "BB2" not in texts, role  # another organisation


@pytest.mark.django_db
def test_names_only_when_named_never_an_email_and_cells_are_formula_safe(world, scene):
    client = client_for(world, "lead")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("stories:export", args=[world.private.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    rows = {row["Number"]: row for row in _rows(response)}
    named = rows[str(scene["named"].pk)]
    assert named["Name of the teller"] == "Karel Jansen"
    assert named["Themes"] == "Loket"
    assert named["Quotes allowed"] == "yes"
    other = rows[str(scene["withdrawable"].pk)]
    assert other["Name of the teller"] == ""
    assert other["Story"].startswith("'=HYPERLINK")
    body = str(rows)
    assert "karel@example.org" not in body and "Geheime Naam" not in body
    assert AuditEvent.objects.filter(action="stories.exported").count() == 1


@pytest.mark.django_db
def test_the_export_follows_the_search_and_loses_a_withdrawn_story(world, scene):
    client = client_for(world, "lead")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("stories:export", args=[world.private.pk])
    searched = _rows(client.get(url, {"q": "naam"}))
    assert {row["Number"] for row in searched} == {
        str(scene["named"].pk),
        str(scene["withdrawable"].pk),
    }
    services.story_withdraw(story=scene["withdrawable"])
    texts = str(_rows(client.get(url)))
    assert "AA2" not in texts and "NN1" in texts


@pytest.mark.django_db
def test_the_list_offers_the_export_to_curators_only(world, scene):
    url = reverse("stories:list", args=[world.private.pk])
    link = reverse("stories:export", args=[world.private.pk])
    assert link in client_for(world, "lead").get(url).content.decode()
    assert link not in client_for(world, "partner").get(url).content.decode()


@pytest.mark.django_db
def test_the_export_reads_a_fixed_number_of_queries(world, scene, django_assert_max_num_queries):
    client = client_for(world, "lead")
    url = reverse("stories:export", args=[world.private.pk])
    for n in range(30):
        told_story(scene["activity"], text=f"Nog een verhaal {n}")
    with django_assert_max_num_queries(20):
        assert len(_rows(client.get(url))) == 33
