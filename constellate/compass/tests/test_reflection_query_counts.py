"""No N+1 on the reflection and competence pages: the same number of SQL queries with 10 items
as with 100. Rows are bulk-created so the test stays fast."""

import datetime
from itertools import count

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.models import Membership, User
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.compass.models import (
    CompetenceCheck,
    CompetenceScore,
    ReflectionAction,
    ReflectionSession,
)
from constellate.compass.services_reflection import scenes_snapshot
from constellate.compass.tests.factories import constellations, framework
from constellate.compass.tests.factories_reflection import competences
from constellate.initiatives.models import Initiative, InitiativeMembership
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import page_queries

pytestmark = pytest.mark.django_db

_serial = count()
TODAY = timezone.localdate()


class Scene:
    def __init__(self):
        self.org = OrganisationFactory(slug="telling")
        self.lead = member(self.org, OrgRole.FACILITATOR)
        self.initiative = InitiativeFactory(organisation=self.org)
        InitiativeMembershipFactory(
            initiative=self.initiative, user=self.lead, role=InitiativeRole.LEAD
        )
        self.constellations = list(constellations(self.org).values())
        self.elements = list(framework(self.org).values())
        self.session = self._sessions(self.initiative, 1)[0]
        self.counts: dict[str, int] = {}

    def grow(self, what: str, target: int) -> None:
        n = target - self.counts.get(what, 0)
        self.counts[what] = target
        getattr(self, f"_grow_{what}")(n)

    def _users(self, n: int, role=OrgRole.REPORTER) -> list[User]:
        users = [User(email=f"q{next(_serial)}@telling.example") for _ in range(n)]
        for user in users:
            user.username = user.email
            user.display_name = f"Persoon {user.email}"
            user.set_unusable_password()
        users = User.objects.bulk_create(users)
        Membership.objects.bulk_create(
            Membership(organisation=self.org, user=u, role=role) for u in users
        )
        return users

    def _sessions(self, initiative, n: int) -> list[ReflectionSession]:
        return ReflectionSession.objects.bulk_create(
            ReflectionSession(
                initiative=initiative,
                constellation=(c := self.constellations[i % 3]),
                held_on=TODAY - datetime.timedelta(days=i),
                setting="room",
                scenes=scenes_snapshot(c),
                answers={"0-0": "Antwoord"},
                facilitator=self.lead,
            )
            for i in range(n)
        )

    def _actions(self, session, n: int, owners: list[User], done_every: int = 4) -> None:
        ReflectionAction.objects.bulk_create(
            ReflectionAction(
                initiative=session.initiative,
                session=session,
                description=f"Actie {next(_serial)}",
                owner=owners[i % len(owners)] if owners else None,
                owner_name="" if owners else "Iemand",
                due_on=TODAY + datetime.timedelta(days=i % 20 - 5),
                element=self.elements[i % len(self.elements)],
                done_by=self.lead if done_every and i % done_every == 0 else None,
                status="done" if done_every and i % done_every == 0 else "open",
                done_at=timezone.now() if done_every and i % done_every == 0 else None,
            )
            for i in range(n)
        )

    def _grow_sessions(self, n: int) -> None:
        for session in self._sessions(self.initiative, n):
            self._actions(session, 2, [self.lead])

    def _grow_actions(self, n: int) -> None:
        users = self._users(min(n, 30))
        InitiativeMembership.objects.bulk_create(
            InitiativeMembership(initiative=self.initiative, user=u, role=InitiativeRole.PARTNER)
            for u in users
        )
        self._actions(self.session, n, users)

    def _grow_my_actions(self, n: int) -> None:
        """Open actions owned by the lead, in several initiatives."""
        initiatives = Initiative.objects.bulk_create(
            Initiative(organisation=self.org, title=f"I {i}", slug=f"i-{next(_serial)}")
            for i in range(max(1, n // 10))
        )
        InitiativeMembership.objects.bulk_create(
            InitiativeMembership(initiative=i, user=self.lead, role=InitiativeRole.LEAD)
            for i in initiatives
        )
        for k, initiative in enumerate(initiatives):
            session = self._sessions(initiative, 1)[0]
            share = n // len(initiatives) + (1 if k < n % len(initiatives) else 0)
            self._actions(session, share, [self.lead], done_every=0)

    def _grow_people(self, n: int) -> None:
        """Competence checks: `n` more people, each with two checks."""
        items = competences(self.org)
        for user in self._users(n):
            for days in (40, 1):
                check = CompetenceCheck.objects.create(
                    organisation=self.org,
                    user=user,
                    created_at=timezone.now() - datetime.timedelta(days=days),
                )
                CompetenceScore.objects.bulk_create(
                    CompetenceScore(competence_check=check, competence=c, score=1 + (i + days) % 5)
                    for i, c in enumerate(items)
                )

    def _grow_my_checks(self, n: int) -> None:
        items = competences(self.org)
        for i in range(n):
            check = CompetenceCheck.objects.create(
                organisation=self.org,
                user=self.lead,
                created_at=timezone.now() - datetime.timedelta(days=100 - i),
            )
            CompetenceScore.objects.bulk_create(
                CompetenceScore(competence_check=check, competence=c, score=1 + i % 5)
                for c in items
            )


PAGES = {
    "session_list": (
        "sessions",
        lambda s: reverse("compass:reflection_list", args=[s.initiative.pk]),
    ),
    "action_list_open": (
        "actions",
        lambda s: reverse("compass:reflection_actions", args=[s.initiative.pk]),
    ),
    "action_list_all": (
        "actions",
        lambda s: reverse("compass:reflection_actions", args=[s.initiative.pk]) + "?show=all",
    ),
    "session_detail": (
        "actions",
        lambda s: reverse("compass:reflection_session", args=[s.session.pk]),
    ),
    "session_print": (
        "actions",
        lambda s: reverse("compass:reflection_print", args=[s.session.pk]),
    ),
    "initiative_overview": (
        "actions",
        lambda s: reverse("initiatives:detail", args=[s.initiative.pk]),
    ),
    "dashboard": ("my_actions", lambda s: reverse("initiatives:dashboard")),
    "competence_team": (
        "people",
        lambda s: reverse("compass:competence_team", args=[s.org.slug]),
    ),
    "competence_mine": (
        "my_checks",
        lambda s: reverse("compass:competences", args=[s.org.slug]),
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_query_count_is_the_same_for_10_and_100_items(page):
    what, url = PAGES[page]
    scene = Scene()
    client = Client()
    client.force_login(scene.lead)
    scene.grow(what, 10)
    client.get(url(scene))  # warm caches (content types, translations)
    small, _sql = page_queries(client, url(scene))
    scene.grow(what, 100)
    large, sql = page_queries(client, url(scene))
    assert large == small, "\n".join(sql)


def test_dashboard_panel_lists_at_most_ten_actions_and_counts_the_rest():
    scene = Scene()
    scene.grow("my_actions", 25)
    client = Client()
    client.force_login(scene.lead)
    response = client.get(reverse("initiatives:dashboard"))
    panel = next(p for p in response.context["panels"] if "my_actions" in p)
    assert len(panel["my_actions"]) == 10
    assert panel["my_actions_total"] == 25
    dues = [a.due_on for a in panel["my_actions"]]
    assert dues == sorted(dues)
