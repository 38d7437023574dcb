"""Reflection sessions and actions through their services: validation, a closed session is a
read-only record, actions done and open again, and only the right people may do each thing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass import services_reflection as services
from constellate.compass.models import (
    ActionStatus,
    Constellation,
    ReflectionAction,
    ReflectionSession,
    SessionStatus,
)
from constellate.compass.selectors_reflection import session_scenes
from constellate.compass.tests.factories import constellations
from constellate.compass.tests.factories_reflection import element, make_action, make_session
from constellate.core.models import AuditEvent
from constellate.initiatives.models import Initiative
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def org():
    return OrganisationFactory(name="Gemeente Houten", slug="houten")


@pytest.fixture
def initiative(org):
    return InitiativeFactory(organisation=org)


def _in_initiative(initiative, org_role, initiative_role=None):
    user = member(initiative.organisation, org_role)
    if initiative_role:
        InitiativeMembershipFactory(initiative=initiative, user=user, role=initiative_role)
    return user


@pytest.fixture
def lead(initiative):
    return _in_initiative(initiative, OrgRole.FACILITATOR, InitiativeRole.LEAD)


@pytest.fixture
def partner(initiative):
    return _in_initiative(initiative, OrgRole.PARTNER, InitiativeRole.PARTNER)


@pytest.fixture
def session(initiative, lead):
    return services.session_start(
        initiative=initiative,
        constellation=constellations(initiative.organisation)["ethical_compass"],
        actor=lead,
        held_on=TODAY,
        setting="room",
        participant_count=8,
        participants="Vijf bewoners, drie medewerkers",
    )


def _action(session, actor, **fields):
    values = {"description": "Bel de bewonerscommissie", "due_on": TODAY, "owner_name": "Els"}
    values.update(fields)
    return services.action_add(session=session, actor=actor, **values)


# Starting and saving a session ---------------------------------------------------------------


def test_starting_a_session_keeps_the_scenes_in_every_language(session, initiative):
    assert session.status == SessionStatus.IN_PROGRESS
    assert set(session.scenes) >= {"nl", "en"}
    assert len(session.scenes["nl"]) == 2
    assert session.facilitator is not None
    assert AuditEvent.objects.filter(action="reflection.session_started").exists()


def test_a_session_stays_a_faithful_record_when_the_organisation_rewrites_its_scenes(session, lead):
    services.session_update(session=session, actor=lead, answers={"0-0": "Ons antwoord"})
    constellation = session.constellation
    constellation.texts["nl"]["scenes"][0]["questions"][0] = "Een heel andere vraag"
    constellation.save()
    session.refresh_from_db()
    first = session_scenes(session, "nl")[0].questions[0]
    assert first.text != "Een heel andere vraag"
    assert first.answer == "Ons antwoord"


def test_scenes_show_in_the_language_asked_for(session):
    nl = session_scenes(session, "nl")
    en = session_scenes(session, "en")
    assert nl[0].title == "Aan de keukentafel"
    assert en[0].title == "The kitchen table"
    assert [q.key for q in nl[1].questions] == [q.key for q in en[1].questions]


def test_a_constellation_of_another_organisation_is_refused(initiative, lead):
    other = constellations(OrganisationFactory())["system"]
    with pytest.raises(ValidationError) as exc:
        services.session_start(
            initiative=initiative,
            constellation=other,
            actor=lead,
            held_on=TODAY,
            setting="room",
        )
    assert "constellation" in exc.value.message_dict
    assert not ReflectionSession.objects.exists()


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"held_on": "2026-02-31"}, "held_on"),
        ({"held_on": "not a date"}, "held_on"),
        ({"setting": "on the moon"}, "setting"),
        ({"participants": "x" * 301}, "participants"),
        ({"participants": "ab\x00cd"}, "participants"),
    ],
)
def test_bad_session_facts_are_refused_and_nothing_is_saved(initiative, lead, fields, field):
    values = {"held_on": TODAY, "setting": "room", **fields}
    with pytest.raises(ValidationError) as exc:
        services.session_start(
            initiative=initiative,
            constellation=constellations(initiative.organisation)["system"],
            actor=lead,
            **values,
        )
    assert field in exc.value.message_dict
    assert not ReflectionSession.objects.exists()


def test_answers_are_saved_per_question_and_empty_ones_dropped(session, lead):
    services.session_update(
        session=session,
        actor=lead,
        answers={"0-0": "  De vragenlijst staat in de weg.  ", "0-1": "", "1-3": "De agenda"},
        agreements="Geen laptop meer op tafel.",
        participants="Zes bewoners",
    )
    session.refresh_from_db()
    assert session.answers == {"0-0": "De vragenlijst staat in de weg.", "1-3": "De agenda"}
    assert session.agreements == "Geen laptop meer op tafel."
    assert session.participants == "Zes bewoners"


@pytest.mark.parametrize(
    "answers, field",
    [
        ({"7-0": "Verzonnen vraag"}, "answers"),
        ({"0-99": "Verzonnen vraag"}, "answers"),
        ({"../../etc": "x"}, "answers"),
        ({"0-0": "x" * 3001}, "answer_0_0"),
        ({"0-1": "nul\x00teken"}, "answer_0_1"),
    ],
)
def test_tampered_or_oversized_answers_change_nothing(session, lead, answers, field):
    services.session_update(session=session, actor=lead, answers={"0-0": "Eerste versie"})
    with pytest.raises(ValidationError) as exc:
        services.session_update(session=session, actor=lead, answers=answers)
    assert field in exc.value.message_dict
    session.refresh_from_db()
    assert session.answers == {"0-0": "Eerste versie"}


def test_oversized_agreements_are_refused(session, lead):
    with pytest.raises(ValidationError) as exc:
        services.session_update(session=session, actor=lead, agreements="a" * 5001)
    assert "agreements" in exc.value.message_dict


# Closing -----------------------------------------------------------------------------------


def test_a_closed_session_is_read_only(session, lead):
    action = _action(session, lead)
    services.session_close(session=session, actor=lead)
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED and session.closed_by == lead
    assert session.closed_at is not None
    for attempt in (
        lambda: services.session_update(session=session, actor=lead, agreements="Later erbij"),
        lambda: _action(session, lead, description="Nog een actie"),
        lambda: services.action_update(action=action, actor=lead, description="Anders"),
        lambda: services.action_delete(action=action, actor=lead),
        lambda: services.session_delete(session=session, actor=lead),
        lambda: services.session_close(session=session, actor=lead),
    ):
        with pytest.raises(ValidationError):
            attempt()
    session.refresh_from_db()
    action.refresh_from_db()
    assert session.agreements == ""
    assert action.description == "Bel de bewonerscommissie"
    assert ReflectionAction.objects.count() == 1


def test_a_stale_copy_cannot_save_over_a_closed_session(session, lead):
    stale = ReflectionSession.objects.get(pk=session.pk)
    services.session_close(session=session, actor=lead)
    with pytest.raises(ValidationError):
        services.session_update(session=stale, actor=lead, agreements="Te laat")
    assert ReflectionSession.objects.get(pk=session.pk).agreements == ""


def test_actions_of_a_closed_session_can_still_be_marked_done(session, lead):
    action = _action(session, lead)
    services.session_close(session=session, actor=lead)
    services.action_complete(action=action, actor=lead)
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_deleting_a_session_in_progress_removes_its_actions(session, lead):
    _action(session, lead)
    services.session_delete(session=session, actor=lead)
    assert not ReflectionSession.objects.exists()
    assert not ReflectionAction.objects.exists()


# Actions -----------------------------------------------------------------------------------


def test_an_action_with_a_member_as_owner_and_an_element(session, lead, partner, org):
    action = _action(
        session,
        lead,
        owner=partner,
        owner_name="",
        element=element(org, "empathy"),
        due_on=TODAY + datetime.timedelta(days=7),
    )
    assert action.owner == partner and action.element.key == "empathy"
    assert action.initiative_id == session.initiative_id
    assert action.status == ActionStatus.OPEN


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"description": ""}, "description"),
        ({"description": "   "}, "description"),
        ({"description": "x" * 501}, "description"),
        ({"owner_name": ""}, "owner"),
        ({"owner_name": "y" * 121}, "owner_name"),
        ({"due_on": None}, "due_on"),
        ({"due_on": "2026-13-45"}, "due_on"),
        ({"due_on": "morgen"}, "due_on"),
    ],
)
def test_bad_actions_are_refused(session, lead, fields, field):
    with pytest.raises(ValidationError) as exc:
        _action(session, lead, **fields)
    assert field in exc.value.message_dict
    assert not ReflectionAction.objects.exists()


def test_an_action_cannot_be_due_before_the_session(session, lead):
    with pytest.raises(ValidationError) as exc:
        _action(session, lead, due_on=session.held_on - datetime.timedelta(days=1))
    assert "due_on" in exc.value.message_dict


def test_owner_must_be_a_member_of_the_initiative_not_just_of_the_organisation(
    session, lead, initiative
):
    outsider = member(initiative.organisation, OrgRole.FACILITATOR)
    with pytest.raises(ValidationError) as exc:
        _action(session, lead, owner=outsider, owner_name="")
    assert "owner" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        _action(session, lead, owner=lead, owner_name="Ook iemand")
    assert "owner_name" in exc.value.message_dict


def test_an_element_of_another_organisation_is_refused(session, lead):
    foreign = element(OrganisationFactory(), "empathy")
    with pytest.raises(ValidationError) as exc:
        _action(session, lead, element=foreign)
    assert "element" in exc.value.message_dict


def test_done_and_open_again(session, lead, partner):
    action = _action(session, lead, owner=partner, owner_name="")
    services.action_complete(action=action, actor=partner)
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    assert action.done_by == partner and action.done_at is not None
    # A second click changes nothing.
    done_at = action.done_at
    services.action_complete(action=action, actor=partner)
    action.refresh_from_db()
    assert action.done_at == done_at
    services.action_reopen(action=action, actor=lead)
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    assert action.done_at is None and action.done_by is None


def test_every_change_to_actions_touches_the_initiative(session, lead, initiative):
    def stamp():
        return Initiative.objects.get(pk=initiative.pk).updated_at

    before = stamp()
    action = _action(session, lead)
    after_add = stamp()
    assert after_add > before
    services.action_complete(action=action, actor=lead)
    after_done = stamp()
    assert after_done > after_add
    services.action_reopen(action=action, actor=lead)
    assert stamp() > after_done


# Only the right people ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "org_role, initiative_role",
    [
        (OrgRole.FACILITATOR, None),  # sees every initiative, edits none it is not in
        (OrgRole.OBSERVER, None),
        (OrgRole.REPORTER, InitiativeRole.REPORTER),
        (OrgRole.PARTNER, InitiativeRole.PARTNER),
        (OrgRole.OBSERVER, InitiativeRole.OBSERVER),
        (OrgRole.PARTNER, None),
    ],
)
def test_only_editors_run_sessions_and_manage_actions(
    session, lead, initiative, org_role, initiative_role
):
    person = _in_initiative(initiative, org_role, initiative_role)
    action = _action(session, lead)
    attempts = [
        lambda: services.session_start(
            initiative=initiative,
            constellation=session.constellation,
            actor=person,
            held_on=TODAY,
            setting="online",
        ),
        lambda: services.session_update(session=session, actor=person, agreements="Niet van mij"),
        lambda: _action(session, person),
        lambda: services.action_update(action=action, actor=person, description="Anders"),
        lambda: services.action_delete(action=action, actor=person),
        lambda: services.action_complete(action=action, actor=person),
        lambda: services.session_close(session=session, actor=person),
        lambda: services.session_delete(session=session, actor=person),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert ReflectionSession.objects.count() == 1
    assert ReflectionSession.objects.get().status == SessionStatus.IN_PROGRESS
    assert ReflectionAction.objects.get().status == ActionStatus.OPEN


@pytest.mark.parametrize("role", [InitiativeRole.LEAD, InitiativeRole.FACILITATOR])
def test_initiative_editors_run_sessions(initiative, role):
    person = _in_initiative(initiative, OrgRole.FACILITATOR, role)
    session = services.session_start(
        initiative=initiative,
        constellation=constellations(initiative.organisation)["catalysts"],
        actor=person,
        held_on=TODAY,
        setting="online",
    )
    assert session.facilitator == person


def test_an_organisation_admin_runs_sessions_without_being_a_member(initiative):
    admin = member(initiative.organisation, OrgRole.ADMIN)
    session = make_session(initiative)
    services.session_close(session=session, actor=admin)
    assert ReflectionSession.objects.get().status == SessionStatus.CLOSED


def test_the_owner_may_mark_their_own_action_done_but_not_someone_elses(session, lead, partner):
    mine = _action(session, lead, owner=partner, owner_name="")
    other = _action(session, lead, owner=lead, owner_name="")
    services.action_complete(action=mine, actor=partner)
    services.action_reopen(action=mine, actor=partner)
    with pytest.raises(PermissionDenied):
        services.action_complete(action=other, actor=partner)
    assert ReflectionAction.objects.get(pk=other.pk).status == ActionStatus.OPEN


def test_an_owner_who_left_the_initiative_can_no_longer_mark_it_done(session, lead, partner):
    action = _action(session, lead, owner=partner, owner_name="")
    partner.initiative_memberships.all().delete()
    partner._initiative_roles = None
    with pytest.raises(PermissionDenied):
        services.action_complete(action=action, actor=partner)


def test_nobody_from_another_organisation_touches_a_session(session, lead):
    stranger = member(OrganisationFactory(), OrgRole.ADMIN)
    action = make_action(session)
    for attempt in (
        lambda: services.session_update(session=session, actor=stranger, agreements="Hack"),
        lambda: services.action_complete(action=action, actor=stranger),
        lambda: services.session_close(session=session, actor=stranger),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


def test_constellations_are_per_organisation(org):
    constellations(org)
    assert Constellation.objects.filter(organisation=org).count() == 3
