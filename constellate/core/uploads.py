"""Checking files that people upload: photos, sound recordings and videos.

A story can be told with a photo, a sound recording or a video, often straight from a phone.
Every uploaded file passes through :func:`check_upload` before it is stored. The check trusts
nothing the browser says (neither the file name nor the declared content type): it decides what
a file is by *parsing its content*, and refuses what it cannot parse.

What is accepted, and why
-------------------------
Photos (``image``), parsed and written anew with Pillow:
    JPEG, PNG, WebP and GIF (animated GIF and WebP too). These are what phone cameras and
    browsers produce and what every browser can show. A photo is fully decoded (``verify()``
    and a full ``load()`` of every frame), so a truncated or damaged file is refused. A photo
    with more pixels (all frames together) than ``Image.MAX_IMAGE_PIXELS`` is refused before it
    is decoded, so a tiny file cannot blow up into gigabytes of memory (a "decompression
    bomb"); ``settings.UPLOAD_MAX_IMAGE_PIXELS`` can lower that limit.
    The photo is then written anew: it is turned upright first (the EXIF orientation is applied)
    and all metadata is left out: EXIF (camera make and serial number, date, GPS place), XMP,
    comments, and anything appended after the image data. Only the colour profile is kept.
    When the teller chose to share the place (``keep_location=True``) the GPS data alone is
    written back. With ``read_location=True`` the photo's GPS position is returned as
    ``location`` (decimal degrees), in memory only, so a caller can turn it into something
    coarser (the stories app: the nearest of an initiative's named places) and drop it.
    HEIC/HEIF and AVIF photos are *not* accepted: Pillow cannot open HEIC without an extra
    native plugin. This matters little in practice, because an iPhone converts its HEIC photos
    to JPEG when a browser uploads them; someone who sends a HEIC file anyway gets a message
    explaining how to send a JPG.
Sound (``audio``):
    MP3, raw AAC (ADTS), WAV, FLAC and Ogg (Opus or Vorbis; Firefox records
    ``audio/ogg;codecs=opus``), parsed with mutagen; M4A/AAC (MP4 with only sound tracks; Safari and Chrome record
    ``audio/mp4``); WebM or Matroska with only sound tracks (Chrome records
    ``audio/webm;codecs=opus``).
Video (``video``):
    MP4 and MOV (ISO base media: what phones record) and WebM/Matroska (browser recordings).
    An MP4 file counts as video when it has a video track (handler ``vide``) and as sound when
    it only has sound tracks (``soun``). The place a phone stores in a video or recording
    ('©xyz' or 'loci' user data, Apple's ``location.ISO6709`` metadata) is blanked out (the box
    becomes an empty 'free' box of the same size, so nothing else moves) unless the teller
    shares it.

MP4/MOV and WebM are checked by walking their structure here (mutagen cannot read WebM and
does not tell video from sound): every box or element must fit inside its parent and the
file, MP4 needs its index ('moov') and media data, WebM its DocType, Tracks and a Cluster.
Open-ended elements, as live browser recordings write them, are followed block by block.
Apart from a blanked place, sound and video files are stored as sent, not re-encoded. Serve
stored files with the checked ``mime`` and ``X-Content-Type-Options: nosniff``. Known limits:
an MP3 or a live WebM cut exactly between two frames or clusters cannot be told from a
shorter recording (it plays up to the cut); WebM has no standard place tag, so none is looked
for; the place in MP3, Ogg, FLAC or WAV tags (rare) is not looked for either.

Everything else is refused: HTML, SVG (it can carry scripts), PDF, programs, archives, empty
files, files whose structure runs past their end (an interrupted upload) and files of a medium
the caller did not ask for. A file whose *name* is wrong but whose content is a good photo,
sound or video is accepted and gets the extension of its content; :func:`safe_filename`
makes the name harmless.

Sizes are limited per medium (:data:`MEDIA_LIMITS`, overridable with ``settings.UPLOAD_LIMITS``
or the ``limits`` argument). The size is checked before anything is parsed, and the file is
never read past the limit, even when the declared size lies.

Refusals raise :class:`UploadRefused`, a ``ValidationError`` whose message is translated, plain
language and says what can be sent instead; ``.code`` is stable for programs and tests.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import struct
import tempfile
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from mutagen.aac import AAC
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE
from PIL import ExifTags, Image, ImageFile, ImageOps, ImageSequence

MB = 1024 * 1024

#: Default largest size in bytes per medium; ``settings.UPLOAD_LIMITS`` overrides any of them.
MEDIA_LIMITS: dict[str, int] = {"image": 15 * MB, "audio": 50 * MB, "video": 200 * MB}

MEDIA = ("image", "audio", "video")

#: The formats shown to people, per medium, in the order they are most likely to have them.
ACCEPTED_FORMATS: dict[str, tuple[str, ...]] = {
    "image": ("JPG", "PNG", "WebP", "GIF"),
    "audio": ("MP3", "M4A", "AAC", "OGG", "Opus", "WAV", "WebM", "FLAC"),
    "video": ("MP4", "MOV", "WebM"),
}

# Pillow format name -> (mime type, extension).
_IMAGE_TYPES = {
    "JPEG": ("image/jpeg", ".jpg"),
    "PNG": ("image/png", ".png"),
    "WEBP": ("image/webp", ".webp"),
    "GIF": ("image/gif", ".gif"),
}

# ISO base media brands used by still-image formats (HEIC, HEIF, AVIF), not by sound or video.
_STILL_IMAGE_BRANDS = {
    b"heic",
    b"heix",
    b"heim",
    b"heis",
    b"hevc",
    b"hevx",
    b"mif1",
    b"msf1",
    b"avif",
    b"avis",
}

_CHUNK = 64 * 1024
# A file larger than this is copied to disk, not memory, when it must be copied at all.
_SPOOL_IN_MEMORY = 5 * MB
_NAME_MAX_CHARS = 100
_NAME_MAX_BYTES = 180
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in "123456789"
}


class UploadRefused(ValidationError):
    """An upload that cannot be accepted; ``message`` is translated, ``code`` is stable.

    Codes: ``empty``, ``too_large``, ``unknown_type``, ``wrong_medium``, ``unsupported``
    (a known format we cannot open, e.g. HEIC), ``truncated``, ``damaged``, ``too_many_pixels``.
    """

    def __init__(self, message: str, code: str):
        super().__init__(message, code=code)

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed :func:`check_upload`, ready to be stored.

    ``content`` is a Django ``File`` named ``safe_name`` and positioned at its start: for
    photos a new file with the cleaned, re-encoded image (``size`` is then its size, not the
    upload's); for sound and video the uploaded bytes as sent (a place in an MP4/MOV blanked
    out unless ``keep_location``). Store it with
    ``field.save(checked.safe_name, checked.content)``. ``width``, ``height`` (pixels) and
    ``duration`` (seconds) are given where the file states them cheaply, else None.
    ``had_location`` says whether the upload carried a place (GPS in a photo's EXIF or XMP, a
    location atom in an MP4/MOV); it was removed unless ``keep_location`` was set.
    ``location`` is the photo's GPS position as (latitude, longitude) in decimal degrees, only
    when ``read_location`` was asked and the photo had a readable one (never for sound and
    video); do not store it as such.
    """

    medium: str
    mime: str
    extension: str
    size: int
    safe_name: str
    content: File
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    had_location: bool = False
    location: tuple[float, float] | None = None


# ----------------------------------------------------------------------------------------------
# Messages


def _medium_noun(medium: str) -> str:
    # Bare nouns, so that each language puts its own article or negation in the sentence.
    return {"image": _("photo"), "audio": _("sound recording"), "video": _("video")}[medium]


def _join_or(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _("%(first)s or %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _formats_for(media: tuple[str, ...]) -> str:
    seen: list[str] = []
    for medium in media:
        seen += [f for f in ACCEPTED_FORMATS[medium] if f not in seen]
    return _join_or(seen)


def _refuse_unknown(media: tuple[str, ...]) -> UploadRefused:
    return UploadRefused(
        _("This file is not a %(kinds)s that we can open. You can send %(formats)s.")
        % {"kinds": _join_or([_medium_noun(m) for m in media]), "formats": _formats_for(media)},
        code="unknown_type",
    )


def _refuse_wrong_medium(medium: str, media: tuple[str, ...]) -> UploadRefused:
    return UploadRefused(
        _(
            "This file is a %(found)s, but here you can only send a %(kinds)s. "
            "You can send %(formats)s."
        )
        % {
            "found": _medium_noun(medium),
            "kinds": _join_or([_medium_noun(m) for m in media]),
            "formats": _formats_for(media),
        },
        code="wrong_medium",
    )


def _refuse_truncated() -> UploadRefused:
    return UploadRefused(
        _(
            "This file is incomplete: perhaps the upload or the recording was interrupted. "
            "Please try again."
        ),
        code="truncated",
    )


def _refuse_damaged(medium: str) -> UploadRefused:
    return UploadRefused(
        _("This file looks like a %(kind)s, but it is damaged and we cannot open it.")
        % {"kind": _medium_noun(medium)},
        code="damaged",
    )


def _refuse_too_large(medium: str, size: int | None, limit: int) -> UploadRefused:
    if size is None:
        return UploadRefused(
            _("This file is too large. A %(kind)s can be at most %(limit)s.")
            % {"kind": _medium_noun(medium), "limit": filesizeformat(limit)},
            code="too_large",
        )
    return UploadRefused(
        _("This file is %(size)s. A %(kind)s can be at most %(limit)s.")
        % {
            "size": filesizeformat(size),
            "kind": _medium_noun(medium),
            "limit": filesizeformat(limit),
        },
        code="too_large",
    )


# ----------------------------------------------------------------------------------------------
# Entry point


def upload_limits(overrides: dict[str, int] | None = None) -> dict[str, int]:
    """The size limit per medium: defaults, then ``settings.UPLOAD_LIMITS``, then overrides."""
    limits = dict(MEDIA_LIMITS)
    limits.update(getattr(settings, "UPLOAD_LIMITS", None) or {})
    limits.update(overrides or {})
    return limits


def check_upload(
    upload: Any,
    *,
    media: Iterable[str],
    keep_location: bool = False,
    read_location: bool = False,
    limits: dict[str, int] | None = None,
) -> CheckedUpload:
    """Check an uploaded file and return it cleaned, or raise :class:`UploadRefused`.

    ``upload`` is a Django ``UploadedFile`` (anything with ``.name``, ``.size`` and a readable
    ``.file`` works). ``media`` says which of ``"image"``, ``"audio"`` and ``"video"`` are
    welcome here. ``keep_location`` keeps the place stored in a photo or phone video (the
    teller chose to share it); otherwise it is removed. ``read_location`` returns a photo's
    GPS position in ``location`` (see :class:`CheckedUpload`).
    """
    wanted = tuple(dict.fromkeys(media))
    if not wanted or any(m not in MEDIA for m in wanted):
        raise ValueError(f"media must be a non-empty selection of {MEDIA}, not {wanted!r}")
    sizes = upload_limits(limits)
    # No file of any welcome medium may be larger than the largest welcome limit; the limit of
    # the medium the content turns out to be is checked again once that is known.
    ceiling = max(sizes[m] for m in wanted)

    declared = getattr(upload, "size", None)
    if declared is not None and declared > ceiling:
        raise _refuse_too_large(_largest(wanted, sizes), declared, ceiling)

    fh, size = _bounded_file(upload, ceiling)
    if size is None:
        raise _refuse_too_large(_largest(wanted, sizes), None, ceiling)
    if size == 0:
        raise UploadRefused(_("This file is empty."), code="empty")

    head = _read_at(fh, 0, 64)
    kind = _sniff(head)
    if kind is None:
        raise _refuse_unknown(wanted)
    if kind == "heic":
        raise UploadRefused(
            _(
                "This photo is in a format we cannot open yet (such as HEIC). Please send it "
                "as a JPG: on an iPhone, choose Settings, Camera, Formats, Most Compatible."
            ),
            code="unsupported",
        )
    name = getattr(upload, "name", None) or ""
    if kind == "image":
        if "image" not in wanted:
            # Only the header is parsed: enough to tell a photo from a file that merely
            # starts like one, and no reason to decode a photo that is refused anyway.
            if _looks_like_image(fh):
                raise _refuse_wrong_medium("image", wanted)
            raise _refuse_unknown(wanted)
        if size > sizes["image"]:
            raise _refuse_too_large("image", size, sizes["image"])
        data = _read_at(fh, 0, size)
        return _check_image(
            data, name=name, keep_location=keep_location, read_location=read_location
        )

    if kind == "isobmff":
        found = _check_isobmff(fh, size)
    elif kind == "ebml":
        found = _check_ebml(fh, size)
    else:
        found = _check_audio(kind, fh, size)
    if found.medium not in wanted:
        raise _refuse_wrong_medium(found.medium, wanted)
    if size > sizes[found.medium]:
        raise _refuse_too_large(found.medium, size, sizes[found.medium])
    if found.places and not keep_location:
        fh = _blank_places(fh, found.places)
    fh.seek(0)
    safe_name = safe_filename(name, found.extension)
    # Named with the safe name, so that even assigning it straight to a FileField is harmless.
    content = File(fh, name=safe_name)
    return CheckedUpload(
        medium=found.medium,
        mime=found.mime,
        extension=found.extension,
        size=size,
        safe_name=safe_name,
        content=content,
        width=found.width,
        height=found.height,
        duration=found.duration,
        had_location=found.had_location,
    )


def _largest(media: tuple[str, ...], sizes: dict[str, int]) -> str:
    return max(media, key=lambda m: sizes[m])


def _bounded_file(upload: Any, limit: int) -> tuple[IO[bytes], int | None]:
    """A seekable file with the upload's bytes and its true size (None when over ``limit``).

    A seekable file is measured by seeking to its end, without reading. Anything else is
    copied in chunks, and copying stops as soon as the limit is passed.
    """
    fh = getattr(upload, "file", upload)
    try:
        if fh.seekable():
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(0)
            return fh, (size if size <= limit else None)
    except (AttributeError, OSError, ValueError):
        pass
    # Returned to the caller, who keeps it open as the checked content.
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
    size = 0
    while True:
        chunk = fh.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            spool.close()
            return fh, None
        spool.write(chunk)
    spool.seek(0)
    return spool, size


def _read_at(fh: IO[bytes], offset: int, length: int) -> bytes:
    fh.seek(offset)
    return fh.read(length)


def _sniff(head: bytes) -> str | None:
    """A first guess from the opening bytes; the parsers that follow have the last word."""
    if head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:4] == b"OggS":
        return "ogg"
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "ebml"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _STILL_IMAGE_BRANDS:
            return "heic"
        return "isobmff"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip") and len(head) >= 8:
        # Old QuickTime files start without an 'ftyp' box.
        return "isobmff"
    if head[:3] == b"ID3":
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        # An MPEG audio frame sync with a layer set (Layer III for MP3).
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        # An ADTS frame sync (layer 0): raw AAC, as some Android recorders write it.
        return "aac"
    return None


# ----------------------------------------------------------------------------------------------
# Photos


def _check_image(
    data: bytes, *, name: str, keep_location: bool, read_location: bool = False
) -> CheckedUpload:
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Set elsewhere, this would let half-decoded photos through padded with grey.
        raise ImproperlyConfigured("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False")
    max_pixels = getattr(settings, "UPLOAD_MAX_IMAGE_PIXELS", None) or Image.MAX_IMAGE_PIXELS
    formats = list(_IMAGE_TYPES)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # Pillow's "Corrupt EXIF data"
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=formats) as probe:
                _refuse_if_too_many_pixels(probe.size, max_pixels)
                probe.verify()
            image = Image.open(io.BytesIO(data), formats=formats)
            frames = getattr(image, "n_frames", 1)
            _refuse_if_too_many_pixels(image.size, max_pixels, frames)
            image.load()
            if frames > 1:
                for index in range(frames):
                    image.seek(index)
                    image.load()
                image.seek(0)
    except UploadRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse_too_many_pixels() from None
    except Image.UnidentifiedImageError:
        raise _refuse_damaged("image") from None
    except MemoryError:
        raise _refuse_too_many_pixels() from None
    except Exception as exc:  # noqa: BLE001 - a parser failing on hostile bytes is a refusal
        if "truncated" in str(exc).lower() or isinstance(exc, EOFError):
            raise _refuse_truncated() from None
        raise _refuse_damaged("image") from None

    mime, extension = _IMAGE_TYPES[image.format]
    try:
        with warnings.catch_warnings():
            # Pillow warns about damaged EXIF ("Corrupt EXIF data"); it is dropped anyway.
            warnings.simplefilter("ignore", UserWarning)
            cleaned, had_location, location = _rewrite_image(image, keep_location=keep_location)
        with Image.open(io.BytesIO(cleaned)) as result:
            width, height = result.size
    except Exception:  # noqa: BLE001 - a photo that decodes but cannot be written anew
        raise _refuse_damaged("image") from None
    return CheckedUpload(
        medium="image",
        mime=mime,
        extension=extension,
        size=len(cleaned),
        safe_name=safe_filename(name, extension),
        content=ContentFile(cleaned, name=safe_filename(name, extension)),
        width=width,
        height=height,
        duration=None,
        had_location=had_location,
        location=location if read_location else None,
    )


def _looks_like_image(fh: IO[bytes]) -> bool:
    fh.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(fh, formats=list(_IMAGE_TYPES)) as probe:
                return probe.width > 0 and probe.height > 0
    except Exception:  # noqa: BLE001 - any failure to read the header means "not a photo"
        return False


def _refuse_too_many_pixels() -> UploadRefused:
    return UploadRefused(
        _(
            "This photo has too many pixels for us to open safely. Please send a smaller "
            "photo, for example one taken with the phone's normal camera settings."
        ),
        code="too_many_pixels",
    )


def _refuse_if_too_many_pixels(size: tuple[int, int], limit: int, frames: int = 1) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise _refuse_damaged("image")
    if width * height * max(frames, 1) > limit:
        raise _refuse_too_many_pixels()


def _gps_of(exif: Any) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(ExifTags.IFD.GPSInfo))
    except (KeyError, ValueError, TypeError, struct.error, OSError):
        return {}


def _degrees(value: Any, ref: Any, negative: str) -> float | None:
    """Decimal degrees from EXIF's (degrees, minutes, seconds) rationals and N/S or E/W."""
    try:
        parts = [float(part) for part in value]
        if len(parts) != 3 or any(math.isnan(p) or math.isinf(p) or p < 0 for p in parts):
            return None
        degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if str(ref or "").strip().upper().startswith(negative):
        degrees = -degrees
    return degrees


def _gps_position(gps: dict[int, Any]) -> tuple[float, float] | None:
    """The (latitude, longitude) of an EXIF GPS block, or None when it is missing or odd."""
    if not gps or 2 not in gps or 4 not in gps:
        return None
    latitude = _degrees(gps[2], gps.get(1), "S")
    longitude = _degrees(gps[4], gps.get(3), "W")
    if latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


def _rewrite_image(
    image: Any, *, keep_location: bool
) -> tuple[bytes, bool, tuple[float, float] | None]:
    """Write the photo anew, upright, without metadata (GPS kept only when asked). Returns
    the bytes, whether the photo had a place, and its GPS position if readable."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # Pillow's "Corrupt EXIF data"
            exif = image.getexif()
    except (OSError, ValueError, TypeError, KeyError, SyntaxError, struct.error):
        # Unreadable EXIF is simply left out; the photo itself decoded fine.
        exif = Image.Exif()
    gps = _gps_of(exif)
    position = _gps_position(gps)
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    had_location = bool(gps) or b"GPSLatitude" in xmp or b"GPSLongitude" in xmp
    icc = image.info.get("icc_profile")
    fmt = image.format
    options: dict[str, Any] = {}
    if icc:
        options["icc_profile"] = icc
    if keep_location and gps:
        kept = Image.Exif()
        kept.get_ifd(ExifTags.IFD.GPSInfo).update(gps)
        options["exif"] = kept.tobytes()

    out = io.BytesIO()
    frames = getattr(image, "n_frames", 1)
    if frames > 1:
        # Animated GIF or WebP: every frame is copied, nothing else.
        durations, copies = [], []
        for frame in ImageSequence.Iterator(image):
            durations.append(frame.info.get("duration", 100))
            copy = frame.copy()
            copy.info = {}
            copies.append(copy)
        extra: dict[str, Any] = {"duration": durations, "loop": image.info.get("loop", 0)}
        if fmt == "GIF":
            extra["disposal"] = 2
        copies[0].save(out, format=fmt, save_all=True, append_images=copies[1:], **extra, **options)
        return out.getvalue(), had_location, position

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            upright = ImageOps.exif_transpose(image) or image
    except (OSError, ValueError, TypeError, KeyError, SyntaxError, struct.error):
        upright = image
    # The photo is ours alone: its metadata is dropped in place rather than on a copy.
    transparency = image.info.get("transparency")
    upright.info = {}
    if transparency is not None and upright.mode in ("P", "L", "RGB"):
        options["transparency"] = transparency
    if fmt == "JPEG":
        if upright.mode not in ("L", "RGB", "CMYK"):
            upright = upright.convert("RGB")
        upright.save(out, format="JPEG", quality=90, **options)
    elif fmt == "WEBP":
        upright.save(out, format="WEBP", quality=90, **options)
    else:
        upright.save(out, format=fmt, **options)
    return out.getvalue(), had_location, position


def strip_image_location(image_bytes: bytes, *, keep_location: bool = False) -> bytes:
    """Return the photo written anew, upright and without metadata (see :func:`check_upload`).

    For photos from another source than an upload (an import, say); it raises
    :class:`UploadRefused` for bytes that are not a photo we accept.
    """
    upload = ContentFile(image_bytes, name="image")
    checked = check_upload(upload, media=["image"], keep_location=keep_location)
    return checked.content.read()


# ----------------------------------------------------------------------------------------------
# Sound and video


@dataclass(frozen=True)
class _Found:
    medium: str
    mime: str
    extension: str
    duration: float | None = None
    width: int | None = None
    height: int | None = None
    had_location: bool = False
    places: tuple[tuple[int, int], ...] = ()


def _length_of(info: Any) -> float | None:
    length = getattr(info, "length", None)
    return round(float(length), 3) if length else None


def _check_audio(kind: str, fh: IO[bytes], size: int) -> _Found:

    fh.seek(0)
    try:
        if kind == "mp3":
            info = MP3(fh).info
            if not info.bitrate or not info.sample_rate:
                raise _refuse_damaged("audio")
            return _Found("audio", "audio/mpeg", ".mp3", _length_of(info))
        if kind == "wav":
            _check_riff_size(fh, size)
            fh.seek(0)
            info = WAVE(fh).info
            if not info.sample_rate or not info.channels:
                raise _refuse_damaged("audio")
            return _Found("audio", "audio/wav", ".wav", _length_of(info))
        if kind == "aac":
            info = AAC(fh).info
            if not info.sample_rate or not info.length:
                raise _refuse_damaged("audio")
            return _Found("audio", "audio/aac", ".aac", _length_of(info))
        if kind == "flac":
            info = FLAC(fh).info
            return _Found("audio", "audio/flac", ".flac", _length_of(info))
        if kind == "ogg":
            return _check_ogg(fh)
    except UploadRefused:
        raise
    except Exception:  # noqa: BLE001 - mutagen failing on hostile bytes means a damaged file
        raise _refuse_damaged("audio") from None
    raise _refuse_damaged("audio")


def _check_ogg(fh: IO[bytes]) -> _Found:
    for kind in (OggOpus, OggVorbis):
        fh.seek(0)
        try:
            info = kind(fh).info
        except Exception:  # noqa: S112 - not this kind of Ogg stream (or damaged)
            continue
        extension = ".opus" if kind is OggOpus else ".ogg"
        return _Found("audio", "audio/ogg", extension, _length_of(info))
    raise _refuse_damaged("audio")


def _check_riff_size(fh: IO[bytes], size: int) -> None:
    head = _read_at(fh, 0, 12)
    declared = struct.unpack("<I", head[4:8])[0]
    # 0 and 0xFFFFFFFF mean "unknown" in files written while recording.
    if declared not in (0, 0xFFFFFFFF) and declared + 8 > size + 1:
        raise _refuse_truncated()


# -- ISO base media (MP4, M4A, MOV) --------------------------------------------------------------

_MOOV_MAX = 64 * MB
_ISO_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"udta", b"edts", b"mvex", b"meta"}


def _iso_boxes(data: bytes, start: int, end: int, medium: str):
    """Yield (type, box start, payload start, end) for the boxes in ``data[start:end]``."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise _refuse_damaged(medium)
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise _refuse_damaged(medium)
        yield kind, pos, pos + header, pos + size
        pos += size


def _location_key_indices(keys: bytes) -> set[int]:
    """The 1-based indices of the metadata keys that name a place (QuickTime 'keys' box)."""
    found: set[int] = set()
    if len(keys) < 8:
        return found
    count = struct.unpack(">I", keys[4:8])[0]
    pos = 8
    for index in range(1, min(count, 10_000) + 1):
        if pos + 8 > len(keys):
            break
        length = struct.unpack(">I", keys[pos : pos + 4])[0]
        if length < 8:
            break
        if b"location" in keys[pos + 8 : pos + length]:
            found.add(index)
        pos += length
    return found


def _blank_places(fh: IO[bytes], places: tuple[tuple[int, int], ...]) -> IO[bytes]:
    """A copy of the file whose location boxes became empty 'free' boxes of the same size.

    Sizes and offsets stay the same, so the index still points at the right media data;
    players skip 'free' boxes.
    """
    copy = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
    fh.seek(0)
    shutil.copyfileobj(fh, copy, _CHUNK)
    for box_start, box_end in places:
        copy.seek(box_start)
        header = copy.read(8)
        header_length = 16 if header[:4] == b"\x00\x00\x00\x01" else 8
        copy.seek(box_start + 4)
        copy.write(b"free")
        copy.seek(box_start + header_length)
        copy.write(b"\x00" * (box_end - box_start - header_length))
    copy.seek(0)
    return copy


def _check_isobmff(fh: IO[bytes], size: int) -> _Found:
    top: dict[bytes, tuple[int, int]] = {}
    brand = b""
    pos = 0
    count = 0
    while pos < size:
        count += 1
        if count > 100_000:
            raise _refuse_damaged("video")
        header = _read_at(fh, pos, 16)
        if len(header) < 8:
            raise _refuse_truncated()
        box_size, kind = struct.unpack(">I4s", header[:8])
        head_len = 8
        if box_size == 1:
            if len(header) < 16:
                raise _refuse_truncated()
            box_size = struct.unpack(">Q", header[8:16])[0]
            head_len = 16
        elif box_size == 0:
            box_size = size - pos
        if box_size < head_len or not re.fullmatch(rb"[\x20-\x7e\xa9]{4}", kind):
            raise _refuse_damaged("video")
        if pos + box_size > size:
            raise _refuse_truncated()
        if kind == b"ftyp":
            brand = _read_at(fh, pos + head_len, 4)
        top.setdefault(kind, (pos + head_len, pos + box_size))
        pos += box_size

    if b"moov" not in top:
        # Phones write the index ('moov') last: without it the recording was cut short.
        raise _refuse_truncated()
    if b"mdat" not in top:
        raise _refuse_damaged("video")
    start, end = top[b"moov"]
    if end - start > _MOOV_MAX:
        raise _refuse_damaged("video")
    moov = _read_at(fh, start, end - start)

    handlers: list[bytes] = []
    fragmented = False
    # Spans (file offsets) of the boxes that hold a place, to blank out unless it is shared.
    places: list[tuple[int, int]] = []
    location_keys: set[int] = set()
    timescale = duration = 0
    width = height = None
    had_location = False
    medium = "video"

    def walk(begin: int, finish: int, depth: int) -> None:
        nonlocal timescale, duration, width, height, had_location, fragmented
        if depth > 12:
            raise _refuse_damaged(medium)
        for kind, box_start, body, body_end in _iso_boxes(moov, begin, finish, medium):
            payload = moov[body:body_end]
            if kind == b"mvhd" and len(payload) >= 20:
                if payload[0] == 1 and len(payload) >= 32:
                    timescale, duration = struct.unpack(">IQ", payload[20:32])
                else:
                    timescale, duration = struct.unpack(">II", payload[12:20])
            elif kind == b"mehd" and not duration and len(payload) >= 8:
                # Fragmented files (Safari's recordings) give their length here.
                if payload[0] == 1 and len(payload) >= 12:
                    duration = struct.unpack(">Q", payload[4:12])[0]
                else:
                    duration = struct.unpack(">I", payload[4:8])[0]
            elif kind == b"hdlr" and len(payload) >= 12:
                handlers.append(payload[8:12])
            elif kind == b"tkhd" and len(payload) >= 84:
                w, h = struct.unpack(">II", payload[-8:])
                if w and h and width is None:
                    width, height = w >> 16, h >> 16
            elif kind in (b"\xa9xyz", b"loci"):
                # Android and 3GPP: the place as text, in the movie's or a track's user data.
                had_location = True
                places.append((start + box_start, start + body_end))
            elif kind == b"keys":
                # Apple: the place is a value in 'ilst' whose key here names it "location".
                location_keys.update(_location_key_indices(payload))
            elif kind == b"ilst":
                for item, item_start, _body, item_end in _iso_boxes(moov, body, body_end, medium):
                    if int.from_bytes(item, "big") in location_keys:
                        had_location = True
                        places.append((start + item_start, start + item_end))
            elif kind in _ISO_CONTAINERS:
                fragmented = fragmented or kind == b"mvex"
                inner = body
                # ISO 'meta' is a full box (4 bytes of version and flags); QuickTime's is not.
                if kind == b"meta" and moov[body + 4 : body + 8] != b"hdlr":
                    inner += 4
                walk(inner, body_end, depth + 1)

    walk(0, len(moov), 0)
    # The handler of a track is the one inside 'mdia'; 'meta' has one too ('mdir', 'mdta').
    if b"vide" in handlers:
        medium = "video"
    elif b"soun" in handlers:
        medium = "audio"
    else:
        raise _refuse_damaged("video")
    seconds = round(duration / timescale, 3) if timescale and duration else None

    if medium == "audio":
        fh.seek(0)
        try:
            info = MP4(fh).info
        except Exception:  # noqa: BLE001 - mutagen failing on hostile bytes
            raise _refuse_damaged("audio") from None
        # A fragmented file (a browser recording) has its length in the fragments, not in the
        # headers mutagen reads: better no duration than a wrong one.
        if not fragmented:
            seconds = seconds or _length_of(info)
        return _Found(
            "audio", "audio/mp4", ".m4a", seconds, had_location=had_location, places=tuple(places)
        )
    if brand == b"qt  ":
        mime, extension = "video/quicktime", ".mov"
    else:
        mime, extension = "video/mp4", ".mp4"
    return _Found("video", mime, extension, seconds, width, height, had_location, tuple(places))


# -- EBML (WebM, Matroska) -----------------------------------------------------------------------

_EBML_HEADER = 0x1A45DFA3
_SEGMENT = 0x18538067
_CLUSTER = 0x1F43B675
_INFO = 0x1549A966
_TRACKS = 0x1654AE6B
_TRACK_ENTRY = 0xAE
_TRACK_TYPE = 0x83
_TIMESTAMP_SCALE = 0x2AD7B1
_DURATION = 0x4489
_DOCTYPE = 0x4282
_VIDEO = 0xE0
_PIXEL_WIDTH = 0xB0
_PIXEL_HEIGHT = 0xBA
_SEGMENT_CHILDREN = {
    0x114D9B74,  # SeekHead
    _INFO,
    _TRACKS,
    _CLUSTER,
    0x1C53BB6B,  # Cues
    0x1254C367,  # Tags
    0x1043A770,  # Chapters
    0x1941A469,  # Attachments
    0xEC,  # Void
    0xBF,  # CRC-32
}
# Void and CRC-32 may appear inside a cluster too, so they do not end an open-size cluster.
_CLUSTER_ENDS = _SEGMENT_CHILDREN - {0xEC, 0xBF}
_EBML_MAX_ELEMENTS = 500_000


def _vint(data: bytes, pos: int, *, keep_marker: bool) -> tuple[int | None, int]:
    """Read an EBML variable-length integer: (value, length); None for an "unknown" size.

    Raises IndexError when ``data`` ends inside the integer.
    """
    first = data[pos]
    if first == 0:
        raise _refuse_damaged("video")
    length = 9 - first.bit_length()
    if pos + length > len(data):
        raise IndexError("EBML integer runs past the data")
    value = int.from_bytes(data[pos : pos + length], "big")
    if keep_marker:
        return value, length
    value &= (1 << (7 * length)) - 1
    if value == (1 << (7 * length)) - 1:
        return None, length
    return value, length


class _Ebml:
    """Reads EBML element headers from a file, refusing sizes that run past its end."""

    _WINDOW = 256 * 1024

    def __init__(self, fh: IO[bytes], size: int):
        self.fh = fh
        self.size = size
        self._buffer = b""
        self._buffer_at = 0

    def _head(self, pos: int) -> bytes:
        """Up to 12 bytes at ``pos``: an element header is at most 4 bytes of ID and 8 of size.

        Headers are read from a window of the file, so walking thousands of small blocks in a
        long recording costs few reads.
        """
        offset = pos - self._buffer_at
        if offset < 0 or offset + 12 > len(self._buffer):
            self._buffer = _read_at(self.fh, pos, self._WINDOW)
            self._buffer_at, offset = pos, 0
        return self._buffer[offset : offset + 12]

    def element(self, pos: int, limit: int) -> tuple[int, int, int | None]:
        """Return (id, data start, data end or None if unknown) of the element at ``pos``."""
        head = self._head(pos)
        try:
            ident, id_len = _vint(head, 0, keep_marker=True)
            if id_len > 4:
                raise _refuse_damaged("video")
            size, size_len = _vint(head, id_len, keep_marker=False)
        except IndexError:
            raise _refuse_truncated() from None
        start = pos + id_len + size_len
        if size is None:
            return ident or 0, start, None
        end = start + size
        if end > self.size:
            raise _refuse_truncated()
        if end > limit:
            raise _refuse_damaged("video")
        return ident or 0, start, end

    @staticmethod
    def children(data: bytes):
        """Yield (id, payload) for elements in an in-memory master element."""
        pos = 0
        while pos < len(data):
            try:
                ident, id_len = _vint(data, pos, keep_marker=True)
                size, size_len = _vint(data, pos + id_len, keep_marker=False)
            except IndexError:
                raise _refuse_damaged("video") from None
            start = pos + id_len + size_len
            if size is None or start + size > len(data):
                raise _refuse_damaged("video")
            yield ident, data[start : start + size]
            pos = start + size


def _check_ebml(fh: IO[bytes], size: int) -> _Found:
    reader = _Ebml(fh, size)
    ident, start, end = reader.element(0, size)
    if ident != _EBML_HEADER or end is None or end - start > 4096:
        raise _refuse_damaged("video")
    doctype = b""
    for child, payload in reader.children(_read_at(fh, start, end - start)):
        if child == _DOCTYPE:
            doctype = payload.rstrip(b"\x00")
    if doctype not in (b"webm", b"matroska"):
        raise _refuse_damaged("video")

    ident, seg_start, seg_end = reader.element(end, size)
    if ident != _SEGMENT:
        raise _refuse_damaged("video")
    seg_limit = size if seg_end is None else seg_end

    track_types: list[int] = []
    width = height = None
    scale, duration = 1_000_000, None
    clusters = 0
    pos = seg_start
    elements = 0
    while pos < seg_limit and elements < _EBML_MAX_ELEMENTS:
        elements += 1
        ident, start, end = reader.element(pos, seg_limit)
        if ident == _CLUSTER:
            clusters += 1
            if end is None:
                # Live recordings (MediaRecorder) leave the cluster size open: walk its blocks.
                end, elements = _walk_open_cluster(reader, start, seg_limit, elements)
        elif end is None:
            raise _refuse_damaged("video")
        elif ident in (_INFO, _TRACKS):
            if end - start > MB:
                raise _refuse_damaged("video")
            payload = _read_at(fh, start, end - start)
            if ident == _INFO:
                for child, value in reader.children(payload):
                    if child == _TIMESTAMP_SCALE and 0 < len(value) <= 8:
                        scale = int.from_bytes(value, "big") or scale
                    elif child == _DURATION and len(value) in (4, 8):
                        duration = struct.unpack(">f" if len(value) == 4 else ">d", value)[0]
            else:
                for child, entry in reader.children(payload):
                    if child != _TRACK_ENTRY:
                        continue
                    for field, value in reader.children(entry):
                        if field == _TRACK_TYPE and 0 < len(value) <= 8:
                            track_types.append(int.from_bytes(value, "big"))
                        elif field == _VIDEO and width is None:
                            for prop, number in reader.children(value):
                                if prop == _PIXEL_WIDTH:
                                    width = int.from_bytes(number, "big")
                                elif prop == _PIXEL_HEIGHT:
                                    height = int.from_bytes(number, "big")
        # Other elements of known size (Cues, Tags, Void, ones from newer muxers) are skipped.
        pos = end
    if 1 in track_types:
        medium = "video"
    elif 2 in track_types:
        medium = "audio"
    else:
        raise _refuse_damaged("video")
    if not clusters:
        raise _refuse_truncated()
    seconds = None
    if duration and duration > 0:
        seconds = round(duration * scale / 1e9, 3)
    if doctype == b"webm":
        mime, extension = f"{medium}/webm", ".webm"
    else:
        mime, extension = f"{medium}/x-matroska", ".mkv" if medium == "video" else ".mka"
    return _Found(medium, mime, extension, seconds, width, height)


def _walk_open_cluster(reader: _Ebml, start: int, limit: int, elements: int) -> tuple[int, int]:
    """Find where a cluster of unknown size ends: at the next segment-level element."""
    pos = start
    while pos < limit and elements < _EBML_MAX_ELEMENTS:
        elements += 1
        ident, _start, child_end = reader.element(pos, limit)
        if ident in _CLUSTER_ENDS:
            return pos, elements
        if child_end is None:
            raise _refuse_damaged("video")
        pos = child_end
    return (pos if pos <= limit else limit), elements


# ----------------------------------------------------------------------------------------------
# File names


def safe_filename(name: str | None, extension: str) -> str:
    """A harmless file name from what the sender called the file, with the true extension.

    Path parts, control and direction-changing characters are removed, the name is normalised
    (NFC) and shortened; the sender's extension is replaced by ``extension``.
    """
    text = unicodedata.normalize("NFC", str(name or ""))
    # Control, format (U+202E and friends), surrogate and private-use characters go.
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    text = re.split(r"[/\\]", text)[-1]
    text = re.sub(r"^[A-Za-z]:", "", text)
    stem = text.rsplit(".", 1)[0] if "." in text.lstrip(".") else text
    stem = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in stem)
    stem = re.sub(r"[\s_]+", lambda m: "_" if "_" in m.group() else " ", stem).strip(" _-")
    stem = stem[:_NAME_MAX_CHARS]
    while len(stem.encode("utf-8")) > _NAME_MAX_BYTES:
        stem = stem[:-1]
    stem = stem.strip(" _-")
    if not stem or stem.lower() in _WINDOWS_RESERVED:
        stem = f"upload_{stem}" if stem else "upload"
    return stem + extension
