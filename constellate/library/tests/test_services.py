"""An organisation's own methods: created, changed and deleted through the services, checked
before anything is saved."""

import pytest
from django.core.exceptions import ValidationError

from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.core.models import AuditEvent
from constellate.library import services
from constellate.library.models import Method
from constellate.library.tests.factories import method_texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Zeewolde", slug="zeewolde")


@pytest.fixture
def admin(org):
    return member(org, OrgRole.ADMIN)


def _fields(**overrides):
    fields = {
        "category": "events",
        "effort": "low",
        "phases": ["co_design", "co_initiation"],
        "elements": ["get_talking", "empathy"],
        "group_min": 3,
        "group_max": 12,
        "staff_learning": False,
        "texts": method_texts("Soepgesprek", "Praten bij een kom soep."),
    }
    fields.update(overrides)
    return fields


def test_an_own_method_gets_a_stable_key_of_its_organisation_and_is_indexed(org, admin):
    method = services.method_create(organisation=org, actor=admin, **_fields())
    assert method.key == "zeewolde-soepgesprek"
    assert method.organisation == org
    # Phases and elements are kept in their fixed order.
    assert method.phases == ["co_initiation", "co_design"]
    assert method.elements == ["empathy", "get_talking"]
    assert " element:get_talking " in method.facets and " phase:co_design " in method.facets
    assert "soep" in method.search_text
    assert AuditEvent.objects.filter(action="library.method_created", actor=admin).count() == 1
    # The same name again gets its own key; a change of name keeps the key.
    again = services.method_create(organisation=org, actor=admin, **_fields())
    assert again.key == "zeewolde-soepgesprek-2"
    services.method_update(
        method=method, actor=admin, texts=method_texts("Broodgesprek", "Praten bij brood.")
    )
    method.refresh_from_db()
    assert method.key == "zeewolde-soepgesprek" and method.name == "Broodgesprek"
    assert "brood" in method.search_text and "soep" not in method.search_text


def test_own_keys_can_never_take_a_standard_key(standard_library, admin):
    org = OrganisationFactory(slug="survey")
    # A name without letters gives only the organisation's short name: still never a
    # standard key, which has no hyphen.
    method = services.method_create(
        organisation=org, actor=admin, **_fields(texts={"nl": {"name": "!!!", "purpose": "Doel"}})
    )
    assert method.key == "survey-method"
    assert Method.objects.get(key="survey").organisation is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"category": "magic"}, "category"),
        ({"effort": "enormous"}, "effort"),
        ({"phases": ["co_dreaming"]}, "phases"),
        ({"phases": [{"nested": 1}]}, "phases"),
        ({"elements": ["world_peace"]}, "elements"),
        ({"group_min": 0}, "group_min"),
        ({"group_max": 10**9}, "group_max"),
        ({"group_min": 20, "group_max": 5}, "group_max"),
        ({"texts": {}}, "texts"),
        ({"texts": "not a dict"}, "texts"),
        ({"texts": {"nl": {"name": "Alleen een naam"}}}, "nl_name"),
        ({"texts": {"nl": {"name": "N", "purpose": "P\x00"}}}, "texts"),
        ({"texts": {"nl": {"name": "N" * 121, "purpose": "P"}}}, "texts"),
        ({"texts": {"nl": {"name": "N", "purpose": "P", "steps": ["s"] * 21}}}, "texts"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(org, admin, overrides, field):
    with pytest.raises(ValidationError) as exc:
        services.method_create(organisation=org, actor=admin, **_fields(**overrides))
    assert field in exc.value.message_dict
    assert not Method.objects.filter(organisation=org).exists()
    assert not AuditEvent.objects.filter(action="library.method_created").exists()


def test_a_failed_update_changes_nothing(org, admin):
    method = services.method_create(organisation=org, actor=admin, **_fields())
    with pytest.raises(ValidationError):
        services.method_update(method=method, actor=admin, category="magic", group_min=99)
    method.refresh_from_db()
    assert (method.category, method.group_min) == ("events", 3)


def test_the_standard_library_cannot_be_changed_or_deleted_through_the_services(
    standard_library, admin
):
    survey = Method.objects.get(key="survey")
    with pytest.raises(ValidationError):
        services.method_update(method=survey, actor=admin, **_fields())
    with pytest.raises(ValidationError):
        services.method_delete(method=survey, actor=admin)
    assert Method.objects.filter(key="survey").exists()


def test_deleting_an_own_method_is_recorded(org, admin):
    method = services.method_create(organisation=org, actor=admin, **_fields())
    services.method_delete(method=method, actor=admin)
    assert not Method.objects.filter(pk=method.pk).exists()
    event = AuditEvent.objects.get(action="library.method_deleted")
    assert event.detail == {"key": "zeewolde-soepgesprek"} and event.organisation_id == org.pk
