"""No N+1: the who-is-missing page, the off-line counts page and the join page make the same
number of SQL queries with 10 activities, participations and counts as with 100."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from constellate.accounts.models import Participant, new_token, token_hash
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import member
from constellate.initiatives.choices import Setting
from constellate.initiatives.models import Activity
from constellate.initiatives.tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    InitiativeMembershipFactory,
)
from constellate.initiatives.tests.support import page_queries
from constellate.participation.models import OfflineCount, Participation
from constellate.stakeholders.models import Contact, Stakeholder

pytestmark = pytest.mark.django_db

GROUPS = ["Huurders blok C", "Jongeren", "Ouderen"]
SETTINGS = [Setting.ONLINE, Setting.PLACE, Setting.DOOR_TO_DOOR, Setting.PHONE]


class Scene:
    def __init__(self):
        self.initiative = InitiativeFactory(target_groups=GROUPS)
        self.lead = member(self.initiative.organisation, OrgRole.FACILITATOR)
        InitiativeMembershipFactory(
            initiative=self.initiative, user=self.lead, role=InitiativeRole.LEAD
        )
        self.activity = ActivityFactory(initiative=self.initiative)
        self.n = 0

    def grow(self, target: int) -> None:
        n, self.n = target - self.n, target
        today = timezone.localdate()
        activities = Activity.objects.bulk_create(
            Activity(
                initiative=self.initiative,
                title=f"Activiteit {self.n}-{i}",
                kind="workshop",
                purpose="Tellen.",
                opens_on=today,
                phases=["co_design"],
                setting=SETTINGS[i % 4],
                location=f"Plek {i % 7}",
                join_token=new_token()[:20],
            )
            for i in range(n)
        )
        participants = Participant.objects.bulk_create(
            Participant(pseudonym=f"P{i}", secret_hash=token_hash(new_token())) for i in range(n)
        )
        Participation.objects.bulk_create(
            Participation(
                activity=activities[i],
                participant=participants[i],
                joined_on=today - datetime.timedelta(days=i * 9),
                target_group=(GROUPS + [""])[i % 4],
            )
            for i in range(n)
        )
        OfflineCount.objects.bulk_create(
            OfflineCount(
                activity=activities[i],
                held_on=today - datetime.timedelta(days=i * 5),
                people=10,
                groups={GROUPS[i % 3]: 4},
            )
            for i in range(n)
        )
        # Stakeholders of the target groups and contacts with them (a registered source).
        stakeholders = Stakeholder.objects.bulk_create(
            Stakeholder(
                initiative=self.initiative,
                name=f"Bewoner {self.n}-{i}",
                target_group=GROUPS[i % 3],
                status="suggested" if i % 2 else "contacted",
            )
            for i in range(n)
        )
        Contact.objects.bulk_create(
            Contact(stakeholder=s, kind="visit", happened_on=today) for s in stakeholders
        )


@pytest.mark.parametrize(
    "page",
    ["missing", "missing?per=week", "offline"],
)
def test_pages_cost_the_same_with_more_data(page):
    scene = Scene()
    client = Client()
    client.force_login(scene.lead)
    name, _, query = page.partition("?")
    url = reverse(f"participation:{name}", args=[scene.initiative.pk]) + (
        f"?{query}" if query else ""
    )
    scene.grow(10)
    small = page_queries(client, url)[0]
    scene.grow(100)
    assert page_queries(client, url)[0] == small


def test_join_page_costs_the_same_with_more_participations():
    scene = Scene()
    client = Client()
    client.post(scene.activity.get_join_url(), {"target_group": GROUPS[0]})
    url = scene.activity.get_join_url()
    scene.grow(10)
    small = page_queries(client, url)[0]
    scene.grow(100)
    assert page_queries(client, url)[0] == small
