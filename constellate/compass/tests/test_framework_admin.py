"""An organisation admin corrects the compass: texts per language, a new language, the
grouping, the order, own elements, deactivation."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import selectors, services
from constellate.compass.models import Constellation, Element
from constellate.compass.tests.factories import constellations, framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    org = OrganisationFactory(slug="aardam")
    framework(org)
    return org


@pytest.fixture
def admin_client(org):
    client = Client()
    client.force_login(member(org, OrgRole.ADMIN))
    return client


def test_adding_a_language_accepts_codes_django_knows_only(org, admin_client):
    url = reverse("compass:framework", args=[org.slug])
    for bad in ["xx", "", "english", "de\x00", "d" * 30, "<b>"]:
        response = admin_client.post(url, {"action": "language", "language": bad})
        assert response.status_code == 200, bad
        assert b'class="error-summary"' in response.content
    assert "xx" not in selectors.framework_languages(organisation=org)
    response = admin_client.post(url, {"action": "language", "language": "PT_BR"})
    assert response.status_code == 302
    assert "pt-br" in selectors.framework_languages(organisation=org)
    assert Element.objects.get(organisation=org, key="empathy").texts["pt-br"] == {}
    with pytest.raises(ValidationError):
        services.language_code_clean("klingon")


def test_a_new_language_shows_the_fallback_until_translated_then_its_own_text(org, admin_client):
    admin_client.post(
        reverse("compass:framework", args=[org.slug]), {"action": "language", "language": "de"}
    )
    element = Element.objects.get(organisation=org, key="empathy")
    with translation.override("de"):
        assert element.t["name"] == "Led by empathy"
    url = reverse("compass:element_edit", args=[org.slug, element.pk]) + "?language=de"
    assert b"Led by empathy" in admin_client.get(url).content
    response = admin_client.post(
        url,
        {
            "name": "Von Empathie geleitet",
            "description": "Wir hören aktiv zu.",
            "questions": "Wann haben wir zuletzt zugehört?\nWer wird überhört?",
            "constellation": element.constellation_id,
            "is_active": "on",
            "language_code": "de",
        },
    )
    assert response.status_code == 302
    element = Element.objects.get(pk=element.pk)
    assert element.texts["de"]["questions"] == [
        "Wann haben wir zuletzt zugehört?",
        "Wer wird überhört?",
    ]
    assert element.texts["nl"]["name"] == "Vanuit empathie"  # other languages untouched
    fw = selectors.framework_for(organisation=org, lang="de")
    assert fw[1].elements[1].name == "Von Empathie geleitet"


def test_moving_an_element_to_another_constellation_and_reordering(org, admin_client):
    c = constellations(org)
    element = Element.objects.get(organisation=org, key="share_power_risk")
    url = reverse("compass:element_edit", args=[org.slug, element.pk])
    body = {
        "name": "Macht wordt gedeeld",
        "description": "",
        "questions": "",
        "constellation": c["ethical_compass"].pk,
        "is_active": "on",
        "language_code": "nl",
    }
    assert admin_client.post(url, body).status_code == 302
    framework_ = {
        x.key: [e.key for e in x.elements] for x in selectors.framework_for(organisation=org)
    }
    assert framework_["ethical_compass"][-1] == "share_power_risk"
    assert "share_power_risk" not in framework_["system"]
    # Move it up once: it swaps with the element before it.
    fw_url = reverse("compass:framework", args=[org.slug])
    admin_client.post(fw_url, {"action": "move", "element": element.pk, "direction": "up"})
    framework_ = {
        x.key: [e.key for e in x.elements] for x in selectors.framework_for(organisation=org)
    }
    assert framework_["ethical_compass"][-2:] == ["share_power_risk", "not_consultation"]
    # The first element cannot move further up; nothing breaks.
    first = Element.objects.get(organisation=org, key="not_linear")
    admin_client.post(fw_url, {"action": "move", "element": first.pk, "direction": "up"})
    response = admin_client.post(
        fw_url, {"action": "move", "element": first.pk, "direction": "sideways"}
    )
    assert response.status_code == 302
    assert admin_client.post(fw_url, {"action": "move", "element": "99999999"}).status_code == 404


def test_an_organisation_adds_its_own_element_and_deactivates_one(org, admin_client):
    c = constellations(org)
    response = admin_client.post(
        reverse("compass:element_create", args=[org.slug]),
        {
            "name": "Digitale toegankelijkheid",
            "description": "Iedereen kan onze online diensten gebruiken.",
            "questions": "Wie haakt online af?",
            "constellation": c["catalysts"].pk,
            "language_code": "nl",
        },
    )
    assert response.status_code == 302
    own = Element.objects.get(organisation=org, is_standard=False)
    assert own.number == 19 and own.key == "own-19" and own.constellation == c["catalysts"]
    element = Element.objects.get(organisation=org, key="snowball")
    admin_client.post(
        reverse("compass:element_edit", args=[org.slug, element.pk]),
        {"name": "Sneeuwbal", "constellation": element.constellation_id, "language_code": "nl"},
    )
    element.refresh_from_db()
    assert not element.is_active
    keys = [e.key for x in selectors.framework_for(organisation=org) for e in x.elements]
    assert "own-19" in keys and "snowball" not in keys
    assert services.framework_ensure(organisation=org) == 0  # the correction survives


def test_bad_input_on_the_element_form_saves_nothing(org, admin_client):
    element = Element.objects.get(organisation=org, key="empathy")
    before = dict(element.texts)
    url = reverse("compass:element_edit", args=[org.slug, element.pk])
    for body in [
        {"name": "", "constellation": element.constellation_id},
        {"name": "x" * 500, "constellation": element.constellation_id},
        {
            "name": "ok",
            "questions": "\n".join(f"Vraag {n}?" for n in range(20)),
            "constellation": element.constellation_id,
        },
        {"name": "ok", "constellation": "999999"},
        {"name": "a\x00b", "constellation": element.constellation_id},
    ]:
        response = admin_client.post(url, {**body, "language_code": "nl"})
        assert response.status_code == 200
        assert b'class="error-summary"' in response.content
    element.refresh_from_db()
    assert element.texts == before


def test_editing_a_constellation_and_its_scenes(org, admin_client):
    system = Constellation.objects.get(organisation=org, key="system")
    url = reverse("compass:constellation_edit", args=[org.slug, system.pk]) + "?language=en"
    page = admin_client.get(url).content.decode()
    assert "The project plan" in page
    response = admin_client.post(
        url,
        {
            "name": "The System",
            "description": "How it fits.",
            "scene1_title": "A new scene",
            "scene1_situation": "Something happens.",
            "scene1_questions": "What now?\nWho decides?",
            "scene2_title": "",
            "scene2_situation": "",
            "scene2_questions": "",
            "language_code": "en",
        },
    )
    assert response.status_code == 302
    system.refresh_from_db()
    assert system.texts["en"]["scenes"][0] == {
        "title": "A new scene",
        "situation": "Something happens.",
        "questions": ["What now?", "Who decides?"],
    }
    assert system.texts["nl"]["scenes"][0]["title"] == "Het projectplan"
