import pytest

from constellate.library.services import library_standard_ensure


@pytest.fixture
def standard_library(db):
    """The standard library as the data migration loads it (put back if a flush removed it)."""
    library_standard_ensure()
