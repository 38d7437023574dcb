import pytest


@pytest.fixture
def story_storage(settings, tmp_path):
    """Story files go to a temporary folder for the test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "stories": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "stories"), "base_url": "/no-public-url/"},
        },
    }
    return tmp_path / "stories"


def uploads_available() -> bool:
    try:
        import constellate.core.uploads  # noqa: F401
    except ImportError:
        return False
    return True


needs_uploads = pytest.mark.skipif(
    not uploads_available(), reason="constellate.core.uploads (branch uploads) is not merged yet"
)


def tiny_wav(seconds: float = 0.2) -> bytes:
    """A valid, silent 8 kHz mono WAV file."""
    import io
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(b"\x80" * int(8000 * seconds))
    return buffer.getvalue()
