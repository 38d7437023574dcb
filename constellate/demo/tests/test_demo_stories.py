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
    assert stories.filter(activity__initiative__organisation__slug="houten").count() == 5
    before = Story.all_objects.count()
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    assert Story.all_objects.count() == before


def test_the_houten_demo_package_shows_a_map_of_the_shared_places():
    from django.test import Client
    from django.urls import reverse

    from constellate.stories.models import Package, Place

    call_command("load_demo", "--no-superuser", stdout=StringIO())
    package = Package.objects.get(initiative__organisation__slug="houten")
    assert package.is_published and package.visibility == "public"
    initiative = package.initiative
    assert Place.objects.filter(initiative=initiative).count() == 4
    url = reverse("stories:public_package", args=[initiative.pk, initiative.slug, package.pk])
    page = Client().get(url).content.decode()
    assert '<svg class="place-map"' in page
    assert 'data-name="Houten-Zuid" data-count="2"' in page
    assert 'data-name="Centrum (Het Rond)" data-count="1"' in page
    # The team's and the organisation's stories are not in the public package, nor on its map.
    assert "Oud-Houten" not in page
    before = Place.objects.count()
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    assert Place.objects.count() == before and Package.objects.filter(pk=package.pk).exists()
