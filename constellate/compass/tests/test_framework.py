"""The compass as data: the standard framework, each organisation's own copy, and its texts
in the current language."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import framework as standard
from constellate.compass import selectors, services
from constellate.compass.models import Constellation, Element
from constellate.core.texts import resolve, text_language

EXPECTED_KEYS = {
    1: "not_linear",
    2: "services_evolve",
    3: "hard_to_engage",
    4: "share_power_risk",
    5: "new_resources",
    6: "fitted_to_context",
    7: "continuous_evaluation",
    8: "relationships_first",
    9: "empathy",
    10: "power_shift",
    11: "equality",
    12: "light_participation",
    13: "not_consultation",
    14: "snowball",
    15: "get_talking",
    16: "openness",
    17: "strengths_based",
    18: "staff_competences",
}


def _constellation_of(number: int) -> str:
    return "system" if number <= 7 else "ethical_compass" if number <= 13 else "catalysts"


# The standard data ---------------------------------------------------------------------------


def test_standard_data_has_the_shared_keys_numbers_and_grouping():
    assert [c["key"] for c in standard.CONSTELLATIONS] == ["system", "ethical_compass", "catalysts"]
    assert {e["number"]: e["key"] for e in standard.ELEMENTS} == EXPECTED_KEYS
    for e in standard.ELEMENTS:
        assert e["constellation"] == _constellation_of(e["number"]), e["key"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_standard_text_is_written_in_dutch_and_english(lang):
    for c in standard.CONSTELLATIONS:
        t = c["texts"][lang]
        assert t["name"] and len(t["description"]) > 60
        assert len(t["scenes"]) == 2
        for scene in t["scenes"]:
            assert scene["title"] and len(scene["situation"]) > 100
            assert 3 <= len(scene["questions"]) <= 4
            assert all(q.endswith("?") for q in scene["questions"])
    for e in standard.ELEMENTS:
        t = e["texts"][lang]
        assert t["name"] and len(t["name"]) <= 60
        assert 60 < len(t["description"]) < 400, e["key"]
        assert 2 <= len(t["questions"]) <= 3
        assert all(q.endswith("?") for q in t["questions"]), e["key"]
    names = [e["texts"][lang]["name"] for e in standard.ELEMENTS]
    assert len(set(names)) == 18


def test_dutch_and_english_texts_differ():
    for e in standard.ELEMENTS:
        assert e["texts"]["nl"]["description"] != e["texts"]["en"]["description"]


# framework_ensure ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_framework_ensure_gives_an_organisation_its_own_copy_of_the_standard():
    org = OrganisationFactory()
    created = services.framework_ensure(organisation=org)
    assert created == 21
    assert Constellation.objects.filter(organisation=org).count() == 3
    elements = Element.objects.filter(organisation=org).select_related("constellation")
    assert {e.number: e.key for e in elements} == EXPECTED_KEYS
    for e in elements:
        assert e.constellation.key == _constellation_of(e.number)
        assert e.is_standard and e.is_active
        assert e.texts["nl"]["name"] and e.texts["en"]["name"]


@pytest.mark.django_db
def test_framework_ensure_is_idempotent():
    org = OrganisationFactory()
    services.framework_ensure(organisation=org)
    before = list(Element.objects.order_by("pk").values())
    assert services.framework_ensure(organisation=org) == 0
    assert list(Element.objects.order_by("pk").values()) == before
    assert Constellation.objects.count() == 3


@pytest.mark.django_db
def test_framework_ensure_never_overwrites_an_organisations_corrections():
    org = OrganisationFactory()
    services.framework_ensure(organisation=org)
    system = Constellation.objects.get(organisation=org, key="system")
    ethics = Constellation.objects.get(organisation=org, key="ethical_compass")
    system.texts["nl"]["name"] = "Ons systeem"
    system.texts["de"] = {"name": "Das System"}
    system.save()
    element = Element.objects.get(organisation=org, key="share_power_risk")
    element.constellation = ethics
    element.texts["en"]["name"] = "Power is shared"
    element.is_active = False
    element.position = 99
    element.save()
    gone = Element.objects.get(organisation=org, key="snowball")
    gone.delete()

    created = services.framework_ensure(organisation=org)

    assert created == 1  # only the missing element comes back
    system.refresh_from_db()
    element.refresh_from_db()
    assert system.texts["nl"]["name"] == "Ons systeem"
    assert system.texts["de"] == {"name": "Das System"}
    assert element.constellation == ethics
    assert element.texts["en"]["name"] == "Power is shared"
    assert not element.is_active and element.position == 99
    assert Element.objects.filter(organisation=org, key="snowball").exists()


@pytest.mark.django_db
def test_each_organisation_corrects_its_own_copy_only():
    a, b = OrganisationFactory(), OrganisationFactory()
    services.framework_ensure(organisation=a)
    services.framework_ensure(organisation=b)
    mine = Element.objects.get(organisation=a, key="empathy")
    mine.texts["nl"]["name"] = "Alleen bij A"
    mine.save()
    theirs = Element.objects.get(organisation=b, key="empathy")
    assert theirs.texts["nl"]["name"] == "Vanuit empathie"
    assert Element.objects.filter(organisation=b).count() == 18


@pytest.mark.django_db
def test_the_standard_data_is_copied_not_shared():
    org = OrganisationFactory()
    services.framework_ensure(organisation=org)
    element = Element.objects.get(organisation=org, key="empathy")
    element.texts["nl"]["questions"].append("Eigen vraag?")
    element.save()
    assert "Eigen vraag?" not in standard.ELEMENTS[8]["texts"]["nl"]["questions"]


# Texts in the current language -----------------------------------------------------------------


def test_resolve_takes_each_field_from_the_first_language_that_has_it():
    texts = {
        "nl": {"name": "Naam", "description": ""},
        "en": {"name": "Name", "description": "Text", "questions": ["Q?"]},
        "de": {"name": "Name DE", "extra": "nur deutsch"},
    }
    assert resolve(texts, "nl") == {
        "name": "Naam",
        "description": "Text",
        "questions": ["Q?"],
        "extra": "nur deutsch",
    }
    assert resolve(texts, "en")["name"] == "Name"
    assert resolve(texts, "de")["name"] == "Name DE"
    assert resolve(texts, "fr")["name"] == "Name"  # English before Dutch
    assert resolve({"nl": {"name": "Alleen NL"}}, "fr")["name"] == "Alleen NL"
    assert resolve({"sv": {"name": "Bara svenska"}}, "en")["name"] == "Bara svenska"
    assert resolve(None, "nl") == {}
    assert text_language(texts, "description", "nl") == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "name"), [("nl", "Ethisch kompas"), ("en", "Ethical Compass")])
def test_framework_for_shows_the_current_language(lang, name):
    org = OrganisationFactory()
    services.framework_ensure(organisation=org)
    with translation.override(lang):
        constellations = selectors.framework_for(organisation=org)
    assert [c.key for c in constellations] == ["system", "ethical_compass", "catalysts"]
    assert constellations[1].name == name
    assert [e.number for e in constellations[1].elements] == [8, 9, 10, 11, 12, 13]
    assert len(constellations[0].scenes) == 2


@pytest.mark.django_db
def test_framework_for_leaves_out_inactive_elements_unless_asked_and_follows_corrections():
    org = OrganisationFactory()
    services.framework_ensure(organisation=org)
    Element.objects.filter(organisation=org, key="empathy").update(is_active=False)
    moved = Element.objects.get(organisation=org, key="openness")
    moved.constellation = Constellation.objects.get(organisation=org, key="system")
    moved.position = 0
    moved.save()
    framework = selectors.framework_for(organisation=org)
    keys = {c.key: [e.key for e in c.elements] for c in framework}
    assert "empathy" not in keys["ethical_compass"]
    assert keys["system"][0] == "openness" and "openness" not in keys["catalysts"]
    everything = selectors.framework_for(organisation=org, include_inactive=True)
    assert "empathy" in [e.key for c in everything for e in c.elements]


@pytest.mark.django_db
def test_framework_for_costs_two_queries_however_many_elements():
    org = OrganisationFactory()
    services.framework_ensure(organisation=org)
    with CaptureQueriesContext(connection) as small:
        selectors.framework_for(organisation=org)
    ethics = Constellation.objects.get(organisation=org, key="ethical_compass")
    Element.objects.bulk_create(
        Element(organisation=org, constellation=ethics, key=f"own-{n}", number=100 + n)
        for n in range(60)
    )
    with CaptureQueriesContext(connection) as large:
        result = selectors.framework_for(organisation=org)
    assert len(small) == len(large) == 2
    assert sum(len(c.elements) for c in result) == 78


# The framework page ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_members_see_their_organisations_compass_and_others_do_not():
    org, other = OrganisationFactory(slug="aardam"), OrganisationFactory(slug="beekdorp")
    url = reverse("compass:framework", args=[org.slug])
    client = Client()
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(member(other, OrgRole.ADMIN))
    assert client.get(url).status_code == 403
    for role in OrgRole.values:
        client.force_login(member(org, role))
        with translation.override("en"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, role
    body = response.content.decode()
    assert "Het systeem" in body or "The System" in body
    assert Element.objects.filter(organisation=org).count() == 18
    assert not Element.objects.filter(organisation=other).exists()
