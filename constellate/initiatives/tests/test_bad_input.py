"""Bad input on every form of the initiatives app: empty, oversized, malformed, wrongly encoded
and NUL-bearing values. Each gets a message next to its field or a clean 4xx, never a 500, and
nothing is half-saved (every row of every table is compared before and after)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from constellate.initiatives.tests.support import (
    BIG_NUMBER,
    HUGE,
    INVALID_UTF8_BODIES,
    NUL,
    World,
    activity_payload,
    canvas_payload,
    client_for,
    initiative_payload,
    shared_world_fixture,
    snapshot,
)

pytestmark = pytest.mark.django_db

world = shared_world_fixture()


@dataclass
class Form:
    name: str
    url: Callable[[World], str]
    payload: Callable[..., dict[str, Any]]


CREATE = Form("initiative_create", lambda w: reverse("initiatives:create"), initiative_payload)
EDIT = Form(
    "initiative_edit",
    lambda w: reverse("initiatives:edit", args=[w.private.pk]),
    initiative_payload,
)
ACTIVITY_CREATE = Form(
    "activity_create",
    lambda w: reverse("initiatives:activity_create", args=[w.private.pk]),
    activity_payload,
)
ACTIVITY_EDIT = Form(
    "activity_edit",
    lambda w: reverse("initiatives:activity_edit", args=[w.activity.pk]),
    activity_payload,
)

INITIATIVE_BAD = [
    ("title", ""),
    ("title", "   "),
    ("title", HUGE),
    ("title", NUL),
    ("summary", ""),
    ("summary", HUGE),
    ("summary", NUL),
    ("service_area", "unknown"),
    ("service_area", ""),
    ("service_area", HUGE),
    ("place", HUGE),
    ("place", NUL),
    ("target_groups", HUGE),
    ("target_groups", "\n".join(f"Groep {n}" for n in range(31))),
    ("target_groups", "Jongeren\nOuderen" + NUL),
    ("languages", ["xx"]),
    ("languages", [HUGE]),
    ("languages", ["nl" + NUL]),
    ("visibility", "secret"),
    ("visibility", ""),
    ("status", "deleted"),
    ("status", NUL),
]

ACTIVITY_BAD = [
    ("title", ""),
    ("title", HUGE),
    ("title", NUL),
    ("kind", "rocket"),
    ("kind", ""),
    ("purpose", ""),
    ("purpose", HUGE),
    ("purpose", NUL),
    ("opens_on", ""),
    ("opens_on", "2026-02-31"),
    ("opens_on", "not a date"),
    ("opens_on", "99999-01-01"),
    ("opens_on", HUGE),
    ("opens_on", NUL),
    ("closes_on", "2026-13-01"),
    ("closes_on", "2000-01-01"),
    ("phases", []),
    ("phases", ["co_nothing"]),
    ("phases", [HUGE]),
    ("setting", "moon"),
    ("setting", ""),
    ("location", HUGE),
    ("location", NUL),
    ("run_by", "abc"),
    ("run_by", "-1"),
    ("run_by", "1.5"),
    ("run_by", BIG_NUMBER),
    ("run_by", NUL),
    ("run_by_note", HUGE),
    ("run_by_note", NUL),
]


def _short(value) -> str:
    text = repr(value)
    return text if len(text) < 30 else f"{text[:20]}...({len(str(value))})"


def _cases(forms, bad):
    for form in forms:
        for field, value in bad:
            yield pytest.param(form, field, value, id=f"{form.name}-{field}-{_short(value)}")


def _assert_refused_next_to_field(response, field: str, form_key: str = "form") -> None:
    assert response.status_code == 200, response.status_code
    form = response.context[form_key]
    assert field in form.errors, form.errors
    # The message sits next to the field (ids tie it to the input for screen readers).
    body = response.content.decode()
    assert f'id="{form[field].auto_id}_errors"' in body
    assert "error-summary" in body


@pytest.mark.parametrize("form, field, value", list(_cases([CREATE, EDIT], INITIATIVE_BAD)))
def test_bad_initiative_input_is_refused_next_to_its_field(world, form, field, value):
    client = client_for(world, "org_admin")
    before = snapshot()
    response = client.post(form.url(world), form.payload(**{field: value}))
    _assert_refused_next_to_field(response, field)
    assert snapshot() == before


@pytest.mark.parametrize(
    "form, field, value", list(_cases([ACTIVITY_CREATE, ACTIVITY_EDIT], ACTIVITY_BAD))
)
def test_bad_activity_input_is_refused_next_to_its_field(world, form, field, value):
    client = client_for(world, "lead")
    before = snapshot()
    overrides = {field: value}
    if field == "closes_on" and value == "2000-01-01":
        overrides["opens_on"] = "2001-01-01"
    response = client.post(form.url(world), form.payload(**overrides))
    _assert_refused_next_to_field(response, field)
    assert snapshot() == before


def test_run_by_from_another_organisation_is_refused_next_to_its_field(world):
    client = client_for(world, "lead")
    before = snapshot()
    response = client.post(
        ACTIVITY_CREATE.url(world), activity_payload(run_by=world.users["other_org"].pk)
    )
    _assert_refused_next_to_field(response, "run_by")
    assert snapshot() == before


def test_unknown_organisation_choice_falls_back_to_ones_own(world):
    client = client_for(world, "org_admin")
    for value in ("abc", BIG_NUMBER, str(world.org_b.pk), NUL, HUGE):
        response = client.post(
            reverse("initiatives:create"), initiative_payload(organisation=value, title=value[:50])
        )
        assert response.status_code in (200, 302)
    assert not world.org_b.initiatives.exclude(pk=world.b_initiative.pk).exists()


# Members --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [
        ("user", ""),
        ("user", "abc"),
        ("user", "-1"),
        ("user", "1.5"),
        ("user", BIG_NUMBER),
        ("user", NUL),
        ("user", HUGE),
        ("role", "king"),
        ("role", ""),
        ("role", HUGE),
    ],
)
def test_bad_member_input_is_refused_next_to_its_field(world, field, value):
    client = client_for(world, "lead")
    data = {"action": "add", "user": world.spare.pk, "role": "observer", field: value}
    before = snapshot()
    response = client.post(reverse("initiatives:members", args=[world.private.pk]), data)
    _assert_refused_next_to_field(response, field)
    assert snapshot() == before


def test_a_person_of_another_organisation_is_refused_as_member(world):
    client = client_for(world, "lead")
    before = snapshot()
    response = client.post(
        reverse("initiatives:members", args=[world.private.pk]),
        {"action": "add", "user": world.users["other_org"].pk, "role": "observer"},
    )
    _assert_refused_next_to_field(response, "user")
    assert snapshot() == before


@pytest.mark.parametrize("membership", ["", "abc", "-1", BIG_NUMBER, NUL, HUGE, "1.5", "\u00b2"])
def test_removing_a_member_with_a_bad_id_is_a_clean_404(world, membership):
    client = client_for(world, "lead")
    before = snapshot()
    response = client.post(
        reverse("initiatives:members", args=[world.private.pk]),
        {"action": "remove", "membership": membership},
    )
    assert response.status_code == 404
    assert snapshot() == before


# Canvas --------------------------------------------------------------------------------------


def _canvas_url(world):
    return reverse("initiatives:canvas_edit", args=[world.private.pk])


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"context": {"place": HUGE}}, "context-place"),
        ({"context": {"policy": NUL}}, "context-policy"),
        ({"goals": [{"goal": HUGE}]}, "goals-0-goal"),
        ({"goals": [{"goal": NUL}]}, "goals-0-goal"),
        ({"goals": [{"goal": "", "why": "Een reden"}]}, "goals-0-goal"),
        ({"goals": [{"goal": "Doel", "driver": "unknown"}]}, "goals-0-driver"),
        ({"values": [{"value": "", "meaning": "Betekenis"}]}, "values-0-value"),
        ({"resources": [{"kind": "gold", "description": "Veel"}]}, "resources-0-kind"),
        ({"barriers": [{"description": "", "contradiction": "Iets"}]}, "barriers-0-description"),
        ({"barriers": [{"description": HUGE}]}, "barriers-0-description"),
        ({"tools": ["time_machine"]}, "tools-tools"),
        ({"tools_note": HUGE}, "tools-tools_note"),
        ({"tools_note": NUL}, "tools-tools_note"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_bad_canvas_input_is_refused_next_to_its_field(world, payload, field):
    client = client_for(world, "lead")
    before = snapshot()
    response = client.post(_canvas_url(world), canvas_payload(**payload))
    assert response.status_code == 200
    forms = response.context["forms"]
    assert forms.error_count >= 1
    body = response.content.decode()
    assert f'id="id_{field}_errors"' in body
    assert snapshot() == before


@pytest.mark.parametrize(
    "tamper",
    [
        {"goals-TOTAL_FORMS": None},
        {"goals-TOTAL_FORMS": "abc"},
        {"goals-TOTAL_FORMS": "-5"},
        {"goals-TOTAL_FORMS": BIG_NUMBER},
        {"goals-TOTAL_FORMS": NUL},
        {"goals-INITIAL_FORMS": "abc"},
        {"values-TOTAL_FORMS": None, "values-INITIAL_FORMS": None},
    ],
    ids=str,
)
def test_tampered_management_form_is_refused_without_saving(world, tamper):
    client = client_for(world, "lead")
    payload = canvas_payload(context={"place": "Nieuwe plek"}, goals=[{"goal": "Doel"}], **tamper)
    before = snapshot()
    response = client.post(_canvas_url(world), payload)
    assert response.status_code == 200
    key = next(iter(tamper)).split("-")[0]
    assert response.context["forms"].lists[key].non_form_errors()
    assert snapshot() == before
    # "Add a row" on the tampered page does not fail either.
    response = client.post(_canvas_url(world), {**payload, "add_row": key})
    assert response.status_code == 200
    assert snapshot() == before


def test_more_than_twenty_rows_are_refused(world):
    client = client_for(world, "lead")
    rows = [{"goal": f"Doel {n}"} for n in range(21)]
    before = snapshot()
    response = client.post(_canvas_url(world), canvas_payload(goals=rows))
    assert response.status_code == 200
    assert response.context["forms"].lists["goals"].non_form_errors()
    assert snapshot() == before


@pytest.mark.parametrize("base_version", ["abc", "-1", BIG_NUMBER, NUL, HUGE])
def test_a_bad_base_version_does_not_stop_the_save(world, base_version):
    client = client_for(world, "lead")
    response = client.post(
        _canvas_url(world),
        canvas_payload(context={"place": "Aardam-West"}, base_version=base_version),
    )
    assert response.status_code == 302
    assert world.private.canvas_versions.count() == 3


@pytest.mark.parametrize("add_row", ["context", "unknown", HUGE, NUL])
def test_an_unknown_add_row_value_is_treated_as_a_save(world, add_row):
    client = client_for(world, "lead")
    response = client.post(
        _canvas_url(world), canvas_payload(context={"place": "Aardam-Oost"}, add_row=add_row)
    )
    assert response.status_code == 302


# Query strings and ids in addresses -------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/initiatives/{p}/canvas/compare/?a=abc&b=1",
        "/initiatives/{p}/canvas/compare/?a=" + BIG_NUMBER + "&b=1",
        "/initiatives/{p}/canvas/compare/?a=1&b=" + BIG_NUMBER,
        "/initiatives/{p}/canvas/compare/?a=-1&b=-2",
        "/initiatives/{p}/canvas/compare/?a=%00&b=%ff",
        "/initiatives/{p}/canvas/print/?version=" + BIG_NUMBER,
        "/initiatives/{p}/canvas/print/?version=-1",
        "/initiatives/{p}/canvas/print/?version=%ff%fe",
        "/initiatives/{p}/canvas/print/?version=%C2%B2",  # superscript two: a digit, no int
        "/initiatives/{p}/canvas/history/?page=" + BIG_NUMBER,
        "/initiatives/{p}/canvas/history/?page=-1",
        "/initiatives/?page=abc&q=%00&status=%ff",
        "/initiatives/?q=" + "x" * 5000,
        "/p/?page=" + BIG_NUMBER + "&q=%00",
        "/initiatives/" + BIG_NUMBER + "/",
        "/initiatives/" + BIG_NUMBER + "/canvas/",
        "/activities/" + BIG_NUMBER + "/",
        "/activities/" + BIG_NUMBER + "/qr.svg",
        "/p/" + BIG_NUMBER + "/x/",
        "/p/{p}/%ff%fe/",
    ],
)
def test_malformed_addresses_and_query_strings_never_fail(world, url):
    client = client_for(world, "org_admin")
    response = client.get(url.format(p=world.private.pk))
    assert response.status_code in (200, 301, 302, 404)


# Wrongly encoded bodies ---------------------------------------------------------------------------

FORM_URLS = [
    lambda w: reverse("initiatives:create"),
    lambda w: reverse("initiatives:edit", args=[w.private.pk]),
    lambda w: reverse("initiatives:members", args=[w.private.pk]),
    lambda w: reverse("initiatives:canvas_edit", args=[w.private.pk]),
    lambda w: reverse("initiatives:activity_create", args=[w.private.pk]),
    lambda w: reverse("initiatives:activity_edit", args=[w.activity.pk]),
]


@pytest.mark.parametrize("url", FORM_URLS)
@pytest.mark.parametrize("body", INVALID_UTF8_BODIES, ids=lambda b: repr(b[:12]))
def test_invalid_utf8_bodies_are_refused_cleanly(world, url, body):
    client = client_for(world, "lead")
    before = snapshot()
    response = client.generic(
        "POST", url(world), body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 400)
    assert snapshot() == before


def test_a_valid_form_in_another_encoding_is_read_as_latin1_not_a_crash(world):
    """Django reads a body that is not UTF-8 as ISO-8859-1: never a crash, never raw bytes
    in the database."""
    client = client_for(world, "lead")
    body = (
        b"title=Caf\xe9+Samen&summary=Over+ons&service_area=other&visibility=private"
        b"&status=preparing&place=&target_groups="
    )
    response = client.generic(
        "POST",
        reverse("initiatives:edit", args=[world.private.pk]),
        body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    world.private.refresh_from_db()
    assert world.private.title == "Café Samen"
