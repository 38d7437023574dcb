"""The decisions app through the registry: a new kind of evidence is one declaration (as the
idea rounds will be), outcomes reach a statement's author through the conversation's
results, tellers hear of decisions resting on an insight built on their story, and the
personal data of staff is exported and erased."""

import pytest

from constellate.accounts.services import participant_create
from constellate.core import registry
from constellate.core.registry import EvidenceSource, contribution_outcomes
from constellate.decisions import selectors, services
from constellate.decisions.tests.factories import decision
from constellate.deliberation.tests.factories import conversation_activity, statements
from constellate.initiatives.models import Activity
from constellate.initiatives.tests.support import shared_world_fixture
from constellate.stories import services_curation as curation
from constellate.stories.models import StoryNews
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()


@pytest.fixture
def activity_source():
    """A stand-in for the idea rounds: activities offered as evidence, in one declaration."""
    source = EvidenceSource(
        key="test_activity",
        label="Activities",
        model="initiatives.Activity",
        items=lambda initiative, user: Activity.objects.filter(initiative=initiative),
        title=lambda activity: activity.title,
        public_items=lambda initiative: Activity.objects.filter(
            initiative=initiative, is_public=True
        ),
        public_named=True,
    )
    registry.register_evidence_source(source)
    yield source
    registry.registry.evidence_sources.pop(source.key)


@pytest.mark.django_db
def test_a_new_kind_of_evidence_is_one_declaration(world, activity_source):
    lead = world.users["lead"]
    d = decision(world.public, lead)
    world.public_activity.is_public = True
    world.public_activity.save(update_fields=["is_public"])
    candidates = selectors.evidence_candidates(
        initiative=world.public, user=lead, source_key="test_activity", query="Open"
    )
    assert candidates == [(f"test_activity:{world.public_activity.pk}", "Open gesprek")]
    services.evidence_link(
        decision=d, actor=lead, items=[("test_activity", world.public_activity.pk)]
    )
    # Another initiative's activity is refused.
    with pytest.raises(Exception, match="cannot be linked"):
        services.evidence_link(decision=d, actor=lead, items=[("test_activity", world.activity.pk)])
    assert [i.title for i in selectors.decision_evidence(decision=d, user=lead)] == ["Open gesprek"]
    ev = selectors.public_evidence(initiative=world.public, decisions=[d])[d.pk]
    assert ev.named[0]["title"] == "Open gesprek"
    assert contribution_outcomes(world.public_activity)[0]["decision"] == d


@pytest.mark.django_db
def test_a_statement_author_sees_decisions_on_the_conversation_results(world):
    lead = world.users["lead"]
    activity, conversation = conversation_activity(initiative=world.public)
    participant, _secret = participant_create(activity=activity)
    statement = statements(conversation, ["Meer avondspreekuren"])[0]
    statement.author_participant = participant
    statement.save(update_fields=["author_participant"])
    d = decision(world.public, lead, title="Avondspreekuur")
    services.evidence_link(decision=d, actor=lead, items=[("conversation_result", conversation.pk)])
    outcomes = contribution_outcomes(statement)
    assert [o["decision"].title for o in outcomes] == ["Avondspreekuur"]
    assert outcomes[0]["via"].startswith(("Results of the conversation", "Uitkomsten"))


@pytest.mark.django_db
def test_tellers_hear_of_a_decision_resting_on_an_insight_built_on_their_story(world):
    lead = world.users["lead"]
    story, _secret = told_story(gathering_activity(initiative=world.public), text="Verhaal.")
    insight = curation.insight_save(
        initiative=world.public, actor=lead, title="Inzicht", text="T", stories=[story]
    )
    d = decision(world.public, lead)
    services.evidence_link(decision=d, actor=lead, items=[("insight", insight.pk)])
    assert StoryNews.objects.filter(story=story, kind="decision").count() == 1


@pytest.mark.django_db
def test_staff_personal_data_is_exported_and_erased(world):
    lead = world.users["lead"]
    d = decision(world.public, lead, title="Mijn besluit")
    item = registry.registry.personal_data["decisions"]
    rows = list(item.export(lead))
    assert rows[0]["decision"] == "Mijn besluit" and rows[0]["recorded_by_you"]
    assert item.erase(lead) == 2
    d.refresh_from_db()
    assert d.created_by is None and d.updated_by is None
    assert list(item.export(lead)) == []
