from django.core.management.base import BaseCommand

from constellate.library.services import library_standard_sync


class Command(BaseCommand):
    help = (
        "Load or update the standard method and case library. Safe to run again: nothing is "
        "duplicated, texts an admin corrected and organisations' own methods are kept."
    )

    def handle(self, *args, **options):
        counts = library_standard_sync()
        self.stdout.write(
            "Library: {created} created, {updated} updated, {kept} kept as they were.".format(
                **counts
            )
        )
