"""Demo conversations: Houten and Hull get a conversation with statements, votes and three
opinion groups of at least five people on the report; loading the demo again adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from constellate.deliberation.models import Conversation, OpinionResult, Statement, Vote
from constellate.deliberation.selectors_conversations import conversation_report

pytestmark = pytest.mark.django_db


def test_demo_conversations_show_opinion_groups_and_load_once():
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    with_statements = Conversation.objects.filter(statements__isnull=False).distinct()
    slugs = {c.activity.initiative.organisation.slug for c in with_statements}
    assert slugs == {"houten", "hull"}
    for conversation in with_statements:
        report = conversation_report(conversation=conversation)
        assert 2 <= len(report.groups) <= 3, conversation
        assert all(g.size >= 5 for g in report.groups)
        assert report.consensus
        assert conversation.statements.filter(status="pending").count() == 1
    before = (Statement.objects.count(), Vote.objects.count(), OpinionResult.objects.count())
    call_command("load_demo", "--no-superuser", stdout=StringIO())
    after = (Statement.objects.count(), Vote.objects.count(), OpinionResult.objects.count())
    assert after == before
