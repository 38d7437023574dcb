"""Set up a new organisation (tenant) and invite its first admin.

    manage.py create_organisation --name "Gemeente Houten" --slug houten \\
        --admin-email coordinator@houten.nl --base-url https://constellate.houten.nl
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from constellate.accounts.roles import OrgRole
from constellate.accounts.services import invitation_create, organisation_create


class Command(BaseCommand):
    help = "Create an organisation and e-mail an invitation to its first admin."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--country", default="")
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    @transaction.atomic
    def handle(self, *args, **options):
        try:
            organisation = organisation_create(
                name=options["name"], slug=options["slug"], country=options["country"]
            )
            accept_url = options["base_url"].rstrip("/") + reverse(
                "accounts:invitation_accept", args=["TOKEN"]
            )
            _invitation, token = invitation_create(
                organisation=organisation,
                email=options["admin_email"],
                role=OrgRole.ADMIN,
                invited_by=None,
                accept_url=accept_url,
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Created {organisation.name} ({organisation.slug})."))
        self.stdout.write(
            f"Invitation link for the first admin: {accept_url.replace('TOKEN', token)}"
        )
