"""Script-bearing text is legitimate input (people write about "<script>" too), so it is saved
as typed and escaped wherever it is shown: pages, the timeline SVG and form fields."""

import pytest
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives import services
from constellate.initiatives.models import Activity, Initiative
from constellate.initiatives.tests.support import (
    IMG,
    SCRIPT,
    activity_payload,
    canvas_payload,
    initiative_payload,
)

pytestmark = pytest.mark.django_db

RAW = (SCRIPT, IMG, "<img src=x", "<script>")
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def setup():
    org = OrganisationFactory(name=SCRIPT)
    lead = member(org, OrgRole.ADMIN, display_name=IMG)
    client = Client(raise_request_exception=False)
    client.force_login(lead)
    # Everything goes in through the ordinary forms, as a person would type it.
    client.post(
        reverse("initiatives:create"),
        initiative_payload(
            title=SCRIPT,
            summary=IMG + "\n" + SCRIPT,
            place=IMG,
            target_groups=SCRIPT + "\n" + IMG,
        ),
    )
    initiative = Initiative.objects.get()
    assert initiative.title == SCRIPT  # saved as typed
    client.post(
        reverse("initiatives:activity_create", args=[initiative.pk]),
        activity_payload(title=SCRIPT, purpose=IMG, location=SCRIPT, run_by_note=IMG),
    )
    activity = Activity.objects.get()
    assert activity.title == SCRIPT
    for n in range(2):
        client.post(
            reverse("initiatives:canvas_edit", args=[initiative.pk]),
            canvas_payload(
                context={"place": SCRIPT, "target_group": IMG, "policy": f"v{n}"},
                goals=[{"goal": SCRIPT, "why": IMG}],
                values=[{"value": IMG, "meaning": SCRIPT}],
                resources=[{"description": SCRIPT}],
                barriers=[{"description": IMG, "contradiction": SCRIPT + str(n)}],
                tools=["survey"],
                tools_note=IMG,
            ),
        )
    assert initiative.canvas_versions.count() == 2
    return {"client": client, "initiative": initiative, "activity": activity, "lead": lead}


def _assert_escaped(response):
    assert response.status_code == 200
    body = response.content.decode()
    for raw in RAW:
        assert raw not in body, raw
    return body


@pytest.mark.parametrize(
    "page",
    [
        "detail",
        "edit",
        "members",
        "canvas",
        "canvas_edit",
        "canvas_history",
        "canvas_compare",
        "canvas_print",
        "activity_create",
    ],
)
def test_initiative_pages_escape_script_bearing_text(setup, page):
    response = setup["client"].get(reverse(f"initiatives:{page}", args=[setup["initiative"].pk]))
    body = _assert_escaped(response)
    assert ESCAPED_SCRIPT in body or "&lt;img src=x" in body


@pytest.mark.parametrize("page", ["activity_detail", "activity_edit", "activity_delete"])
def test_activity_pages_escape_script_bearing_text(setup, page):
    response = setup["client"].get(reverse(f"initiatives:{page}", args=[setup["activity"].pk]))
    body = _assert_escaped(response)
    assert ESCAPED_SCRIPT in body


def test_timeline_svg_escapes_activity_titles(setup):
    response = setup["client"].get(setup["initiative"].get_absolute_url())
    svg = response.context["timeline"]
    assert "<svg" in svg
    assert SCRIPT not in svg
    assert ESCAPED_SCRIPT in svg


@pytest.mark.parametrize("url_name", ["dashboard", "list", "public_list"])
def test_lists_and_dashboard_escape_script_bearing_text(setup, url_name):
    body = _assert_escaped(setup["client"].get(reverse(f"initiatives:{url_name}")))
    assert ESCAPED_SCRIPT in body


def test_public_page_escapes_script_bearing_text_for_anyone(setup):
    response = Client().get(setup["initiative"].get_public_url())
    body = _assert_escaped(response)
    assert ESCAPED_SCRIPT in body
    assert "<svg" in body  # the timeline is there, and escaped


def test_join_pages_and_participant_page_escape_script_bearing_text(setup):
    client = Client()
    token = setup["activity"].join_token
    _assert_escaped(client.get(reverse("initiatives:join", args=[token])))
    client.post(reverse("initiatives:join", args=[token]))
    _assert_escaped(client.get(reverse("initiatives:joined", args=[token])))
    _assert_escaped(client.get(reverse("accounts:participant_home")))


def test_organisation_and_account_pages_escape_script_bearing_text(setup):
    client = setup["client"]
    org = setup["initiative"].organisation
    _assert_escaped(client.get(reverse("accounts:organisation_members", args=[org.slug])))
    _assert_escaped(client.get(reverse("accounts:profile")))


def test_error_messages_escape_what_was_typed(setup):
    initiative = setup["initiative"]
    colleague = member(initiative.organisation, OrgRole.PARTNER, display_name=SCRIPT)
    services.initiative_member_set(
        initiative=initiative, user=colleague, role=InitiativeRole.LEAD, actor=setup["lead"]
    )
    # Removing a lead leaves a success message naming the person.
    response = setup["client"].post(
        reverse("initiatives:members", args=[initiative.pk]),
        {"action": "remove", "membership": colleague.initiative_memberships.get().pk},
        follow=True,
    )
    _assert_escaped(response)
    response = setup["client"].post(
        reverse("initiatives:activity_create", args=[initiative.pk]),
        activity_payload(title=SCRIPT, opens_on=IMG),
    )
    _assert_escaped(response)


def test_participant_pseudonyms_are_plain(setup):
    participant, _secret = participant_create(activity=setup["activity"])
    assert participant.pseudonym.isprintable()
    assert "<" not in participant.pseudonym
