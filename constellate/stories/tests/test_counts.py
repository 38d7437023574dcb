"""Stories count on "Who is missing" only with consent (not drafts, not withdrawn), and the
story list makes the same number of queries with 3 stories as with 30."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import page_queries
from constellate.participation.selectors import participation_tally
from constellate.stories import services
from constellate.stories.choices import Medium, StoryType
from constellate.stories.models import StoryMedia
from constellate.stories.tests.conftest import tiny_wav
from constellate.stories.tests.factories import gathering_activity, told_story

pytestmark = pytest.mark.django_db


def test_only_consented_stories_count_as_taking_part():
    activity = gathering_activity()
    told_story(activity)
    withdrawn, _ = told_story(activity)
    services.story_withdraw(story=withdrawn)
    participant, _secret = participant_create(activity=activity)
    services.story_tell(
        activity=activity, participant=participant, story_type=StoryType.SNAPSHOT, text="concept"
    )
    assert participation_tally(initiative=activity.initiative).total == 1


def test_a_story_counts_under_the_group_its_teller_said_when_joining():
    from constellate.initiatives.services import activity_join

    activity = gathering_activity(initiative__target_groups=["Jongeren", "Ouderen"])
    young, _ = activity_join(
        activity=activity, participant=None, user=None, answers={"target_group": "Jongeren"}
    )
    silent, _ = activity_join(activity=activity, participant=None, user=None, answers={})
    for participant in (young, young, silent):
        told_story(activity, participant=participant)
    tally = participation_tally(initiative=activity.initiative)
    # two joinings (one said a group) and three stories (two by the one who said it)
    assert tally.by_group() == {"Jongeren": 1 + 2, "": 1 + 1}


def test_the_story_list_costs_the_same_queries_whatever_the_number_of_stories(story_storage):
    initiative = InitiativeFactory()
    lead = member(initiative.organisation, OrgRole.FACILITATOR)
    InitiativeMembershipFactory(initiative=initiative, user=lead, role=InitiativeRole.LEAD)
    activity = gathering_activity(initiative=initiative)
    client = Client()
    client.force_login(lead)
    url = reverse("stories:list", args=[initiative.pk])

    def grow(n):
        for _ in range(n):
            story, _ = told_story(activity)
            media = StoryMedia(story=story, medium=Medium.AUDIO, mime="audio/wav", size=10)
            media.file.save("a.wav", ContentFile(tiny_wav(0.01)), save=False)
            media.save()

    grow(3)
    few, _ = page_queries(client, url)
    grow(27)
    many, sql = page_queries(client, url)
    assert few == many, "\n".join(sql)
