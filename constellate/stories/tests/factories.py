from constellate.accounts.services import participant_create
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.stories import services
from constellate.stories.choices import Audience, Keep, StoryType


def gathering_activity(**fields):
    fields.setdefault("kind", ActivityKind.STORY_GATHERING)
    fields.setdefault("purpose", "Wat heeft u geholpen bij het vinden van werk?")
    return ActivityFactory(**fields)


CONSENT = {
    "audience": Audience.ORGANISATION,
    "analysis": True,
    "quotes": True,
    "named": False,
    "keep": Keep.TWO_YEARS,
}


def told_story(activity, *, text="Mijn verhaal over het loket.", participant=None, **consent):
    """A story told through the link, with consent; returns (story, secret)."""
    if participant is None:
        participant, _secret = participant_create(activity=activity)
    story, secret = services.story_tell(
        activity=activity, participant=participant, story_type=StoryType.SNAPSHOT, text=text
    )
    services.consent_give(story=story, **{**CONSENT, **consent})
    story.refresh_from_db()
    return story, secret
