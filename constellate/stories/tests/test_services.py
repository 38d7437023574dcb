"""Consent versions, withdrawal, retention, self-signification and erasure."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation

from constellate.accounts import services as account_services
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import UserFactory
from constellate.stories import services
from constellate.stories.choices import Audience, Keep, StoryStatus, StoryType
from constellate.stories.consent import CONSENT_WORDING_VERSION
from constellate.stories.models import Consent, ScaleAnswer, Story
from constellate.stories.tests.factories import CONSENT, gathering_activity, told_story

pytestmark = pytest.mark.django_db


def test_a_told_story_is_a_draft_nobody_uses_until_consent():
    activity = gathering_activity()
    participant, _secret = participant_create(activity=activity)
    story, secret = services.story_tell(
        activity=activity, participant=participant, story_type=StoryType.SNAPSHOT, text="Tekst"
    )
    assert story.status == StoryStatus.DRAFT
    assert story.question == activity.purpose
    assert not Story.objects.filter(pk=story.pk).exists()
    services.consent_give(story=story, **CONSENT)
    assert Story.objects.filter(pk=story.pk).exists()
    assert secret not in Story.all_objects.get(pk=story.pk).link_hash


def test_a_story_needs_text_or_a_file_and_a_gathering_activity():
    activity = gathering_activity()
    participant, _secret = participant_create(activity=activity)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.story_tell(
            activity=activity, participant=participant, story_type=StoryType.SNAPSHOT, text="  "
        )
    assert "Write your story" in str(exc.value)
    other = gathering_activity(kind="workshop")
    with pytest.raises(ValidationError):
        services.story_tell(
            activity=other, participant=participant, story_type=StoryType.SNAPSHOT, text="x"
        )
    closed = gathering_activity(joining_open=False)
    with pytest.raises(ValidationError):
        services.story_tell(
            activity=closed, participant=participant, story_type=StoryType.SNAPSHOT, text="x"
        )
    assert not Story.all_objects.exists()


def test_changing_consent_adds_a_version_and_keeps_the_history():
    story, _secret = told_story(gathering_activity(), audience=Audience.PUBLIC)
    first = services.consent_current(story)
    assert first.wording == CONSENT_WORDING_VERSION and first.given_at is not None
    services.consent_give(story=story, **{**CONSENT, "audience": Audience.TEAM, "quotes": False})
    versions = list(Consent.objects.filter(story=story).order_by("pk"))
    assert [v.audience for v in versions] == [Audience.PUBLIC, Audience.TEAM]
    assert services.consent_current(story).quotes is False
    story.refresh_from_db()
    assert story.audience == Audience.TEAM


def test_named_consent_needs_a_name_and_the_period_sets_the_date():
    story, _secret = told_story(gathering_activity())
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.consent_give(story=story, **{**CONSENT, "named": True})
    assert "teller_name" in exc.value.message_dict
    consent = services.consent_give(
        story=story, **{**CONSENT, "named": True, "keep": Keep.ONE_YEAR}, teller_name="Anna"
    )
    today = timezone.localdate()
    assert consent.keep_until == services.add_months(today, 12)
    with pytest.raises(ValidationError):
        services.consent_give(story=story, **{**CONSENT, "keep": Keep.DATE, "keep_until": today})
    with pytest.raises(ValidationError):
        services.consent_give(
            story=story,
            **{**CONSENT, "keep": Keep.DATE, "keep_until": today + datetime.timedelta(days=2000)},
        )


def test_withdrawal_leaves_a_tombstone_without_text_and_refuses_changes():
    story, _secret = told_story(gathering_activity(), text="Geheim verhaal XQ1")
    services.consent_give(story=story, **CONSENT, teller_email="a@example.org")
    services.scale_answers_save(story=story, answers={"feeling": "good"})
    services.story_withdraw(story=story)
    tomb = Story.all_objects.get(pk=story.pk)
    assert tomb.status == StoryStatus.WITHDRAWN and tomb.withdrawn_at is not None
    assert tomb.text == "" and tomb.teller_email == "" and tomb.audience == ""
    assert not Story.objects.filter(pk=story.pk).exists()
    assert not ScaleAnswer.objects.filter(story=story).exists()
    assert services.consent_current(tomb).withdrawn_at is not None
    with pytest.raises(ValidationError):
        services.consent_give(story=tomb, **CONSENT)


def test_scale_answers_only_on_the_activitys_scales():
    activity = gathering_activity()
    services.activity_settings_set(
        activity=activity, actor=UserFactory(), question="Wat ging goed?", scales=["when"]
    )
    story, _secret = told_story(activity)
    assert story.question == "Wat ging goed?"
    with pytest.raises(ValidationError):
        services.scale_answers_save(story=story, answers={"feeling": "good"})
    with pytest.raises(ValidationError):
        services.scale_answers_save(story=story, answers={"when": "tomorrow"})
    services.scale_answers_save(story=story, answers={"when": "now"})
    assert list(story.scale_answers.values_list("scale", "value")) == [("when", "now")]


def test_retention_deletes_stories_past_their_date_and_old_drafts():
    activity = gathering_activity()
    keep, _ = told_story(activity, text="blijft")
    gone, _ = told_story(activity, text="gaat weg")
    # A later consent with a short period counts, not the first one.
    services.consent_give(story=gone, **{**CONSENT, "keep": Keep.HALF_YEAR})
    participant, _secret = participant_create(activity=activity)
    draft, _ = services.story_tell(
        activity=activity, participant=participant, story_type=StoryType.SNAPSHOT, text="concept"
    )
    Story.all_objects.filter(pk=draft.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=services.DRAFT_DAYS + 1)
    )
    later = services.add_months(timezone.localdate(), 7)
    assert services.stories_expire(today=later) == 2
    assert list(Story.all_objects.values_list("pk", flat=True)) == [keep.pk]
    # Nothing else is due: running it again deletes nothing.
    call_command("stories_expire", verbosity=0)
    assert Story.all_objects.filter(pk=keep.pk).exists()


def test_a_participant_who_makes_an_account_keeps_their_story_and_erasure_removes_it():
    activity = gathering_activity()
    participant, _secret = participant_create(activity=activity)
    story, _ = told_story(activity, participant=participant, text="Mijn eigen verhaal")
    user = account_services.participant_claim(
        participant=participant,
        email="verteller@example.org",
        password="een lange zin die ik goed kan onthouden",
    )
    export = account_services.user_data_export(user=user)
    assert [s["text"] for s in export["stories"]] == ["Mijn eigen verhaal"]
    reporter = UserFactory()
    recorded, _ = services.story_record(
        activity=activity,
        reporter=reporter,
        story_type=StoryType.TESTIMONY,
        channel="phone",
        teller_agreed=True,
        consent=CONSENT,
        text="Via de telefoon",
    )
    assert account_services.user_data_export(user=reporter)["stories_recorded"][0]["channel"] == (
        "phone"
    )
    account_services.user_erase(user=user)
    assert not Story.all_objects.filter(pk=story.pk).exists()
    account_services.user_erase(user=reporter)
    recorded = Story.all_objects.get(pk=recorded.pk)
    assert recorded.recorded_by is None and recorded.text == "Via de telefoon"


def test_assisted_entry_needs_the_tellers_agreement_and_a_channel():
    activity = gathering_activity()
    reporter = UserFactory()
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.story_record(
            activity=activity,
            reporter=reporter,
            story_type=StoryType.SNAPSHOT,
            channel="online",
            teller_agreed=False,
            consent=CONSENT,
            text="x",
        )
    assert set(exc.value.message_dict) == {"channel", "teller_agreed"}
    assert not Story.all_objects.exists()
    story, _ = services.story_record(
        activity=activity,
        reporter=reporter,
        story_type=StoryType.SNAPSHOT,
        channel="paper",
        teller_agreed=True,
        consent=CONSENT,
        text="Op papier verteld",
        answers={"feeling": "bad"},
    )
    assert story.status == StoryStatus.ACTIVE
    assert services.consent_current(story).recorded_by == reporter


def test_erasing_a_person_deletes_the_files_of_their_stories(
    story_storage, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    from constellate.stories.models import StoryMedia
    from constellate.stories.tests.conftest import tiny_wav

    activity = gathering_activity()
    participant, _secret = participant_create(activity=activity)
    story, _ = told_story(activity, participant=participant)
    media = StoryMedia(story=story, medium="audio", mime="audio/wav", size=10)
    media.file.save("x.wav", ContentFile(tiny_wav()), save=False)
    media.save()
    path = media.file.path
    user = account_services.participant_claim(
        participant=participant,
        email="wissen@example.org",
        password="een lange zin die ik goed kan onthouden",
    )
    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=user)
    assert not Story.all_objects.filter(pk=story.pk).exists()
    import os

    assert not os.path.exists(path)


def test_analysis_and_quotes_follow_the_current_consent():
    from constellate.stories.selectors import stories_for_analysis, stories_quotable

    activity = gathering_activity()
    yes, _ = told_story(activity)
    no, _ = told_story(activity, analysis=False, quotes=False)
    changed, _ = told_story(activity)
    services.consent_give(story=changed, **{**CONSENT, "analysis": False})
    withdrawn, _ = told_story(activity)
    services.story_withdraw(story=withdrawn)
    initiative = activity.initiative
    assert set(stories_for_analysis(initiative=initiative)) == {yes}
    assert set(stories_quotable(initiative=initiative)) == {yes, changed}
    assert no not in stories_quotable(initiative=initiative)


def test_one_participant_can_tell_a_limited_number_of_stories_a_day(monkeypatch):
    monkeypatch.setattr(services, "STORIES_PER_DAY", 2)
    activity = gathering_activity()
    participant, _secret = participant_create(activity=activity)

    def tell():
        return services.story_tell(
            activity=activity, participant=participant, story_type=StoryType.SNAPSHOT, text="x"
        )

    tell()
    tell()
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        tell()
    assert "come back tomorrow" in str(exc.value)
    assert Story.all_objects.count() == 2
