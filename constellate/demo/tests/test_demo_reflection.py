"""The demo's reflection sessions and competence checks (demo/reflection.py)."""

from io import StringIO

import pytest
from django.core.management import call_command

from constellate.accounts.models import Organisation, User
from constellate.compass import selectors_competences
from constellate.compass.models import (
    ActionStatus,
    CompetenceCheck,
    ReflectionAction,
    ReflectionSession,
    SessionStatus,
)
from constellate.demo.reflection import REFLECTION

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", "--no-superuser", stdout=out)
    return out.getvalue()


def test_pilots_have_a_closed_session_with_answers_and_open_and_done_actions():
    load_demo()
    sessions = ReflectionSession.objects.select_related("initiative__organisation")
    assert sessions.count() == len(REFLECTION) >= 2
    for session in sessions:
        slug = session.initiative.organisation.slug
        assert session.status == SessionStatus.CLOSED, slug
        assert len(session.answers) >= 6 and session.agreements, slug
        statuses = list(session.actions.values_list("status", flat=True))
        assert ActionStatus.OPEN in statuses and statuses.count(ActionStatus.DONE) == 1, slug
        assert all(a.due_on >= session.held_on for a in session.actions.all())
    houten = sessions.get(initiative__organisation__slug="houten")
    assert "laptop" in houten.agreements  # the Dutch pilots are in Dutch
    assert ReflectionAction.objects.filter(owner__isnull=True).exclude(owner_name="").exists()


def test_houten_has_enough_competence_checks_for_the_team_overview():
    load_demo()
    houten = Organisation.objects.get(slug="houten")
    competences = selectors_competences.competence_list(organisation=houten)
    aggregate = selectors_competences.team_aggregate(organisation=houten, competences=competences)
    assert aggregate["enough"] and aggregate["people"] >= 5
    # The facilitator took it twice, so their own result shows a change.
    facilitator = User.objects.get(email="facilitator@houten.demo")
    assert CompetenceCheck.objects.filter(user=facilitator).count() == 2


def test_loading_the_demo_again_adds_no_sessions_actions_or_checks():
    load_demo()
    before = (
        ReflectionSession.objects.count(),
        ReflectionAction.objects.count(),
        CompetenceCheck.objects.count(),
    )
    output = load_demo()
    assert "nothing new" in output
    after = (
        ReflectionSession.objects.count(),
        ReflectionAction.objects.count(),
        CompetenceCheck.objects.count(),
    )
    assert after == before
