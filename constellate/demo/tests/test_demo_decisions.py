"""Demo decisions: Houten gets a decision log resting on its demo stories, an insight,
statements and the conversation's results; loading the demo again adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from constellate.decisions.models import Decision, EvidenceLink, Milestone

pytestmark = pytest.mark.django_db


def test_demo_decisions_rest_on_evidence_and_load_once():
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    decisions = Decision.objects.filter(initiative__organisation__slug="houten")
    assert decisions.count() == 3
    sources = set(EvidenceLink.objects.values_list("source", flat=True))
    assert sources == {"story", "insight", "statement", "conversation_result", "idea"}
    assert EvidenceLink.objects.filter(outcome="not_taken_up").exclude(reason="").exists()
    # The public "You said, we did" page shows them (Houten's initiative is public).
    initiative = decisions.first().initiative
    page = (
        Client()
        .get(reverse("decisions:public_feedback", args=[initiative.pk, initiative.slug]))
        .content.decode()
    )
    assert all(d.title in page for d in decisions)
    before = (Decision.objects.count(), EvidenceLink.objects.count(), Milestone.objects.count())
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    after = (Decision.objects.count(), EvidenceLink.objects.count(), Milestone.objects.count())
    assert after == before
