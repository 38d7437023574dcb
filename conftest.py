"""Shared test set-up. Tests are fast and isolated; each test gets a clean database."""

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests check what holds, not how fast: on a busy 2-core CI machine a per-example
# time limit would fail correct code.
hypothesis_settings.register_profile("constellate", deadline=None)
hypothesis_settings.load_profile("constellate")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LOGIN_FAILURE_DELAY_SECONDS = 0


@pytest.fixture(autouse=True)
def _empty_cache(settings):
    """Cached page parts must not leak from one test's database into the next. The network
    cache is a file cache outside tests; in tests it is in memory, per test process."""
    from django.core.cache import cache, caches

    settings.CACHES = {
        **settings.CACHES,
        "network": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "network",
        },
    }
    cache.clear()
    caches["network"].clear()
    yield
    cache.clear()
    caches["network"].clear()


@pytest.fixture(autouse=True)
def _standard_library(request):
    """Transactional tests (browser tests, threads) empty the database after each test, which
    also removes what data migrations loaded: the standard method and case library. Put it
    back for them, as a fresh install has it."""
    if {"transactional_db", "live_server"} & set(request.fixturenames) or (
        (marker := request.node.get_closest_marker("django_db"))
        and marker.kwargs.get("transaction")
    ):
        request.getfixturevalue("transactional_db")
        from constellate.library.services import library_standard_ensure

        library_standard_ensure()
