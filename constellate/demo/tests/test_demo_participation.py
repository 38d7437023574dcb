"""The demo pilots' "Who is missing" pages tell a story: the first target group reached, the
last one not at all."""

from io import StringIO

import pytest
from django.core.management import call_command

from constellate.initiatives.models import Initiative
from constellate.participation.models import OfflineCount, Participation
from constellate.participation.selectors import missing_voices

pytestmark = pytest.mark.django_db


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", "--no-superuser", stdout=out)
    return out.getvalue()


def test_every_pilot_shows_who_took_part_and_which_group_is_missing():
    load_demo()
    for initiative in Initiative.objects.all():
        report = missing_voices(initiative=initiative)
        counts = {line.group: line.count for line in report.lines}
        first, last = initiative.target_groups[0], initiative.target_groups[-1]
        assert counts[first] > counts[last] == 0, initiative.slug
        assert last in [line.group for line in report.flagged], initiative.slug
        assert first not in [line.group for line in report.flagged], initiative.slug


def test_loading_the_demo_again_adds_no_participation():
    load_demo()
    before = (Participation.objects.count(), OfflineCount.objects.count())
    assert before[0] > 0 and before[1] > 0
    load_demo()
    assert (Participation.objects.count(), OfflineCount.objects.count()) == before
