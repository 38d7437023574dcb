"""A story file leaves the storage whenever its row goes, however it goes (withdrawal,
expiry, erasure of a person, deletion of an activity or organisation by cascade), so no file
ever outlives its story. Only file clean-up lives here: no business logic."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from constellate.stories.models import StoryMedia


@receiver(post_delete, sender=StoryMedia)
def _delete_file(sender, instance, **kwargs):
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
