"""Export an initiative's COSMOS models as a zip that COSMOS 3.7.1 reads."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from constellate.cosmos.services import cosmos_export
from constellate.initiatives.models import Initiative


class Command(BaseCommand):
    help = "Export an initiative's COSMOS models as a COSMOS 3.7.1 zip."

    def add_arguments(self, parser):
        parser.add_argument("initiative", type=int, help="the initiative's number")
        parser.add_argument("output", type=Path, help="where to write the .zip")

    def handle(self, *args, initiative, output, **options):
        target = Initiative.objects.filter(pk=initiative).first()
        if target is None:
            raise CommandError(f"No initiative {initiative}.")
        _name, content = cosmos_export(initiative=target)
        output.write_bytes(content)
        self.stdout.write(f"Wrote {output} ({len(content)} bytes).")
