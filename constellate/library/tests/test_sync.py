"""The standard library: written for the project in Dutch and English, loaded by a migration,
and synchronised without duplicates and without overwriting anyone's work."""

import copy
import re

import pytest
from django.conf import settings

from constellate.initiatives.choices import Phase, ServiceArea
from constellate.library import content
from constellate.library.choices import COUNTRY_LABELS, ELEMENT_KEYS, Effort, MethodCategory
from constellate.library.models import Case, Method
from constellate.library.services import library_standard_sync
from constellate.library.tests.factories import MethodFactory, method_texts
from constellate.library.tests.support import TOOLKIT_KEYS

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _counts():
    return Method.objects.count(), Case.objects.count()


def test_a_fresh_database_has_the_standard_library(standard_library):
    assert Method.objects.filter(organisation__isnull=True).count() == len(content.METHODS)
    assert Case.objects.count() == 11
    keys = set(Method.objects.values_list("key", flat=True))
    assert set(TOOLKIT_KEYS) <= keys, "every method a canvas could choose before still exists"
    houten = Case.objects.get(key="houten-work-income")
    assert set(houten.methods.values_list("key", flat=True)) == {
        "community_reporting",
        "conversation_of_change",
        "design_thinking",
    }


def test_running_the_sync_again_duplicates_nothing(standard_library):
    before = _counts()
    first_case = Case.objects.get(key="hull-probation")
    links_before = set(first_case.methods.values_list("key", flat=True))
    assert library_standard_sync() == {"created": 0, "updated": 0, "kept": 0}
    assert library_standard_sync() == {"created": 0, "updated": 0, "kept": 0}
    assert _counts() == before
    assert set(first_case.methods.values_list("key", flat=True)) == links_before


def test_a_deleted_standard_method_comes_back(standard_library):
    Method.objects.filter(key="survey").delete()
    assert library_standard_sync()["created"] == 1
    survey = Method.objects.get(key="survey")
    assert survey.organisation is None
    assert survey.texts["nl"]["name"] == "Vragenlijst"
    # The case that used it is linked again as well.
    assert "survey" in Case.objects.get(key="jonkoping-assistance").methods.values_list(
        "key", flat=True
    )


def test_the_sync_never_touches_an_organisations_own_methods(standard_library):
    own = MethodFactory(texts=method_texts("Onze eigen buurtwandeling"))
    # An older own method that happens to hold a standard key must not be taken over.
    Method.objects.filter(key="phone_round").delete()
    squatter = MethodFactory(key="phone_round", texts=method_texts("Ons eigen belrondje"))
    stamps = {m.pk: (m.texts, m.updated_at) for m in (own, squatter)}

    counts = library_standard_sync()

    assert counts["kept"] == 1 and counts["created"] == 0
    for method in (own, squatter):
        method.refresh_from_db()
        assert (method.texts, method.updated_at) == stamps[method.pk]
        assert method.organisation_id is not None
    assert Method.objects.filter(key="phone_round").count() == 1


def test_a_correction_by_an_admin_is_kept_and_unchanged_items_get_new_texts(
    standard_library, monkeypatch
):
    corrected = Method.objects.get(key="open_space")
    corrected.texts = {**corrected.texts, "nl": {**corrected.texts["nl"], "name": "Open ruimte"}}
    corrected.save()
    methods = copy.deepcopy(content.METHODS)
    for data in methods:
        if data["key"] in ("open_space", "focus_group"):
            data["texts"]["en"]["purpose"] = "A newer, clearer purpose."
    monkeypatch.setattr(content, "METHODS", methods)

    counts = library_standard_sync()

    assert counts == {"created": 0, "updated": 1, "kept": 1}
    corrected.refresh_from_db()
    assert corrected.texts["nl"]["name"] == "Open ruimte"  # the admin's correction stays
    focus = Method.objects.get(key="focus_group")
    assert focus.texts["en"]["purpose"] == "A newer, clearer purpose."
    assert "newer clearer purpose" in focus.search_text  # derived fields follow


# The content itself -----------------------------------------------------------------------


@pytest.mark.parametrize("method", content.METHODS, ids=lambda m: m["key"])
def test_every_standard_method_is_complete_in_dutch_and_english(method):
    assert re.fullmatch(r"[a-z0-9_]+", method["key"]), "standard keys use no hyphen"
    assert method["category"] in MethodCategory.values
    assert method["effort"] in Effort.values
    assert method["phases"] and set(method["phases"]) <= set(Phase.values)
    assert method["elements"] and set(method["elements"]) <= set(ELEMENT_KEYS)
    low, high = method["group_min"], method["group_max"]
    assert low is None or high is None or low <= high
    for code in LANGUAGES:
        text = method["texts"][code]
        for field in ("name", "purpose", "when", "duration"):
            assert text[field].strip(), (code, field)
        assert len(text["steps"]) >= 3, code
        assert text["tips"] and text["needs"], code
        assert len(text["name"]) <= 120 and len(text["purpose"]) <= 1000
    assert method["texts"]["nl"]["purpose"] != method["texts"]["en"]["purpose"]


def test_the_library_covers_every_element_and_phase_and_has_learning_material():
    served = {e for m in content.METHODS for e in m["elements"]}
    assert served == set(ELEMENT_KEYS)
    assert {p for m in content.METHODS for p in m["phases"]} == set(Phase.values)
    learning = [m["key"] for m in content.METHODS if m["staff_learning"]]
    assert len(learning) >= 3
    # Learning material for staff serves element 18, staff competences.
    assert all("staff_competences" in m["elements"] for m in content.METHODS if m["staff_learning"])
    keys = [m["key"] for m in content.METHODS]
    assert len(keys) == len(set(keys)) >= 25


@pytest.mark.parametrize("case", content.CASES, ids=lambda c: c["key"])
def test_every_case_is_complete_and_links_existing_methods(case):
    assert case["country"] in COUNTRY_LABELS
    assert case["service_area"] in ServiceArea.values
    assert case["methods"] and set(case["methods"]) <= set(content.METHOD_KEYS)
    for code in LANGUAGES:
        text = case["texts"][code]
        for field in ("title", "summary", "service", "target_group", "methods", "ethics"):
            assert text[field].strip(), (code, field)
        for field in ("objectives", "drivers", "brakes", "learnings"):
            assert text[field], (code, field)


def test_the_eleven_pilots_are_there_once_each():
    assert [c["number"] for c in content.CASES] == list(range(1, 12))
    assert len({c["key"] for c in content.CASES}) == 11
