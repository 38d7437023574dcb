""" "You said, we did" for ideas: a decision that rests on an idea shows on the idea's page
and, by name, on the public feedback page; waiting or merged ideas are never evidence."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.decisions import services
from constellate.decisions.choices import Outcome
from constellate.decisions.tests.factories import decision
from constellate.deliberation.tests.factories import idea_round_activity, ideas
from constellate.initiatives.tests.factories import InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    activity, idea_round = idea_round_activity(is_public=True)
    lead = member(activity.initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=activity.initiative, user=lead, role=InitiativeRole.LEAD)
    return activity, idea_round, lead


def test_the_idea_page_and_the_feedback_page_show_what_became_of_an_idea(client, scene):
    activity, idea_round, lead = scene
    (idea,) = ideas(idea_round, ["Een bankje bij de bushalte"])
    d = decision(activity.initiative, lead, title="Bankjes bij alle haltes")
    services.evidence_link(
        decision=d,
        actor=lead,
        items=[("idea", idea.pk)],
        outcome=Outcome.PARTLY,
        reason="Eerst bij drie haltes.",
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("deliberation:idea", args=[activity.join_token, idea.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "What became of it" in body and "Bankjes bij alle haltes" in body
    assert "Eerst bij drie haltes." in body
    initiative = activity.initiative
    feedback = client.get(
        reverse("decisions:public_feedback", args=[initiative.pk, initiative.slug])
    )
    assert "Een bankje bij de bushalte" in feedback.content.decode()


def test_waiting_and_merged_ideas_are_not_evidence(scene):
    activity, idea_round, lead = scene
    (waiting,) = ideas(idea_round, ["Nog niet gecontroleerd"], moderation="pending")
    kept, merged = ideas(idea_round, ["Blijft", "Samengevoegd"])
    merged.merged_into = kept
    merged.save()
    d = decision(activity.initiative, lead)
    for idea in (waiting, merged):
        with pytest.raises(ValidationError):
            services.evidence_link(decision=d, actor=lead, items=[("idea", idea.pk)])
    assert services.evidence_link(decision=d, actor=lead, items=[("idea", kept.pk)])
