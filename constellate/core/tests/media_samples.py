"""Small photos, sound and video files built in memory, for tests of uploads.

Nothing is downloaded: photos come from Pillow, WAV from the ``wave`` module, Ogg pages from
mutagen's page writer, and the MP3, FLAC, MP4 and WebM files are assembled byte by byte with
just the structures real players (and our parser and mutagen) need. Other apps' tests may use
these builders too.
"""

from __future__ import annotations

import io
import struct
import wave
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

GPS_NORTH = (52.0, 5.0, 30.0)
GPS_EAST = (5.0, 10.0, 0.0)


def uploaded(data: bytes, name: str = "file", content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


# -- Photos --------------------------------------------------------------------------------------


def exif_with_gps(*, orientation: int | None = None) -> Image.Exif:
    """EXIF as a phone writes it: make, camera serial number, GPS place, maybe orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 9"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = "SN-0042-SECRET"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_NORTH
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = GPS_EAST
    return exif


def two_colour_image(width: int = 40, height: int = 20) -> Image.Image:
    """Red on the left half, blue on the right: turning it shows where the left went."""
    image = Image.new("RGB", (width, height), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, width // 2, height))
    return image


def jpeg_bytes(*, gps: bool = True, orientation: int | None = None, size=(40, 20)) -> bytes:
    out = io.BytesIO()
    options = {"exif": exif_with_gps(orientation=orientation).tobytes()} if gps else {}
    two_colour_image(*size).save(out, format="JPEG", quality=95, **options)
    return out.getvalue()


def png_bytes(*, gps: bool = False, size=(30, 30)) -> bytes:
    out = io.BytesIO()
    options = {"exif": exif_with_gps().tobytes()} if gps else {}
    two_colour_image(*size).save(out, format="PNG", **options)
    return out.getvalue()


def webp_bytes(*, gps: bool = False) -> bytes:
    out = io.BytesIO()
    options = {"exif": exif_with_gps().tobytes()} if gps else {}
    two_colour_image().save(out, format="WEBP", quality=90, **options)
    return out.getvalue()


def gif_bytes(*, frames: int = 2) -> bytes:
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
    images = [Image.new("RGB", (16, 16), colours[i % len(colours)]) for i in range(frames)]
    out = io.BytesIO()
    images[0].save(
        out,
        format="GIF",
        save_all=True,
        append_images=images[1:],
        duration=120,
        loop=0,
        comment=b"made on a phone",
    )
    return out.getvalue()


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_bomb_bytes(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG a few hundred bytes long that claims 10 billion pixels."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    # A row of one-bit pixels is width/8 bytes plus a filter byte; a few rows are enough.
    row = b"\x00" + b"\x00" * (width // 8)
    data = zlib.compress(row * 4, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


# -- Sound ---------------------------------------------------------------------------------------


def wav_bytes(seconds: float = 0.5, rate: int = 8000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(b"\x00\x10" * int(rate * seconds))
    return out.getvalue()


def mp3_bytes(frames: int = 40) -> bytes:
    """MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames of silence."""
    header = bytes([0xFF, 0xFB, 0x90, 0x00])
    frame = header + b"\x00" * (417 - len(header))
    return frame * frames


def adts_aac_bytes(frames: int = 30, frame_length: int = 200) -> bytes:
    """Raw AAC in ADTS frames: AAC LC, 44.1 kHz, stereo, silent payload."""
    header = (
        0xFFF << 44  # sync word
        | 1 << 40  # MPEG-4, layer 0, no CRC
        | 1 << 38  # profile: AAC LC
        | 4 << 34  # 44.1 kHz
        | 2 << 30  # two channels
        | frame_length << 13
        | 0x7FF << 2  # buffer fullness: variable bit rate
    )
    frame = header.to_bytes(7, "big") + b"\x00" * (frame_length - 7)
    return frame * frames


def flac_bytes() -> bytes:
    """A FLAC stream with only its STREAMINFO block (1 s of 8 kHz mono, 16 bit)."""
    sample_rate, channels, bits, total = 8000, 1, 16, 8000
    packed = (sample_rate << 44) | ((channels - 1) << 41) | ((bits - 1) << 36) | total
    info = struct.pack(">HH", 4096, 4096) + b"\x00\x00\x00" * 2 + packed.to_bytes(8, "big")
    info += b"\x00" * 16  # MD5 of the audio, unknown
    return b"fLaC" + bytes([0x80]) + len(info).to_bytes(3, "big") + info


def ogg_opus_bytes() -> bytes:
    """Ogg Opus pages: OpusHead, OpusTags and one page of (silent) audio ending at 1 s."""
    from mutagen.ogg import OggPage

    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, 312, 48000, 0, 0)
    tags = b"OpusTags" + struct.pack("<I", 6) + b"tester" + struct.pack("<I", 0)
    pages = []
    for sequence, (packet, position, flags) in enumerate(
        [(head, 0, 0x02), (tags, 0, 0), (b"\xf8\xff\xfe" * 10, 48000 + 312, 0x04)]
    ):
        page = OggPage()
        page.serial = 1234
        page.sequence = sequence
        page.position = position
        page.first = bool(flags & 0x02)
        page.last = bool(flags & 0x04)
        page.packets = [packet]
        pages.append(page.write())
    return b"".join(pages)


# -- ISO base media (MP4, M4A, MOV) ----------------------------------------------------------------


def box(kind: bytes, *children: bytes) -> bytes:
    payload = b"".join(children)
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def full_box(kind: bytes, version: int, payload: bytes) -> bytes:
    return box(kind, bytes([version, 0, 0, 0]) + payload)


def _mvhd(timescale: int, duration: int) -> bytes:
    return full_box(
        b"mvhd",
        0,
        struct.pack(">IIII", 0, 0, timescale, duration) + b"\x00\x01\x00\x00" + b"\x00" * 76,
    )


def _trak(handler: bytes, timescale: int, duration: int, width: int = 0, height: int = 0):
    tkhd = full_box(
        b"tkhd",
        0,
        struct.pack(">IIIII", 0, 0, 1, 0, duration)
        + b"\x00" * 52
        + struct.pack(">II", width << 16, height << 16),
    )
    mdhd = full_box(b"mdhd", 0, struct.pack(">IIIIHH", 0, 0, timescale, duration, 0x55C4, 0))
    hdlr = full_box(b"hdlr", 0, b"\x00" * 4 + handler + b"\x00" * 12 + b"handler\x00")
    minf = box(b"minf", box(b"stbl", full_box(b"stsd", 0, struct.pack(">I", 0))))
    return box(b"trak", tkhd, box(b"mdia", mdhd, hdlr, minf))


PLACE = b"+52.0833+005.1667/"


def _apple_location_meta() -> bytes:
    """QuickTime metadata as an iPhone writes it: keys, and values in 'ilst' by key index."""
    names = [b"com.apple.quicktime.make", b"com.apple.quicktime.location.ISO6709"]
    keys = struct.pack(">II", 0, len(names)) + b"".join(
        struct.pack(">I", 8 + len(name)) + b"mdta" + name for name in names
    )
    items = [
        box((index + 1).to_bytes(4, "big"), box(b"data", struct.pack(">II", 1, 0) + value))
        for index, value in enumerate([b"Apple", PLACE])
    ]
    hdlr = full_box(b"hdlr", 0, b"\x00" * 4 + b"mdta" + b"\x00" * 13)
    return box(b"meta", hdlr, box(b"keys", keys), box(b"ilst", *items))


def mp4_bytes(
    *,
    video: bool = True,
    brand: bytes = b"isom",
    location: bool | str = False,
    seconds: int = 2,
) -> bytes:
    """An MP4 (or M4A without video) with a 'moov' index, track handlers and some 'mdat'.

    ``location`` adds a place: ``True`` or ``"android"`` as a '©xyz' box in the user data,
    ``"apple"`` as QuickTime metadata keys.
    """
    timescale = 1000
    tracks = [_trak(b"soun", timescale, seconds * timescale)]
    if video:
        tracks.insert(0, _trak(b"vide", timescale, seconds * timescale, 320, 240))
    extra = []
    if location == "apple":
        extra = [_apple_location_meta()]
    elif location:
        extra = [box(b"udta", box(b"\xa9xyz", b"\x00\x11\x15\xc7" + PLACE))]
    moov = box(b"moov", _mvhd(timescale, seconds * timescale), *tracks, *extra)
    ftyp = box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"mp41")
    mdat = box(b"mdat", b"\x00" * 2000)
    return ftyp + moov + mdat


# -- EBML (WebM, Matroska) -----------------------------------------------------------------------


def _ebml_size(size: int | None) -> bytes:
    if size is None:
        return b"\x01\xff\xff\xff\xff\xff\xff\xff"  # "unknown", as live recorders write
    return bytes([0x10]) + size.to_bytes(3, "big")  # 4-byte size, enough for tests


def element(ident: int, payload: bytes, *, unknown_size: bool = False) -> bytes:
    id_bytes = ident.to_bytes((ident.bit_length() + 7) // 8, "big")
    return id_bytes + _ebml_size(None if unknown_size else len(payload)) + payload


def uint(ident: int, value: int) -> bytes:
    return element(ident, value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


def webm_bytes(
    *, video: bool = True, live: bool = False, doctype: bytes = b"webm", blocks: int = 5
) -> bytes:
    """A WebM file: EBML header, Segment with Info, Tracks and a Cluster of SimpleBlocks.

    ``live`` writes the Segment and Cluster with unknown sizes and no duration, as Chrome's
    MediaRecorder does.
    """
    header = element(
        0x1A45DFA3,
        uint(0x4286, 1)
        + uint(0x42F7, 1)
        + uint(0x42F2, 4)
        + uint(0x42F3, 8)
        + element(0x4282, doctype)
        + uint(0x4287, 4)
        + uint(0x4285, 2),
    )
    info = uint(0x2AD7B1, 1_000_000) + element(0x4D80, b"tester") + element(0x5741, b"tester")
    if not live:
        info += element(0x4489, struct.pack(">d", 2500.0))
    audio_track = element(
        0xAE,
        uint(0xD7, 1)
        + uint(0x73C5, 1)
        + uint(0x83, 2)
        + element(0x86, b"A_OPUS")
        + element(0xE1, element(0xB5, struct.pack(">d", 48000.0)) + uint(0x9F, 1)),
    )
    tracks = audio_track
    if video:
        tracks += element(
            0xAE,
            uint(0xD7, 2)
            + uint(0x73C5, 2)
            + uint(0x83, 1)
            + element(0x86, b"V_VP8")
            + element(0xE0, uint(0xB0, 320) + uint(0xBA, 240)),
        )
    block = element(0xA3, b"\x81\x00\x00\x80" + b"\x00" * 40)
    cluster = element(0x1F43B675, uint(0xE7, 0) + block * blocks, unknown_size=live)
    body = element(0x1549A966, info) + element(0x1654AE6B, tracks) + cluster
    return header + element(0x18538067, body, unknown_size=live)
