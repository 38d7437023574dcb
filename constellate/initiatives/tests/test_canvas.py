"""The canvas of six starting questions: versions, conflicts, comparison, history and print."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives import canvas as canvas_mod
from constellate.initiatives import services
from constellate.initiatives.forms import MAX_ROWS
from constellate.initiatives.models import CanvasVersion
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import canvas_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative():
    return InitiativeFactory(title="Werk en inkomen Houten")


@pytest.fixture
def lead(initiative):
    user = member(initiative.organisation, OrgRole.FACILITATOR, display_name="Lea Lead")
    InitiativeMembershipFactory(initiative=initiative, user=user, role=InitiativeRole.LEAD)
    return user


@pytest.fixture
def colleague(initiative):
    user = member(initiative.organisation, OrgRole.FACILITATOR, display_name="Carl Collega")
    InitiativeMembershipFactory(initiative=initiative, user=user, role=InitiativeRole.FACILITATOR)
    return user


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _edit_url(initiative):
    return reverse("initiatives:canvas_edit", args=[initiative.pk])


def _messages(client, response):
    page = client.get(response["Location"])
    return [(m.level_tag, str(m)) for m in page.context["messages"]]


def test_every_save_keeps_a_version_with_number_author_and_changed_questions(
    initiative, lead, colleague
):
    first = _client(lead).post(_edit_url(initiative), canvas_payload(context={"place": "Houten"}))
    assert first.status_code == 302
    assert first["Location"] == reverse("initiatives:canvas", args=[initiative.pk])
    v1 = CanvasVersion.objects.get()
    assert (v1.number, v1.author, v1.changed_sections) == (1, lead, ["context"])

    _client(colleague).post(
        _edit_url(initiative),
        canvas_payload(
            context={"place": "Houten"},
            goals=[{"goal": "Sneller werk", "why": "Mensen wachten lang", "driver": "need"}],
            tools=["journey_map"],
            base_version=1,
        ),
    )
    v2 = CanvasVersion.objects.get(number=2)
    assert v2.author == colleague
    assert v2.changed_sections == ["goals", "tools"]
    assert v2.data["goals"] == [
        {"goal": "Sneller werk", "why": "Mensen wachten lang", "driver": "need"}
    ]
    # The earlier version is untouched.
    v1.refresh_from_db()
    assert v1.data["goals"] == []


def test_saving_without_a_change_makes_no_version(initiative, lead):
    client = _client(lead)
    first = client.post(_edit_url(initiative), canvas_payload(context={"place": "Houten"}))
    assert [level for level, _text in _messages(client, first)] == ["success"]
    response = client.post(
        _edit_url(initiative), canvas_payload(context={"place": "  Houten  "}, base_version=1)
    )
    assert response.status_code == 302
    assert CanvasVersion.objects.count() == 1
    assert [level for level, _text in _messages(client, response)] == ["info"]


def test_empty_rows_are_left_out(initiative, lead):
    _client(lead).post(
        _edit_url(initiative),
        canvas_payload(
            goals=[{"goal": "Echt doel"}, {"goal": "", "why": ""}],
            values=[{"value": ""}, {"value": "Gelijkwaardigheid", "meaning": "Iedereen telt"}],
        ),
    )
    data = CanvasVersion.objects.get().data
    assert [g["goal"] for g in data["goals"]] == ["Echt doel"]
    assert data["values"] == [{"value": "Gelijkwaardigheid", "meaning": "Iedereen telt"}]


def test_two_saves_from_the_same_base_are_both_kept_with_a_warning(initiative, lead, colleague):
    services.canvas_save(initiative=initiative, data={"context": {"place": "Houten"}}, author=lead)
    # Both open the edit page at version 1.
    lead_client, colleague_client = _client(lead), _client(colleague)
    assert lead_client.get(_edit_url(initiative)).context["base_version"] == 1
    assert colleague_client.get(_edit_url(initiative)).context["base_version"] == 1
    first = lead_client.post(
        _edit_url(initiative),
        canvas_payload(context={"place": "Houten-Zuid"}, base_version=1),
    )
    assert [lvl for lvl, _t in _messages(lead_client, first)] == ["success"]
    second = colleague_client.post(
        _edit_url(initiative),
        canvas_payload(context={"place": "Houten", "policy": "Participatiewet"}, base_version=1),
    )
    assert second.status_code == 302
    assert [lvl for lvl, _t in _messages(colleague_client, second)] == ["warning"]
    versions = list(CanvasVersion.objects.order_by("number"))
    assert [v.number for v in versions] == [1, 2, 3]
    assert versions[1].data["context"]["place"] == "Houten-Zuid"
    assert versions[2].data["context"]["policy"] == "Participatiewet"
    assert versions[2].author == colleague


def test_compare_shows_added_and_removed_lines_per_question(initiative, lead):
    services.canvas_save(
        initiative=initiative,
        data={
            "context": {"place": "Houten"},
            "values": [{"value": "Openheid"}, {"value": "Respect"}],
        },
        author=lead,
    )
    services.canvas_save(
        initiative=initiative,
        data={
            "context": {"place": "Houten"},
            "values": [{"value": "Respect"}, {"value": "Gelijkwaardigheid"}],
        },
        author=lead,
    )
    response = _client(lead).get(
        reverse("initiatives:canvas_compare", args=[initiative.pk]), {"a": 1, "b": 2}
    )
    assert response.status_code == 200
    sections = {s["question"].key: s for s in response.context["sections"]}
    assert len(sections) == 6
    assert sections["context"]["changed"] is False
    values = [(line.op, line.text) for line in sections["values"]["lines"]]
    assert ("removed", "Openheid") in values
    assert ("added", "Gelijkwaardigheid") in values
    assert ("same", "Respect") in values
    body = response.content.decode()
    assert re.search(r"<del>.*Openheid</del>", body)
    assert re.search(r"<ins>.*Gelijkwaardigheid</ins>", body)


def test_compare_with_versions_in_either_order_puts_the_older_first(initiative, lead):
    for place in ("Houten", "Utrecht"):
        services.canvas_save(initiative=initiative, data={"context": {"place": place}}, author=lead)
    response = _client(lead).get(
        reverse("initiatives:canvas_compare", args=[initiative.pk]), {"a": 2, "b": 1}
    )
    assert (response.context["old"].number, response.context["new"].number) == (1, 2)


def test_compare_of_versions_that_do_not_exist_goes_back_with_a_message(initiative, lead):
    services.canvas_save(initiative=initiative, data={"context": {"place": "X"}}, author=lead)
    client = _client(lead)
    response = client.get(
        reverse("initiatives:canvas_compare", args=[initiative.pk]), {"a": 1, "b": 7}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:canvas_history", args=[initiative.pk])
    assert [lvl for lvl, _t in _messages(client, response)] == ["error"]


def test_compare_without_any_version_goes_back_to_the_canvas(initiative, lead):
    response = _client(lead).get(reverse("initiatives:canvas_compare", args=[initiative.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:canvas", args=[initiative.pk])


def test_history_is_paginated_newest_first(initiative, lead, settings):
    for n in range(30):
        services.canvas_save(
            initiative=initiative, data={"context": {"place": f"Plek {n}"}}, author=lead
        )
    client = _client(lead)
    url = reverse("initiatives:canvas_history", args=[initiative.pk])
    first = client.get(url)
    assert first.status_code == 200
    numbers = [v.number for v in first.context["page"]]
    assert numbers == list(range(30, 30 - settings.PAGE_SIZE, -1))
    assert first.context["page"].has_next()
    second = client.get(url, {"page": 2})
    assert [v.number for v in second.context["page"]] == list(range(30 - settings.PAGE_SIZE, 0, -1))
    # A page number that does not exist shows the nearest page, not an error.
    assert client.get(url, {"page": 99}).context["page"].number == 2
    assert client.get(url, {"page": "abc"}).context["page"].number == 1


def test_print_view_renders_all_six_questions(initiative, lead):
    services.canvas_save(
        initiative=initiative,
        data={"context": {"place": "Houten"}, "goals": [{"goal": "Korter wachten"}]},
        author=lead,
    )
    response = _client(lead).get(reverse("initiatives:canvas_print", args=[initiative.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for question in canvas_mod.QUESTIONS:
        assert f'id="q-{question.key}"' in body
    assert "Korter wachten" in body
    assert "Werk en inkomen Houten" in body


def test_print_view_of_an_older_version(initiative, lead):
    for place in ("Eerste plek", "Tweede plek"):
        services.canvas_save(initiative=initiative, data={"context": {"place": place}}, author=lead)
    client = _client(lead)
    url = reverse("initiatives:canvas_print", args=[initiative.pk])
    assert "Eerste plek" in client.get(url, {"version": 1}).content.decode()
    assert "Tweede plek" in client.get(url).content.decode()
    assert client.get(url, {"version": 9}).status_code == 404


def test_add_a_row_posts_back_without_saving_and_keeps_typed_text(initiative, lead):
    client = _client(lead)
    page = client.get(_edit_url(initiative))
    assert page.context["forms"].lists["goals"].total_form_count() == 1
    response = client.post(
        _edit_url(initiative),
        canvas_payload(
            context={"place": "Getypte plek"},
            goals=[{"goal": "Getypt doel", "why": "Getypte reden"}],
            values=[{"value": "Getypte waarde"}],
            tools=["survey"],
            tools_note="Getypte notitie",
            add_row="goals",
            save=None,
        ),
    )
    assert response.status_code == 200
    assert CanvasVersion.objects.count() == 0
    goals = response.context["forms"].lists["goals"]
    assert goals.total_form_count() >= 2
    body = response.content.decode()
    for typed in (
        "Getypte plek",
        "Getypt doel",
        "Getypte reden",
        "Getypte waarde",
        "Getypte notitie",
    ):
        assert typed in body
    assert re.search(r'value="survey"[^>]*checked', body)
    # The next save keeps what was typed.
    saved = client.post(
        _edit_url(initiative),
        canvas_payload(
            context={"place": "Getypte plek"},
            goals=[{"goal": "Getypt doel", "why": "Getypte reden"}, {"goal": "Tweede doel"}],
        ),
    )
    assert saved.status_code == 302
    assert [g["goal"] for g in CanvasVersion.objects.get().data["goals"]] == [
        "Getypt doel",
        "Tweede doel",
    ]


def test_add_a_row_stops_at_the_maximum(initiative, lead):
    rows = [{"goal": f"Doel {n}"} for n in range(MAX_ROWS)]
    response = _client(lead).post(
        _edit_url(initiative), canvas_payload(goals=rows, add_row="goals", save=None)
    )
    assert response.status_code == 200
    assert response.context["forms"].lists["goals"].total_form_count() <= MAX_ROWS
    assert CanvasVersion.objects.count() == 0


def test_canvas_page_shows_the_newest_version(initiative, lead):
    services.canvas_save(initiative=initiative, data={"context": {"place": "Oud"}}, author=lead)
    services.canvas_save(initiative=initiative, data={"context": {"place": "Nieuw"}}, author=lead)
    response = _client(lead).get(reverse("initiatives:canvas", args=[initiative.pk]))
    assert response.context["version"].number == 2
    body = response.content.decode()
    assert "Nieuw" in body
    assert "Lea Lead" in body


def test_a_row_with_a_reason_but_no_goal_is_refused_next_to_the_row(initiative, lead):
    response = _client(lead).post(
        _edit_url(initiative), canvas_payload(goals=[{"goal": "", "why": "Alleen een reden"}])
    )
    assert response.status_code == 200
    assert response.context["forms"].lists["goals"].forms[0].errors["goal"]
    assert response.context["forms"].error_count == 1
    assert "Alleen een reden" in response.content.decode()
    assert CanvasVersion.objects.count() == 0
