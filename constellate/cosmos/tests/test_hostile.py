"""A COSMOS archive is hostile input: each kind of bad archive is refused with its own clear
message, before anything is stored, and nothing is half-imported."""

import io
import json
import struct
import zipfile

import pytest

from constellate.cosmos import services
from constellate.cosmos.archive import ArchiveRefused, read_archive
from constellate.cosmos.models import CosmosAspect, CosmosImage, CosmosProject
from constellate.cosmos.tests.conftest import NIEUWEGEIN, sample
from constellate.initiatives.tests.factories import InitiativeFactory

PROJECT = {"id": 1, "name": "Proef", "data": {"documents": {"data": {"label": "", "items": []}}}}


def png(size=(8, 8)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def with_image(name="1_poster.png") -> dict:
    return {
        "id": 1,
        "name": "Proef",
        "data": {
            "documents": {
                "data": {"label": "", "items": [{"label": "Poster", "url": None, "image": name}]}
            }
        },
    }


def make_zip(entries, *, compression=zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for entry in entries:
            name, content = entry[0], entry[1]
            if isinstance(content, dict | list):
                content = json.dumps(content)
            info = zipfile.ZipInfo(name) if isinstance(name, str) else name
            info.compress_type = compression
            archive.writestr(info, content)
    return out.getvalue()


def refused(content, code, settings=None):
    with pytest.raises(ArchiveRefused) as caught:
        read_archive(content)
    assert caught.value.code == code, (caught.value.code, str(caught.value))
    assert str(caught.value)  # a message for people
    return str(caught.value)


def test_a_good_small_archive_passes():
    result = read_archive(make_zip([("project.json", with_image()), ("1_poster.png", png())]))
    assert list(result.images) == ["1_poster.png"]


def test_not_a_zip():
    refused(b"this is not a zip at all", "not_zip")
    refused(b"", "not_zip")
    refused(b"PK\x03\x04" + b"\x00" * 40, "not_zip")


def test_too_large(settings):
    settings.COSMOS_IMPORT_LIMITS = {"archive_bytes": 1000}
    message = refused(make_zip([("project.json", PROJECT), ("x.bin", b"x" * 2000)]), "too_large")
    assert "1000" in message or "KB" in message or "bytes" in message


def test_too_many_entries(settings):
    settings.COSMOS_IMPORT_LIMITS = {"entries": 3}
    entries = [("project.json", PROJECT)] + [(f"f{i}.txt", b"x") for i in range(5)]
    refused(make_zip(entries), "too_many_entries")


def test_a_declared_count_of_millions_is_refused_before_the_directory_is_read():
    data = bytearray(make_zip([("project.json", PROJECT)]))
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 0xFFFE, 0xFFFE)
    refused(bytes(data), "too_many_entries")


@pytest.mark.parametrize(
    "name",
    [
        "../evil.png",
        "thumb/../../evil.png",
        "/etc/passwd",
        "..\\evil.png",
        "C:/Windows/evil.png",
        "thumb//x.png",
        "a/./b.png",
        "bad\x01name.png",
    ],
)
def test_unsafe_names(name):
    refused(make_zip([("project.json", PROJECT), (name, b"x")]), "unsafe_name")


def test_links_are_refused():
    info = zipfile.ZipInfo("1_poster.png")
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    refused(make_zip([("project.json", with_image()), (info, b"/etc/passwd")]), "unsafe_name")


def test_duplicate_names():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        refused(make_zip([("project.json", PROJECT), ("project.json", PROJECT)]), "duplicate")
        refused(
            make_zip(
                [("project.json", with_image()), ("1_poster.png", png()), ("1_POSTER.png", png())]
            ),
            "duplicate",
        )


def test_encrypted_entries():
    data = bytearray(make_zip([("project.json", PROJECT)]))
    # Set the "encrypted" bit in the local header and in the central directory.
    data[6] |= 0x1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x1
    refused(bytes(data), "unsupported")


def test_zip_bomb_by_ratio():
    bomb = make_zip(
        [("project.json", with_image()), ("1_poster.png", b"\x00" * (5 * 1024 * 1024))],
        compression=zipfile.ZIP_DEFLATED,
    )
    assert len(bomb) < 50_000
    refused(bomb, "bomb")


def test_zip_bomb_by_total_size(settings):
    settings.COSMOS_IMPORT_LIMITS = {"total_bytes": 100_000, "ratio": 10**9}
    entries = [("project.json", PROJECT)] + [(f"part{i}.bin", b"\x00" * 30_000) for i in range(5)]
    refused(make_zip(entries, compression=zipfile.ZIP_DEFLATED), "bomb")


def test_entry_larger_than_allowed(settings):
    settings.COSMOS_IMPORT_LIMITS = {"entry_bytes": 1000}
    refused(make_zip([("project.json", PROJECT), ("big.bin", b"y" * 5000)]), "bomb")


def test_sizes_that_lie_do_not_unpack_more_than_declared():
    """An entry whose header declares a small size but holds more: reading stops at the
    declared size and the archive is refused as damaged."""
    content = make_zip([("project.json", with_image()), ("1_poster.png", png())])
    big = png()
    data = bytearray(content)
    # Patch the central directory's declared size of the picture to a smaller number.
    at = data.rfind(b"1_poster.png")
    central = data.rfind(b"PK\x01\x02", 0, at)
    struct.pack_into("<I", data, central + 24, len(big) // 2)
    with pytest.raises(ArchiveRefused) as caught:
        read_archive(bytes(data))
    assert caught.value.code in ("damaged", "bad_image")


def test_a_png_that_is_not_a_png():
    html = b"<html><script>alert(1)</script></html>"
    message = refused(
        make_zip([("project.json", with_image()), ("1_poster.png", html)]), "bad_image"
    )
    assert "1_poster.png" in message
    # A damaged PNG (cut short) too.
    refused(make_zip([("project.json", with_image()), ("1_poster.png", png()[:60])]), "bad_image")
    # And a thumbnail that is not a picture.
    refused(
        make_zip(
            [("project.json", with_image()), ("1_poster.png", png()), ("thumb/1_poster.png", html)]
        ),
        "bad_image",
    )


def test_project_json_missing_or_bad():
    refused(make_zip([("other.json", PROJECT)]), "no_project")
    refused(make_zip([("project.json", b"{not json")]), "bad_json")
    refused(make_zip([("project.json", b"\xff\xfe\x00bad")]), "bad_json")
    refused(make_zip([("project.json", b'{"data": {"x": NaN}}')]), "bad_json")
    refused(make_zip([("project.json", b"[" * 100_000 + b"]" * 100_000)]), "bad_json")
    refused(make_zip([("project.json", [1, 2])]), "bad_shape")
    refused(make_zip([("project.json", {"name": "x"})]), "bad_shape")
    refused(make_zip([("project.json", {"data": []})]), "bad_shape")
    refused(make_zip([("project.json", {"data": {"change_model": "text"}})]), "bad_shape")
    refused(make_zip([("project.json", {"data": {"annotations": {}}})]), "bad_shape")
    refused(make_zip([("project.json", {"name": 5, "data": {}})]), "bad_shape")


def test_names_in_the_data_never_become_paths():
    project = with_image("../../etc/passwd")
    result = read_archive(make_zip([("project.json", project)]))
    assert result.images == {}
    assert result.missing == ["../../etc/passwd"]


@pytest.mark.django_db
def test_nothing_is_half_imported_when_a_picture_is_bad(cosmos_storage_tmp):
    initiative = InitiativeFactory()
    content = make_zip([("project.json", with_image()), ("1_poster.png", b"GIF89a not really")])
    with pytest.raises(ArchiveRefused):
        services.cosmos_import(initiative=initiative, upload=content, actor=None)
    assert not CosmosAspect.objects.filter(initiative=initiative).exists()
    assert not CosmosImage.objects.exists()
    assert not any(p.is_file() for p in cosmos_storage_tmp.rglob("*"))


@pytest.mark.django_db
def test_written_pictures_are_removed_when_saving_fails(cosmos_storage_tmp, monkeypatch):
    initiative = InitiativeFactory()

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(CosmosProject, "save", broken)
    with pytest.raises(RuntimeError):
        services.cosmos_import(initiative=initiative, upload=sample(NIEUWEGEIN), actor=None)
    assert not CosmosAspect.objects.filter(initiative=initiative).exists()
    assert not CosmosImage.objects.exists()
    assert not any(p.is_file() for p in cosmos_storage_tmp.rglob("*"))


def test_a_picture_bomb_is_refused():
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, format="PNG")
    assert len(out.getvalue()) < 100_000
    refused(
        make_zip([("project.json", with_image()), ("1_poster.png", out.getvalue())]), "bad_image"
    )
