"""Bad input on the method form: a clear message next to the field, nothing half-saved, never
a server error; whatever is typed is shown escaped everywhere."""

import pytest
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.library.models import Method
from constellate.library.tests.support import in_language, method_payload

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
IMG = '<img src=x onerror="alert(1)">'


@pytest.fixture
def org():
    return OrganisationFactory(slug="aardam")


@pytest.fixture
def client(org):
    client = Client(raise_request_exception=False)
    client.force_login(member(org, OrgRole.FACILITATOR))
    return client


def _errors(response) -> dict:
    assert response.status_code == 200, response.status_code
    return response.context["form"].errors


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"nl_name": "", "nl_purpose": "", "en_name": "", "en_purpose": ""}, "nl_name"),
        ({"nl_name": ""}, "nl_name"),
        ({"en_purpose": ""}, "en_purpose"),
        ({"nl_name": "N" * 121}, "nl_name"),
        ({"nl_purpose": "P" * 1001}, "nl_purpose"),
        ({"nl_steps": "\n".join(["stap"] * 21)}, "nl_steps"),
        ({"nl_tips": "t" * 401}, "nl_tips"),
        ({"nl_steps": "s" * 20000}, "nl_steps"),
        ({"nl_name": "met\x00nul"}, "nl_name"),
        ({"nl_steps": "stap\x00een"}, "nl_steps"),
        ({"category": "magic"}, "category"),
        ({"category": ""}, "category"),
        ({"effort": "enormous"}, "effort"),
        ({"phases": ["co_dreaming"]}, "phases"),
        ({"elements": ["world_peace"]}, "elements"),
        ({"group_min": "veel"}, "group_min"),
        ({"group_min": "0"}, "group_min"),
        ({"group_max": "100000"}, "group_max"),
        ({"group_min": "30", "group_max": "3"}, "group_max"),
    ],
)
def test_bad_input_is_named_next_to_its_field_and_nothing_is_saved(client, overrides, field):
    response = client.post(reverse("library:method_create"), method_payload(**overrides))
    errors = _errors(response)
    assert field in errors, errors
    assert not Method.objects.filter(organisation__isnull=False).exists()
    body = response.content.decode()
    assert 'id="error-summary"' in body
    assert f'href="#id_{field}' in body  # the summary links to the field
    # Typed text stays in the form.
    if "nl_when" not in overrides:
        assert "Als mensen niet graag aan tafel zitten." in body


def test_a_failed_edit_changes_nothing(client, org):
    client.post(reverse("library:method_create"), method_payload())
    method = Method.objects.get(organisation=org)
    response = client.post(
        reverse("library:method_edit", args=[method.key]),
        method_payload(nl_name="Andere naam", group_min="50", group_max="5"),
    )
    assert "group_max" in _errors(response)
    method.refresh_from_db()
    assert method.texts["nl"]["name"] == "Wandelgesprek"
    assert (method.group_min, method.group_max) == (4, 12)


def test_a_method_in_one_language_is_fine_and_shows_in_the_other_language_too(client, org):
    response = client.post(
        reverse("library:method_create"),
        method_payload(en_name="", en_purpose="", en_steps=""),
    )
    assert response.status_code == 302
    method = Method.objects.get(organisation=org)
    assert set(method.texts) == {"nl"}
    english = in_language(client, "en").get(method.get_absolute_url()).content.decode()
    assert '<html lang="en">' in english
    assert "Wandelgesprek" in english  # falls back to the Dutch text


def test_script_in_every_text_is_shown_escaped_on_every_page(client, org):
    payload = method_payload(
        nl_name=SCRIPT,
        nl_purpose=IMG,
        nl_when=SCRIPT,
        nl_steps=f"{IMG}\n{SCRIPT}",
        nl_tips=SCRIPT,
        nl_needs=IMG,
        nl_duration=SCRIPT,
        en_name=SCRIPT,
        en_purpose=IMG,
    )
    response = client.post(reverse("library:method_create"), payload)
    assert response.status_code == 302
    method = Method.objects.get(organisation=org)
    pages = [
        method.get_absolute_url(),
        reverse("library:method_print", args=[method.key]),
        reverse("library:method_list"),
        reverse("library:method_edit", args=[method.key]),
        reverse("library:method_delete", args=[method.key]),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert SCRIPT not in body and IMG not in body, url
        assert "&lt;script&gt;" in body or "&lt;img" in body, url


def test_unknown_or_malformed_method_addresses_are_not_found(client):
    for key in ("does-not-exist", "x" * 81):
        assert client.get(f"/library/methods/{key}/").status_code == 404
    assert client.get("/library/cases/nowhere/").status_code == 404
