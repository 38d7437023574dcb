"""No N+1: every list and detail page makes the same number of SQL queries with 10 items as
with 500. Items are bulk-created so the test stays fast."""

import datetime
from itertools import count

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.models import Invitation, Membership, User, new_token, token_hash
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives.choices import Visibility
from constellate.initiatives.models import (
    Activity,
    CanvasVersion,
    Initiative,
    InitiativeMembership,
)
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import page_queries

pytestmark = pytest.mark.django_db

_serial = count()


class Scene:
    """An organisation, its admin (who is lead of `initiative`) and ways to add N things."""

    def __init__(self):
        self.org = OrganisationFactory(slug="schaal")
        self.admin = member(self.org, OrgRole.ADMIN)
        self.initiative = InitiativeFactory(organisation=self.org, visibility=Visibility.PUBLIC)
        InitiativeMembershipFactory(
            initiative=self.initiative, user=self.admin, role=InitiativeRole.LEAD
        )
        self.activity = self._activities(self.initiative, 1, run_by=self.admin)[0]
        self.counts: dict[str, int] = {}

    def grow(self, what: str, target: int) -> None:
        """Add `what` until there are `target` of them."""
        n = target - self.counts.get(what, 0)
        self.counts[what] = target
        getattr(self, f"_grow_{what}")(n)

    def _users(self, n: int) -> list[User]:
        users = [
            User(email=f"p{next(_serial)}@schaal.example", display_name=f"Persoon {i}")
            for i in range(n)
        ]
        for user in users:
            user.username = user.email
            user.set_unusable_password()
        users = User.objects.bulk_create(users)
        Membership.objects.bulk_create(
            Membership(organisation=self.org, user=u, role=OrgRole.PARTNER) for u in users
        )
        return users

    def _initiatives(self, n: int, **fields) -> list[Initiative]:
        return Initiative.objects.bulk_create(
            Initiative(
                organisation=self.org,
                title=f"Initiatief {i}",
                slug=f"schaal-{next(_serial)}",
                summary="Samen beter.",
                **fields,
            )
            for i in range(n)
        )

    def _activities(self, initiative, n: int, run_by=None) -> list[Activity]:
        """`n` activities; `run_by` is one user or a list to take turns."""
        today = timezone.localdate()
        people = run_by if isinstance(run_by, list) else [run_by]
        return Activity.objects.bulk_create(
            Activity(
                initiative=initiative,
                title=f"Activiteit {next(_serial)}",
                kind="workshop",
                purpose="Doel",
                opens_on=today - datetime.timedelta(days=i % 30),
                closes_on=today + datetime.timedelta(days=1 + i % 40),
                phases=["co_design", "co_decision"],
                setting="place",
                run_by=people[i % len(people)],
            )
            for i in range(n)
        )

    def _versions(self, initiative, n: int) -> None:
        start = initiative.canvas_versions.count()
        CanvasVersion.objects.bulk_create(
            CanvasVersion(
                initiative=initiative,
                number=start + i + 1,
                data={"context": {"place": f"Plek {i}"}, "goals": [{"goal": f"Doel {i}"}]},
                changed_sections=["context", "goals"],
                author=self.admin,
            )
            for i in range(n)
        )

    # What each page lists -------------------------------------------------------------------

    def _grow_my_initiatives(self, n: int) -> None:
        initiatives = self._initiatives(n, visibility=Visibility.PRIVATE)
        InitiativeMembership.objects.bulk_create(
            InitiativeMembership(initiative=i, user=self.admin, role=InitiativeRole.LEAD)
            for i in initiatives
        )
        for initiative in initiatives[:50]:
            self._activities(initiative, 2)
            self._versions(initiative, 1)

    def _grow_public_initiatives(self, n: int) -> None:
        self._initiatives(n, visibility=Visibility.PUBLIC)

    def _grow_activities(self, n: int) -> None:
        self._activities(self.initiative, n, run_by=self._users(min(n, 50)))

    def _grow_versions(self, n: int) -> None:
        self._versions(self.initiative, n)

    def _grow_initiative_members(self, n: int) -> None:
        InitiativeMembership.objects.bulk_create(
            InitiativeMembership(initiative=self.initiative, user=u, role=InitiativeRole.PARTNER)
            for u in self._users(n)
        )

    def _grow_org_members(self, n: int) -> None:
        self._users(n)
        Invitation.objects.bulk_create(
            Invitation(
                organisation=self.org,
                email=f"uitgenodigd{next(_serial)}@schaal.example",
                role=OrgRole.OBSERVER,
                token_hash=token_hash(new_token()),
                invited_by=self.admin,
                expires_at=timezone.now() + datetime.timedelta(days=5),
            )
            for _ in range(n)
        )


PAGES = {
    "dashboard": ("my_initiatives", lambda s: reverse("initiatives:dashboard")),
    "initiative_list": ("my_initiatives", lambda s: reverse("initiatives:list")),
    "initiative_detail": (
        "activities",
        lambda s: reverse("initiatives:detail", args=[s.initiative.pk]),
    ),
    "initiative_detail_members": (
        "initiative_members",
        lambda s: reverse("initiatives:detail", args=[s.initiative.pk]),
    ),
    "canvas": ("versions", lambda s: reverse("initiatives:canvas", args=[s.initiative.pk])),
    "canvas_history": (
        "versions",
        lambda s: reverse("initiatives:canvas_history", args=[s.initiative.pk]),
    ),
    "canvas_compare": (
        "versions",
        lambda s: reverse("initiatives:canvas_compare", args=[s.initiative.pk]),
    ),
    "canvas_print": (
        "versions",
        lambda s: reverse("initiatives:canvas_print", args=[s.initiative.pk]),
    ),
    "members": (
        "initiative_members",
        lambda s: reverse("initiatives:members", args=[s.initiative.pk]),
    ),
    "activity_detail": (
        "activities",
        lambda s: reverse("initiatives:activity_detail", args=[s.activity.pk]),
    ),
    "activity_edit": (
        "initiative_members",
        lambda s: reverse("initiatives:activity_edit", args=[s.activity.pk]),
    ),
    "public_list": ("public_initiatives", lambda s: reverse("initiatives:public_list")),
    "public_detail": ("activities", lambda s: s.initiative.get_public_url()),
    "org_members": (
        "org_members",
        lambda s: reverse("accounts:organisation_members", args=[s.org.slug]),
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_query_count_is_the_same_for_10_and_500_items(page):
    what, url = PAGES[page]
    scene = Scene()
    client = Client()
    client.force_login(scene.admin)
    scene.grow(what, 10)
    client.get(url(scene))  # warm caches (content types, translations)
    small, _sql = page_queries(client, url(scene))
    scene.grow(what, 500)
    large, sql = page_queries(client, url(scene))
    assert large == small, "\n".join(sql)


def test_public_list_query_count_is_the_same_for_anonymous_visitors():
    scene = Scene()
    client = Client()
    scene.grow("public_initiatives", 10)
    client.get(reverse("initiatives:public_list"))
    small, _ = page_queries(client, reverse("initiatives:public_list"))
    scene.grow("public_initiatives", 500)
    large, _ = page_queries(client, reverse("initiatives:public_list"))
    assert large == small
