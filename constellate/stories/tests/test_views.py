"""The teller's path through the pages (without a browser): join a story-gathering activity,
tell a story, give consent, answer the scales, get the private link; then change consent and
withdraw through that link."""

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.stories.choices import Audience, StoryStatus
from constellate.stories.models import Consent, Story, StoryMedia
from constellate.stories.tests.conftest import needs_uploads, tiny_wav
from constellate.stories.tests.factories import gathering_activity

pytestmark = pytest.mark.django_db

CONSENT_POST = {
    "audience": "organisation",
    "analysis": "yes",
    "quotes": "no",
    "named": "no",
    "keep": "2y",
}


def _joined_client(activity) -> Client:
    client = Client()
    response = client.post(reverse("initiatives:join", args=[activity.join_token]))
    assert response.status_code == 302
    return client


def _tell(client, activity, **extra):
    data = {"story_type": "snapshot", "text": "Het loket was dicht.", **extra}
    return client.post(reverse("stories:tell", args=[activity.join_token]), data)


def test_the_joined_page_invites_to_tell_a_story():
    activity = gathering_activity()
    client = _joined_client(activity)
    page = client.get(reverse("initiatives:joined", args=[activity.join_token])).content.decode()
    assert reverse("stories:tell", args=[activity.join_token]) in page
    # Not for other kinds of activity.
    workshop = gathering_activity(kind="workshop")
    client = _joined_client(workshop)
    page = client.get(reverse("initiatives:joined", args=[workshop.join_token])).content.decode()
    assert "/story/" not in page
    assert client.get(reverse("stories:tell", args=[workshop.join_token])).status_code == 404


def test_once_the_activity_has_ended_the_teller_is_told_before_writing_anything():
    activity = gathering_activity()
    client = _joined_client(activity)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    activity.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    activity.save()
    said = "This activity does not take new stories now."
    joined = client.get(reverse("initiatives:joined", args=[activity.join_token])).content.decode()
    assert said in joined and reverse("stories:tell", args=[activity.join_token]) not in joined
    page = client.get(reverse("stories:tell", args=[activity.join_token])).content.decode()
    assert said in page and "<textarea" not in page
    _tell(client, activity)
    assert not Story.all_objects.exists()


def test_telling_without_joining_first_leads_to_the_join_page():
    activity = gathering_activity()
    response = Client().get(reverse("stories:tell", args=[activity.join_token]))
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:join", args=[activity.join_token])


def test_a_participant_tells_gives_consent_and_keeps_the_private_link():
    activity = gathering_activity()
    client = _joined_client(activity)
    page = client.get(reverse("stories:tell", args=[activity.join_token])).content.decode()
    assert activity.purpose in page
    response = _tell(client, activity)
    story = Story.all_objects.get()
    assert response["Location"] == reverse("stories:tell_consent", args=[story.pk])
    assert story.status == StoryStatus.DRAFT
    # Skipping the consent step: the thank-you page sends back to it.
    assert client.get(reverse("stories:tell_thanks", args=[story.pk]))["Location"] == reverse(
        "stories:tell_consent", args=[story.pk]
    )
    # Another browser cannot continue this story.
    assert Client().get(reverse("stories:tell_consent", args=[story.pk])).status_code == 404
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    refused = client.post(
        reverse("stories:tell_consent", args=[story.pk]), {**CONSENT_POST, "named": "yes"}
    )
    assert refused.status_code == 200
    assert "Give the name" in refused.content.decode()
    response = client.post(reverse("stories:tell_consent", args=[story.pk]), CONSENT_POST)
    assert response["Location"] == reverse("stories:tell_scales", args=[story.pk])
    response = client.post(
        reverse("stories:tell_scales", args=[story.pk]),
        {"scale_about": "family", "scale_feeling": "bad"},
    )
    assert response["Location"] == reverse("stories:tell_thanks", args=[story.pk])
    thanks = client.get(reverse("stories:tell_thanks", args=[story.pk])).content.decode()
    assert "/my-story/" in thanks
    link = thanks.split("/my-story/")[1].split("/")[0]
    # Shown once only.
    assert (
        "/my-story/"
        not in client.get(reverse("stories:tell_thanks", args=[story.pk])).content.decode()
    )
    story.refresh_from_db()
    assert story.status == StoryStatus.ACTIVE and story.audience == Audience.ORGANISATION
    assert dict(story.scale_answers.values_list("scale", "value")) == {
        "about": "family",
        "feeling": "bad",
    }

    # The private link works in any browser: change the consent, then withdraw.
    other = Client()
    url = reverse("stories:link", args=[link])
    assert "Het loket was dicht." in other.get(url).content.decode()
    response = other.post(url, {**CONSENT_POST, "audience": "team"})
    assert response.status_code == 302
    assert list(
        Consent.objects.filter(story=story).order_by("pk").values_list("audience", flat=True)
    ) == [
        "organisation",
        "team",
    ]
    withdraw = reverse("stories:link_withdraw", args=[link])
    assert other.post(withdraw, {}).status_code == 200  # not confirmed: nothing happens
    assert Story.objects.filter(pk=story.pk).exists()
    assert other.post(withdraw, {"confirm": "on"}).status_code == 302
    assert not Story.objects.filter(pk=story.pk).exists()
    page = other.get(url).content.decode()
    assert "Het loket was dicht." not in page


@needs_uploads
def test_a_story_with_a_recording(story_storage):
    activity = gathering_activity()
    client = _joined_client(activity)
    upload = SimpleUploadedFile("opname.wav", tiny_wav(), content_type="audio/wav")
    response = _tell(client, activity, text="", media=upload)
    assert response.status_code == 302, response.content.decode()[:2000]
    media = StoryMedia.objects.get()
    assert media.medium == "audio" and media.file.name.endswith(".wav")
    assert "opname" not in media.file.name


@needs_uploads
def test_a_refused_file_is_explained_and_nothing_is_saved(story_storage):
    activity = gathering_activity()
    client = _joined_client(activity)
    upload = SimpleUploadedFile("stem.wav", b"MZ not a sound at all", content_type="audio/wav")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = _tell(client, activity, text="", media=upload)
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-summary" in body and "This file is not" in body
    assert not Story.all_objects.exists() and not StoryMedia.objects.exists()


def test_media_answer_range_requests(story_storage):
    from django.core.files.base import ContentFile

    from constellate.stories.tests.factories import told_story

    activity = gathering_activity()
    story, secret = told_story(activity)
    content = tiny_wav()
    media = StoryMedia(story=story, medium="audio", mime="audio/wav", size=len(content))
    media.file.save("x.wav", ContentFile(content), save=False)
    media.save()
    url = reverse("stories:link_media", args=[secret, media.pk])
    client = Client()
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert b"".join(whole.streaming_content) == content
    part = client.get(url, HTTP_RANGE="bytes=0-3")
    assert part.status_code == 206 and part.content == b"RIFF"
    assert part["Content-Range"] == f"bytes 0-3/{len(content)}"
    tail = client.get(url, HTTP_RANGE="bytes=-4")
    assert tail.content == content[-4:]
    assert client.get(url, HTTP_RANGE=f"bytes={len(content) + 5}-").status_code == 416
