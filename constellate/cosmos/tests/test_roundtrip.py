"""COSMOS zip -> Constellate -> COSMOS zip, for both shared samples (COSMOS 3.7.1 exports with
invented content; see ../shared/data/cosmos/README.md): the data comes back equal, field by
field, and the pictures and thumbnails come back byte for byte."""

import io
import json
import zipfile

import pytest

from constellate.cosmos import selectors, services
from constellate.cosmos.models import CosmosAspect, CosmosImage, CosmosProject, CosmosVersion
from constellate.cosmos.schema import ASPECTS_BY_ID, MODEL_IDS, SCHEMA_VERSION
from constellate.cosmos.tests.conftest import HOUTEN, NIEUWEGEIN, sample
from constellate.initiatives.tests.factories import InitiativeFactory


def _unzip(content: bytes) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        files = {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}
    return json.loads(files.pop("project.json")), files


def _leaves(value, path=""):
    """Every leaf of a JSON value with its path, so that a difference names the field."""
    if isinstance(value, dict):
        if not value:
            yield path, {}
        for key, child in value.items():
            yield from _leaves(child, f"{path}.{key}")
    elif isinstance(value, list):
        if not value:
            yield path, []
        for i, child in enumerate(value):
            yield from _leaves(child, f"{path}[{i}]")
    else:
        yield path, value


@pytest.mark.django_db
@pytest.mark.parametrize("path", [HOUTEN, NIEUWEGEIN], ids=["houten", "nieuwegein"])
def test_import_keeps_every_field_and_export_gives_it_back(path):
    source = sample(path)
    original, original_files = _unzip(source)
    initiative = InitiativeFactory()

    result = services.cosmos_import(initiative=initiative, upload=source, actor=None)

    # Every field of every aspect is stored as COSMOS had it.
    stored = {a.aspect: a.data for a in CosmosAspect.objects.filter(initiative=initiative)}
    for aspect_id in ASPECTS_BY_ID:
        assert dict(_leaves(stored[aspect_id])) == dict(_leaves(original["data"][aspect_id])), (
            aspect_id
        )
    project = CosmosProject.objects.get(initiative=initiative)
    assert project.name == original["name"]
    assert project.extra["data"]["annotations"] == original["data"]["annotations"]
    assert "admin@example.com" not in json.dumps(project.extra)
    assert result.missing_images == []

    _name, exported = services.cosmos_export(initiative=initiative)
    again, files = _unzip(exported)
    assert dict(_leaves(again["data"])) == dict(_leaves(original["data"]))
    assert again["data"] == original["data"]
    assert files == original_files
    for key in ("id", "name", "slug", "created_at", "modified_at", "created_by", "folder"):
        assert key in again
    assert again["name"] == original["name"]
    assert again["created_by"] == ""
    assert again["config"]["constellate"]["schema_version"] == SCHEMA_VERSION
    assert set(again["config"]["models"]) == set(result.enabled)
    # Entries are stored, as COSMOS writes them.
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_STORED}

    # A second round gives the same again, and our own config is trusted.
    other = InitiativeFactory()
    second = services.cosmos_import(initiative=other, upload=exported, actor=None)
    assert second.enabled == result.enabled
    _name, exported_again = services.cosmos_export(initiative=other)
    third, files_again = _unzip(exported_again)
    assert third["data"] == original["data"]
    assert files_again == original_files


@pytest.mark.django_db
def test_models_that_hold_answers_are_shown_since_cosmos_does_not_export_its_config():
    initiative = InitiativeFactory()
    result = services.cosmos_import(initiative=initiative, upload=sample(NIEUWEGEIN), actor=None)
    assert set(result.enabled) == {
        "co_creation_of_service_model",
        "user_journey_model",
        "change_model",
    }
    houten = InitiativeFactory()
    assert services.cosmos_import(
        initiative=houten, upload=sample(HOUTEN), actor=None
    ).enabled == list(MODEL_IDS)


@pytest.mark.django_db
def test_import_keeps_history_and_replaces_pictures_cleanly(cosmos_storage_tmp):
    initiative = InitiativeFactory()
    services.cosmos_import(initiative=initiative, upload=sample(HOUTEN), actor=None)
    services.cosmos_import(initiative=initiative, upload=sample(NIEUWEGEIN), actor=None)
    aspect = CosmosAspect.objects.get(initiative=initiative, aspect="analytic_model")
    assert list(aspect.versions.values_list("number", flat=True)) == [2, 1]
    first = selectors.version_of(aspect=aspect, number=1)
    rows = selectors.difference("analytic_model", first.data, aspect.data)
    changed = {r["path"] for r in rows if r["changed"]}
    assert "model" in changed and "victims" in changed
    # Both pictures are kept (an older version names the first one).
    assert CosmosImage.objects.filter(initiative=initiative).count() == 2
    stored = [p for p in cosmos_storage_tmp.rglob("*") if p.is_file()]
    assert len(stored) == 4  # two pictures, two thumbnails
    assert CosmosVersion.objects.filter(aspect__initiative=initiative).count() >= 6


@pytest.mark.django_db
def test_a_picture_without_its_thumbnail_gets_a_cover_thumbnail():
    original, files = _unzip(sample(NIEUWEGEIN))
    name = next(n for n in files if not n.startswith("thumb/"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("project.json", json.dumps(original))
        archive.writestr(name, files[name])
    initiative = InitiativeFactory()
    services.cosmos_import(initiative=initiative, upload=out.getvalue(), actor=None)
    _name, exported = services.cosmos_export(initiative=initiative)
    _project, again = _unzip(exported)
    assert again[name] == files[name]
    from PIL import Image

    with Image.open(io.BytesIO(again[f"thumb/{name}"])) as thumb:
        assert thumb.size == (400, 400)


@pytest.mark.django_db
def test_our_own_export_carries_the_country():
    initiative = InitiativeFactory()
    services.cosmos_import(initiative=initiative, upload=sample(HOUTEN), actor=None)
    CosmosProject.objects.filter(initiative=initiative).update(country="nl")
    _name, exported = services.cosmos_export(initiative=initiative)
    other = InitiativeFactory()
    services.cosmos_import(initiative=other, upload=exported, actor=None)
    assert CosmosProject.objects.get(initiative=other).country == "nl"
