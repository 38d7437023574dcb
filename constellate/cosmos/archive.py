"""Reading and writing COSMOS 3.7.1 project archives (zip files).

A COSMOS export is a zip with ``project.json`` (the project row, its answers under ``data``)
and, at the root, every picture named by an ``image`` key in the data, with a 400x400 thumbnail
of the same name under ``thumb/``.

Reading treats the archive as hostile. Before anything is stored, :func:`read_archive`
checks the whole archive and refuses it (:class:`ArchiveRefused`, a translated message and a
stable ``code``) when:

- the file is larger than the limit, or is not a zip (``too_large``, ``not_zip``);
- it has too many entries (``too_many_entries``);
- an entry has an absolute name, a ``..`` part, a backslash, a drive letter or a control
  character (``unsafe_name``), is a link (``unsafe_name``), is encrypted or packed in a way
  we do not read (``unsupported``), or has the same name as another entry (``duplicate``);
- an entry is larger than the limit, the entries together unpack to more than the limit, or
  an entry unpacks to far more than its packed size (``bomb``); unpacking is also bounded
  while reading, so sizes that lie do not help;
- ``project.json`` is missing, is not JSON, or is not a project (``no_project``,
  ``bad_json``, ``bad_shape``);
- a picture named in the data is not a picture we can open, checked by parsing it with
  :func:`constellate.core.uploads.check_upload` (``bad_image``).

Pictures keep their original bytes (and their original thumbnail), so that an export gives the
same files, unless the picture carried a place (GPS): then the cleaned picture is kept.
"""

from __future__ import annotations

import io
import json
import re
import stat
import struct
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from constellate.core.uploads import UploadRefused, check_upload
from constellate.cosmos.schema import ASPECTS_BY_ID, image_names

MB = 1024 * 1024

LIMITS: dict[str, int] = {
    "archive_bytes": 50 * MB,  # the zip file itself
    "entries": 500,
    "entry_bytes": 20 * MB,  # one unpacked entry
    "total_bytes": 100 * MB,  # all entries unpacked
    "ratio": 100,  # unpacked / packed, for entries over 1 MB unpacked
}
_RATIO_FROM = MB
THUMB_SIZE = (400, 400)
# Names COSMOS gives uploads: <ms timestamp>_<name with [^a-zA-Z0-9.] replaced by _>.
IMAGE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def limits() -> dict[str, int]:
    merged = dict(LIMITS)
    merged.update(getattr(settings, "COSMOS_IMPORT_LIMITS", None) or {})
    return merged


class ArchiveRefused(ValidationError):
    """A COSMOS archive that cannot be imported; ``message`` is translated."""

    def __init__(self, message: str, code: str):
        super().__init__(message, code=code)

    def __str__(self) -> str:
        return str(self.message)


@dataclass
class ArchiveImage:
    name: str
    content: bytes
    mime: str
    thumb: bytes | None = None


@dataclass
class ReadArchive:
    project: dict[str, Any]
    images: dict[str, ArchiveImage] = field(default_factory=dict)
    # Pictures named in the data but not in the archive, and entries that were not used.
    missing: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def _unsafe(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name:
        return True
    if re.match(r"^[A-Za-z]:", name) or any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return True
    parts = name.rstrip("/").split("/")
    return any(part in ("", ".", "..") for part in parts)


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    try:
        with archive.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise ArchiveRefused(
            _("The file %(name)s in the archive is damaged.") % {"name": info.filename},
            code="damaged",
        ) from exc
    except Exception as exc:  # noqa: BLE001 - zlib and friends failing on hostile bytes
        raise ArchiveRefused(
            _("The file %(name)s in the archive is damaged.") % {"name": info.filename},
            code="damaged",
        ) from exc
    if len(data) > limit:
        raise _refuse_bomb()
    return data


def _declared_entries(fh: Any) -> int | None:
    """The number of entries the archive's end record declares, read before the directory
    itself is parsed, so that an archive declaring millions of entries costs no memory."""
    try:
        end = zipfile._EndRecData(fh)  # noqa: SLF001 - the standard library's own reader
    except (OSError, ValueError, struct.error, AttributeError):
        return None
    finally:
        fh.seek(0)
    if not end:
        return None
    return int(end[zipfile._ECD_ENTRIES_TOTAL])  # noqa: SLF001


def _refuse_entries(count: int, limit: int) -> ArchiveRefused:
    return ArchiveRefused(
        _("This archive holds %(count)s files; a COSMOS archive can hold at most %(limit)s.")
        % {"count": count, "limit": limit},
        code="too_many_entries",
    )


def _refuse_bomb() -> ArchiveRefused:
    return ArchiveRefused(
        _(
            "This archive unpacks to far more data than a COSMOS project holds. "
            "It was not imported."
        ),
        code="bomb",
    )


def _refuse_shape(detail: str) -> ArchiveRefused:
    return ArchiveRefused(
        _("The project.json file in this archive is not a COSMOS project: %(detail)s")
        % {"detail": detail},
        code="bad_shape",
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def parse_project(raw: bytes) -> dict[str, Any]:
    """project.json as a checked dict, or ArchiveRefused."""
    try:
        text = raw.decode("utf-8-sig")
        project = json.loads(text, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ArchiveRefused(
            _("The project.json file in this archive is not valid JSON."), code="bad_json"
        ) from exc
    if not isinstance(project, dict):
        raise _refuse_shape(_("it does not hold one project."))
    data = project.get("data")
    if not isinstance(data, dict):
        raise _refuse_shape(_("the answers (data) are missing."))
    for key in ("name", "slug"):
        if key in project and project[key] is not None and not isinstance(project[key], str):
            raise _refuse_shape(_("the name is not text."))
    for aspect_id, value in data.items():
        if aspect_id in ASPECTS_BY_ID and not isinstance(value, dict):
            raise _refuse_shape(_("the part %(part)s does not hold answers.") % {"part": aspect_id})
    if "annotations" in data and not isinstance(data["annotations"], list):
        raise _refuse_shape(_("the notes (annotations) are not a list."))
    return project


def _check_picture(name: str, content: bytes, *, what: str) -> tuple[bytes, str]:
    try:
        checked = check_upload(ContentFile(content, name=name), media=["image"])
    except UploadRefused as exc:
        raise ArchiveRefused(
            _("%(what)s %(name)s in the archive is not a picture we can open. %(reason)s")
            % {"what": what, "name": name, "reason": exc.message},
            code="bad_image",
        ) from exc
    if checked.had_location:
        checked.content.seek(0)
        return checked.content.read(), checked.mime
    return content, checked.mime


def read_archive(upload: Any) -> ReadArchive:
    """Check a COSMOS export (a file-like object or bytes) and return what it holds."""
    lim = limits()
    if isinstance(upload, bytes | bytearray):
        fh: Any = io.BytesIO(upload)
    else:
        fh = getattr(upload, "file", upload)
    size = getattr(upload, "size", None)
    try:
        fh.seek(0, io.SEEK_END)
        size = fh.tell()
        fh.seek(0)
    except (AttributeError, OSError):
        pass
    if size is not None and size > lim["archive_bytes"]:
        raise ArchiveRefused(
            _("This file is %(size)s. A COSMOS archive can be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(lim["archive_bytes"])},
            code="too_large",
        )
    not_zip = ArchiveRefused(
        _("This file is not a COSMOS export: choose the .zip file that COSMOS's Export made."),
        code="not_zip",
    )
    declared = _declared_entries(fh)
    if declared is not None and declared > lim["entries"]:
        raise _refuse_entries(declared, lim["entries"])
    try:
        archive = zipfile.ZipFile(fh)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise not_zip from exc

    if len(infos) > lim["entries"]:
        raise _refuse_entries(len(infos), lim["entries"])
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe(name) or _is_link(info):
            raise ArchiveRefused(
                _(
                    "This archive holds a file with an unsafe name or a link (%(name)s). "
                    "It was not imported."
                )
                % {"name": name[:100]},
                code="unsafe_name",
            )
        key = name.casefold()
        if key in seen:
            raise ArchiveRefused(
                _("This archive holds the file %(name)s twice. It was not imported.")
                % {"name": name[:100]},
                code="duplicate",
            )
        seen.add(key)
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise ArchiveRefused(
                _("This archive is locked with a password or packed in a way we cannot read."),
                code="unsupported",
            )
        if info.file_size > lim["entry_bytes"]:
            raise _refuse_bomb()
        if info.file_size > _RATIO_FROM and info.file_size > lim["ratio"] * max(
            info.compress_size, 1
        ):
            raise _refuse_bomb()
        total += info.file_size
        if total > lim["total_bytes"]:
            raise _refuse_bomb()

    by_name = {info.filename: info for info in infos if not info.is_dir()}
    if "project.json" not in by_name:
        raise ArchiveRefused(
            _("This archive has no project.json file, so it is not a COSMOS export."),
            code="no_project",
        )
    budget = lim["total_bytes"]
    raw = _bounded_read(archive, by_name["project.json"], min(lim["entry_bytes"], budget))
    budget -= len(raw)
    project = parse_project(raw)

    result = ReadArchive(project=project)
    wanted = image_names(project["data"])
    for name in wanted:
        if not IMAGE_NAME.match(name) or name not in by_name:
            result.missing.append(name)
            continue
        content = _bounded_read(archive, by_name[name], min(lim["entry_bytes"], budget))
        budget -= len(content)
        content, mime = _check_picture(name, content, what=_("The picture"))
        thumb = None
        thumb_name = f"thumb/{name}"
        if thumb_name in by_name:
            thumb = _bounded_read(archive, by_name[thumb_name], min(lim["entry_bytes"], budget))
            budget -= len(thumb)
            thumb, _mime = _check_picture(thumb_name, thumb, what=_("The thumbnail"))
        result.images[name] = ArchiveImage(name=name, content=content, mime=mime, thumb=thumb)
    used = {"project.json"} | set(result.images) | {f"thumb/{n}" for n in result.images}
    result.ignored = sorted(n for n in by_name if n not in used)
    return result


# -- Writing ------------------------------------------------------------------------------------


def make_thumbnail(content: bytes) -> bytes:
    """A 400x400 "cover" thumbnail (cropped to fill), in the picture's own format."""
    with Image.open(io.BytesIO(content)) as image:
        fmt = image.format or "PNG"
        image = ImageOps.exif_transpose(image)
        if fmt == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        thumb = ImageOps.fit(image, THUMB_SIZE, Image.Resampling.LANCZOS)
        out = io.BytesIO()
        thumb.save(out, format=fmt if fmt in ("PNG", "JPEG", "WEBP", "GIF") else "PNG")
    return out.getvalue()


def write_archive(project: dict[str, Any], images: list[ArchiveImage]) -> bytes:
    """A zip as COSMOS 3.7.1 writes it: stored entries, project.json first, then each picture
    at the root and its thumbnail under thumb/."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(
            "project.json",
            json.dumps(project, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        )
        for image in images:
            archive.writestr(image.name, image.content)
            archive.writestr(f"thumb/{image.name}", image.thumb or make_thumbnail(image.content))
    return out.getvalue()
