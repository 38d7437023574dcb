"""Where pictures of COSMOS models live: a private folder (settings.STORAGES["cosmos"]) that
no URL serves. Files are only sent by this app's permission-checked views."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class _CosmosStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["cosmos"]


_storage = _CosmosStorage()


def cosmos_storage():
    return _storage


@receiver(setting_changed)
def _reset(*, setting, **kwargs):
    if setting == "STORAGES":
        _storage._wrapped = empty  # type: ignore[assignment]
