"""The library's read-only API: the same answers as the pages, open without a key."""

import pytest
from django.test import Client

from constellate.library import content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("standard_library")]


def test_methods_are_listed_filtered_and_read_without_a_key():
    client = Client()
    listing = client.get("/api/v1/library/methods").json()
    assert listing["count"] == len(content.METHODS) and len(listing["items"]) == 25
    empathy = client.get("/api/v1/library/methods", {"element": "empathy"}).json()
    assert {m["key"] for m in empathy["items"]} == {
        m["key"] for m in content.METHODS if "empathy" in m["elements"]
    }
    detail = client.get("/api/v1/library/methods/journey_map").json()
    assert detail["url"] == "/library/methods/journey_map/"
    assert detail["organisation"] is None
    assert detail["texts"]["en"]["name"] == "User journey map"
    assert detail["name"] == "Klantreis"  # the default interface language
    assert client.get("/api/v1/library/methods/nope").status_code == 404


def test_cases_are_listed_searched_and_read_with_their_methods():
    client = Client()
    assert client.get("/api/v1/library/cases").json()["count"] == 11
    found = client.get("/api/v1/library/cases", {"q": "probation"}).json()["items"]
    assert [c["key"] for c in found] == ["hull-probation"]
    hull = client.get("/api/v1/library/cases/hull-probation").json()
    assert set(hull["methods"]) == {"strengths_based_plan", "action_learning", "personal_budget"}
    assert hull["country"] == "GB" and hull["url"] == "/library/cases/hull-probation/"


@pytest.mark.parametrize(
    "query",
    [
        {"element": "world_peace"},
        {"phase": "later"},
        {"category": "x"},
        {"effort": "huge"},
        {"group_size": "0"},
        {"group_size": "lots"},
    ],
)
def test_unknown_filter_values_are_refused_with_a_clear_answer(query):
    response = Client().get("/api/v1/library/methods", query)
    assert response.status_code == 422
    assert Client().get("/api/v1/library/cases", {"country": "XX"}).status_code == 422


def test_a_wrong_key_is_refused_rather_than_treated_as_anonymous():
    response = Client().get(
        "/api/v1/library/methods", HTTP_AUTHORIZATION="Bearer cst_not-a-real-key"
    )
    assert response.status_code == 401
