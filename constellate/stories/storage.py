"""Where story media live: a private folder under MEDIA_ROOT (settings.STORAGES["stories"])
that no URL serves. Files are only sent by the permission-checked views of this app, which
honour the teller's consent."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class _StoryMediaStorage(LazyObject):
    """storages["stories"], looked up when first used (and again after a settings change,
    so tests can point it at a temporary folder)."""

    def _setup(self):
        self._wrapped = storages["stories"]


_storage = _StoryMediaStorage()


def story_media_storage():
    return _storage


@receiver(setting_changed)
def _reset(*, setting, **kwargs):
    if setting == "STORAGES":
        _storage._wrapped = empty  # type: ignore[assignment]
