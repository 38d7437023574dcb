"""Demo idea rounds: ideas with supports, comments and the team's responses in the idea round
of two pilots (Houten in Dutch, Athens in English), one idea merged into its duplicate and
one waiting for moderation, so the Ideas tab, the list through the link and the public page
have something to show.

`load_demo` calls `load_pilot_ideas` for every pilot; it adds nothing to a round that
already has ideas, so running it twice changes nothing."""

import random
from datetime import date
from typing import Any

from constellate.accounts.models import User
from constellate.accounts.services import participant_create
from constellate.deliberation import services_ideas as services
from constellate.deliberation.choices import IdeaChannel, IdeaModeration, IdeaStatus
from constellate.deliberation.models import Idea
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Initiative

# Per pilot slug: ideas as (title, description, supporters, response status, response,
# reason), the duplicate merged into the first idea, and an idea waiting for moderation.
_IDEAS: dict[str, dict[str, Any]] = {
    "houten": {
        "question": "Wat kan er beter bij werk en inkomen?",
        "ideas": [
            (
                "Spreekuur in de bibliotheek",
                "Elke woensdag een consulent in de bibliotheek, zonder afspraak. Daar kom ik "
                "toch al, en het voelt minder zwaar dan het gemeentehuis.",
                14,
                IdeaStatus.TAKEN_UP,
                "Vanaf maart zit er elke woensdagmiddag een consulent in de bibliotheek.",
                "",
            ),
            (
                "Brieven in gewone taal",
                "Ik snap de brieven van de gemeente vaak niet. Schrijf ze korter en gewoon.",
                11,
                IdeaStatus.CONSIDERING,
                "We laten alle standaardbrieven dit voorjaar herschrijven, samen met bewoners.",
                "",
            ),
            (
                "Een app met de stand van mijn aanvraag",
                "Dan hoef ik niet te bellen om te horen hoe het ervoor staat.",
                7,
                IdeaStatus.NOT_TAKEN_UP,
                "We maken geen eigen app.",
                "Een eigen app is te duur voor een gemeente van onze grootte. Je ziet de "
                "stand van je aanvraag wel in Mijn Houten.",
            ),
            (
                "Vrijwilligerswerk laten meetellen",
                "Als ik vrijwilligerswerk doe, wil ik dat dat meetelt als stap naar werk.",
                5,
                None,
                "",
                "",
            ),
        ],
        "duplicate": (
            "Consulent in de bieb",
            "Een vast spreekuur in de bibliotheek zou fijn zijn.",
            4,
        ),
        "pending": (
            "Kinderopvang tijdens gesprekken",
            "Dan kan ik ook komen als de kinderen vrij zijn.",
        ),
    },
    "athens": {
        "question": "Where do you want shade in the neighbourhood?",
        "ideas": [
            (
                "Trees along the school route",
                "The walk to the primary school has no shade at all in June.",
                12,
                IdeaStatus.TAKEN_UP,
                "Twelve trees will be planted along the route this autumn.",
                "",
            ),
            (
                "A canopy over the bus stop on the square",
                "Older people wait in the sun for twenty minutes.",
                9,
                IdeaStatus.CONSIDERING,
                "We are asking the transport company to share the costs.",
                "",
            ),
            (
                "Water fountains in the park",
                "Shade is good, but people also need water on hot days.",
                6,
                None,
                "",
                "",
            ),
        ],
        "duplicate": (
            "Shade for children walking to school",
            "Plant trees on the street to the school.",
            3,
        ),
        "pending": ("Green roof on the community centre", "It would cool the hall in summer."),
    },
}


def load_pilot_ideas(
    pilot: dict[str, Any], initiative: Initiative, people: dict[str, User], today: date
) -> dict[str, int]:
    spec = _IDEAS.get(pilot["slug"])
    activity = initiative.activities.filter(kind=ActivityKind.IDEA_ROUND).order_by("pk").first()
    if spec is None or activity is None:
        return {}
    idea_round = services.idea_round_ensure(activity=activity)
    if idea_round.ideas.exists():
        return {}
    team = next(
        (u for u in people.values() if u.has_perm("deliberation.run_idea_round", activity)), None
    )
    if team is None:
        return {}
    idea_round.question = spec["question"]
    idea_round.save(update_fields=["question", "updated_at"])
    rng = random.Random(pilot["slug"])
    crowd = [participant_create(activity=activity)[0] for _ in range(18)]
    made: list[Idea] = []
    supports = 0

    def add(title, description, n_supporters, author):
        nonlocal supports
        idea = Idea.objects.create(
            idea_round=idea_round,
            title=title,
            description=description,
            author_participant=author,
            channel=IdeaChannel.LINK,
            moderation=IdeaModeration.PUBLISHED,
        )
        for person in rng.sample(crowd, n_supporters):
            supports += services.idea_support(idea=idea, participant=person)
        return idea

    for n, (title, description, n_supporters, status, response, reason) in enumerate(spec["ideas"]):
        idea = add(title, description, n_supporters, crowd[n])
        if status is not None:
            services.idea_respond(
                idea=idea, actor=team, status=status, response=response, reason=reason
            )
        made.append(idea)
    services.idea_comment_add(
        idea=made[0],
        participant=crowd[-1],
        text="Goed idee!" if pilot["slug"] == "houten" else "Yes, please!",
    )
    title, description, n_supporters = spec["duplicate"]
    duplicate = add(title, description, n_supporters, crowd[-2])
    services.idea_merge(source=duplicate, target=made[0], actor=team)
    title, description = spec["pending"]
    Idea.objects.create(
        idea_round=idea_round,
        title=title,
        description=description,
        author_participant=crowd[-3],
        moderation=IdeaModeration.PENDING,
    )
    return {"ideas": len(made) + 2, "idea supports": supports}
