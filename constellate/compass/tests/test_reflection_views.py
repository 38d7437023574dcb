"""Reflection pages as people use them: the session page with its scenes and elements, bad
input (empty, oversized, malformed dates, tampered ids, script-bearing text), marking actions
done with and without htmx, the initiative overview and the dashboard, and organisations as
tenants."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass.models import (
    ActionStatus,
    ReflectionAction,
    ReflectionSession,
    SessionStatus,
)
from constellate.compass.tests.factories import constellations
from constellate.compass.tests.factories_reflection import (
    element,
    make_action,
    make_done,
    make_session,
)
from constellate.initiatives.choices import Visibility
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import HUGE, IMG, NUL, SCRIPT

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Houten", slug="houten")


@pytest.fixture
def initiative(org):
    return InitiativeFactory(
        organisation=org, title="Werk en inkomen", visibility=Visibility.PRIVATE
    )


@pytest.fixture
def lead(initiative):
    user = member(initiative.organisation, OrgRole.FACILITATOR, display_name="Joost Bakker")
    InitiativeMembershipFactory(initiative=initiative, user=user, role=InitiativeRole.LEAD)
    return user


@pytest.fixture
def owner(initiative):
    user = member(initiative.organisation, OrgRole.REPORTER, display_name="Fatima El Amrani")
    InitiativeMembershipFactory(initiative=initiative, user=user, role=InitiativeRole.REPORTER)
    return user


def client_of(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.fixture
def session(initiative):
    return make_session(initiative)


def _session_post(**overrides):
    data = {
        "held_on": TODAY.isoformat(),
        "setting": "room",
        "participant_count": "8",
        "participants": "Vijf bewoners",
        "answer_0_0": "De laptop staat in de weg",
        "agreements": "Geen laptop op tafel",
    }
    data.update(overrides)
    return data


def _action_post(**overrides):
    data = {
        "action-description": "Bel de bewonerscommissie",
        "action-owner": "",
        "action-owner_name": "Buurvrouw Els",
        "action-due_on": (TODAY + datetime.timedelta(days=7)).isoformat(),
        "action-element": "",
    }
    data.update({f"action-{k}": v for k, v in overrides.items()})
    return data


# The session page ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_session_page_shows_elements_scenes_and_questions_in_the_current_language(
    session, lead, lang
):
    client = client_of(lead)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.get(session.get_absolute_url())
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body
    if lang == "nl":
        assert "Aan de keukentafel" in body and "Vanuit empathie" in body
        assert "Hoe laten we mensen merken dat hun mening evenveel telt als de onze?" in body
        assert "The kitchen table" not in body
    else:
        assert "The kitchen table" in body and "Led by empathy" in body
        assert "How do we show people that their view counts as much as ours?" in body
        assert "Aan de keukentafel" not in body
    # Every question has its own labelled answer field.
    form = response.context["form"]
    assert len([f for f in form.fields if f.startswith("answer_")]) == 7
    for name in ("answer_0_0", "answer_1_3"):
        assert f'for="id_{name}"' in body
    # The constellation's six elements (8 to 13) are listed.
    assert [e.number for e in response.context["constellation"].elements] == list(range(8, 14))


def test_saving_the_session_keeps_answers_and_agreements(session, lead):
    response = client_of(lead).post(session.get_absolute_url(), _session_post())
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.answers == {"0-0": "De laptop staat in de weg"}
    assert session.agreements == "Geen laptop op tafel"
    assert session.participant_count == 8


def test_save_and_close_saves_first_then_asks_to_confirm(session, lead):
    client = client_of(lead)
    response = client.post(session.get_absolute_url(), _session_post(close="1"))
    assert response["Location"] == reverse("compass:reflection_close", args=[session.pk])
    session.refresh_from_db()
    assert session.answers == {"0-0": "De laptop staat in de weg"}
    assert session.status == SessionStatus.IN_PROGRESS
    client.post(reverse("compass:reflection_close", args=[session.pk]))
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED


def test_a_closed_session_shows_a_read_only_record_with_a_print_link(initiative, lead):
    session = make_session(initiative, closed=True, agreements="Wij bellen iedereen terug")
    session.answers = {"1-0": "Nog vooral inspraak"}
    session.save()
    response = client_of(lead).get(session.get_absolute_url())
    body = response.content.decode()
    assert response.context["form"] is None and response.context["action_form"] is None
    assert "<textarea" not in body
    assert "Nog vooral inspraak" in body and "Wij bellen iedereen terug" in body
    assert reverse("compass:reflection_print", args=[session.pk]) in body
    printed = client_of(lead).get(reverse("compass:reflection_print", args=[session.pk]))
    assert "Nog vooral inspraak" in printed.content.decode()


# Bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"held_on": ""}, "held_on"),
        ({"held_on": "31-02-2026"}, "held_on"),
        ({"held_on": "2026-02-30"}, "held_on"),
        ({"setting": "maan"}, "setting"),
        ({"participant_count": "-3"}, "participant_count"),
        ({"participant_count": "9" * 30}, "participant_count"),
        ({"participants": HUGE}, "participants"),
        ({"answer_0_0": HUGE}, "answer_0_0"),
        ({"answer_0_1": NUL}, "answer_0_1"),
        ({"agreements": HUGE}, "agreements"),
    ],
)
def test_bad_session_input_shows_a_message_next_to_the_field_and_saves_nothing(
    session, lead, overrides, field
):
    response = client_of(lead).post(session.get_absolute_url(), _session_post(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'id="error-summary"' in response.content.decode()
    session.refresh_from_db()
    assert session.answers == {} and session.agreements == ""


def test_tampered_answer_field_names_are_ignored(session, lead):
    client_of(lead).post(
        session.get_absolute_url(), _session_post(answer_9_9="Verzonnen", answer_x="Ook niet")
    )
    session.refresh_from_db()
    assert session.answers == {"0-0": "De laptop staat in de weg"}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"description": ""}, "description"),
        ({"description": HUGE}, "description"),
        ({"owner_name": ""}, "owner"),
        ({"due_on": ""}, "due_on"),
        ({"due_on": "2026-13-45"}, "due_on"),
        ({"due_on": "volgende week"}, "due_on"),
        ({"owner": "999999"}, "owner"),
        ({"owner": "abc"}, "owner"),
        ({"element": "999999"}, "element"),
        ({"element": "1 OR 1=1"}, "element"),
    ],
)
def test_bad_action_input_shows_a_message_and_adds_nothing(session, lead, overrides, field):
    response = client_of(lead).post(
        reverse("compass:reflection_action_add", args=[session.pk]), _action_post(**overrides)
    )
    assert response.status_code == 200
    assert response.context["action_form"].errors[field]
    assert not ReflectionAction.objects.exists()


def test_an_owner_or_element_of_another_organisation_cannot_be_slipped_in(session, lead):
    other_org = OrganisationFactory()
    stranger = member(other_org, OrgRole.FACILITATOR)
    foreign_element = element(other_org, "empathy")
    client = client_of(lead)
    url = reverse("compass:reflection_action_add", args=[session.pk])
    response = client.post(url, _action_post(owner=stranger.pk, owner_name=""))
    assert response.context["action_form"].errors["owner"]
    response = client.post(url, _action_post(element=foreign_element.pk))
    assert response.context["action_form"].errors["element"]
    assert not ReflectionAction.objects.exists()


def test_a_constellation_of_another_organisation_cannot_be_chosen(initiative, lead):
    foreign = constellations(OrganisationFactory())["system"]
    response = client_of(lead).post(
        reverse("compass:reflection_start", args=[initiative.pk]),
        {**_session_post(), "constellation": foreign.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["constellation"]
    assert not ReflectionSession.objects.exists()


@pytest.mark.parametrize(
    "url_name",
    [
        "compass:reflection_session",
        "compass:reflection_close",
        "compass:reflection_delete",
        "compass:reflection_print",
    ],
)
def test_unknown_session_ids_are_404(lead, url_name):
    assert client_of(lead).get(reverse(url_name, args=[987654])).status_code == 404


def test_unknown_action_ids_are_404(lead):
    client = client_of(lead)
    assert client.get(reverse("compass:reflection_action_edit", args=[987654])).status_code == 404
    assert client.post(reverse("compass:reflection_action_done", args=[987654])).status_code == 404


def test_script_bearing_text_is_saved_as_typed_and_escaped_everywhere(session, lead, owner):
    client = client_of(lead)
    client.post(
        session.get_absolute_url(),
        _session_post(answer_0_0=SCRIPT, agreements=IMG, participants=SCRIPT),
    )
    client.post(
        reverse("compass:reflection_action_add", args=[session.pk]),
        _action_post(description=SCRIPT, owner_name=IMG),
    )
    action = ReflectionAction.objects.get()
    assert action.description == SCRIPT
    pages = [
        session.get_absolute_url(),
        reverse("compass:reflection_print", args=[session.pk]),
        reverse("compass:reflection_actions", args=[session.initiative_id]),
        reverse("compass:reflection_list", args=[session.initiative_id]),
        reverse("initiatives:detail", args=[session.initiative_id]),
        reverse("compass:reflection_action_edit", args=[action.pk]),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        assert SCRIPT not in body and "<img src=x" not in body, url
    body = client.get(session.get_absolute_url()).content.decode()
    assert ESCAPED_SCRIPT in body
    # On the owner's dashboard too.
    action.owner, action.owner_name = owner, ""
    action.save()
    body = client_of(owner).get(reverse("initiatives:dashboard")).content.decode()
    assert ESCAPED_SCRIPT in body and SCRIPT not in body


def test_editing_an_action_of_a_closed_session_is_refused(initiative, lead):
    session = make_session(initiative, closed=True)
    action = make_action(session)
    client = client_of(lead)
    response = client.post(
        reverse("compass:reflection_action_edit", args=[action.pk]),
        {
            "description": "Veranderd",
            "owner_name": "Iemand",
            "due_on": TODAY.isoformat(),
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.description != "Veranderd"


# Marking actions done --------------------------------------------------------------------------


def test_owner_marks_an_action_done_without_javascript_and_returns_to_the_dashboard(session, owner):
    action = make_action(session, owner=owner)
    response = client_of(owner).post(
        reverse("compass:reflection_action_done", args=[action.pk]),
        {"next": reverse("initiatives:dashboard"), "view": "dashboard"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:dashboard")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.done_by == owner


def test_an_outside_next_address_is_not_followed(session, owner):
    action = make_action(session, owner=owner)
    response = client_of(owner).post(
        reverse("compass:reflection_action_done", args=[action.pk]),
        {"next": "https://evil.example/steal"},
    )
    assert response["Location"] == reverse(
        "compass:reflection_actions", args=[session.initiative_id]
    )


def test_with_htmx_the_dashboard_item_is_replaced_in_place(session, owner):
    action = make_action(session, owner=owner, description="Taalcafé bezoeken")
    response = client_of(owner).post(
        reverse("compass:reflection_action_done", args=[action.pk]),
        {"next": "/dashboard/", "view": "dashboard"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert body.strip().startswith("<li") and "Taalcafé bezoeken" in body
    assert "autofocus" in body
    assert ReflectionAction.objects.get(pk=action.pk).status == ActionStatus.DONE


def test_with_htmx_the_list_row_comes_back_with_the_other_button(session, lead):
    action = make_action(session)
    response = client_of(lead).post(
        reverse("compass:reflection_action_done", args=[action.pk]),
        {"view": "list", "next": "/x/"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert body.strip().startswith("<tr")
    assert reverse("compass:reflection_action_reopen", args=[action.pk]) in body
    assert f'id="action-{action.pk}-status"' in body  # htmx keeps the focus on it


def test_the_action_list_filters_open_overdue_and_done(session, lead):
    make_action(session, description="Nog te doen", due_on=TODAY + datetime.timedelta(days=3))
    make_action(session, description="Te laat", due_on=TODAY - datetime.timedelta(days=3))
    make_done(make_action(session, description="Al gedaan"))
    client = client_of(lead)
    url = reverse("compass:reflection_actions", args=[session.initiative_id])

    def shown(show):
        return [a.description for a in client.get(url, {"show": show}).context["page"]]

    assert shown("open") == ["Te laat", "Nog te doen"]
    assert shown("overdue") == ["Te laat"]
    assert shown("done") == ["Al gedaan"]
    assert shown("all") == ["Te laat", "Nog te doen", "Al gedaan"]  # open first
    assert shown("nonsense") == shown("open")
    body = client.get(url, {"show": "overdue"}).content.decode()
    assert 'aria-current="page">' in body


# The overview and the dashboard ---------------------------------------------------------------


def test_open_actions_show_on_the_cached_overview_until_done(session, lead, owner):
    client = client_of(lead)
    url = reverse("initiatives:detail", args=[session.initiative_id])
    assert 'id="reflection-actions-title"' not in client.get(url).content.decode()
    client.post(
        reverse("compass:reflection_action_add", args=[session.pk]),
        _action_post(description="Werkgever uitnodigen", owner=owner.pk, owner_name=""),
    )
    body = client.get(url).content.decode()
    assert "Werkgever uitnodigen" in body and "Fatima El Amrani" in body
    action = ReflectionAction.objects.get()
    client_of(owner).post(reverse("compass:reflection_action_done", args=[action.pk]))
    assert "Werkgever uitnodigen" not in client.get(url).content.decode()


def test_dashboard_shows_my_open_actions_overdue_first(session, owner, lead):
    make_action(session, owner=owner, description="Later", due_on=TODAY + datetime.timedelta(9))
    make_action(session, owner=owner, description="Te laat", due_on=TODAY - datetime.timedelta(2))
    make_done(make_action(session, owner=owner, description="Afgeronde klus"))
    make_action(session, owner=lead, description="Van een ander")
    response = client_of(owner).get(reverse("initiatives:dashboard"))
    body = response.content.decode()
    assert body.index("Te laat") < body.index("Later")
    assert "Afgeronde klus" not in body and "Van een ander" not in body
    assert body.count('class="badge overdue"') == 1


def test_dashboard_hides_actions_of_an_initiative_the_owner_left(session, owner):
    make_action(session, owner=owner, description="Vergeten actie")
    owner.initiative_memberships.all().delete()
    body = client_of(owner).get(reverse("initiatives:dashboard")).content.decode()
    assert "Vergeten actie" not in body


# Tenancy ---------------------------------------------------------------------------------------


def test_nothing_of_a_session_reaches_another_organisation(session, lead):
    action = make_action(session, description="Geheime actie van A")
    admin_b = member(OrganisationFactory(), OrgRole.ADMIN)
    client = client_of(admin_b)
    for url in (
        session.get_absolute_url(),
        reverse("compass:reflection_list", args=[session.initiative_id]),
        reverse("compass:reflection_actions", args=[session.initiative_id]),
        reverse("compass:reflection_print", args=[session.pk]),
        reverse("compass:reflection_action_edit", args=[action.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Geheime actie van A" not in response.content.decode()
    client.post(reverse("compass:reflection_action_done", args=[action.pk]))
    client.post(reverse("compass:reflection_close", args=[session.pk]))
    assert ReflectionAction.objects.get().status == ActionStatus.OPEN
    assert ReflectionSession.objects.get().status == SessionStatus.IN_PROGRESS
    assert "Geheime actie van A" not in client.get("/dashboard/").content.decode()
