"""Shared test set-up. Tests are fast and isolated; each test gets a clean database."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LOGIN_FAILURE_DELAY_SECONDS = 0
