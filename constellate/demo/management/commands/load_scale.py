"""`manage.py load_scale`: large synthetic data for benchmarks.

Builds organisations, staff, memberships, initiatives (each with one canvas version and its
team), and activities, with bulk inserts in batches so the default size (200 organisations,
5,000 initiatives, 50,000 activities) loads in well under a minute on SQLite. The data is
deterministic for a given --seed.

Everything it makes is marked: organisation slugs start with "scale-" and e-mail addresses end
in "@scale.demo". If such data exists the command says so and stops; --reset deletes it first.
--info prints, as JSON, what the page benchmark needs: the benchmark user's login and the
initiatives to time.

--stories N (off by default, so the page benchmark does not wait for it) also fills the
initiative the benchmark user leads with N consented community stories (seeded Dutch and
English texts, see demo/scale_stories.py) spread over a dozen of its activities, which become
story-gathering activities, with a consent row each and a small audio file on one in a hundred.
On existing scale data it replaces only the stories.

The benchmark user (bench@scale.demo) looks like a busy facilitator: an organisation-wide role
in several organisations (so the initiative list has a few hundred entries), a lead or team role
in several dozen initiatives (so the dashboard is full), and a partner role in two more
organisations (so both halves of the visibility rule are exercised).
"""

import json
import random
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from constellate.accounts.models import Membership, Organisation, User, token_hash
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.initiatives.canvas import (
    BARRIER_KINDS,
    GOAL_DRIVERS,
    RESOURCE_KINDS,
    method_choices,
)
from constellate.initiatives.choices import (
    ActivityKind,
    InitiativeStatus,
    Phase,
    ServiceArea,
    Setting,
    Visibility,
)
from constellate.initiatives.models import (
    Activity,
    CanvasVersion,
    Initiative,
    InitiativeMembership,
)
from constellate.stories.choices import Audience, Keep, Medium, StoryStatus, StoryType
from constellate.stories.consent import CONSENT_WORDING_VERSION
from constellate.stories.models import Consent, Story, StoryMedia

SCALE_PREFIX = "scale-"
SCALE_DOMAIN = "@scale.demo"
BENCH_EMAIL = "bench@scale.demo"
BENCH_PASSWORD = "meten-is-weten-op-schaal"  # noqa: S105 - documented benchmark password
BATCH = 1000

# Staff of each synthetic organisation, by organisation role.
STAFF_ROLES = [
    OrgRole.ADMIN,
    OrgRole.FACILITATOR,
    OrgRole.FACILITATOR,
    OrgRole.REPORTER,
    OrgRole.PARTNER,
    OrgRole.OBSERVER,
]
TEAM_ROLES = [
    InitiativeRole.FACILITATOR,
    InitiativeRole.REPORTER,
    InitiativeRole.PARTNER,
    InitiativeRole.OBSERVER,
]
# How many organisations and initiatives the benchmark user belongs to (capped by the data).
BENCH_WIDE_ORGS = 10
BENCH_PARTNER_ORGS = 2
BENCH_INITIATIVES = 60

PLACES = [
    "Houten",
    "Nieuwegein",
    "Utrecht",
    "Zwolle",
    "Tilburg",
    "Wrocław",
    "Võru",
    "Valencia",
    "Reggio Emilia",
    "Hull",
    "Jönköping",
    "Turku",
    "Athens",
    "Gent",
    "Leeds",
]
TOPICS = [
    "neighbourhood support",
    "youth employment",
    "care at home",
    "waste and liveability",
    "debt advice",
    "digital inclusion",
    "loneliness among older people",
    "green spaces",
    "school meals",
    "mental health support",
    "accessible transport",
    "housing repairs",
]
WORDS = [
    "residents",
    "staff",
    "service",
    "together",
    "listen",
    "story",
    "idea",
    "plan",
    "street",
    "school",
    "family",
    "care",
    "work",
    "support",
    "trust",
    "change",
    "share",
    "decide",
    "test",
    "learn",
    "neighbourhood",
    "evening",
    "meeting",
    "voice",
    "group",
    "feedback",
    "open",
    "small",
    "first",
    "next",
    "local",
    "people",
    "time",
    "question",
    "answer",
    "improve",
    "help",
]
TARGETS = [
    "Residents",
    "Young people",
    "Older residents",
    "Families",
    "Jobseekers",
    "Carers",
    "Tenants",
    "Employers",
    "Volunteers",
]
LANGS = ["nl", "en", "de", "fr", "pl", "ar", "tr"]
# Enum .values and .labels are rebuilt on every access: read them once.
KINDS = list(ActivityKind.values)
PHASES = list(Phase.values)
SETTINGS = list(Setting.values)
AREAS = list(ServiceArea.values)
STATUSES = list(InitiativeStatus.values)


@contextmanager
def explicit_timestamps(*models):
    """Let bulk_create keep the created_at/updated_at we set, instead of 'now'."""
    saved = []
    for model in models:
        for name in ("created_at", "updated_at"):
            field = model._meta.get_field(name)
            saved.append((field, field.auto_now, field.auto_now_add))
            field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


class Command(BaseCommand):
    help = "Build large synthetic data for benchmarks (bulk inserts; marked with 'scale-')."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=200)
        parser.add_argument("--initiatives", type=int, default=5000)
        parser.add_argument("--activities", type=int, default=50000)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--stories",
            type=int,
            default=0,
            help="Also make this many community stories (on existing data: only the stories).",
        )
        parser.add_argument(
            "--reset", action="store_true", help="Delete existing scale data, then build it."
        )
        parser.add_argument(
            "--info",
            action="store_true",
            help="Print the benchmark user and target initiatives as JSON, build nothing.",
        )

    def handle(self, *args, **options):
        if options["info"]:
            self.stdout.write(json.dumps(bench_info()))
            return
        n_orgs, n_init, n_act = (
            options["organisations"],
            options["initiatives"],
            options["activities"],
        )
        if n_orgs < 1 or n_init < 0 or n_act < 0:
            raise CommandError("Use at least one organisation and no negative numbers.")
        existing = Organisation.objects.filter(slug__startswith=SCALE_PREFIX)
        if options["reset"]:
            self._reset()
        elif existing.exists() and options["stories"] > 0:
            started = timezone.now()
            with transaction.atomic():
                made = self._build_stories(options["stories"], random.Random(options["seed"]))
            self._analyse()
            seconds = (timezone.now() - started).total_seconds()
            self.stdout.write(self.style.SUCCESS(f"{made} stories built in {seconds:.1f} s."))
            return
        elif existing.exists():
            self.stdout.write(
                "Scale data already exists: "
                f"{existing.count()} organisations, "
                f"{Initiative.objects.filter(organisation__in=existing).count()} initiatives. "
                "Nothing built; use --reset to rebuild it."
            )
            return
        # The canvases choose tools from the standard method library (through the registry).
        self._tool_keys = [key for key, _label in method_choices(None)]
        if len(self._tool_keys) < 3:
            raise CommandError("The method library is empty: run `manage.py migrate` first.")
        started = timezone.now()
        with transaction.atomic():
            counts = self._build(n_orgs, n_init, n_act, random.Random(options["seed"]))
            if options["stories"] > 0:
                counts["stories"] = self._build_stories(
                    options["stories"], random.Random(options["seed"])
                )
        self._analyse()
        seconds = (timezone.now() - started).total_seconds()
        made = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Scale data built in {seconds:.1f} s: {made}."))
        self.stdout.write(f"Benchmark login: {BENCH_EMAIL} / {BENCH_PASSWORD}")

    @staticmethod
    def _analyse() -> None:
        # Autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would gather planner
        # statistics soon after a real load; do it now so the benchmark measures the plans a
        # running system would use.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    @staticmethod
    def _delete_stories() -> None:
        stories = Story.all_objects.filter(
            activity__initiative__organisation__slug__startswith=SCALE_PREFIX
        )
        for media in StoryMedia.objects.filter(story__in=stories):
            media.delete()  # its file too
        Consent.objects.filter(story__in=stories).delete()
        stories.delete()

    def _build_stories(self, n: int, rng: random.Random) -> int:
        from django.core.files.base import ContentFile

        from constellate.demo.scale_stories import silent_wav, story_text

        self._delete_stories()
        initiative = _story_initiative()
        if initiative is None:
            raise CommandError("No initiative led by the benchmark user: build scale data first.")
        activity_ids = list(
            Activity.objects.filter(initiative=initiative)
            .order_by("pk")
            .values_list("pk", flat=True)
        )[:12]
        Activity.objects.filter(pk__in=activity_ids).update(kind=ActivityKind.STORY_GATHERING)
        now = timezone.now()
        audiences = [Audience.TEAM, Audience.ORGANISATION, Audience.PUBLIC]
        types = list(StoryType.values)
        keep_until = timezone.localdate() + timedelta(days=365 * 4)
        created_field = Story._meta.get_field("created_at")
        created_field.auto_now_add = False
        wav = silent_wav()
        try:
            made = 0
            while made < n:
                batch = []
                for k in range(made, min(n, made + 10 * BATCH)):
                    lang = "nl" if rng.random() < 0.7 else "en"
                    title, text = story_text(rng, lang, k + 1)
                    batch.append(
                        Story(
                            activity_id=rng.choice(activity_ids),
                            story_type=rng.choice(types),
                            title=title,
                            text=text,
                            language=lang,
                            link_hash=token_hash(f"scale-story-{k}-{rng.getrandbits(64)}"),
                            status=StoryStatus.ACTIVE,
                            audience=rng.choices(audiences, weights=[3, 4, 3], k=1)[0],
                            created_at=now - timedelta(minutes=rng.randint(0, 2 * 365 * 1440)),
                        )
                    )
                batch = Story.all_objects.bulk_create(batch, batch_size=BATCH)
                Consent.objects.bulk_create(
                    [
                        Consent(
                            story=story,
                            audience=story.audience,
                            analysis=rng.random() < 0.9,
                            quotes=rng.random() < 0.7,
                            named=False,
                            keep=Keep.FIVE_YEARS,
                            keep_until=keep_until,
                            wording=CONSENT_WORDING_VERSION,
                        )
                        for story in batch
                    ],
                    batch_size=BATCH,
                )
                for story in batch[::100]:
                    media = StoryMedia(
                        story=story, medium=Medium.AUDIO, mime="audio/wav", size=len(wav)
                    )
                    media.file.save("scale.wav", ContentFile(wav), save=False)
                    media.save()
                made += len(batch)
        finally:
            created_field.auto_now_add = True
        return made

    def _reset(self) -> None:
        orgs = Organisation.objects.filter(slug__startswith=SCALE_PREFIX)
        with transaction.atomic():
            self._delete_stories()
            # Delete from the leaves up, so no cascade has to load rows into memory.
            initiatives = Initiative.objects.filter(organisation__in=orgs)
            Activity.objects.filter(initiative__in=initiatives).delete()
            CanvasVersion.objects.filter(initiative__in=initiatives).delete()
            InitiativeMembership.objects.filter(initiative__in=initiatives).delete()
            initiatives.delete()
            Membership.objects.filter(organisation__in=orgs).delete()
            orgs.delete()
            User.objects.filter(email__endswith=SCALE_DOMAIN).delete()
        self.stdout.write("Existing scale data deleted.")

    def _build(self, n_orgs: int, n_init: int, n_act: int, rng: random.Random) -> dict[str, int]:
        now = timezone.now()
        today = timezone.localdate()
        password = make_password(BENCH_PASSWORD)

        orgs = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Scale organisation {n:04d}",
                    slug=f"{SCALE_PREFIX}{n:04d}",
                    country=rng.choice(["Nederland", "Belgium", "Finland", "Spain", "Poland"]),
                    description="Synthetic organisation for benchmarks.",
                )
                for n in range(1, n_orgs + 1)
            ],
            batch_size=BATCH,
        )

        users = [
            User(
                email=f"u{o:04d}-{k}{SCALE_DOMAIN}",
                username=f"u{o:04d}-{k}{SCALE_DOMAIN}",
                display_name=f"Staff {o:04d}-{k}",
                password=password,
                language="nl",
            )
            for o in range(1, n_orgs + 1)
            for k in range(len(STAFF_ROLES))
        ]
        bench = User(
            email=BENCH_EMAIL,
            username=BENCH_EMAIL,
            display_name="Benchmark facilitator",
            password=password,
            language="nl",
        )
        users = User.objects.bulk_create([*users, bench], batch_size=BATCH)
        bench = users.pop()
        staff = {
            org.pk: users[i * len(STAFF_ROLES) : (i + 1) * len(STAFF_ROLES)]
            for i, org in enumerate(orgs)
        }

        memberships = [
            Membership(organisation=org, user=user, role=role)
            for org in orgs
            for user, role in zip(staff[org.pk], STAFF_ROLES, strict=True)
        ]
        wide_orgs = orgs[: min(BENCH_WIDE_ORGS, len(orgs))]
        partner_orgs = orgs[len(wide_orgs) : len(wide_orgs) + BENCH_PARTNER_ORGS]
        memberships += [
            Membership(organisation=o, user=bench, role=OrgRole.FACILITATOR) for o in wide_orgs
        ]
        memberships += [
            Membership(organisation=o, user=bench, role=OrgRole.PARTNER) for o in partner_orgs
        ]
        Membership.objects.bulk_create(memberships, batch_size=BATCH)

        # Initiatives, spread evenly over the organisations, last changed over two years.
        initiatives = []
        for n in range(n_init):
            org = orgs[n % len(orgs)]
            created = now - timedelta(days=rng.randint(30, 730), minutes=rng.randint(0, 1440))
            initiatives.append(
                Initiative(
                    organisation=org,
                    title=f"{rng.choice(TOPICS).capitalize()} in {rng.choice(PLACES)} ({n + 1})",
                    slug=f"scale-initiative-{n + 1}",
                    summary=self._text(rng, 40, 90),
                    service_area=rng.choice(AREAS),
                    place=rng.choice(PLACES),
                    target_groups=rng.sample(TARGETS, rng.randint(1, 3)),
                    languages=rng.sample(LANGS, rng.randint(1, 3)),
                    visibility=Visibility.PUBLIC if rng.random() < 0.7 else Visibility.PRIVATE,
                    status=rng.choices(STATUSES, weights=[2, 5, 1, 2], k=1)[0],
                    created_by=staff[org.pk][rng.choice([0, 1, 2])],
                    created_at=created,
                    updated_at=created + timedelta(days=rng.randint(0, 29)),
                )
            )
        with explicit_timestamps(Initiative):
            initiatives = Initiative.objects.bulk_create(initiatives, batch_size=BATCH)

        # Teams: the creator leads, one to three colleagues join; the benchmark user joins
        # a few dozen initiatives in "their" organisations.
        team: list[InitiativeMembership] = []
        bench_orgs = {o.pk for o in [*wide_orgs, *partner_orgs]}
        bench_left = BENCH_INITIATIVES
        for initiative in initiatives:
            people = staff[initiative.organisation_id]
            team.append(
                InitiativeMembership(
                    initiative=initiative, user=initiative.created_by, role=InitiativeRole.LEAD
                )
            )
            others = [u for u in people if u.pk != initiative.created_by_id]
            for user in rng.sample(others, rng.randint(1, 3)):
                team.append(
                    InitiativeMembership(
                        initiative=initiative, user=user, role=rng.choice(TEAM_ROLES)
                    )
                )
            if bench_left and initiative.organisation_id in bench_orgs and rng.random() < 0.5:
                role = [InitiativeRole.LEAD, InitiativeRole.FACILITATOR, InitiativeRole.OBSERVER][
                    bench_left % 3
                ]
                team.append(InitiativeMembership(initiative=initiative, user=bench, role=role))
                bench_left -= 1
        InitiativeMembership.objects.bulk_create(team, batch_size=BATCH)

        CanvasVersion.objects.bulk_create(
            [
                CanvasVersion(
                    initiative=initiative,
                    number=1,
                    data=self._canvas(rng, initiative),
                    changed_sections=["context", "goals", "values", "resources", "barriers"],
                    author=initiative.created_by,
                    created_at=initiative.created_at,
                )
                for initiative in initiatives
            ],
            batch_size=BATCH,
        )

        # Activities: most initiatives have a handful, a few have many (weights 1, 3 or 6).
        activities: list[Activity] = []
        kind_names = [str(label) for label in ActivityKind.labels]
        if initiatives:
            weights = [rng.choice([1, 1, 1, 1, 1, 1, 1, 1, 3, 6]) for _ in initiatives]
            owners = rng.choices(initiatives, weights=weights, k=n_act)
            for n, initiative in enumerate(owners):
                opens = today + timedelta(days=rng.randint(-400, 120))
                closes = None if rng.random() < 0.15 else opens + timedelta(days=rng.randint(0, 90))
                people = staff[initiative.organisation_id]
                activities.append(
                    Activity(
                        initiative=initiative,
                        title=f"{rng.choice(kind_names)} {n + 1}: {rng.choice(TOPICS)}",
                        kind=rng.choice(KINDS),
                        purpose=self._text(rng, 15, 40),
                        opens_on=opens,
                        closes_on=closes,
                        phases=sorted(rng.sample(PHASES, rng.randint(1, 3)), key=PHASES.index),
                        setting=rng.choice(SETTINGS),
                        location=rng.choice(["", "Library", "Community centre", "Town hall"]),
                        run_by=None if rng.random() < 0.2 else rng.choice(people),
                        is_public=rng.random() < 0.9,
                    )
                )
                if len(activities) >= 10 * BATCH:
                    Activity.objects.bulk_create(activities, batch_size=BATCH)
                    activities = []
        Activity.objects.bulk_create(activities, batch_size=BATCH)

        return {
            "organisations": len(orgs),
            "users": len(users) + 1,
            "memberships": len(memberships),
            "initiatives": len(initiatives),
            "initiative members": len(team),
            "canvas versions": len(initiatives),
            "activities": n_act if initiatives else 0,
        }

    @staticmethod
    def _text(rng: random.Random, low: int, high: int) -> str:
        words = rng.choices(WORDS, k=rng.randint(low, high))
        return " ".join(words).capitalize() + "."

    def _canvas(self, rng: random.Random, initiative: Initiative) -> dict[str, Any]:
        """A plausible canvas; about a third leave one or two questions open."""
        data: dict[str, Any] = {
            "context": {
                "place": initiative.place,
                "target_group": ", ".join(initiative.target_groups),
                "policy": self._text(rng, 5, 12),
                "service": self._text(rng, 4, 10),
            },
            "goals": [
                {
                    "goal": self._text(rng, 4, 10),
                    "why": self._text(rng, 6, 14),
                    "driver": rng.choice(GOAL_DRIVERS)[0],
                }
                for _ in range(rng.randint(2, 4))
            ],
            "values": [
                {"value": rng.choice(WORDS).capitalize(), "meaning": self._text(rng, 5, 12)}
                for _ in range(rng.randint(2, 3))
            ],
            "resources": [
                {"kind": kind, "description": self._text(rng, 5, 12)}
                for kind, _label in rng.sample(RESOURCE_KINDS, 3)
            ],
            "barriers": [
                {
                    "kind": kind,
                    "description": self._text(rng, 5, 12),
                    "contradiction": self._text(rng, 6, 14),
                }
                for kind, _label in rng.sample(BARRIER_KINDS, 2)
            ],
            "tools": rng.sample(self._tool_keys, 3),
            "tools_note": self._text(rng, 6, 14),
        }
        if rng.random() < 0.33:
            for key in rng.sample(["values", "resources", "barriers", "tools"], rng.randint(1, 2)):
                data[key] = []
        return data


def _story_initiative() -> Initiative | None:
    """The initiative of the scale stories: the one the benchmark user leads with the most
    activities (also the staff page the page benchmark times)."""
    return (
        Initiative.objects.filter(
            memberships__user__email=BENCH_EMAIL, memberships__role=InitiativeRole.LEAD
        )
        .annotate(n=Count("activities"))
        .order_by("-n", "pk")
        .first()
    )


def bench_info() -> dict[str, Any]:
    """The benchmark user and the pages worth timing, chosen from the scale data."""
    bench = User.objects.filter(email=BENCH_EMAIL).first()
    if bench is None:
        raise CommandError("No scale data: run `manage.py load_scale` first.")
    led = (
        Initiative.objects.filter(memberships__user=bench, memberships__role=InitiativeRole.LEAD)
        .annotate(n=Count("activities"))
        .order_by("-n", "pk")
        .first()
    )
    public = (
        Initiative.objects.filter(
            visibility=Visibility.PUBLIC, organisation__slug__startswith=SCALE_PREFIX
        )
        .annotate(n=Count("activities", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    scale_orgs = Organisation.objects.filter(slug__startswith=SCALE_PREFIX)
    return {
        "email": BENCH_EMAIL,
        "password": BENCH_PASSWORD,
        "staff_initiative": {"id": led.pk, "activities": led.n} if led else None,
        "public_initiative": (
            {"id": public.pk, "slug": public.slug, "activities": public.n} if public else None
        ),
        "counts": {
            "organisations": scale_orgs.count(),
            "initiatives": Initiative.objects.filter(organisation__in=scale_orgs).count(),
            "activities": Activity.objects.filter(initiative__organisation__in=scale_orgs).count(),
            "bench_initiative_memberships": InitiativeMembership.objects.filter(user=bench).count(),
            "bench_organisations": Membership.objects.filter(user=bench).count(),
            "stories": Story.objects.filter(activity__initiative=led).count() if led else 0,
        },
    }
