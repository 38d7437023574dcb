"""Filtering and searching the library: the results really are filtered, in both languages,
and odd input never breaks the page."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from constellate.library import content, selectors
from constellate.library.models import Method
from constellate.library.tests.support import in_language

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("standard_library")]


def _keys(**filters) -> set[str]:
    from django.contrib.auth.models import AnonymousUser

    return set(selectors.method_list(user=AnonymousUser(), **filters).values_list("key", flat=True))


def _expected(predicate) -> set[str]:
    return {m["key"] for m in content.METHODS if predicate(m)}


def _page_keys(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(
        r'<h2 class="h3"><a href="/library/methods/([^/]+)/"', response.content.decode()
    )


@pytest.mark.parametrize("element", ["empathy", "staff_competences", "snowball", "not_linear"])
def test_the_element_filter_shows_exactly_the_methods_serving_it(element):
    expected = _expected(lambda m: element in m["elements"])
    assert expected and _keys(element=element) == expected


@pytest.mark.parametrize("phase", ["co_initiation", "co_decision", "co_evaluation"])
def test_the_phase_filter_shows_exactly_the_methods_for_that_phase(phase):
    expected = _expected(lambda m: phase in m["phases"])
    assert expected and _keys(phase=phase) == expected


def test_category_effort_group_size_and_learning_filters_combine():
    assert _keys(category="design") == _expected(lambda m: m["category"] == "design")
    assert _keys(effort="high") == _expected(lambda m: m["effort"] == "high")
    # A group of 60: methods without an upper limit or with a larger one.
    assert _keys(group_size=60) == _expected(
        lambda m: (m["group_min"] or 0) <= 60 and (m["group_max"] is None or m["group_max"] >= 60)
    )
    assert "phone_round" in _keys(group_size=1) and "open_space" not in _keys(group_size=1)
    assert _keys(staff_learning=True) == _expected(lambda m: m["staff_learning"])
    both = _keys(element="empathy", phase="co_design", effort="low")
    assert both == _expected(
        lambda m: "empathy" in m["elements"] and "co_design" in m["phases"] and m["effort"] == "low"
    )
    assert both, "the combination is not empty, so the test shows something"


def test_free_text_search_finds_words_in_either_language_without_accents():
    assert "journey_map" in _keys(query="klantreis")
    assert "journey_map" in _keys(query="JOURNEY map")
    assert _keys(query="hackathon") == {"social_hackathon"}
    # "creëren" is found by "creeren": accents do not matter.
    assert "co_creation_training" in _keys(query="creeren medewerkers")
    assert _keys(query="xylofoon") == set()


def test_the_list_page_filters_with_a_get_form_and_paginates():
    client = Client()
    url = reverse("library:method_list")
    everything = client.get(url)
    assert everything.context["page"].paginator.count == len(content.METHODS)
    assert len(_page_keys(everything)) == 25 and everything.context["page"].has_next()
    second = client.get(url, {"page": 2})
    assert len(_page_keys(second)) == len(content.METHODS) - 25

    filtered = client.get(url, {"element": "snowball", "phase": "co_initiation"})
    expected = _expected(lambda m: "snowball" in m["elements"] and "co_initiation" in m["phases"])
    assert set(_page_keys(filtered)) == expected
    body = filtered.content.decode()
    assert 'value="snowball" selected' in body  # the form shows what was chosen


def test_the_list_is_sorted_by_name_in_the_current_language():
    client = Client()
    for code in ("nl", "en"):
        response = in_language(client, code).get("/library/methods/", {"category": "design"})
        keys = _page_keys(response)
        names = [Method.objects.get(key=k).texts[code]["name"].lower() for k in keys]
        assert len(names) > 3 and names == sorted(names), code
    with translation.override("en"):
        choices = [key for key, _name in selectors.method_choices(organisation=None)]
    names = [Method.objects.get(key=k).texts["en"]["name"].lower() for k in choices]
    assert names == sorted(names)


@pytest.mark.parametrize(
    "params",
    [
        {"element": "world_peace"},
        {"phase": "<script>alert(1)</script>"},
        {"category": "x" * 500},
        {"group_size": "many"},
        {"group_size": "-4"},
        {"group_size": "99999999999999999999"},
        {"q": "x" * 5000},
        {"q": "nul\x00byte"},
        {"effort": ["low", "high"]},
        {"page": "999"},
    ],
)
def test_odd_filter_values_give_a_message_not_an_error(params):
    response = Client(raise_request_exception=False).get("/library/methods/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_invalid_filter_is_named_and_the_valid_ones_still_apply():
    response = Client().get("/library/methods/", {"element": "world_peace", "effort": "high"})
    assert response.context["form"].errors.keys() == {"element"}
    assert set(_page_keys(response)) == _expected(lambda m: m["effort"] == "high")


def test_cases_are_searchable_in_both_languages_and_by_country():
    client = Client()

    def found(**params):
        response = client.get("/library/cases/", params)
        assert response.status_code == 200
        return set(re.findall(r'href="/library/cases/([^/]+)/"', response.content.decode()))

    assert found(q="houten") == {"houten-work-income"}
    assert found(q="hackathon") == {"voru-rural-disability", "turku-youth"}
    assert found(q="reclassering") == {"hull-probation"}  # Dutch word, Dutch text
    assert found(q="probation") == {"hull-probation"}
    assert found(q="wroclaw") == {"wroclaw-seniors"}  # without the Polish letter
    assert found(country="NL") == {"nieuwegein-waste", "houten-work-income"}
    assert found(q="zzzz") == set()
    assert len(found()) == 11


def test_a_method_page_names_its_elements_and_phases_in_the_roadmaps_order():
    Method.objects.filter(key="journey_map").update(phases=["co_evaluation", "co_design"])
    response = Client().get("/library/methods/journey_map/")
    numbers = [int(n) for n in re.findall(r'\?element=\w+">(\d+)\. ', response.content.decode())]
    assert numbers == [2, 3, 6, 9]  # the data lists them as 3, 2, 6, 9
    assert [p["key"] for p in response.context["phases"]] == ["co_design", "co_evaluation"]
