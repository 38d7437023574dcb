import datetime

import pytest
from django.utils import timezone

from constellate.accounts.models import Participant
from constellate.initiatives.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_last_seen_moves_to_the_day_a_participant_comes_back(client):
    activity = ActivityFactory()
    client.post(activity.get_join_url())
    participant = Participant.objects.get()
    Participant.objects.filter(pk=participant.pk).update(
        last_seen_on=timezone.localdate() - datetime.timedelta(days=40)
    )
    client.get("/me/")
    participant.refresh_from_db()
    assert participant.last_seen_on == timezone.localdate()
