"""Builders for conversation tests: a conversation activity, statements and synthetic votes
with planted opinion groups."""

import random

from constellate.accounts.services import participant_create
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Statement, Vote
from constellate.deliberation.services_conversations import conversation_ensure
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory


def conversation_activity(**kwargs):
    kwargs.setdefault("kind", ActivityKind.CONVERSATION)
    kwargs.setdefault("title", "Gesprek over het loket")
    activity = ActivityFactory(**kwargs)
    return activity, conversation_ensure(activity=activity)


def statements(conversation, texts, status=StatementStatus.ACCEPTED):
    return [
        Statement.objects.create(conversation=conversation, text=t, status=status) for t in texts
    ]


def planted_votes(conversation, sizes=(14, 12), n_statements=12, seed=1):
    """Groups of the given sizes: group g agrees with "its" statements (the g-th block) and
    disagrees with the other groups' blocks; everyone agrees with the last statement (the
    common ground). A few random passes keep it realistic. Returns (statements, participants
    per group)."""
    rng = random.Random(seed)
    texts = [f"Stelling {i + 1}" for i in range(n_statements - 1)] + ["Iedereen eens"]
    made = statements(conversation, texts)
    block = (n_statements - 1) // len(sizes)
    groups = []
    rows = []
    for g, size in enumerate(sizes):
        people = [participant_create(activity=conversation.activity)[0] for _ in range(size)]
        groups.append(people)
        for person in people:
            for i, statement in enumerate(made):
                common = i == n_statements - 1
                value = 1 if common or i // block == g else -1
                if rng.random() < 0.08:
                    value = 0
                rows.append(
                    Vote(
                        conversation=conversation,
                        statement=statement,
                        participant=person,
                        value=value,
                    )
                )
    Vote.objects.bulk_create(rows)
    return made, groups


# Idea rounds ---------------------------------------------------------------------------------


def idea_round_activity(**kwargs):
    from constellate.deliberation.services_ideas import idea_round_ensure

    kwargs.setdefault("kind", ActivityKind.IDEA_ROUND)
    kwargs.setdefault("title", "Ideeën voor de bibliotheek")
    activity = ActivityFactory(**kwargs)
    return activity, idea_round_ensure(activity=activity)


def ideas(idea_round, titles, moderation="published", participant=None):
    from constellate.deliberation.models import Idea

    return [
        Idea.objects.create(
            idea_round=idea_round,
            title=t,
            description=f"Uitleg bij {t}",
            author_participant=participant,
            moderation=moderation,
        )
        for t in titles
    ]
