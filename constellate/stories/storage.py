"""Where story media live: a private folder under MEDIA_ROOT that no URL serves. Files are
only sent by the permission-checked views of this app, which honour the teller's consent."""

from django.core.files.storage import storages


def story_media_storage():
    return storages["stories"]
