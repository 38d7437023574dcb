"""Demo stories: a few stories with consent in the story-gathering activity of some pilots,
in the pilot's language, so the Stories tab and "Who is missing" have something to show.
Text only (no files). Some are told through the activity's link by a pseudonymous
participant (when the activity is open), the others entered by the pilot's community
reporter on the teller's behalf.

Houten also keeps a few named places (neighbourhoods, the town centre); some of its tellers
share which place their story is about, and a published public package of its public stories
shows them on a map.

`load_demo` calls `load_pilot_stories` for every pilot; it adds nothing to an activity that
already has stories, so running it twice changes nothing."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from constellate.accounts.models import User
from constellate.accounts.services import participant_create
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Initiative
from constellate.stories import services, services_mobilise
from constellate.stories.choices import Audience, Keep, PackageVisibility, StoryType
from constellate.stories.models import Place, Story

# Per pilot slug: (type, channel, who may hear it, days ago, title, text, scale answers, and
# optionally the name of the place the teller shares, one of _PLACES).
# Channel "online" means told through the link (when the activity is open).
_STORIES: dict[str, list[tuple[Any, ...]]] = {
    "houten": [
        (
            StoryType.SNAPSHOT,
            "face_to_face",
            Audience.ORGANISATION,
            40,
            "Drie keer hetzelfde formulier",
            "Ik moest drie keer hetzelfde formulier invullen, steeds voor een andere "
            "afdeling. Niemand wist dat ik het al had gedaan. Dat kost me dagen en ik werd "
            "er heel onzeker van.",
            {"about": "me", "feeling": "bad"},
            "Centrum (Het Rond)",
        ),
        (
            StoryType.TESTIMONY,
            "phone",
            Audience.PUBLIC,
            33,
            "Een vaste consulent",
            "Sinds ik één vaste consulent heb, durf ik weer te bellen. Ze kent mijn situatie "
            "en ik hoef niet alles opnieuw te vertellen.",
            {"about": "me", "feeling": "good"},
            "Houten-Zuid",
        ),
        (
            StoryType.DIALOGUE,
            "paper",
            Audience.TEAM,
            28,
            "",
            "Mijn buurvrouw en ik vroegen elkaar wat helpt bij werk zoeken. Voor haar was "
            "het een stage via de bibliotheek, voor mij een vrijwilliger die meekeek naar "
            "mijn cv.",
            {"about": "neighbourhood", "feeling": "neutral"},
            "Oud-Houten",
        ),
        (
            StoryType.SNAPSHOT,
            "paper",
            Audience.PUBLIC,
            21,
            "Koffie in de bibliotheek",
            "Elke dinsdag is er een koffieochtend over werk in de bibliotheek. Daar hoorde ik "
            "van een baan bij de supermarkt. Zonder die ochtend had ik het nooit geweten.",
            {"about": "me", "feeling": "good"},
            "Centrum (Het Rond)",
        ),
        (
            StoryType.SNAPSHOT,
            "face_to_face",
            Audience.PUBLIC,
            14,
            "De bus rijdt te laat",
            "Ik kan werken op het bedrijventerrein, maar de eerste bus komt daar pas om half "
            "negen. Zonder rijbewijs haal ik de vroege dienst niet.",
            {"about": "neighbourhood", "feeling": "bad"},
            "Houten-Zuid",
        ),
    ],
    "wroclaw": [
        (
            StoryType.SNAPSHOT,
            "online",
            Audience.ORGANISATION,
            20,
            "Sunday afternoons",
            "Sunday afternoons are the longest. The community room is closed and my "
            "daughter lives in another city. A neighbour now knocks on my door after lunch.",
            {"about": "me", "feeling": "neutral"},
        ),
        (
            StoryType.TESTIMONY,
            "face_to_face",
            Audience.PUBLIC,
            12,
            "",
            "The stairs are the hardest part of my week. When the lift broke for a month I "
            "did not go out at all.",
            {"about": "me", "feeling": "very_bad"},
        ),
    ],
    "voru-county": [
        (
            StoryType.SNAPSHOT,
            "online",
            Audience.ORGANISATION,
            25,
            "The bus that stopped coming",
            "Since the village bus stopped, my mother cannot get to the health centre on "
            "her own. We take turns driving her, but not every family can.",
            {"about": "family", "feeling": "bad"},
        ),
        (
            StoryType.TESTIMONY,
            "phone",
            Audience.TEAM,
            9,
            "",
            "The social worker came to our farm instead of asking us to come to town. It "
            "was the first time someone saw how we really live.",
            {"about": "family", "feeling": "good"},
        ),
    ],
    "turku": [
        (
            StoryType.DIALOGUE,
            "face_to_face",
            Audience.ORGANISATION,
            30,
            "Asking for help",
            "We asked each other what happened the last time we asked for help. Both of us "
            "were sent to a website first. A real person only answered after two weeks.",
            {"about": "others", "feeling": "bad"},
        ),
    ],
}

CONSENT = {"analysis": True, "quotes": True, "named": False, "keep": Keep.TWO_YEARS}

# Per pilot slug: the places its team keeps (name, latitude, longitude).
_PLACES: dict[str, list[tuple[str, float, float]]] = {
    "houten": [
        ("Centrum (Het Rond)", 52.0283, 5.1683),
        ("Oud-Houten", 52.0339, 5.1602),
        ("Houten-Zuid", 52.0128, 5.1660),
        ("Loerik", 52.0212, 5.1861),
    ],
}

# Per pilot slug: a published public package of its public stories (title, introduction).
_PACKAGES: dict[str, tuple[str, str]] = {
    "houten": (
        "Wat inwoners vertellen over werk zoeken",
        "Verhalen die inwoners ons vertelden over werk zoeken in Houten. Op de kaart staan "
        "alleen de plekken die vertellers zelf wilden delen.",
    ),
}


def load_pilot_stories(
    pilot: dict[str, Any], initiative: Initiative, people: dict[str, User], today: date
) -> dict[str, int]:
    stories = _STORIES.get(pilot["slug"], [])
    activity = (
        initiative.activities.filter(kind=ActivityKind.STORY_GATHERING).order_by("pk").first()
    )
    if not stories or activity is None or Story.all_objects.filter(activity=activity).exists():
        return {}
    reporter = people.get("reporter") or next(iter(people.values()))
    # Places outlive the activity (they belong to the initiative): reuse those already there.
    places = {p.name: p for p in Place.objects.filter(initiative=initiative)}
    for name, latitude, longitude in _PLACES.get(pilot["slug"], []):
        if name not in places:
            places[name] = services.place_save(
                initiative=initiative, name=name, latitude=latitude, longitude=longitude
            )
    made = 0
    public = []
    for story_type, channel, audience, days_ago, title, text, answers, *place in stories:
        consent = {
            **CONSENT,
            "audience": audience,
            "place": places.get(place[0]) if place else None,
        }
        if channel == "online" and activity.is_open_on(today):
            participant, _secret = participant_create(activity=activity)
            story, _secret = services.story_tell(
                activity=activity,
                participant=participant,
                story_type=story_type,
                text=text,
                title=title,
                language=pilot["language"],
            )
            services.consent_give(story=story, **consent)
            services.scale_answers_save(story=story, answers=answers)
        else:
            story, _secret = services.story_record(
                activity=activity,
                reporter=reporter,
                story_type=story_type,
                channel="face_to_face" if channel == "online" else channel,
                teller_agreed=True,
                consent=consent,
                text=text,
                title=title,
                language=pilot["language"],
                answers=answers,
            )
        # Spread over the weeks the activity ran, so the list reads like real gathering.
        told = max(activity.opens_on, today - timedelta(days=days_ago))
        Story.all_objects.filter(pk=story.pk).update(
            created_at=timezone.now() - timedelta(days=(today - told).days)
        )
        made += 1
        if audience == Audience.PUBLIC:
            public.append(story)
    result = {"stories": made, "places": len(places)}
    if pilot["slug"] in _PACKAGES and public and initiative.is_public:
        title, introduction = _PACKAGES[pilot["slug"]]
        package = services_mobilise.package_save(
            initiative=initiative,
            actor=reporter,
            title=title,
            introduction=introduction,
            visibility=PackageVisibility.PUBLIC,
            stories=public,
        )
        services_mobilise.package_publish(package=package, actor=reporter)
        result["packages"] = 1
    return result
