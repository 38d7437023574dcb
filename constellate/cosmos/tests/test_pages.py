"""The team's pages, without JavaScript: import a COSMOS export through the page, see the
models (shown or hidden, last changed), show or hide them, read a model's summary, compare a
version with now, download the export; the command; personal data."""

import io
import json
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from constellate.core.registry import registry
from constellate.cosmos import services
from constellate.cosmos.models import CosmosAspect, CosmosProject, CosmosVersion
from constellate.cosmos.tests.conftest import HOUTEN, NIEUWEGEIN, sample
from constellate.initiatives.tests.support import client_for, shared_world_fixture

world = shared_world_fixture()


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.django_db
def test_import_through_the_page_then_read_hide_compare_and_export(world):
    pk = world.private.pk
    client = _english(client_for(world, "lead"))
    upload = SimpleUploadedFile("cosmos.zip", sample(HOUTEN), content_type="application/zip")
    response = client.post(reverse("cosmos:import", args=[pk]), {"file": upload}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The COSMOS export is imported" in page
    assert "Werk en Inkomen Houten: dienstverlening samen herontwerpen" in page
    assert page.count(">Shown<") >= 6

    # The readable summary of the user journey: questions, answers and option names.
    page = client.get(reverse("cosmos:detail", args=[pk, "user_journey_model"])).content.decode()
    assert "How did people hear of the service?" in page
    assert "<dl" in page
    assert "Meedenkgroep herschrijft de brief in B1-taal." in page  # a note on the picture
    # Text rows show their text, never the row's insides.
    assert "&#x27;label&#x27;" not in page and "&#x27;text&#x27;" not in page
    page = client.get(
        reverse("cosmos:detail", args=[pk, "co_creation_of_service_model"])
    ).content.decode()
    assert "&#x27;label&#x27;" not in page and "&#x27;links&#x27;" not in page

    # Hide two models; their answers stay.
    response = client.post(
        reverse("cosmos:models_set", args=[pk]),
        {
            "enabled": [
                "co_creation_of_service_model",
                "user_journey_model",
                "change_model",
                "analytic_model",
            ]
        },
    )
    assert response.status_code == 302
    hidden = CosmosAspect.objects.get(initiative=world.private, aspect="moral_ordering_model")
    assert not hidden.enabled and hidden.data["defineEthos"]["values"]

    # The country COSMOS keeps: chosen from the list, carried in our export's config.
    url = reverse("cosmos:models_set", args=[pk])
    client.post(url, {"enabled": ["user_journey_model"], "country": "fi"})
    assert CosmosProject.objects.get(initiative=world.private).country == "fi"
    response = client.post(url, {"enabled": ["user_journey_model"], "country": "xx"}, follow=True)
    assert "Choose a country from the list." in response.content.decode()
    assert CosmosProject.objects.get(initiative=world.private).country == "fi"
    client.post(
        url,
        {
            "enabled": [
                "user_journey_model",
                "change_model",
                "analytic_model",
                "co_creation_of_service_model",
            ]
        },
    )
    assert CosmosProject.objects.get(initiative=world.private).country == "fi"

    # A change is kept as a version and compared field by field.
    aspect = CosmosAspect.objects.get(initiative=world.private, aspect="change_model")
    data = json.loads(json.dumps(aspect.data))
    data["first_order"]["vision"] = "Een nieuwe visie VV1"
    services.aspect_data_save(aspect=aspect, data=data, actor=world.users["lead"])
    assert aspect.versions.count() == 2
    page = client.get(
        reverse("cosmos:history", args=[pk, "change_model"]) + "?version=1"
    ).content.decode()
    assert "Een nieuwe visie VV1" in page
    assert "1 answer changed since then." in page

    response = client.get(reverse("cosmos:export", args=[pk]))
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        project = json.loads(archive.read("project.json"))
    assert project["data"]["change_model"]["first_order"]["vision"] == "Een nieuwe visie VV1"
    assert "moral_ordering_model" not in project["config"]["models"]
    assert project["config"]["country"] == "fi"


@pytest.mark.django_db
def test_a_hostile_upload_gets_a_message_and_nothing_changes(world):
    pk = world.private.pk
    client = _english(client_for(world, "lead"))
    upload = SimpleUploadedFile("evil.zip", b"not a zip", content_type="application/zip")
    response = client.post(reverse("cosmos:import", args=[pk]), {"file": upload})
    assert response.status_code == 400
    assert "This file is not a COSMOS export" in response.content.decode()
    assert not CosmosAspect.objects.filter(initiative=world.private).exists()
    response = client.post(reverse("cosmos:import", args=[pk]), {})
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_list_before_anything_is_saved(world):
    client = _english(client_for(world, "partner"))
    page = client.get(reverse("cosmos:list", args=[world.private.pk])).content.decode()
    assert "Co-creation of service model" in page and "Never" in page
    assert "Save the choice" not in page  # viewers do not change
    assert not CosmosAspect.objects.exists()


@pytest.mark.django_db
def test_the_command(world, tmp_path):
    path = tmp_path / "nieuwegein.zip"
    path.write_bytes(sample(NIEUWEGEIN))
    out = io.StringIO()
    call_command("cosmos_import", str(world.public.pk), str(path), stdout=out)
    assert "3 aspects" not in out.getvalue()  # all ten aspects are saved the first time
    assert CosmosAspect.objects.filter(initiative=world.public, enabled=True).count() == 7
    out_path = tmp_path / "out.zip"
    call_command("cosmos_export", str(world.public.pk), str(out_path), stdout=io.StringIO())
    with zipfile.ZipFile(out_path) as archive:
        assert "project.json" in archive.namelist()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"nope")
    with pytest.raises(CommandError, match="not a COSMOS export"):
        call_command("cosmos_import", str(world.public.pk), str(bad))


@pytest.mark.django_db
def test_personal_data_export_and_erasure(world):
    lead = world.users["lead"]
    aspect = services.cosmos_ensure(initiative=world.private)["analytic_model"]
    services.aspect_data_save(aspect=aspect, data={"model": {"title": "Rollen"}}, actor=lead)
    item = registry.personal_data["cosmos_versions"]
    rows = list(item.export(lead))
    assert rows and rows[0]["model"] == "analytic_model"
    assert item.erase(lead) >= 1
    assert not CosmosVersion.objects.filter(created_by=lead).exists()
    assert CosmosAspect.objects.get(pk=aspect.pk).data == {"model": {"title": "Rollen"}}
