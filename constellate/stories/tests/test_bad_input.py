"""Bad input never causes a server error or a half-saved story: NUL characters, huge texts,
unknown choices, absurd numbers in addresses, made-up private links."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from constellate.initiatives.tests.support import HUGE, NUL, SCRIPT
from constellate.stories.models import Consent, Story
from constellate.stories.tests.factories import gathering_activity, told_story

pytestmark = pytest.mark.django_db


def _joined(activity) -> Client:
    client = Client(raise_request_exception=False)
    client.post(reverse("initiatives:join", args=[activity.join_token]))
    return client


@pytest.mark.parametrize(
    "data",
    [
        {"story_type": "snapshot", "text": NUL},
        {"story_type": "snapshot", "text": HUGE},
        {"story_type": "poem", "text": "Een verhaal"},
        {"story_type": "snapshot", "text": "", "title": "x" * 500},
        {},
    ],
)
def test_bad_stories_are_refused_with_a_message(data):
    activity = gathering_activity()
    client = _joined(activity)
    with translation.override("en"):
        response = client.post(reverse("stories:tell", args=[activity.join_token]), data)
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Story.all_objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"audience": "everyone", "analysis": "yes", "quotes": "yes", "named": "no", "keep": "1y"},
        {"audience": "team", "analysis": "maybe", "quotes": "yes", "named": "no", "keep": "1y"},
        {"audience": "team", "analysis": "yes", "quotes": "yes", "named": "no", "keep": "99y"},
        {"audience": "team", "analysis": "yes", "quotes": "yes", "named": "no", "keep": "date"},
        {
            "audience": "team",
            "analysis": "yes",
            "quotes": "yes",
            "named": "no",
            "keep": "date",
            "keep_until": "99999-01-01",
        },
        {
            "audience": "team",
            "analysis": "yes",
            "quotes": "yes",
            "named": "no",
            "keep": "1y",
            "teller_email": "geen-adres" + NUL,
        },
    ],
)
def test_bad_consent_is_refused_and_nothing_changes(data):
    activity = gathering_activity()
    client = _joined(activity)
    client.post(
        reverse("stories:tell", args=[activity.join_token]),
        {"story_type": "snapshot", "text": "Mijn verhaal"},
    )
    story = Story.all_objects.get()
    response = client.post(reverse("stories:tell_consent", args=[story.pk]), data)
    assert response.status_code == 200
    assert not Consent.objects.exists()
    assert Story.all_objects.get().status == "draft"


def test_addresses_with_absurd_numbers_or_made_up_links_are_not_found(django_user_model):
    activity = gathering_activity()
    story, secret = told_story(activity, text=SCRIPT)
    client = Client(raise_request_exception=False)
    for url in (
        f"/stories/{2**70}/",
        f"/stories/{story.pk}/files/{2**70}/",
        f"/stories/tell/{2**70}/consent/",
        "/my-story/" + "x" * 300 + "/",
        f"/my-story/{secret}/files/{2**70}/",
        "/join/onbekend/story/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 404), url
    # The teller's own text is shown escaped.
    page = client.get(reverse("stories:link", args=[secret])).content.decode()
    assert SCRIPT not in page and "&lt;script&gt;" in page
