"""Demo conversations: statements and synthetic votes in the conversation activity of two
pilots (Houten in Dutch, Hull in English), with three opinion groups planted in the votes,
one participant's statement waiting for moderation, and the opinion groups computed, so the
Conversations tab and the report have something to show.

`load_demo` calls `load_pilot_conversation` for every pilot; it adds nothing to a
conversation that already has statements, so running it twice changes nothing."""

import random
from datetime import date
from typing import Any

from constellate.accounts.models import User
from constellate.accounts.services import participant_create
from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import Statement, Vote
from constellate.deliberation.services_conversations import (
    conversation_ensure,
    opinion_compute_now,
)
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Initiative

# Per pilot slug: the topic, then statements with the group (0, 1, 2) that agrees with each
# (None: everybody agrees), and a participant's statement waiting for moderation.
_CONVERSATIONS: dict[str, dict[str, Any]] = {
    "houten": {
        "topic": "Wat moet er anders bij werk en inkomen?",
        "statements": [
            ("Ik wil één vaste consulent die mijn situatie kent.", None),
            ("Formulieren moeten korter en in gewone taal.", None),
            ("Een afspraak aan huis helpt mij meer dan een gesprek op het gemeentehuis.", 0),
            ("Buurtgenoten die het zelf meemaakten, kunnen mij goed helpen.", 0),
            ("Het wijkcentrum is een goede plek voor spreekuren.", 0),
            ("Ik regel het liefst alles online, wanneer het mij uitkomt.", 1),
            ("Een app met de stand van mijn aanvraag zou veel schelen.", 1),
            ("Bellen met de gemeente kost me te veel tijd.", 1),
            ("Werkgevers moeten meer stageplekken bieden.", 2),
            ("Vrijwilligerswerk moet meetellen als stap naar werk.", 2),
            ("De regels voor bijverdienen zijn te streng.", 2),
            ("De gemeente moet vaker laten weten wat ze met onze ideeën doet.", None),
        ],
        "pending": "Kinderopvang tijdens gesprekken zou helpen.",
    },
    "hull": {
        "topic": "How should the personal fund be spent?",
        "statements": [
            ("People on probation should help decide how the fund is spent.", None),
            ("Requests should be answered within two weeks.", None),
            ("The fund should pay for training courses and tickets to interviews.", 0),
            ("Work clothes and tools are the most useful things the fund can buy.", 0),
            ("Help with rent arrears keeps people out of trouble.", 1),
            ("The fund should pay deposits for a first flat.", 1),
            ("Phone credit and a bus pass matter more than anything else.", 1),
            ("Family visits should be paid for by the fund.", 2),
            ("Sports and hobbies help people start again.", 2),
            ("A mentor with lived experience should support each request.", 2),
        ],
        "pending": "The panel should meet in the evening so people who work can come.",
    },
}

GROUP_SIZES = (14, 11, 8)


def load_pilot_conversation(
    pilot: dict[str, Any], initiative: Initiative, people: dict[str, User], today: date
) -> dict[str, int]:
    spec = _CONVERSATIONS.get(pilot["slug"])
    activity = initiative.activities.filter(kind=ActivityKind.CONVERSATION).order_by("pk").first()
    if spec is None or activity is None:
        return {}
    conversation = conversation_ensure(activity=activity)
    if conversation.statements.exists():
        return {}
    conversation.topic = spec["topic"]
    conversation.save(update_fields=["topic", "updated_at"])
    author = people.get("facilitator") or next(iter(people.values()))
    made = [
        Statement.objects.create(
            conversation=conversation,
            text=text,
            author_user=author,
            status=StatementStatus.ACCEPTED,
        )
        for text, _group in spec["statements"]
    ]
    rng = random.Random(pilot["slug"])
    votes = []
    participants = []
    for group, size in enumerate(GROUP_SIZES):
        for _n in range(size):
            participant, _secret = participant_create(activity=activity)
            participants.append(participant)
            for statement, (_text, agrees) in zip(made, spec["statements"], strict=True):
                if rng.random() < 0.15:
                    continue  # not seen
                if agrees is None or agrees == group:
                    value = 1 if rng.random() < 0.85 else 0
                else:
                    value = -1 if rng.random() < 0.7 else rng.choice((0, 1))
                votes.append(
                    Vote(
                        conversation=conversation,
                        statement=statement,
                        participant=participant,
                        value=value,
                    )
                )
    Vote.objects.bulk_create(votes)
    Statement.objects.create(
        conversation=conversation,
        text=spec["pending"],
        author_participant=participants[0],
        status=StatementStatus.PENDING,
    )
    opinion_compute_now(conversation=conversation)
    return {"conversation statements": len(made) + 1, "conversation votes": len(votes)}
