"""Demo idea rounds: a pilot's idea round gets ideas with supports, responses, a merged
duplicate and one idea waiting for moderation; loading again adds nothing."""

import datetime

import pytest

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.deliberation.choices import IdeaModeration, IdeaStatus
from constellate.deliberation.models import Idea, IdeaSupport
from constellate.demo.ideas import load_pilot_ideas
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory, InitiativeMembershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["houten", "athens"])
def test_demo_ideas_load_once_with_supports_responses_and_a_merge(slug):
    activity = ActivityFactory(kind=ActivityKind.IDEA_ROUND)
    initiative = activity.initiative
    observer = member(initiative.organisation, OrgRole.OBSERVER)
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    people = {"observer": observer, "facilitator": lead}
    made = load_pilot_ideas({"slug": slug}, initiative, people, datetime.date(2026, 11, 29))
    assert made["ideas"] >= 5
    merged = Idea.objects.get(status=IdeaStatus.MERGED)
    assert (
        merged.merged_into.support_count
        == IdeaSupport.objects.filter(idea=merged.merged_into).count()
    )
    assert Idea.objects.filter(moderation=IdeaModeration.PENDING).count() == 1
    assert Idea.objects.exclude(response="").exists()
    assert load_pilot_ideas({"slug": slug}, initiative, people, datetime.date(2026, 11, 29)) == {}
