"""The canvas's sixth question chooses from the method library, through the registry: the
standard methods and the organisation's own, never another organisation's."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import api_token_create
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.core.registry import registry
from constellate.initiatives import services as initiative_services
from constellate.initiatives.models import CanvasVersion
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import canvas_payload
from constellate.library import services
from constellate.library.models import Method
from constellate.library.tests.factories import MethodFactory, method_texts
from constellate.library.tests.support import TOOLKIT_KEYS, in_language

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("standard_library")]


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Aardam", slug="aardam")


@pytest.fixture
def lead(org):
    return member(org, OrgRole.FACILITATOR)


@pytest.fixture
def initiative(org, lead):
    initiative = InitiativeFactory(organisation=org)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    return initiative


@pytest.fixture
def own(org):
    return MethodFactory(
        organisation=org, key="aardam-buurtsoep", texts=method_texts("Buurtsoep", "Soep en praten.")
    )


@pytest.fixture
def foreign():
    return MethodFactory(key="elders-geheim", texts=method_texts("Geheim van elders"))


def _client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_the_canvas_offers_the_standard_library_and_the_organisations_own_methods(
    initiative, lead, own, foreign
):
    response = _client(lead).get(reverse("initiatives:canvas_edit", args=[initiative.pk]))
    choices = dict(response.context["forms"].tools.fields["tools"].choices)
    assert set(TOOLKIT_KEYS) <= set(choices)
    assert choices["aardam-buurtsoep"] == "Buurtsoep"
    assert "elders-geheim" not in choices
    assert choices["journey_map"] == "Klantreis"  # the Dutch name, from the library's data
    body = response.content.decode()
    assert 'value="aardam-buurtsoep"' in body and "Geheim van elders" not in body


def test_chosen_methods_are_saved_and_link_to_their_pages(initiative, lead, own):
    client = _client(lead)
    response = client.post(
        reverse("initiatives:canvas_edit", args=[initiative.pk]),
        canvas_payload(tools=["aardam-buurtsoep", "journey_map"], tools_note="Eerst soep"),
    )
    assert response.status_code == 302
    assert CanvasVersion.objects.get().data["tools"] == ["aardam-buurtsoep", "journey_map"]
    page = client.get(reverse("initiatives:canvas", args=[initiative.pk])).content.decode()
    assert '<a href="/library/methods/aardam-buurtsoep/">Buurtsoep</a>' in page
    assert '<a href="/library/methods/journey_map/">Klantreis</a>' in page
    english = (
        in_language(_client(lead), "en")
        .get(reverse("initiatives:canvas", args=[initiative.pk]))
        .content.decode()
    )
    assert ">User journey map</a>" in english and ">Buurtsoep (EN)</a>" in english
    printed = client.get(reverse("initiatives:canvas_print", args=[initiative.pk]))
    assert "Klantreis" in printed.content.decode()


def test_another_organisations_method_cannot_be_chosen(initiative, lead, foreign):
    response = _client(lead).post(
        reverse("initiatives:canvas_edit", args=[initiative.pk]),
        canvas_payload(tools=["elders-geheim", "survey"]),
    )
    assert response.status_code == 200
    assert "tools" in response.context["forms"].tools.errors
    assert not CanvasVersion.objects.exists()
    # The service drops it too, e.g. when the API saves the canvas.
    _token, secret = api_token_create(user=lead, name="script")
    api = Client().put(
        f"/api/v1/initiatives/{initiative.pk}/canvas",
        {"data": {"tools": ["elders-geheim", "survey", "no_such_tool", 42, "BAD KEY"]}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert api.status_code == 200
    assert CanvasVersion.objects.get().data["tools"] == ["survey"]


def test_a_deleted_own_method_drops_out_of_the_canvas(initiative, lead, own):
    initiative_services.canvas_save(
        initiative=initiative, data={"tools": ["aardam-buurtsoep", "survey"]}, author=lead
    )
    services.method_delete(method=own, actor=lead)
    page = _client(lead).get(reverse("initiatives:canvas", args=[initiative.pk]))
    body = page.content.decode()
    assert "Buurtsoep" not in body and "Vragenlijst" in body


def test_the_catalogue_answers_for_other_apps(org, own, foreign):
    catalogue = registry.method_catalogue
    assert catalogue is not None
    with translation.override("en"):
        assert catalogue.label("journey_map") == "User journey map"
        assert catalogue.label("aardam-buurtsoep") == "Buurtsoep (EN)"
    with translation.override("nl"):
        assert catalogue.label("journey_map") == "Klantreis"
    assert catalogue.label("no_such_method") is None
    assert catalogue.url("journey_map") == "/library/methods/journey_map/"
    assert catalogue.url("../etc") is None
    keys = [key for key, _label in catalogue.choices(None)]
    assert "aardam-buurtsoep" not in keys and set(TOOLKIT_KEYS) <= set(keys)

    with translation.override("nl"):
        result = catalogue.for_elements(org, ["empathy", "staff_competences", "nonsense"])
    assert set(result) == {"empathy", "staff_competences"}
    empathy = {m["key"]: m for m in result["empathy"]}
    expected = set(
        Method.objects.filter(
            organisation__isnull=True, facets__contains=" element:empathy "
        ).values_list("key", flat=True)
    ) | {"aardam-buurtsoep"}
    assert set(empathy) == expected
    assert "elders-geheim" not in empathy  # another organisation's method
    assert empathy["journey_map"]["name"] == "Klantreis"
    assert empathy["journey_map"]["url"] == "/library/methods/journey_map/"
    assert empathy["journey_map"]["purpose"].startswith("Teken stap voor stap")
    assert {m["key"] for m in result["staff_competences"]} >= {"action_learning", "shadowing"}
    assert catalogue.for_elements(None, []) == {}
