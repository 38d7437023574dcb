"""Notes that become actions, stakeholders named in the models and the register, community
reporting items linked to stories, the canvas cross-references and the side-by-side
comparison with another initiative's model (views_links, views_compare).

Cells of the role matrices follow initiatives/tests/support.py ROLES: status code, L for a
redirect to sign in."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from constellate.cosmos import services, services_links
from constellate.cosmos.models import CosmosNote, CosmosStoryLink
from constellate.cosmos.schema import ASPECTS_BY_ID
from constellate.initiatives.tests.support import ROLES, client_for, shared_world_fixture

world = shared_world_fixture()

TEAM = "L L 404 200 404 200 200 200 404 200 404"
EDITORS = "L L 404 200 404 200 403 403 404 200 404"
EDITORS_POST = "L L 404 302 404 302 403 403 404 302 404"


def _expect(cells: str):
    return dict(zip(ROLES, cells.split(), strict=True))


def _check(response, expected: str, role: str) -> None:
    if expected == "L":
        assert response.status_code == 302, role
        assert "/accounts/login/" in response["Location"] or "login" in response["Location"], role
    else:
        assert response.status_code == int(expected), (role, response.status_code)


def _en(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _save(world, initiative, aspect_id, **parts):
    aspects = services.cosmos_ensure(initiative=initiative)
    data = ASPECTS_BY_ID[aspect_id].empty()
    data.update(parts)
    services.aspect_data_save(aspect=aspects[aspect_id], data=data, actor=world.users["lead"])
    return aspects[aspect_id]


def _note(world, body="Wie betaalt dit?", part="specDes"):
    return services_links.note_add(
        initiative=world.private,
        aspect_id="co_creation_of_service_model",
        part=part,
        body=body,
        actor=world.users["lead"],
    )


# -- Notes and actions ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_notes_page_and_adding_by_role(world, role):
    client = client_for(world, role)
    url = reverse("cosmos:notes", args=[world.private.pk, "co_creation_of_service_model"])
    _check(client.get(url), _expect(TEAM)[role], role)
    before = CosmosNote.objects.count()
    response = client.post(url, {"part": "policyDef", "body": "Beleid ontbreekt"})
    _check(response, _expect(EDITORS_POST)[role], role)
    assert CosmosNote.objects.count() == before + (_expect(EDITORS_POST)[role] == "302")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "part", "message"),
    [
        ("", "specDes", "Write something first."),
        ("   \n ", "", "Write something first."),
        ("x" * 2001, "", "Keep this under 2000 characters (now 2001)."),
        ("Goed", "nietBestaand", "Choose a part of the model from the list."),
        ("Nul\x00teken", "", "This text contains a character that cannot be stored."),
    ],
)
def test_note_bad_input_is_refused_and_nothing_saved(world, body, part, message):
    client = _en(client_for(world, "lead"))
    url = reverse("cosmos:notes", args=[world.private.pk, "co_creation_of_service_model"])
    response = client.post(url, {"part": part, "body": body})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CosmosNote.objects.exists()


@pytest.mark.django_db
def test_note_on_unknown_model_is_404(world):
    client = client_for(world, "lead")
    url = reverse("cosmos:notes", args=[world.private.pk, "no_such_model"])
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "x"}).status_code == 404


@pytest.mark.django_db
def test_note_markup_is_escaped(world):
    _note(world, body="<script>alert('x')</script>")
    client = client_for(world, "partner")
    url = reverse("cosmos:notes", args=[world.private.pk, "co_creation_of_service_model"])
    page = client.get(url).content.decode()
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(" in page


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_turning_a_note_into_an_action_by_role(world, role):
    note = _note(world)
    client = client_for(world, role)
    url = reverse("cosmos:note_action", args=[world.private.pk, note.pk])
    _check(client.get(url), _expect(EDITORS)[role], role)
    owner = world.users["partner"]
    response = client.post(url, {"owner": owner.pk, "due_on": "2030-01-15"})
    _check(response, _expect(EDITORS_POST)[role], role)
    note.refresh_from_db()
    assert note.is_action == (_expect(EDITORS_POST)[role] == "302")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"owner_text": "Wijkteam", "due_on": "31-02-2027"}, "due_on", "Enter a date as"),
        ({"owner_text": "Wijkteam", "due_on": "2027-02-30"}, "due_on", "Enter a date as"),
        ({"owner_text": "Wijkteam", "due_on": "morgen"}, "due_on", "Enter a date as"),
        ({"owner_text": "Wijkteam", "due_on": "2999-01-01"}, "due_on", "between a year ago"),
        ({"owner_text": "Wijkteam", "due_on": "1999-01-01"}, "due_on", "between a year ago"),
        ({"owner": "abc"}, "owner", "Choose a member of this initiative."),
        ({"owner": "99999999999999999999"}, "owner", "Choose a member of this initiative."),
        ({}, "owner", "Say who takes this on"),
        ({"owner_text": "x" * 121}, "owner_text", "Keep this under 120 characters"),
    ],
)
def test_action_bad_input_is_refused_and_note_unchanged(world, data, field, message):
    note = _note(world)
    client = _en(client_for(world, "lead"))
    url = reverse("cosmos:note_action", args=[world.private.pk, note.pk])
    response = client.post(url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    note.refresh_from_db()
    assert not note.is_action and note.owner is None and note.due_on is None


@pytest.mark.django_db
@pytest.mark.parametrize("outsider", ["other_org", "org_facilitator", "observer"])
def test_action_owner_must_be_a_member_of_the_initiative(world, outsider):
    note = _note(world)
    client = _en(client_for(world, "lead"))
    url = reverse("cosmos:note_action", args=[world.private.pk, note.pk])
    response = client.post(url, {"owner": world.users[outsider].pk})
    assert response.status_code == 400
    assert "Choose a member of this initiative." in response.content.decode()
    # The form offers members only.
    page = client.get(url).content.decode()
    assert f'value="{world.users[outsider].pk}"' not in page
    assert f'value="{world.users["partner"].pk}"' in page


@pytest.mark.django_db
def test_action_with_member_and_name_both_is_refused(world):
    note = _note(world)
    client = _en(client_for(world, "lead"))
    url = reverse("cosmos:note_action", args=[world.private.pk, note.pk])
    response = client.post(url, {"owner": world.users["partner"].pk, "owner_text": "Jan"})
    assert response.status_code == 400
    assert "not both" in response.content.decode()


@pytest.mark.django_db
def test_action_owner_sees_it_on_the_dashboard_and_marks_it_done(world):
    note = _note(world, body="Bel de wijkcoach")
    services_links.note_make_action(
        note=note,
        owner_id=world.users["partner"].pk,
        due_on=datetime.date.today().isoformat(),
        actor=world.users["lead"],
    )
    partner = _en(client_for(world, "partner"))
    dashboard = partner.get(reverse("initiatives:dashboard")).content.decode()
    assert "Your actions from COSMOS models" in dashboard
    assert "Bel de wijkcoach" in dashboard
    # Somebody else's dashboard does not show it.
    reporter = _en(client_for(world, "reporter"))
    assert "Bel de wijkcoach" not in reporter.get(reverse("initiatives:dashboard")).content.decode()
    # The initiative's actions list.
    actions = partner.get(reverse("cosmos:actions", args=[world.private.pk]))
    assert actions.status_code == 200 and "Bel de wijkcoach" in actions.content.decode()
    status_url = reverse("cosmos:note_status", args=[world.private.pk, note.pk])
    # Another member who is neither the owner nor an editor cannot close it.
    assert reporter.post(status_url, {"status": "done"}).status_code == 403
    assert partner.post(status_url, {"status": "nonsense"}).status_code == 302
    note.refresh_from_db()
    assert note.status == "open"
    assert partner.post(status_url, {"status": "done"}).status_code == 302
    note.refresh_from_db()
    assert note.status == "done" and note.done_at is not None
    assert "Bel de wijkcoach" not in partner.get(reverse("initiatives:dashboard")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_actions_page_by_role(world, role):
    _check(
        client_for(world, role).get(reverse("cosmos:actions", args=[world.private.pk])),
        _expect(TEAM)[role],
        role,
    )


@pytest.mark.django_db
def test_notes_are_not_reached_by_guessing_numbers(world):
    note = _note(world)
    other = client_for(world, "other_org")
    # Through the other organisation's own initiative, or through the right one: 404.
    for pk in (world.b_initiative.pk, world.private.pk, world.public.pk):
        for name in ("cosmos:note_action", "cosmos:note_status", "cosmos:note_delete"):
            url = reverse(name, args=[pk, note.pk])
            assert other.post(url, {"status": "done"}).status_code == 404, (name, pk)
    # The lead of both A initiatives, with the note's number under the other one: 404.
    lead = client_for(world, "lead")
    assert (
        lead.get(reverse("cosmos:note_action", args=[world.public.pk, note.pk])).status_code == 404
    )
    assert CosmosNote.objects.filter(pk=note.pk, is_action=False).exists()


@pytest.mark.django_db
def test_cosmos_annotations_round_trip_is_untouched_by_our_notes(world):
    _note(world)
    project = services.cosmos_ensure(initiative=world.private) and world.private.cosmos_project
    project.extra = {"data": {"annotations": [{"aspect": "analytic_model", "body": "Oud"}]}}
    project.save()
    _filename, content = services.cosmos_export(initiative=world.private)
    import io
    import json
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        name = next(n for n in archive.namelist() if n.endswith("project.json"))
        data = json.loads(archive.read(name))["data"]
    assert data["annotations"] == [{"aspect": "analytic_model", "body": "Oud"}]


# -- Stakeholders -------------------------------------------------------------------------------

MARKUP = "<b>Buurt</b>huis & co"


def _stakeholder_models(world):
    _save(
        world,
        world.private,
        "co_creation_of_service_model",
        policyDef={"label": "Gemeente Aardam", "type": "organisation", "colour": None, "url": None},
        delivery={"label": "WIJKTEAM", "type": "organisation", "colour": None, "url": None},
        user={"label": MARKUP, "type": "user", "colour": None, "url": None},
    )
    _save(
        world,
        world.private,
        "moral_ordering_model",
        deliver={
            "method": "",
            "actors": [{"label": "Wijkteam", "type": "organisation"}],
            "evidenceUrl": "",
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_stakeholder_page_by_role(world, role):
    _check(
        client_for(world, role).get(reverse("cosmos:stakeholders", args=[world.private.pk])),
        _expect(TEAM)[role],
        role,
    )


@pytest.mark.django_db
def test_named_stakeholders_match_the_register_ignoring_case(world):
    from constellate.stakeholders.services import stakeholder_create

    _stakeholder_models(world)
    entry = stakeholder_create(
        initiative=world.private, actor=world.users["lead"], name="wijkteam", entity="organisation"
    )
    client = _en(client_for(world, "lead"))
    page = client.get(reverse("cosmos:stakeholders", args=[world.private.pk])).content.decode()
    assert entry.get_absolute_url() in page
    # "WIJKTEAM" and "Wijkteam" are one name with both roles.
    assert page.count("Add to the register") == 2  # Gemeente Aardam and the markup name
    assert "Delivers the service" in page and "Who delivers it?" in page
    assert "<b>Buurt</b>" not in page and "&lt;b&gt;Buurt&lt;/b&gt;huis &amp; co" in page


@pytest.mark.django_db
def test_creating_from_the_models_is_idempotent_and_notes_the_role(world):
    from constellate.stakeholders.models import Stakeholder

    _stakeholder_models(world)
    client = _en(client_for(world, "lead"))
    url = reverse("cosmos:stakeholders", args=[world.private.pk])
    for _ in range(2):
        assert client.post(url, {"name": MARKUP.upper()}).status_code == 302
    rows = Stakeholder.objects.filter(initiative=world.private, name=MARKUP)
    assert rows.count() == 1
    created = rows.get()
    assert created.roles == ["user"]
    assert "Uses the service" in created.description or "user" in created.roles
    page = client.get(url).content.decode()
    assert created.get_absolute_url() in page
    assert "&lt;b&gt;Buurt&lt;/b&gt;" in page and "<b>Buurt</b>" not in page
    # The other helpers' names are still not in the register.
    assert not Stakeholder.objects.filter(initiative=world.private, name="Gemeente Aardam").exists()


@pytest.mark.django_db
def test_creating_a_name_not_in_the_models_is_refused(world):
    from constellate.stakeholders.models import Stakeholder

    _stakeholder_models(world)
    client = _en(client_for(world, "lead"))
    response = client.post(
        reverse("cosmos:stakeholders", args=[world.private.pk]),
        {"name": "Iemand anders"},
        follow=True,
    )
    assert "This name is not in the models" in response.content.decode()
    assert not Stakeholder.objects.filter(initiative=world.private).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["reporter", "partner", "org_facilitator", "observer", "other_org"]
)
def test_creating_needs_the_right_to_change_models(world, role):
    from constellate.stakeholders.models import Stakeholder

    _stakeholder_models(world)
    response = client_for(world, role).post(
        reverse("cosmos:stakeholders", args=[world.private.pk]), {"name": "Gemeente Aardam"}
    )
    assert response.status_code in (403, 404)
    assert not Stakeholder.objects.filter(initiative=world.private).exists()


@pytest.mark.django_db
def test_creating_needs_the_right_to_add_stakeholders_too(world, monkeypatch):
    from dataclasses import replace

    from django.core.exceptions import PermissionDenied

    from constellate.core.registry import registry
    from constellate.stakeholders.models import Stakeholder

    _stakeholder_models(world)
    monkeypatch.setattr(
        registry,
        "stakeholder_sink",
        replace(registry.stakeholder_sink, can_create=lambda user, initiative: False),
    )
    with pytest.raises(PermissionDenied):
        services_links.stakeholder_from_model(
            initiative=world.private, name="Gemeente Aardam", actor=world.users["lead"]
        )
    client = _en(client_for(world, "lead"))
    page = client.get(reverse("cosmos:stakeholders", args=[world.private.pk])).content.decode()
    assert "Add to the register" not in page and "Not in the register" in page
    assert not Stakeholder.objects.filter(initiative=world.private).exists()


# -- Stories ------------------------------------------------------------------------------------


def _stories(world):
    from constellate.stories.choices import Audience
    from constellate.stories.tests.factories import gathering_activity, told_story

    activity = gathering_activity(initiative=world.private)
    open_story, _ = told_story(
        activity, text="Het loket was dicht.", audience=Audience.ORGANISATION
    )
    team_story, _ = told_story(activity, text="Alleen voor het team.", audience=Audience.TEAM)
    _save(
        world,
        world.private,
        "community_reporting",
        data={"label": "", "items": [{"label": "Verhalen uit de wijk", "url": "", "image": False}]},
    )
    return open_story, team_story


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_story_page_by_role(world, role):
    _check(
        client_for(world, role).get(reverse("cosmos:stories", args=[world.private.pk])),
        _expect(TEAM)[role],
        role,
    )


@pytest.mark.django_db
def test_story_links_never_go_beyond_consent(world):
    from constellate.stories.services import story_withdraw

    open_story, team_story = _stories(world)
    url = reverse("cosmos:stories", args=[world.private.pk])
    lead = _en(client_for(world, "lead"))
    page = lead.get(url).content.decode()
    assert f'<option value="{open_story.pk}"' in page and f'<option value="{team_story.pk}"' in page
    for story in (open_story, team_story):
        assert (
            lead.post(url, {"item": "Verhalen uit de wijk", "story": story.pk}).status_code == 302
        )
    # Linking twice keeps one link.
    lead.post(url, {"item": "Verhalen uit de wijk", "story": open_story.pk})
    assert CosmosStoryLink.objects.count() == 2
    shown = lead.get(url).content.decode()
    assert shown.count("Remove the link") == 2

    # The organisation's admin edits the models but is not on the initiative's team: the
    # team-only story is neither offered nor shown, and cannot be linked by number.
    admin = _en(client_for(world, "org_admin"))
    admin_page = admin.get(url).content.decode()
    assert f'<option value="{team_story.pk}"' not in admin_page
    assert admin_page.count("Remove the link") == 1
    response = admin.post(
        url, {"item": "Verhalen uit de wijk", "story": team_story.pk}, follow=True
    )
    assert "Choose a story from the list." in response.content.decode()

    # A withdrawn story disappears from the link and from the choices.
    story_withdraw(story=open_story)
    after = lead.get(url).content.decode()
    assert after.count("Remove the link") == 1
    assert f'<option value="{open_story.pk}"' not in after


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"item": "Bestaat niet", "story": "1"}, "Choose an item of the list."),
        ({"item": "Verhalen uit de wijk", "story": "abc"}, "Choose a story from the list."),
        ({"item": "Verhalen uit de wijk", "story": "999999999"}, "Choose a story from the list."),
    ],
)
def test_story_link_bad_input(world, data, message):
    _stories(world)
    client = _en(client_for(world, "lead"))
    response = client.post(reverse("cosmos:stories", args=[world.private.pk]), data, follow=True)
    assert message in response.content.decode()
    assert not CosmosStoryLink.objects.exists()


@pytest.mark.django_db
def test_story_of_another_initiative_cannot_be_linked(world):
    from constellate.stories.tests.factories import gathering_activity, told_story

    _stories(world)
    elsewhere, _ = told_story(gathering_activity(initiative=world.public))
    client = _en(client_for(world, "lead"))
    client.post(
        reverse("cosmos:stories", args=[world.private.pk]),
        {"item": "Verhalen uit de wijk", "story": elsewhere.pk},
    )
    assert not CosmosStoryLink.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["reporter", "partner", "observer", "other_org"])
def test_viewers_never_link_stories(world, role):
    open_story, _team = _stories(world)
    response = client_for(world, role).post(
        reverse("cosmos:stories", args=[world.private.pk]),
        {"item": "Verhalen uit de wijk", "story": open_story.pk},
    )
    assert response.status_code in (403, 404)
    assert not CosmosStoryLink.objects.exists()


# -- Canvas ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_models_link_to_the_canvas_and_the_overview_to_the_models(world):
    client = _en(client_for(world, "lead"))
    page = client.get(
        reverse("cosmos:detail", args=[world.private.pk, "moral_ordering_model"])
    ).content.decode()
    canvas = reverse("initiatives:canvas", args=[world.private.pk])
    assert f'href="{canvas}#q-values"' in page
    overview = client.get(reverse("initiatives:detail", args=[world.private.pk])).content.decode()
    assert reverse("cosmos:detail", args=[world.private.pk, "analytic_model"]) in overview
    assert f"{canvas}#q-context" in overview
    listing = client.get(reverse("cosmos:list", args=[world.private.pk])).content.decode()
    for name in ("cosmos:actions", "cosmos:stakeholders", "cosmos:stories"):
        assert reverse(name, args=[world.private.pk]) in listing
    # The canvas page links each question to the models that take it further.
    canvas_page = client.get(canvas).content.decode()
    moral = reverse("cosmos:detail", args=[world.private.pk, "moral_ordering_model"])
    assert f'href="{moral}"' in canvas_page and "Taken further in" in canvas_page


@pytest.mark.django_db
def test_canvas_links_only_to_models_the_viewer_may_read(world):
    canvas = reverse("initiatives:canvas", args=[world.private.pk])
    moral = reverse("cosmos:detail", args=[world.private.pk, "moral_ordering_model"])
    # An observer of the organisation sees the canvas but not the private models.
    observer = client_for(world, "observer")
    assert f'href="{moral}"' not in observer.get(canvas).content.decode()
    row = _save(world, world.private, "moral_ordering_model", model={"title": "Waarden"})
    services.aspect_publish_set(aspect=row, published=True, actor=world.users["lead"])
    assert f'href="{moral}"' in observer.get(canvas).content.decode()
    # A hidden model is not linked, also not for the team.
    services.cosmos_models_set(
        initiative=world.private, enabled=["analytic_model"], actor=world.users["lead"]
    )
    lead_page = client_for(world, "lead").get(canvas).content.decode()
    assert f'href="{moral}"' not in lead_page
    analytic = reverse("cosmos:detail", args=[world.private.pk, "analytic_model"])
    assert f'href="{analytic}"' in lead_page


# -- Comparing with another initiative -------------------------------------------------------------

# The private initiative's analytic model compared with the public initiative's (same
# organisation; only the lead is on both teams).
COMPARE_PAGE = "404 404 404 200 404 200 200 200 404 200 404"
# ?with=<public> while the public initiative's model is private: only its team (the lead)
# and the organisation's admin.
WITH_PRIVATE_MODEL = "404 404 404 200 404 404 404 404 404 200 404"
# ... and once it is published: everyone who reads the private initiative's model.
WITH_PUBLISHED_MODEL = "404 404 404 200 404 200 200 200 404 200 404"


def _compare_models(world):
    _save(
        world,
        world.private,
        "analytic_model",
        model={"title": "Loket"},
        user={"label": "Werkzoekende", "type": "user", "colour": None, "url": None},
    )
    return _save(
        world,
        world.public,
        "analytic_model",
        model={"title": "Loket"},
        user={"label": "Inwoner", "type": "user", "colour": None, "url": None},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_compare_role_matrix(world, role):
    other = _compare_models(world)
    client = client_for(world, role)
    url = reverse("cosmos:compare", args=[world.private.pk, "analytic_model"])
    response = client.get(url)
    expected = _expect(COMPARE_PAGE)[role]
    assert response.status_code == (302 if role in ("anonymous", "participant") else int(expected))
    with_other = f"{url}?with={world.public.pk}"
    got = client.get(with_other).status_code
    assert got == (
        302 if role in ("anonymous", "participant") else int(_expect(WITH_PRIVATE_MODEL)[role])
    ), role
    services.aspect_publish_set(aspect=other, published=True, actor=world.users["lead"])
    got = client.get(with_other).status_code
    assert got == (
        302 if role in ("anonymous", "participant") else int(_expect(WITH_PUBLISHED_MODEL)[role])
    ), role


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["org_admin", "lead", "other_org"])
def test_another_organisations_initiative_is_never_offered_and_404_when_forced(world, role):
    _compare_models(world)
    b = _save(world, world.b_initiative, "analytic_model", model={"title": "Beekdorp"})
    services.aspect_publish_set(aspect=b, published=True, actor=world.users["other_org"])
    client = client_for(world, role)
    url = reverse("cosmos:compare", args=[world.private.pk, "analytic_model"])
    page = client.get(url)
    if role != "other_org":
        assert page.status_code == 200
        assert f'value="{world.b_initiative.pk}"' not in page.content.decode()
        assert f'value="{world.public.pk}"' in page.content.decode()
    for bad in (world.b_initiative.pk, world.private.pk, "abc", "99999999999999999999999"):
        assert client.get(f"{url}?with={bad}").status_code == 404, bad
    # From organisation B's side, organisation A is never offered either.
    other = client_for(world, "other_org")
    b_url = reverse("cosmos:compare", args=[world.b_initiative.pk, "analytic_model"])
    assert other.get(f"{b_url}?with={world.private.pk}").status_code == 404


@pytest.mark.django_db
def test_hidden_model_is_not_offered(world):
    _compare_models(world)
    services.cosmos_models_set(
        initiative=world.public,
        enabled=["user_journey_model"],
        actor=world.users["lead"],
    )
    client = client_for(world, "lead")
    url = reverse("cosmos:compare", args=[world.private.pk, "analytic_model"])
    assert f'value="{world.public.pk}"' not in client.get(url).content.decode()
    assert client.get(f"{url}?with={world.public.pk}").status_code == 404


@pytest.mark.django_db
def test_comparison_is_readable_with_differences_marked_in_words(world):
    _compare_models(world)
    client = _en(client_for(world, "lead"))
    url = reverse("cosmos:compare", args=[world.private.pk, "analytic_model"])
    page = client.get(f"{url}?with={world.public.pk}").content.decode()
    assert "Werkzoekende" in page and "Inwoner" in page
    assert "(different)" in page and "(same)" in page
    assert "<caption>" in page and 'scope="row"' in page
    assert "1 answer differs." in page


# -- Readers outside the team, personal data -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "observer", "lead"])
def test_published_model_page_shows_links_only_to_the_team(world, role):
    row = _save(world, world.public, "moral_ordering_model", model={"title": "Waarden"})
    services.aspect_publish_set(aspect=row, published=True, actor=world.users["lead"])
    services_links.note_add(
        initiative=world.public,
        aspect_id="moral_ordering_model",
        part="",
        body="Alleen voor het team",
        actor=world.users["lead"],
    )
    client = _en(client_for(world, role))
    page = client.get(reverse("cosmos:detail", args=[world.public.pk, "moral_ordering_model"]))
    assert page.status_code == 200
    html = page.content.decode()
    notes_url = reverse("cosmos:notes", args=[world.public.pk, "moral_ordering_model"])
    assert (notes_url in html) == (role == "lead")
    # The team's notes sit on the picture for the team only.
    assert ("Alleen voor het team" in html) == (role == "lead")
    compare_url = reverse("cosmos:compare", args=[world.public.pk, "moral_ordering_model"])
    assert (compare_url in html) == (role != "anonymous")
    assert ("Linked in Constellate" in html) == (role != "anonymous")


@pytest.mark.django_db
def test_notes_and_actions_are_exported_and_erased(world):
    from constellate.core.registry import registry

    note = _note(world, body="Mijn notitie")
    services_links.note_make_action(
        note=note, owner_id=world.users["partner"].pk, actor=world.users["lead"]
    )
    item = registry.personal_data["cosmos_notes"]
    lead_rows = list(item.export(world.users["lead"]))
    assert lead_rows[0]["note"] == "Mijn notitie"
    partner_rows = list(item.export(world.users["partner"]))
    assert partner_rows[0]["action_owner"] is True and partner_rows[0]["note"] == ""
    assert item.erase(world.users["partner"]) == 1
    assert item.erase(world.users["lead"]) == 1
    note.refresh_from_db()
    assert note.owner is None and note.created_by is None and note.body == "Mijn notitie"


@pytest.mark.django_db
def test_pages_cost_the_same_number_of_queries_for_more_rows(world):
    from constellate.initiatives.tests.support import page_queries
    from constellate.stakeholders.services import stakeholder_create

    client = client_for(world, "lead")
    urls = [
        reverse("cosmos:actions", args=[world.private.pk]),
        reverse("cosmos:notes", args=[world.private.pk, "co_creation_of_service_model"]),
        reverse("cosmos:stakeholders", args=[world.private.pk]),
        reverse("cosmos:stories", args=[world.private.pk]),
        reverse("initiatives:dashboard"),
    ]

    def add(n):
        for i in range(n):
            note = _note(world, body=f"Notitie {i}")
            services_links.note_make_action(
                note=note, owner_id=world.users["lead"].pk, due_on="", actor=world.users["lead"]
            )
            stakeholder_create(
                initiative=world.private,
                actor=world.users["lead"],
                name=f"Partij {i}",
                entity="organisation",
            )
        cards = {
            role: {"label": f"Partij {i}", "type": "organisation", "colour": None, "url": None}
            for i, role in enumerate(("policyDef", "specDes", "delivery", "evaluation")[:n])
        }
        _save(world, world.private, "co_creation_of_service_model", **cards)

    add(1)
    before = [page_queries(client, url)[0] for url in urls]
    add(4)
    after = [page_queries(client, url)[0] for url in urls]
    assert after == before
