"""Uploads are judged by their content: accepted photos, sound and video, refused everything else."""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.test import override_settings
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutagen.mp4 import MP4
from PIL import ExifTags, Image

from constellate.core.tests import media_samples as samples
from constellate.core.uploads import (
    MEDIA_LIMITS,
    CheckedUpload,
    UploadRefused,
    check_upload,
    safe_filename,
    strip_image_location,
)

ALL = ("image", "audio", "video")
CODES = {
    "empty",
    "too_large",
    "unknown_type",
    "wrong_medium",
    "unsupported",
    "truncated",
    "damaged",
    "too_many_pixels",
}


def refused(data: bytes, name: str = "file", *, media=ALL, **options) -> UploadRefused:
    with pytest.raises(UploadRefused) as caught:
        check_upload(samples.uploaded(data, name), media=media, **options)
    return caught.value


def reopen(checked: CheckedUpload) -> Image.Image:
    checked.content.seek(0)
    image = Image.open(io.BytesIO(checked.content.read()))
    image.load()
    return image


# -- What is accepted ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "name", "medium", "mime", "extension"),
    [
        (samples.jpeg_bytes, "IMG_0001.JPG", "image", "image/jpeg", ".jpg"),
        (samples.png_bytes, "screen.png", "image", "image/png", ".png"),
        (samples.webp_bytes, "pic.webp", "image", "image/webp", ".webp"),
        (samples.gif_bytes, "moving.gif", "image", "image/gif", ".gif"),
        (samples.wav_bytes, "voice.wav", "audio", "audio/wav", ".wav"),
        (samples.mp3_bytes, "song.mp3", "audio", "audio/mpeg", ".mp3"),
        (samples.flac_bytes, "voice.flac", "audio", "audio/flac", ".flac"),
        (samples.adts_aac_bytes, "voice.aac", "audio", "audio/aac", ".aac"),
        (samples.ogg_opus_bytes, "voice.ogg", "audio", "audio/ogg", ".opus"),
        (
            lambda: samples.mp4_bytes(video=False, brand=b"M4A "),
            "memo.m4a",
            "audio",
            "audio/mp4",
            ".m4a",
        ),
        (lambda: samples.webm_bytes(video=False), "rec.webm", "audio", "audio/webm", ".webm"),
        (
            lambda: samples.webm_bytes(video=False, live=True),
            "blob",
            "audio",
            "audio/webm",
            ".webm",
        ),
        (samples.mp4_bytes, "clip.mp4", "video", "video/mp4", ".mp4"),
        (
            lambda: samples.mp4_bytes(brand=b"qt  "),
            "IMG_0002.MOV",
            "video",
            "video/quicktime",
            ".mov",
        ),
        (samples.webm_bytes, "clip.webm", "video", "video/webm", ".webm"),
        (lambda: samples.webm_bytes(live=True), "clip.webm", "video", "video/webm", ".webm"),
        (
            lambda: samples.webm_bytes(doctype=b"matroska"),
            "clip.mkv",
            "video",
            "video/x-matroska",
            ".mkv",
        ),
    ],
)
def test_each_accepted_format_is_recognised_from_its_content(build, name, medium, mime, extension):
    checked = check_upload(samples.uploaded(build(), name), media=ALL)
    assert (checked.medium, checked.mime, checked.extension) == (medium, mime, extension)
    assert checked.safe_name.endswith(extension)
    checked.content.seek(0)
    body = checked.content.read()
    assert len(body) == checked.size > 0


def test_sound_and_video_report_their_duration_and_video_its_size():
    wav = check_upload(samples.uploaded(samples.wav_bytes(seconds=0.5)), media=["audio"])
    assert wav.duration == pytest.approx(0.5)
    mp4 = check_upload(samples.uploaded(samples.mp4_bytes(seconds=2)), media=["video"])
    assert (mp4.duration, mp4.width, mp4.height) == (2.0, 320, 240)
    webm = check_upload(samples.uploaded(samples.webm_bytes()), media=["video"])
    assert (webm.duration, webm.width, webm.height) == (2.5, 320, 240)


def test_sound_and_video_are_stored_as_sent():
    data = samples.mp4_bytes()
    checked = check_upload(samples.uploaded(data, "clip.mp4"), media=["video"])
    checked.content.seek(0)
    assert checked.content.read() == data


def test_a_good_file_with_a_misleading_name_gets_the_extension_of_its_content():
    checked = check_upload(samples.uploaded(samples.png_bytes(), "holiday.mp3"), media=ALL)
    assert (checked.medium, checked.extension, checked.safe_name) == (
        "image",
        ".png",
        "holiday.png",
    )
    checked = check_upload(samples.uploaded(samples.wav_bytes(), "voice.jpg"), media=ALL)
    assert (checked.medium, checked.safe_name) == ("audio", "voice.wav")


def test_an_mp4_with_only_sound_is_audio_and_one_with_a_video_track_is_video():
    audio = check_upload(samples.uploaded(samples.mp4_bytes(video=False)), media=ALL)
    video = check_upload(samples.uploaded(samples.mp4_bytes(video=True)), media=ALL)
    assert (audio.medium, audio.extension) == ("audio", ".m4a")
    assert (video.medium, video.extension) == ("video", ".mp4")


# -- Photos: place, camera details and orientation -----------------------------------------------


@pytest.mark.parametrize("build", [samples.jpeg_bytes, samples.png_bytes, samples.webp_bytes])
def test_gps_and_camera_details_are_removed_from_photos(build):
    data = build(gps=True)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    checked = check_upload(samples.uploaded(data, "photo"), media=["image"])
    assert checked.had_location is True
    exif = reopen(checked).getexif()
    assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert not exif.get_ifd(ExifTags.IFD.Exif)
    assert ExifTags.Base.Make not in exif
    checked.content.seek(0)
    body = checked.content.read()
    assert b"SN-0042-SECRET" not in body and b"PhoneMaker" not in body


@pytest.mark.parametrize("build", [samples.jpeg_bytes, samples.png_bytes, samples.webp_bytes])
def test_gps_is_kept_when_the_teller_shares_the_place_but_camera_details_still_go(build):
    checked = check_upload(
        samples.uploaded(build(gps=True), "photo"), media=["image"], keep_location=True
    )
    exif = reopen(checked).getexif()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitudeRef] == "N"
    assert tuple(float(v) for v in gps[ExifTags.GPS.GPSLatitude]) == samples.GPS_NORTH
    assert tuple(float(v) for v in gps[ExifTags.GPS.GPSLongitude]) == samples.GPS_EAST
    assert ExifTags.Base.Make not in exif
    assert not exif.get_ifd(ExifTags.IFD.Exif)
    checked.content.seek(0)
    assert b"SN-0042-SECRET" not in checked.content.read()


def test_a_photo_without_gps_is_reported_without_location():
    checked = check_upload(samples.uploaded(samples.jpeg_bytes(gps=False)), media=["image"])
    assert checked.had_location is False


def test_a_photo_turned_by_its_exif_orientation_stays_upright_without_the_tag():
    # Orientation 6: the camera was held turned; viewers rotate 90 degrees clockwise.
    data = samples.jpeg_bytes(orientation=6, size=(40, 20))
    checked = check_upload(samples.uploaded(data, "turned.jpg"), media=["image"])
    image = reopen(checked).convert("RGB")
    assert image.size == (20, 40) == (checked.width, checked.height)
    assert ExifTags.Base.Orientation not in image.getexif()
    top, bottom = image.getpixel((10, 5)), image.getpixel((10, 34))
    assert top[0] > 200 and top[2] < 60  # the left (red) half is now at the top
    assert bottom[2] > 200 and bottom[0] < 60


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment():
    checked = check_upload(samples.uploaded(samples.gif_bytes(frames=3)), media=["image"])
    image = reopen(checked)
    assert getattr(image, "n_frames", 1) == 3
    checked.content.seek(0)
    assert b"made on a phone" not in checked.content.read()


def test_bytes_appended_to_a_photo_do_not_survive():
    hidden = io.BytesIO()
    with zipfile.ZipFile(hidden, "w") as archive:
        archive.writestr("payload.html", "<script>alert(1)</script>")
    checked = check_upload(
        samples.uploaded(samples.jpeg_bytes() + hidden.getvalue(), "x.jpg"), media=["image"]
    )
    checked.content.seek(0)
    body = checked.content.read()
    assert b"PK\x03\x04" not in body and b"<script>" not in body


def test_strip_image_location_returns_the_photo_without_gps():
    cleaned = strip_image_location(samples.jpeg_bytes(gps=True))
    assert not Image.open(io.BytesIO(cleaned)).getexif().get_ifd(ExifTags.IFD.GPSInfo)


@pytest.mark.parametrize("where", ["android", "apple"])
@pytest.mark.parametrize("video", [True, False], ids=["video", "sound"])
def test_the_place_in_a_phone_video_or_recording_is_blanked(where, video):
    data = samples.mp4_bytes(location=where, video=video)
    assert samples.PLACE in data
    checked = check_upload(samples.uploaded(data, "clip.mov"), media=ALL)
    assert checked.had_location is True
    checked.content.seek(0)
    cleaned = checked.content.read()
    assert samples.PLACE not in cleaned
    assert len(cleaned) == len(data) == checked.size
    # Still a good file of the same kind, now without a place.
    again = check_upload(samples.uploaded(cleaned, "clip.mov"), media=ALL)
    assert (again.medium, again.had_location) == (checked.medium, False)
    if not video:
        assert MP4(io.BytesIO(cleaned)).info.length == pytest.approx(2.0)


@pytest.mark.parametrize("where", ["android", "apple"])
def test_the_place_in_a_video_is_kept_when_the_teller_shares_it(where):
    data = samples.mp4_bytes(location=where)
    checked = check_upload(samples.uploaded(data), media=["video"], keep_location=True)
    checked.content.seek(0)
    assert checked.had_location is True
    assert checked.content.read() == data


# -- Sizes ---------------------------------------------------------------------------------------


class _CountingStream(io.RawIOBase):
    """A stream that cannot seek, counting how much is read from it."""

    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)
        self.read_bytes = 0

    def readable(self):
        return True

    def seekable(self):
        return False

    def read(self, size=-1):
        chunk = self._data.read(size)
        self.read_bytes += len(chunk)
        return chunk


class _Upload:
    def __init__(self, file, size, name="big.jpg"):
        self.file, self.size, self.name = file, size, name


def test_a_file_declared_too_large_is_refused_before_anything_is_read():
    stream = _CountingStream(b"\xff\xd8\xff" + b"\x00" * 1000)
    with translation.override("en"), pytest.raises(UploadRefused) as caught:
        check_upload(_Upload(stream, size=16 * 1024 * 1024), media=["image"])
    assert caught.value.code == "too_large"
    assert stream.read_bytes == 0
    assert "15.0\xa0MB" in caught.value.message


def test_a_file_that_lies_about_its_size_is_not_read_past_the_limit():
    limit = 100_000
    stream = _CountingStream(samples.jpeg_bytes() + b"\x00" * 5_000_000)
    with pytest.raises(UploadRefused) as caught:
        check_upload(_Upload(stream, size=10), media=["image"], limits={"image": limit})
    assert caught.value.code == "too_large"
    assert stream.read_bytes <= limit + 64 * 1024


def test_the_limit_of_the_medium_the_content_turns_out_to_be_applies():
    data = samples.jpeg_bytes()
    error = refused(data, "x.mp4", media=["image", "video"], limits={"image": len(data) - 1})
    assert error.code == "too_large"
    assert check_upload(samples.uploaded(data), media=["image"], limits={"image": len(data)})


def test_a_large_upload_kept_on_disk_by_django_is_checked_in_place():
    data = samples.mp4_bytes()
    upload = TemporaryUploadedFile("clip.mp4", "video/mp4", len(data), None)
    upload.write(data)
    upload.seek(0)
    try:
        checked = check_upload(upload, media=["video"])
        assert checked.content.file is upload.file
        assert checked.content.name == "clip.mp4"
        checked.content.seek(0)
        assert checked.content.read() == data
    finally:
        upload.close()


def test_a_stream_that_cannot_seek_is_copied_within_the_limit_and_checked():
    data = samples.wav_bytes()
    checked = check_upload(_Upload(_CountingStream(data), size=None, name="v.wav"), media=["audio"])
    checked.content.seek(0)
    assert (checked.medium, checked.size, checked.content.read()) == ("audio", len(data), data)


@override_settings(UPLOAD_LIMITS={"audio": 1000})
def test_the_limits_can_be_set_in_the_settings():
    assert refused(samples.wav_bytes(seconds=0.5), media=["audio"]).code == "too_large"
    assert MEDIA_LIMITS["audio"] == 50 * 1024 * 1024


# -- Refused: wrong type, damaged, dangerous -----------------------------------------------------


HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'


def _zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("song.mp3", samples.mp3_bytes())
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (HTML, "photo.jpg"),
        (SVG, "drawing.png"),
        (SVG, "drawing.svg"),
        (b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF", "letter.jpg"),
        (b"MZ\x90\x00\x03" + b"\x00" * 200, "song.mp3"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "clip.mp4"),
        (_zip_bytes(), "song.mp3"),
        (b"just some words, not a recording", "voice.wav"),
    ],
)
def test_files_that_are_not_media_are_refused_whatever_their_name(data, name):
    assert refused(data, name).code == "unknown_type"


def test_an_empty_file_is_refused():
    error = refused(b"", "photo.jpg")
    assert error.code == "empty"


def test_a_file_starting_like_a_gif_but_holding_html_is_refused():
    assert refused(b"GIF89a" + HTML, "x.gif").code in ("damaged", "truncated")


def test_html_behind_a_jpeg_signature_is_refused():
    # The first segment claims 15,393 bytes ("<!") that are not there.
    assert refused(b"\xff\xd8\xff\xe0" + HTML, "x.jpg").code in ("damaged", "truncated")


def test_a_real_photo_carrying_a_script_in_its_comment_is_kept_without_it():
    out = io.BytesIO()
    samples.two_colour_image().save(out, format="JPEG", comment=HTML)
    assert HTML in out.getvalue()
    checked = check_upload(samples.uploaded(out.getvalue(), "polyglot.html"), media=["image"])
    checked.content.seek(0)
    assert checked.safe_name == "polyglot.jpg"
    assert b"<script>" not in checked.content.read()


def test_an_id3_tag_without_sound_after_it_is_refused():
    assert refused(b"ID3\x04\x00\x00\x00\x00\x00\x00" + HTML, "x.mp3").code == "damaged"


def test_a_file_of_a_medium_not_asked_for_is_refused_and_says_what_it_is():
    with translation.override("en"):
        error = refused(samples.mp4_bytes(), "clip.jpg", media=["image"])
    assert error.code == "wrong_medium"
    assert error.message == (
        "This file is a video, but here you can only send a photo. "
        "You can send JPG, PNG, WebP or GIF."
    )
    assert refused(samples.jpeg_bytes(), media=["audio"]).code == "wrong_medium"
    assert refused(samples.mp4_bytes(video=False), media=["video"]).code == "wrong_medium"
    assert refused(samples.webm_bytes(video=False), media=["video"]).code == "wrong_medium"


def test_a_heic_photo_is_refused_with_advice():
    heic = samples.box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic") + samples.box(b"meta", b"")
    with translation.override("en"):
        error = refused(heic, "IMG_1234.HEIC")
    assert error.code == "unsupported"
    assert "JPG" in error.message


def _cut(data: bytes, keep: float = 0.6) -> bytes:
    return data[: int(len(data) * keep)]


@pytest.mark.parametrize(
    "data",
    [
        _cut(samples.jpeg_bytes(size=(200, 200))),
        _cut(samples.png_bytes(size=(200, 200))),
        _cut(samples.mp4_bytes()),
        _cut(samples.webm_bytes()),
        _cut(samples.webm_bytes(video=False)),
    ],
    ids=["jpeg", "png", "mp4", "webm", "webm-audio"],
)
def test_truncated_files_are_refused(data):
    assert refused(data).code == "truncated"


def test_an_mp4_without_its_index_is_refused_as_incomplete():
    data = samples.box(b"ftyp", b"isom\x00\x00\x02\x00isom") + samples.box(b"mdat", b"\x00" * 500)
    assert refused(data, "clip.mp4").code == "truncated"


def test_an_mp4_whose_inner_boxes_do_not_fit_is_refused():
    data = bytearray(samples.mp4_bytes())
    moov = data.index(b"moov")
    trak = data.index(b"trak", moov)
    data[trak - 4 : trak] = (10_000).to_bytes(4, "big")  # larger than its 'moov'
    assert refused(bytes(data), "clip.mp4").code == "damaged"


def test_a_webm_that_is_not_webm_or_matroska_is_refused():
    assert refused(samples.webm_bytes(doctype=b"evilfmt")).code == "damaged"


def test_a_webm_without_tracks_is_refused():
    data = samples.webm_bytes()
    start = data.index(bytes.fromhex("1654AE6B"))
    # The Tracks element becomes a Tags element of the same size: no track left.
    damaged = data[:start] + bytes.fromhex("1254C367") + data[start + 4 :]
    assert refused(damaged).code == "damaged"


def test_a_live_recording_cut_inside_a_block_is_refused():
    data = samples.webm_bytes(video=False, live=True)
    assert refused(data[:-10], "rec.webm").code == "truncated"


def test_a_live_recording_with_padding_inside_its_cluster_is_accepted():
    data = samples.webm_bytes(video=False, live=True, blocks=2)
    cluster = data.index(bytes.fromhex("1F43B675"))
    block = data.index(b"\xa3", cluster + 12)
    void = samples.element(0xEC, b"\x00" * 8)
    padded = data[:block] + void + data[block:]
    checked = check_upload(samples.uploaded(padded, "rec.webm"), media=["audio"])
    assert checked.mime == "audio/webm"


def test_a_photo_with_unreadable_exif_is_accepted_without_it():
    out = io.BytesIO()
    samples.two_colour_image().save(out, format="JPEG", exif=b"Exif\x00\x00II*\x00\xff\xff\xff\x7f")
    checked = check_upload(samples.uploaded(out.getvalue(), "x.jpg"), media=["image"])
    assert not reopen(checked).getexif()


def test_a_decompression_bomb_is_refused_with_a_clear_message():
    with translation.override("en"):
        error = refused(samples.png_bomb_bytes(), "tiny.png")
    assert error.code == "too_many_pixels"
    assert "too many pixels" in error.message


@override_settings(UPLOAD_MAX_IMAGE_PIXELS=1000)
def test_the_pixel_limit_can_be_set_in_the_settings():
    assert refused(samples.jpeg_bytes(size=(40, 40))).code == "too_many_pixels"
    assert check_upload(samples.uploaded(samples.jpeg_bytes(size=(20, 20))), media=["image"])


# -- File names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd.jpg"),
        ("..\\..\\boot.ini", "boot.jpg"),
        ("C:\\Users\\Ann\\Pictures\\beach.php.jpg", "beach_php.jpg"),
        ("/var/www/html/index.html", "index.jpg"),
        ("in\x00ject.jpg", "inject.jpg"),
        ("line\nbreak\r.jpg", "linebreak.jpg"),
        ("", "upload.jpg"),
        ("....", "upload.jpg"),
        ("../", "upload.jpg"),
        (".htaccess", "htaccess.jpg"),
        ("CON.jpg", "upload_CON.jpg"),
        ("my holiday  photo!.jpeg", "my holiday photo.jpg"),
        ("Zoë en José.png", "Zoë en José.jpg"),
    ],
)
def test_safe_filename_strips_paths_and_dangerous_characters(name, expected):
    assert safe_filename(name, ".jpg") == expected


def test_safe_filename_removes_right_to_left_override():
    # Shown as "photoexe.jpg" by a file manager, but really "photo<RLO>gpj.exe".
    name = safe_filename("photo\u202egpj.exe", ".png")
    assert "\u202e" not in name
    assert name == "photogpj.png"


def test_safe_filename_normalises_unicode_and_shortens_long_names():
    decomposed = unicodedata.normalize("NFD", "café.jpg")
    assert safe_filename(decomposed, ".jpg") == unicodedata.normalize("NFC", "café.jpg")
    long = safe_filename("a" * 300 + ".jpg", ".jpg")
    assert long == "a" * 100 + ".jpg"
    wide = safe_filename("ü" * 300, ".jpg")
    assert len(wide.encode("utf-8")) <= 200


def test_the_checked_upload_uses_the_safe_name():
    checked = check_upload(
        samples.uploaded(samples.wav_bytes(), "x.wav"),
        media=["audio"],
    )
    assert checked.safe_name == "x.wav"
    tricky = samples.uploaded(samples.jpeg_bytes(), "x.jpg")
    tricky.name = "../../\u202eevil" + "e" * 300 + ".svg"
    checked = check_upload(tricky, media=["image"])
    assert checked.safe_name == "evil" + "e" * 96 + ".jpg" == checked.content.name
    sound = samples.uploaded(samples.wav_bytes(), "../../../etc/cron.d/job")
    assert check_upload(sound, media=["audio"]).content.name == "job.wav"


# -- Messages --------------------------------------------------------------------------------------


def test_the_refusal_names_what_can_be_sent_in_english():
    with translation.override("en"):
        error = refused(HTML, "x.jpg")
        photos_only = refused(HTML, "x.jpg", media=["image"])
    assert error.message == (
        "This file is not a photo, sound recording or video that we can open. You can "
        "send JPG, PNG, WebP, GIF, MP3, M4A, AAC, OGG, Opus, WAV, WebM, FLAC, MP4 or MOV."
    )
    assert photos_only.message == (
        "This file is not a photo that we can open. You can send JPG, PNG, WebP or GIF."
    )


def test_the_refusal_is_in_dutch_by_default():
    with translation.override("nl"):
        error = refused(HTML, "x.jpg", media=["image"])
        empty = refused(b"")
        anything = refused(HTML, "x.jpg")
        wrong = refused(samples.mp4_bytes(), "clip.jpg", media=["image"])
    assert error.message == (
        "Dit bestand is geen foto die we kunnen openen. Je kunt JPG, PNG, WebP of GIF sturen."
    )
    assert anything.message.startswith(
        "Dit bestand is geen foto, geluidsopname of video die we kunnen openen."
    )
    assert wrong.message.startswith(
        "Dit bestand is een video, maar hier kun je alleen een foto sturen."
    )
    assert empty.message == "Dit bestand is leeg."


def test_a_refusal_is_a_validation_error_that_a_form_shows():
    class StoryForm(forms.Form):
        media = forms.FileField()

        def clean_media(self):
            return check_upload(self.cleaned_data["media"], media=["image"])

    with translation.override("en"):
        form = StoryForm(files={"media": samples.uploaded(HTML, "x.jpg")})
        assert not form.is_valid()
        assert form.errors["media"] == [
            "This file is not a photo that we can open. You can send JPG, PNG, WebP or GIF."
        ]
        assert form.errors.as_data()["media"][0].code == "unknown_type"
    error = refused(HTML)
    assert isinstance(error, ValidationError)


def test_asking_for_an_unknown_medium_is_a_programming_error():
    with pytest.raises(ValueError):
        check_upload(samples.uploaded(samples.png_bytes()), media=["document"])


# -- Damaged files in any shape --------------------------------------------------------------------

SAMPLES = {
    "jpeg": samples.jpeg_bytes(orientation=6),
    "png": samples.png_bytes(gps=True),
    "webp": samples.webp_bytes(gps=True),
    "gif": samples.gif_bytes(),
    "wav": samples.wav_bytes(seconds=0.05),
    "mp3": samples.mp3_bytes(frames=6),
    "flac": samples.flac_bytes(),
    "aac": samples.adts_aac_bytes(frames=5),
    "ogg": samples.ogg_opus_bytes(),
    "m4a": samples.mp4_bytes(video=False, brand=b"M4A "),
    "mp4": samples.mp4_bytes(location=True),
    "mov-apple": samples.mp4_bytes(location="apple", brand=b"qt  "),
    "webm": samples.webm_bytes(),
    "webm-live": samples.webm_bytes(live=True, video=False),
}


@st.composite
def damaged_samples(draw):
    data = bytearray(SAMPLES[draw(st.sampled_from(sorted(SAMPLES)))])
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["cut", "flip", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "cut":
            del data[at:]
        elif action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 16))]
    return bytes(data)


@settings(
    max_examples=int(os.environ.get("UPLOAD_FUZZ_EXAMPLES", "300")),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(damaged_samples())
def test_a_damaged_file_is_either_accepted_as_media_or_refused_never_an_error(data):
    try:
        checked = check_upload(samples.uploaded(data, "x"), media=ALL)
    except UploadRefused as error:
        assert error.code in CODES
        assert error.message
    else:
        assert checked.medium in ALL and checked.size > 0
        if checked.medium == "image":
            reopen(checked)  # what is accepted opens cleanly


MAGIC = [
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"GIF89a",
    b"RIFF\x00\x01\x00\x00WEBP",
    b"RIFF\x00\x01\x00\x00WAVE",
    b"OggS",
    b"fLaC",
    b"\x1a\x45\xdf\xa3",
    b"\x00\x00\x00\x18ftypisom",
    b"\x00\x00\x00\x08moov",
    b"ID3",
    b"\xff\xfb",
    b"\xff\xf1",
]


@settings(max_examples=int(os.environ.get("UPLOAD_FUZZ_EXAMPLES", "300")))
@given(st.sampled_from(MAGIC), st.binary(max_size=300))
def test_random_bytes_behind_a_known_signature_are_refused_cleanly(magic, rest):
    try:
        check_upload(samples.uploaded(magic + rest, "x"), media=ALL)
    except UploadRefused as error:
        assert error.code in CODES


def test_a_gif_cut_inside_a_frame_header_is_refused():
    # Found by the test above: Pillow raised IndexError on it.
    data = (
        b"GIF89a\x10\x00\x10\x00\x81\x00\x00\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
        b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00!\xfe\x0fmade on a phone\x00"
        b"!\xf9\x04\x00\x0c\x00\x00\x00,\x00\x00\x00\x00\x10\x00\x10\x00\x00\x08\x1d\x00\x01\x08"
        b"\x1cH\xb0\xa0\xc1\x83\x08\x13*\\\xc8\xb0\xa1\xc3\x87\x10#J\x9cH\xb1\xa2\xc5\x81\x01"
        b"\x01\x00!\xf9\x04\x01\x0c\x00\x01\x00,\x00\x00\x00\x00\x10\x00\x10\x00"
    )
    assert refused(data, "x.gif").code in ("truncated", "damaged")
