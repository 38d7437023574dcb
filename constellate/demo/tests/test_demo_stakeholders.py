"""The demo's stakeholder maps (demo/stakeholders.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from constellate.demo.stakeholders import STAKEHOLDERS
from constellate.stakeholders import selectors
from constellate.stakeholders.models import Contact, EngagementChange, ReferralLink, Stakeholder

pytestmark = pytest.mark.django_db


def load_demo() -> None:
    call_command("load_demo", "--no-superuser", stdout=StringIO())


def test_pilots_get_snowball_maps_once():
    load_demo()
    counts = {
        slug: Stakeholder.objects.filter(initiative__organisation__slug=slug).count()
        for slug in STAKEHOLDERS
    }
    assert counts == {slug: len(spec["people"]) for slug, spec in STAKEHOLDERS.items()}
    assert {"houten", "nieuwegein", "hull"} <= set(STAKEHOLDERS)
    load_demo()
    assert Stakeholder.objects.count() == sum(counts.values())
    assert ReferralLink.objects.count() == len(STAKEHOLDERS)


def test_houten_map_has_a_deep_chain_contacts_and_history():
    load_demo()
    jongeren = Stakeholder.objects.get(description__startswith="Jongeren van de sportkantine")
    path = [step["label"] for step in selectors.reached_via(jongeren, show_names=True)]
    assert len(path) == 4 and path[0] == "Team klantmanagers Werk en Inkomen"
    ahmed = Stakeholder.objects.get(name="Ahmed B.")
    assert EngagementChange.objects.filter(stakeholder=ahmed).count() == 3
    today = timezone.localdate()
    assert Contact.objects.filter(follow_up_on__lt=today, follow_up_done=False).exists()
    assert not Stakeholder.objects.exclude(phone="", email="").exists()
    nodes, edges = selectors.network_for_initiative(initiative=ahmed.initiative)
    assert len(nodes) == 8 and len(edges) >= 10
