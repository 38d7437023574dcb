"""Demo stories: some pilots have stories with consent, in Dutch and English, and loading the
demo again adds none."""

from io import StringIO

import pytest
from django.core.management import call_command

from constellate.stories.models import Story

pytestmark = pytest.mark.django_db


def test_demo_stories_are_loaded_once_with_consent():
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    stories = Story.objects.select_related("activity__initiative__organisation")
    assert stories.count() >= 8
    assert {s.language for s in stories} == {"nl", "en"}
    assert all(s.consents.exists() for s in stories)
    assert stories.filter(activity__initiative__organisation__slug="houten").count() == 3
    before = Story.all_objects.count()
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    assert Story.all_objects.count() == before
