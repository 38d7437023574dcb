"""Shared test set-up. Tests are fast and isolated; each test gets a clean database."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LOGIN_FAILURE_DELAY_SECONDS = 0


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached page parts must not leak from one test's database into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
