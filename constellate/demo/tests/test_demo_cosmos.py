"""Demo COSMOS model: Houten gets its own small model (service model and user journey, with
history); loading the demo again adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from constellate.cosmos.models import CosmosAspect, CosmosVersion

pytestmark = pytest.mark.django_db


def test_houten_gets_a_cosmos_model_once():
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    shown = CosmosAspect.objects.filter(
        initiative__organisation__slug="houten", enabled=True, aspect__endswith="_model"
    )
    assert set(shown.values_list("aspect", flat=True)) == {
        "co_creation_of_service_model",
        "user_journey_model",
    }
    journey = shown.get(aspect="user_journey_model")
    assert journey.versions.count() == 2
    assert not CosmosAspect.objects.exclude(initiative__organisation__slug="houten").exists()
    before = CosmosVersion.objects.count()
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    assert CosmosVersion.objects.count() == before
