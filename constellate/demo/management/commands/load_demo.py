"""`manage.py load_demo`: the eleven CoSIE pilots as demo organisations, people and initiatives.

Safe to run again and again: everything is looked up by a stable key (organisation slug,
e-mail address, initiative slug) and only what is missing is created. Nothing is deleted or
overwritten, so edits made in the demo survive a second run: a canvas is only written when the
initiative has none, activities only when it has none, and an existing membership keeps its
role. The content lives in constellate/demo/pilots.py (reflection sessions and competence
checks in constellate/demo/reflection.py).
"""

from copy import deepcopy
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from constellate.accounts import services as account_services
from constellate.accounts.models import Membership, Organisation, User
from constellate.demo.budgets import load_pilot_budget
from constellate.demo.compass import load_compass
from constellate.demo.conversations import load_pilot_conversation
from constellate.demo.cosmos import load_pilot_cosmos
from constellate.demo.decisions import load_pilot_decisions
from constellate.demo.ideas import load_pilot_ideas
from constellate.demo.participation import load_pilot_participation
from constellate.demo.pilots import (
    DEMO_PASSWORD,
    DEMO_URL,
    PILOTS,
    ROLES,
    SUPERUSER_EMAIL,
    SUPERUSER_NAME,
)
from constellate.demo.reflection import load_pilot_reflection
from constellate.demo.stakeholders import load_pilot_stakeholders
from constellate.demo.stories import load_pilot_stories
from constellate.initiatives import services
from constellate.initiatives.models import (
    Activity,
    CanvasVersion,
    Initiative,
    InitiativeMembership,
)

ROLE_LABELS = {
    "admin": "organisation admin",
    "facilitator": "facilitator",
    "reporter": "community reporter",
    "partner": "partner",
    "observer": "observer",
}


def initiative_slug(title: str) -> str:
    """The slug services.initiative_create gives a pilot's initiative: its stable key."""
    return slugify(title)[:70] or "initiative"


class Command(BaseCommand):
    help = "Load the eleven CoSIE pilots as demo data (idempotent: creates only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-superuser",
            action="store_true",
            help=f"Do not create the staff account {SUPERUSER_EMAIL} for Django's admin.",
        )
        parser.add_argument("--url", default=DEMO_URL, help="The address to print for signing in.")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo even with CONSTELLATE_ENV=production (a training server).",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION and not options["allow_production"]:
            # The demo accounts share a password printed in the source: never by accident.
            raise CommandError(
                "Refusing to load demo accounts in production. Use --allow-production for a "
                "training or demo server."
            )
        validate_password(DEMO_PASSWORD)
        self.url = options["url"]
        self.created: dict[str, int] = {}
        self.logins: list[tuple[str, str, str]] = []
        self.password_hash: str | None = None
        today = timezone.localdate()
        for pilot in PILOTS:
            with transaction.atomic():
                self._load_pilot(pilot, today)
        if not options["no_superuser"]:
            self._superuser()
        self._report()

    # Building blocks, each creating only what is missing ------------------------------------

    def _count(self, what: str) -> None:
        self.created[what] = self.created.get(what, 0) + 1

    def _user(self, email: str, name: str, language: str, **extra: Any) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            # Hash the shared password once: hashing it for every account would take seconds.
            if self.password_hash is None:
                self.password_hash = make_password(DEMO_PASSWORD)
            user = User(email=email, display_name=name, language=language, **extra)
            user.password = self.password_hash
            user.save()
            self._count("users")
        return user

    def _load_pilot(self, pilot: dict[str, Any], today) -> None:
        people: dict[str, User] = {}
        for key, name in pilot["people"].items():
            people[key] = self._user(f"{key}@{pilot['domain']}", name, pilot["language"])

        organisation = Organisation.objects.filter(slug=pilot["slug"]).first()
        if organisation is None:
            organisation = account_services.organisation_create(
                name=pilot["name"],
                slug=pilot["slug"],
                country=pilot["country"],
                description=pilot["description"],
            )
            self._count("organisations")
        for key, user in people.items():
            _membership, made = Membership.objects.get_or_create(
                organisation=organisation, user=user, defaults={"role": ROLES[key][0]}
            )
            if made:
                self._count("memberships")
            self.logins.append((ROLE_LABELS[key], user.email, organisation.name))

        spec = dict(pilot["initiative"])
        creator = people[spec.pop("created_by")]
        initiative = Initiative.objects.filter(
            organisation=organisation, slug=initiative_slug(spec["title"])
        ).first()
        if initiative is None:
            initiative = services.initiative_create(
                organisation=organisation, created_by=creator, **spec
            )
            self._count("initiatives")
        for key, user in people.items():
            if not InitiativeMembership.objects.filter(initiative=initiative, user=user).exists():
                services.initiative_member_set(
                    initiative=initiative, user=user, role=ROLES[key][1], actor=creator
                )
                self._count("initiative members")

        if not CanvasVersion.objects.filter(initiative=initiative).exists():
            self._canvas(initiative, pilot["canvas"], people)
        if not Activity.objects.filter(initiative=initiative).exists():
            for item in pilot["activities"]:
                self._activity(initiative, item, people, creator, today)
        load_compass(
            organisation=organisation,
            initiative=initiative,
            people=people,
            today=today,
            make_user=self._user,
            count=self._count,
            domain=pilot["domain"],
        )
        # Reflection sessions with actions, and competence checks (demo/reflection.py).
        made = load_pilot_reflection(pilot, organisation, initiative, people, today)
        # Stakeholder maps with snowball chains, relations and contacts (demo/stakeholders.py).
        made.update(load_pilot_stakeholders(pilot, initiative, people, today))
        # Who took part, through links and off-line (demo/participation.py).
        made.update(load_pilot_participation(initiative, creator, today))
        # A few stories with consent, in the pilot's language (demo/stories.py).
        made.update(load_pilot_stories(pilot, initiative, people, today))
        # A conversation with votes and opinion groups (demo/conversations.py).
        made.update(load_pilot_conversation(pilot, initiative, people, today))
        # An idea round with supports, responses and a merged duplicate (demo/ideas.py).
        made.update(load_pilot_ideas(pilot, initiative, people, today))
        # A decision log resting on those stories, statements and ideas (demo/decisions.py).
        made.update(load_pilot_decisions(pilot, initiative, people, today))
        # A shared budget with projects and ballots (demo/budgets.py).
        made.update(load_pilot_budget(pilot, initiative, people, today))
        # A small COSMOS model of our own (demo/cosmos.py), for Houten.
        made.update(load_pilot_cosmos(pilot, initiative, people, today))
        for what, n in made.items():
            if n:
                self.created[what] = self.created.get(what, 0) + n

    def _canvas(self, initiative: Initiative, versions: list[dict], people: dict) -> None:
        data: dict[str, Any] = {}
        now = timezone.now()
        for revision in versions:
            # Later versions replace whole sections of the one before.
            data = {**deepcopy(data), **deepcopy(revision["data"])}
            version, _conflict = services.canvas_save(
                initiative=initiative, data=data, author=people[revision["author"]]
            )
            if version is None:
                continue
            # Spread the versions over the past weeks so the history reads like real work.
            CanvasVersion.objects.filter(pk=version.pk).update(
                created_at=now - timedelta(days=revision.get("days_ago", 0))
            )
            self._count("canvas versions")

    def _activity(self, initiative, item: dict, people: dict, actor: User, today) -> None:
        fields = {k: v for k, v in item.items() if k not in ("opens", "closes", "run_by")}
        services.activity_create(
            initiative=initiative,
            actor=actor,
            opens_on=today + timedelta(days=item["opens"]),
            closes_on=None if item["closes"] is None else today + timedelta(days=item["closes"]),
            run_by=people[item["run_by"]] if item.get("run_by") else None,
            **fields,
        )
        self._count("activities")

    def _superuser(self) -> None:
        self._user(SUPERUSER_EMAIL, SUPERUSER_NAME, "en", is_staff=True, is_superuser=True)
        self.logins.append(("Django admin (staff, superuser)", SUPERUSER_EMAIL, "all"))

    # Output ---------------------------------------------------------------------------------

    def _report(self) -> None:
        out = self.stdout
        if self.created:
            made = ", ".join(f"{n} {what}" for what, n in self.created.items())
            out.write(self.style.SUCCESS(f"Demo data loaded: created {made}."))
        else:
            out.write(self.style.SUCCESS("Demo data already complete: nothing new created."))
        headers = ("Role", "E-mail", "Organisation")
        widths = [max(len(h), *(len(row[i]) for row in self.logins)) for i, h in enumerate(headers)]
        line = "  ".join("-" * w for w in widths)
        out.write("")
        out.write("Demo logins:")
        out.write("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
        out.write(line)
        for row in self.logins:
            out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        out.write(line)
        out.write(f"Password for every demo account: {DEMO_PASSWORD}")
        out.write("(accounts that already existed keep the password they have now)")
        out.write(f"Open {self.url} and sign in.")
