from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "data" / "cosmos"
HOUTEN = SAMPLES / "cosmos-houten-werk-en-inkomen.zip"
NIEUWEGEIN = SAMPLES / "cosmos-nieuwegein-schoon-en-leefbaar.zip"
REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference" / "cosmos"


def sample(path: Path) -> bytes:
    if not path.is_file():
        pytest.skip(f"shared COSMOS sample {path.name} is not available")
    return path.read_bytes()


@pytest.fixture(autouse=True)
def cosmos_storage_tmp(settings, tmp_path):
    """COSMOS pictures go to a temporary folder for the test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "cosmos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "cosmos"), "base_url": "/no-public-url/"},
        },
    }
    return tmp_path / "cosmos"
