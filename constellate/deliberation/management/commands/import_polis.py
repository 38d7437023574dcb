"""Import a Pol.is export (a folder or a zip file) into a conversation activity:

    python manage.py import_polis ACTIVITY_ID PATH --user EMAIL [--source "CC BY 4.0, ..."]
        [--compute-now]

The same import as the page (services_polis.polis_import), with the same limits and checks,
done as the given user (a facilitator or lead of the initiative). The opinion groups are
computed by the background task, or at once with --compute-now."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from constellate.accounts.models import User
from constellate.analysis.polis_export import PolisExportError, read_folder
from constellate.deliberation import services_conversations, services_polis
from constellate.initiatives.models import Activity


class Command(BaseCommand):
    help = "Import a Pol.is export (folder or zip) into a conversation activity."

    def add_arguments(self, parser):
        parser.add_argument("activity", type=int, help="id of the conversation activity")
        parser.add_argument("path", help="folder or zip file of the Pol.is export")
        parser.add_argument("--user", required=True, help="e-mail of the facilitator importing")
        parser.add_argument("--source", default="", help="source and licence to show")
        parser.add_argument("--compute-now", action="store_true", help="compute groups now")

    def handle(self, *args, **options):
        activity = (
            Activity.objects.select_related("initiative").filter(pk=options["activity"]).first()
        )
        if activity is None:
            raise CommandError(f"There is no activity {options['activity']}.")
        user = User.objects.filter(email__iexact=options["user"]).first()
        if user is None:
            raise CommandError(f"There is no user {options['user']}.")
        try:
            conversation = services_conversations.conversation_ensure(activity=activity)
            files = read_folder(options["path"], limits=services_polis.import_limits())
            counts = services_polis.polis_import(
                conversation=conversation, actor=user, files=files, source=options["source"]
            )
        except PolisExportError as error:
            raise CommandError(services_polis.polis_message(error)) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except PermissionDenied:
            raise CommandError(f"{user.email} may not run this conversation.") from None
        except OSError as error:
            raise CommandError(str(error)) from None
        if options["compute_now"]:
            result = services_conversations.opinion_compute_now(conversation=conversation)
            counts["groups"] = len(result.result.get("groups", []))
        self.stdout.write(" ".join(f"{key}={value}" for key, value in counts.items()))
