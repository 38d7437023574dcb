"""Import a COSMOS 3.7.1 export (.zip) into an initiative, with the same checks as the page."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from constellate.accounts.models import User
from constellate.cosmos.archive import ArchiveRefused
from constellate.cosmos.services import cosmos_import
from constellate.initiatives.models import Initiative


class Command(BaseCommand):
    help = "Import a COSMOS 3.7.1 export zip into an initiative (its answers are replaced)."

    def add_arguments(self, parser):
        parser.add_argument("initiative", type=int, help="the initiative's number")
        parser.add_argument("archive", type=Path, help="the COSMOS export (.zip)")
        parser.add_argument("--user", help="e-mail of the person named as importer")

    def handle(self, *args, initiative, archive, user=None, **options):
        target = Initiative.objects.filter(pk=initiative).first()
        if target is None:
            raise CommandError(f"No initiative {initiative}.")
        actor = None
        if user:
            actor = User.objects.filter(email__iexact=user).first()
            if actor is None:
                raise CommandError(f"No user {user}.")
        if not archive.is_file():
            raise CommandError(f"No file {archive}.")
        with archive.open("rb") as fh:
            try:
                result = cosmos_import(initiative=target, upload=fh, actor=actor)
            except ArchiveRefused as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Imported: {len(result.changed)} aspects changed, {result.images} pictures, "
            f"models shown: {', '.join(result.enabled) or 'none'}."
        )
        for name in result.missing_images:
            self.stdout.write(f"Picture named but not in the archive: {name}")
