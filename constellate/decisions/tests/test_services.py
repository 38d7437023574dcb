"""The decision log's writes and reads: recording, milestones, evidence through the
registry, "what became of it" for the contributor, and the news they get."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from constellate.core.models import AuditEvent
from constellate.core.registry import contribution_outcomes, evidence_source
from constellate.decisions import selectors, services
from constellate.decisions.models import Decision, EvidenceLink
from constellate.decisions.tests.factories import decision
from constellate.deliberation.tests.factories import conversation_activity, statements
from constellate.initiatives.tests.support import shared_world_fixture
from constellate.stories import services as story_services
from constellate.stories import services_curation as curation
from constellate.stories.choices import Audience
from constellate.stories.models import StoryNews
from constellate.stories.tests.factories import gathering_activity, told_story

world = shared_world_fixture()


@pytest.fixture
def scene(world):
    lead = world.users["lead"]
    activity = gathering_activity(initiative=world.public, title="Verhalen")
    story, secret = told_story(
        activity, text="Het loket was te ver weg SV1.", audience=Audience.PUBLIC
    )
    story.teller_email = "verteller@example.org"
    story.save(update_fields=["teller_email"])
    other, _ = told_story(activity, text="Alleen het team TM2.", audience=Audience.TEAM)
    insight = curation.insight_save(
        initiative=world.public,
        actor=lead,
        title="Afstand is drempel IN3",
        text="T",
        stories=[story],
    )
    _act, conversation = conversation_activity(initiative=world.public)
    made = statements(conversation, ["Meer spreekuren in de wijk ST4"])
    d = decision(world.public, lead)
    return {
        "lead": lead,
        "story": story,
        "secret": secret,
        "other": other,
        "insight": insight,
        "conversation": conversation,
        "statement": made[0],
        "decision": d,
    }


@pytest.mark.django_db
def test_recording_keeps_who_and_when_and_an_audit_entry(world, scene):
    d = scene["decision"]
    assert d.created_by == scene["lead"] and d.updated_by == scene["lead"]
    services.decision_save(
        initiative=world.public,
        actor=world.users["init_facilitator"],
        title=d.title,
        text=d.text,
        decided_on=d.decided_on,
        decided_by=d.decided_by,
        participation=d.participation,
        status="done",
        percent_done=20,
        decision=d,
    )
    d.refresh_from_db()
    assert d.updated_by == world.users["init_facilitator"]
    assert d.percent_done == 100  # done is all done
    actions = set(AuditEvent.objects.filter(object_id=str(d.pk)).values_list("action", flat=True))
    assert {"decision.recorded", "decision.changed"} <= actions


@pytest.mark.django_db
def test_milestones_are_added_and_marked_done(world, scene):
    d, lead = scene["decision"], scene["lead"]
    m = services.milestone_add(
        decision=d, actor=lead, title="Team gestart", due_on=datetime.date(2026, 6, 1)
    )
    services.milestone_set_done(milestone=m, actor=lead, done=True)
    m.refresh_from_db()
    assert m.done and m.done_on is not None
    services.milestone_set_done(milestone=m, actor=lead, done=False)
    m.refresh_from_db()
    assert not m.done and m.done_on is None


@pytest.mark.django_db
def test_evidence_from_every_source_is_linked_and_read_back(world, scene):
    d, lead = scene["decision"], scene["lead"]
    services.evidence_link(
        decision=d,
        actor=lead,
        items=[
            ("story", scene["story"].pk),
            ("insight", scene["insight"].pk),
            ("statement", scene["statement"].pk),
            ("conversation_result", scene["conversation"].pk),
        ],
    )
    items = selectors.decision_evidence(decision=d, user=lead)
    assert [i.source.key for i in items] == ["story", "insight", "statement", "conversation_result"]
    # Linking again leaves what is there.
    assert (
        services.evidence_link(decision=d, actor=lead, items=[("story", scene["story"].pk)]) == []
    )


@pytest.mark.django_db
def test_the_contributor_sees_what_became_of_the_story_directly_and_through_an_insight(
    world, scene
):
    d, lead, story = scene["decision"], scene["lead"], scene["story"]
    assert contribution_outcomes(story) == []
    services.evidence_link(
        decision=d,
        actor=lead,
        items=[("insight", scene["insight"].pk)],
        outcome="partly",
        reason="Eerst in twee wijken.",
    )
    outcomes = contribution_outcomes(story)
    assert len(outcomes) == 1
    assert outcomes[0]["via"] == "Afstand is drempel IN3"
    assert outcomes[0]["outcome_key"] == "partly"
    assert outcomes[0]["reason"] == "Eerst in twee wijken."
    assert outcomes[0]["public_url"]  # the initiative is public
    services.evidence_link(decision=d, actor=lead, items=[("story", story.pk)])
    assert {o["via"] for o in contribution_outcomes(story)} == {"", "Afstand is drempel IN3"}


@pytest.mark.django_db
def test_the_teller_is_told_by_news_and_at_most_one_mail_a_day(world, scene, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    d, lead, story = scene["decision"], scene["lead"], scene["story"]
    # The insight's news of the scene was mailed long ago.
    StoryNews.objects.filter(story=story).update(
        mailed_at=timezone.now() - datetime.timedelta(days=2), seen_at=timezone.now()
    )
    mail.outbox.clear()
    services.evidence_link(decision=d, actor=lead, items=[("story", story.pk)])
    assert StoryNews.objects.filter(story=story, kind="decision").count() == 1
    link = EvidenceLink.objects.get(decision=d)
    services.evidence_update(link=link, actor=lead, outcome="not_taken_up", reason="Te duur.")
    services.decision_save(
        initiative=world.public,
        actor=lead,
        title=d.title,
        text=d.text,
        decided_on=d.decided_on,
        decided_by=d.decided_by,
        participation=d.participation,
        status="in_progress",
        percent_done=30,
        decision=d,
    )
    assert StoryNews.objects.filter(story=story, kind="decision").count() == 3
    assert len(mail.outbox) == 1
    assert "verteller@example.org" in mail.outbox[0].to
    assert scene["secret"] not in mail.outbox[0].body
    # The teller's private page shows the outcome and the news; then the news is seen.
    client = Client()
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("stories:link", args=[scene["secret"]])).content.decode()
    assert "A decision that rests on your story changed" in page
    assert "What became of it" in page and "Te duur." in page and "not taken up" in page
    assert d.title in page


@pytest.mark.django_db
def test_a_withdrawn_story_disappears_from_the_decision_and_its_outcome(world, scene):
    d, lead, story = scene["decision"], scene["lead"], scene["story"]
    services.evidence_link(decision=d, actor=lead, items=[("story", story.pk)])
    assert contribution_outcomes(story)
    story_services.story_withdraw(story=story)
    story.refresh_from_db()
    assert selectors.decision_evidence(decision=d, user=lead) == []
    assert contribution_outcomes(story) == []
    ev = selectors.public_evidence(initiative=world.public, decisions=[d])[d.pk]
    assert ev.total == 0


@pytest.mark.django_db
def test_public_evidence_is_aggregated_and_never_beyond_consent(world, scene):
    d, lead = scene["decision"], scene["lead"]
    services.evidence_link(
        decision=d,
        actor=lead,
        items=[
            ("story", scene["story"].pk),
            ("story", scene["other"].pk),
            ("statement", scene["statement"].pk),
            ("conversation_result", scene["conversation"].pk),
        ],
    )
    with translation.override("en"):
        ev = selectors.public_evidence(initiative=world.public, decisions=[d])[d.pk]
        counts = {str(label): n for label, n in ev.counts}
        named = [str(n["title"]) for n in ev.named]
    assert counts["Stories"] == 1  # the team-only story is not counted in public
    assert counts["Statements in conversations"] == 1
    assert len(named) == 1 and "Results of the conversation" in named[0]


@pytest.mark.django_db
def test_a_decision_of_a_private_initiative_is_never_public(world):
    d = decision(world.private, world.users["lead"])
    assert list(selectors.public_decisions(initiative=world.private)) == []
    assert selectors.public_evidence(initiative=world.private, decisions=[d])[d.pk].total == 0


@pytest.mark.django_db
def test_deleting_a_decision_removes_it_from_the_outcome(world, scene):
    d, lead, story = scene["decision"], scene["lead"], scene["story"]
    services.evidence_link(decision=d, actor=lead, items=[("story", story.pk)])
    services.decision_delete(decision=d, actor=lead)
    assert not Decision.objects.filter(pk=d.pk).exists()
    assert contribution_outcomes(story) == []


@pytest.mark.django_db
def test_sources_are_declared_once_each(world):
    for key in ("story", "insight", "statement", "conversation_result"):
        assert evidence_source(key) is not None


@pytest.mark.django_db
def test_bad_decision_input_is_refused_with_messages_and_writes_nothing(world):
    before = Decision.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.decision_save(
            initiative=world.public,
            actor=world.users["lead"],
            title="",
            text="",
            decided_on=datetime.date(1800, 1, 1),
            decided_by="",
            participation="ruled",
            status="stopped",
            percent_done=101,
        )
    assert set(exc.value.message_dict) == {
        "title",
        "text",
        "decided_on",
        "decided_by",
        "participation",
        "status_note",
        "percent_done",
    }
    assert Decision.objects.count() == before
