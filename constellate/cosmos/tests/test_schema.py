"""Our own definitions of the COSMOS aspects agree with COSMOS 3.7.1's (read from the shared
reference when it is there): the same aspects, field ids, kinds and option codes. And the
reading helpers tolerate the shapes real exports hold."""

import json

import pytest
from django.utils import translation

from constellate.cosmos.schema import (
    ACTORS,
    ASPECTS,
    ASPECTS_BY_ID,
    CHECK,
    EXPERIENCE,
    RADIO,
    has_content,
    image_names,
    summary,
)
from constellate.cosmos.tests.conftest import REFERENCE

# Folder names in the reference differ from the ids for one aspect.
FOLDERS = {"co_creation_of_service_model": "service_model"}
PART_KINDS = {
    "model": "title",
    "info": "info",
    "stakeholder": "stakeholder",
    "externals": "externals",
    "divider": "divider",
    "group": "group",
    "social": "social",
}


def _definitions(aspect_id):
    path = REFERENCE / "aspects" / FOLDERS.get(aspect_id, aspect_id) / "definitions.json"
    if not path.is_file():
        pytest.skip("the shared COSMOS reference is not available")
    return json.loads(path.read_text())


@pytest.mark.parametrize("aspect", ASPECTS, ids=lambda a: a.id)
def test_ids_kinds_and_option_codes_match_cosmos(aspect):
    reference = _definitions(aspect.id)
    assert [p["id"] for p in reference] == [p.id for p in aspect.parts]
    for ref, part in zip(reference, aspect.parts, strict=True):
        assert PART_KINDS[ref["type"]] == part.kind, part.id
        if ref["type"] == "externals":
            assert ref.get("limit") == part.limit
            assert bool(ref.get("useImages")) == part.use_images
        for ref_field, field in zip(ref.get("children", []), part.fields, strict=True):
            assert ref_field["id"] == field.id
            codes = [o["value"] for o in ref_field.get("componentProps", {}).get("options", [])]
            assert codes == [code for code, _label in field.options], field.id
            component = ref_field["componentName"]
            expected = {
                "VCheckList": CHECK,
                "VRadioList": RADIO,
                "ExperienceEditor": EXPERIENCE,
                "StakeholderMultiEditor": ACTORS,
            }.get(component)
            if expected:
                assert field.kind == expected, field.id
            assert (ref_field["dataType"] == "array") == (field.kind in (CHECK, ACTORS)), field.id
        assert len(ref.get("children", [])) == len(part.fields)


def test_the_aspect_ids_are_cosmos_own():
    assert [a.id for a in ASPECTS if a.is_model] == [
        "co_creation_of_service_model",
        "analytic_model",
        "intervention_theory_model",
        "change_model",
        "moral_ordering_model",
        "user_journey_model",
    ]
    assert {a.id for a in ASPECTS if not a.is_model} == {
        "theory_of_change",
        "community_reporting",
        "social_media",
        "documents",
    }


def test_empty_defaults_are_not_content():
    for aspect in ASPECTS:
        assert not has_content(aspect.empty()), aspect.id
    assert not has_content(
        {"model": {}, "policyDef": {"label": None, "type": None, "colour": None, "url": None}}
    )
    assert has_content({"model": {"title": "x"}})


def test_legacy_shapes_are_read_without_changing_the_data():
    data = {
        "wellbeing": {"items": "mental_psych"},  # a string where a list is expected
        "innovation": None,
        "learning": {"items": ["trials", "unknown_code"]},
    }
    before = json.dumps(data)
    with translation.override("en"):
        sections = summary("intervention_theory_model", data)
        items = [str(i) for s in sections for r in s["rows"] for i in r.get("items", [])]
    assert "Mental wellbeing" in items and "unknown_code" in items
    assert json.dumps(data) == before
    moral = {
        "planManageCurrent": {"actors": "Het wijkteam"},
        "deliver": {"actors": "Vrijwilligers"},
    }
    rows = [r for s in summary("moral_ordering_model", moral) for r in s["rows"]]
    assert any(r.get("text") == "Het wijkteam" for r in rows)
    assert any(r.get("items") == ["Vrijwilligers"] for r in rows)
    assert summary("no_such_aspect", data) == []
    assert summary("change_model", "not an object") == []


def test_image_names_are_found_anywhere():
    data = {
        "documents": {"data": {"items": [{"image": "a.png"}, {"image": False}]}},
        "x": [{"deep": {"image": "b.png"}}],
        "image": "c.png",
    }
    assert image_names(data) == ["c.png", "a.png", "b.png"] or set(image_names(data)) == {
        "a.png",
        "b.png",
        "c.png",
    }
    assert ASPECTS_BY_ID["documents"].parts[0].use_images


def test_only_web_addresses_become_links():
    data = {
        "data": {
            "label": "",
            "items": [
                {"label": "Kwaad", "url": "javascript:alert(1)", "image": False},
                {"label": "Goed", "url": "https://example.org/a", "image": False},
            ],
        }
    }
    links = summary("documents", data)[0]["rows"][0]["links"]
    assert [link["href"] for link in links] == ["", "https://example.org/a"]
