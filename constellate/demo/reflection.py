"""Demo reflection sessions and competence checks, written for Constellate.

Three pilots get one closed reflection session each, with the group's answers, agreements and
actions (some open, one of them overdue, one done): Houten and Nieuwegein in Dutch, Hull in
English (see pilots.py for the language choice). Houten's five demo people have each taken the
staff competence check, the facilitator twice, so the team overview (which needs five people)
and the change over time have something to show. People and situations are made up.

`load_demo` calls `load_pilot_reflection` for every pilot. It creates only what is missing: a
session only when the initiative has none, a check only for people who never took one there.

Shape of REFLECTION[slug]:
    constellation (key), facilitator (a people key), days_ago (when the session was held),
    setting, participant_count, participants, agreements,
    answers: one list of answers per scene, in the order of the scene's questions,
    actions: [{description, owner (a people key) or owner_name, due (days from today),
        element (key, optional), done (by the owner, optional)}]
COMPETENCE_CHECKS[slug]: {people key: [scores per check, oldest first, in the order of
    compass/competences.py], ...}; "days_ago" of each earlier check is 90 days per step.
"""

from datetime import timedelta
from typing import Any

from django.utils import timezone

from constellate.compass import services_competences, services_reflection
from constellate.compass.competences import COMPETENCES
from constellate.compass.models import (
    Competence,
    CompetenceCheck,
    Constellation,
    Element,
    ReflectionSession,
)
from constellate.compass.services import framework_ensure

REFLECTION: dict[str, dict[str, Any]] = {
    "houten": {
        "constellation": "ethical_compass",
        "facilitator": "facilitator",
        "days_ago": 12,
        "setting": "room",
        "participant_count": 9,
        "participants": "Vier werkzoekenden, twee klantmanagers, twee buurtverslaggevers, "
        "een werkgever",
        "answers": [
            [
                "De vragenlijst bij het intakegesprek helpt ons, maar niet de klant. Mensen "
                "vertellen pas echt iets als de laptop dicht is.",
                "Door terug te laten zien wat we met hun verhaal gedaan hebben. Dat doen we nu "
                "bijna nooit.",
                "Bij de verhalenronde hoorden we dat mensen zich schamen om naar het loket te "
                "komen. Dat wisten we niet.",
            ],
            [
                "Tot nu toe vooral inspraak: wij bedachten de vragen en de keuzes. Bij de "
                "nieuwe intake beslissen werkzoekenden mee over de volgorde.",
                "Een kop koffie in de bibliotheek op dinsdagochtend, en korte vragen via de "
                "buurtapp.",
                "Jongeren zonder uitkering en mensen die niet goed Nederlands lezen. Via het "
                "jongerenwerk en de taalcafés kunnen we ze bereiken.",
                "De vaste agenda van het werkoverleg. We zetten er voortaan een open punt op "
                "dat deelnemers invullen.",
            ],
        ],
        "agreements": "We voeren intakegesprekken zonder laptop op tafel. Werkzoekenden "
        "krijgen na elke sessie een kort bericht over wat we met hun inbreng doen. We gaan "
        "naar de taalcafés om mensen te spreken die nu niet meedoen.",
        "actions": [
            {
                "description": "Proef: vier weken intakegesprekken zonder laptop, daarna samen "
                "met de klanten terugkijken",
                "owner": "facilitator",
                "due": 16,
                "element": "relationships_first",
            },
            {
                "description": "Na elke bijeenkomst een bericht 'wat we hoorden, wat we doen' "
                "naar alle deelnemers sturen",
                "owner": "admin",
                "due": -3,
                "element": "openness",
            },
            {
                "description": "Twee taalcafés bezoeken en daar het gesprek over het loket voeren",
                "owner": "reporter",
                "due": 5,
                "element": "light_participation",
                "done": True,
            },
            {
                "description": "Een werkgever vragen om een ochtend mee te lopen bij het loket",
                "owner_name": "Karin Smit (werkgeversservicepunt)",
                "due": 30,
                "element": "power_shift",
            },
        ],
    },
    "nieuwegein": {
        "constellation": "catalysts",
        "facilitator": "facilitator",
        "days_ago": 20,
        "setting": "room",
        "participant_count": 11,
        "participants": "Zes bewoners van de flats, twee wijkbeheerders, de "
        "bewonersconsulent, twee tolken",
        "answers": [
            [
                "De bewonerscommissie van flat C en de moskee aan de overkant.",
                "De jongeren die 's avonds bij de containers staan. De buurtcoach kent ze.",
                "Meneer Demir repareert fietsen voor de hele straat; mevrouw Bos kent iedereen "
                "in haar portiek.",
            ],
            [
                "Weinig. Na de keukentafelgesprekken hoorden bewoners drie maanden niets.",
                "Het besluit over de proefcontainers is genomen, maar bewoners weten niet "
                "waarom juist deze plek.",
                "We denken snel dat bewoners 'toch niet komen'. Dat klopt niet als je aan de "
                "deur komt.",
                "Tolken die ook de context uitleggen, en tijd om aan de deur te blijven praten.",
            ],
        ],
        "agreements": "Iedere maand een korte nieuwsbrief in drie talen over de proef. "
        "Meneer Demir en mevrouw Bos vragen of ze sleutelpersoon willen zijn. Het besluit "
        "over de plek van de containers uitleggen op een bord bij de flats.",
        "actions": [
            {
                "description": "Maandelijkse nieuwsbrief over de containerproef in het "
                "Nederlands, Turks en Arabisch",
                "owner": "facilitator",
                "due": 10,
                "element": "openness",
            },
            {
                "description": "Met meneer Demir en mevrouw Bos praten over een rol als "
                "sleutelpersoon",
                "owner": "partner",
                "due": -2,
                "element": "strengths_based",
                "done": True,
            },
            {
                "description": "Een bord bij de flats met uitleg over de plek van de containers",
                "owner": "admin",
                "due": 21,
                "element": "openness",
            },
        ],
    },
    "hull": {
        "constellation": "system",
        "facilitator": "facilitator",
        "days_ago": 8,
        "setting": "online",
        "participant_count": 7,
        "participants": "Four probation officers, two people on probation, one partner "
        "from a training charity",
        "answers": [
            [
                "The three-month review cycle assumes a plan is written once and then "
                "checked. Real plans change every few weeks.",
                "A man told us the fund would help most for a driving test, which our list "
                "did not allow. We changed the list after a month.",
                "The court order decides the end date, but we could agree with the person "
                "what 'done' means for the plan itself.",
                "Officers need time in their week for the plan conversations next to the "
                "statutory meetings.",
            ],
            [
                "How the personal fund is spent is decided by managers only.",
                "A say in the fund rules, and the yearly figures of what the fund paid for.",
                "Only officers evaluate now. People on probation could review plans with us "
                "and hear what changed.",
                "We would ask why people miss appointments at our office, instead of "
                "recording them as non-compliant.",
            ],
        ],
        "agreements": "People on probation join the panel that reviews the fund rules. Each "
        "officer keeps two hours a week free for plan conversations. We publish what the "
        "fund paid for, without names.",
        "actions": [
            {
                "description": "Invite two people on probation to the fund rules panel",
                "owner": "facilitator",
                "due": 14,
                "element": "share_power_risk",
            },
            {
                "description": "Publish a one-page summary of what the fund paid for last quarter",
                "owner": "admin",
                "due": -1,
                "element": "openness",
                "done": True,
            },
            {
                "description": "Ask the training charity how their learners would like to "
                "review their plans",
                "owner": "partner",
                "due": 20,
                "element": "continuous_evaluation",
            },
        ],
    },
}

# Scores per competence in the order of compass/competences.py (listening, sharing power,
# strengths, reaching people, equal conversations, openness, stories and data, designing
# together, learning).
COMPETENCE_CHECKS: dict[str, dict[str, list[list[int]]]] = {
    "houten": {
        "admin": [[4, 3, 3, 2, 4, 3, 3, 2, 4]],
        "facilitator": [[3, 2, 3, 3, 3, 2, 2, 2, 3], [4, 3, 4, 3, 4, 3, 3, 3, 4]],
        "reporter": [[5, 3, 4, 4, 4, 3, 4, 2, 3]],
        "partner": [[3, 2, 4, 3, 3, 2, 2, 3, 3]],
        "observer": [[2, 2, 3, 2, 3, 4, 4, 2, 3]],
    },
}


def load_pilot_reflection(pilot: dict[str, Any], organisation, initiative, people, today) -> dict:
    """Create what is missing of one pilot's demo session and checks. Returns counts."""
    created = {"reflection sessions": 0, "actions": 0, "competence checks": 0}
    spec = REFLECTION.get(pilot["slug"])
    if spec and not ReflectionSession.objects.filter(initiative=initiative).exists():
        created.update(_session(spec, organisation, initiative, people, today))
    checks = COMPETENCE_CHECKS.get(pilot["slug"], {})
    if checks:
        created["competence checks"] = _checks(checks, organisation, people)
    return created


def _session(spec, organisation, initiative, people, today) -> dict[str, int]:
    framework_ensure(organisation=organisation)
    constellation = Constellation.objects.get(organisation=organisation, key=spec["constellation"])
    elements = {e.key: e for e in Element.objects.filter(organisation=organisation)}
    facilitator = people[spec["facilitator"]]
    session = services_reflection.session_start(
        initiative=initiative,
        constellation=constellation,
        actor=facilitator,
        held_on=today - timedelta(days=spec["days_ago"]),
        setting=spec["setting"],
        participant_count=spec["participant_count"],
        participants=spec["participants"],
    )
    # Only the questions the organisation's scenes still have (an admin may have edited them).
    allowed = services_reflection.answer_keys(session.scenes)
    answers = {
        f"{s}-{q}": text
        for s, scene in enumerate(spec["answers"])
        for q, text in enumerate(scene)
        if f"{s}-{q}" in allowed
    }
    services_reflection.session_update(
        session=session, actor=facilitator, answers=answers, agreements=spec["agreements"]
    )
    actions = []
    for item in spec["actions"]:
        action = services_reflection.action_add(
            session=session,
            actor=facilitator,
            description=item["description"],
            owner=people.get(item.get("owner", "")),
            owner_name=item.get("owner_name", ""),
            # Never before the session, so an overdue action stays a valid one.
            due_on=max(today + timedelta(days=item["due"]), session.held_on),
            element=elements.get(item.get("element", "")),
        )
        actions.append((action, item))
    services_reflection.session_close(session=session, actor=facilitator)
    for action, item in actions:
        if item.get("done"):
            services_reflection.action_complete(action=action, actor=people[item["owner"]])
    return {"reflection sessions": 1, "actions": len(actions)}


def _checks(checks, organisation, people) -> int:
    keys = [c["key"] for c in COMPETENCES]
    services_competences.competences_ensure(organisation=organisation)
    active = set(
        Competence.objects.filter(organisation=organisation, is_active=True).values_list(
            "key", flat=True
        )
    )
    if not active <= set(keys):
        return 0  # the organisation added competences of its own that the demo cannot rate
    made = 0
    now = timezone.now()
    for person_key, rounds in checks.items():
        user = people.get(person_key)
        if (
            user is None
            or CompetenceCheck.objects.filter(organisation=organisation, user=user).exists()
        ):
            continue
        for n, scores in enumerate(rounds):
            rated = dict(zip(keys, scores, strict=True))
            check = services_competences.competence_check_submit(
                organisation=organisation,
                user=user,
                scores={key: value for key, value in rated.items() if key in active},
            )
            CompetenceCheck.objects.filter(pk=check.pk).update(
                created_at=now - timedelta(days=90 * (len(rounds) - 1 - n))
            )
            made += 1
    return made
