"""`manage.py stories_expire`: delete stories kept past the date their teller chose, and
drafts never given consent. Run it once a day (cron or a scheduled task)."""

from django.core.management.base import BaseCommand

from constellate.stories.services import stories_expire


class Command(BaseCommand):
    help = "Delete stories past their 'keep until' date and drafts without consent."

    def handle(self, *args, **options):
        deleted = stories_expire()
        self.stdout.write(f"Deleted {deleted} stories.")
