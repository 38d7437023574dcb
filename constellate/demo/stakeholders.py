"""Demo stakeholder maps, written for Constellate: Houten and Nieuwegein in Dutch, Hull in
English. Each has a snowball (who introduced whom, several steps deep), relations, contacts
with follow-ups (one overdue), engagement levels that changed over time and a referral link.
People, groups and situations are made up; no demo person has contact details.

`load_demo` calls `load_pilot_stakeholders` for every pilot; it creates a map only for an
initiative that has no stakeholders yet, so running it twice changes nothing.

Shape of STAKEHOLDERS[slug]:
    people: [{key, name or description, entity, kind, target_group (one of the pilot's),
        roles, strengths, languages, reach_way, reach_place, introduced_by (a key), status,
        levels (oldest first)}]
    relations: [(source key, target key, kind)]
    contacts: [{who (key), kind, days_ago, outcome, next_step, follow_up (days from today),
        by (a people key of the pilot)}]
    referral: {shared_by (key), label}
"""

from datetime import timedelta
from typing import Any

from constellate.stakeholders import services
from constellate.stakeholders.models import Stakeholder

STAKEHOLDERS: dict[str, dict[str, Any]] = {
    "houten": {
        "people": [
            {
                "key": "km",
                "target_group": "Klantmanagers",
                "name": "Team klantmanagers Werk en Inkomen",
                "entity": "group",
                "kind": "front_line",
                "roles": ["delivery", "specDes"],
                "strengths": ["kennen de regels", "zien elke week werkzoekenden"],
                "status": "engaged",
                "levels": ["consulted", "collaborating"],
            },
            {
                "key": "ahmed",
                "target_group": "Langdurig werkzoekenden",
                "name": "Ahmed B.",
                "kind": "service_user",
                "roles": ["user"],
                "strengths": ["twintig jaar magazijnervaring", "spreekt Arabisch en Nederlands"],
                "languages": ["nl", "ar"],
                "reach_way": "place",
                "reach_place": "Bibliotheek, dinsdagochtend",
                "introduced_by": "km",
                "status": "engaged",
                "levels": ["informed", "involved", "co_deciding"],
            },
            {
                "key": "moskee",
                "name": "Stichting Al Amal",
                "entity": "organisation",
                "kind": "ngo",
                "roles": ["beneficiary"],
                "strengths": ["ruimte voor bijeenkomsten", "vertrouwen in de wijk"],
                "introduced_by": "ahmed",
                "status": "contacted",
                "levels": ["informed"],
            },
            {
                "key": "els",
                "target_group": "Langdurig werkzoekenden",
                "name": "Els K.",
                "kind": "service_user",
                "roles": ["user"],
                "strengths": ["schrijft goed", "was vrijwilliger bij de voedselbank"],
                "reach_way": "through_someone",
                "introduced_by": "ahmed",
                "status": "engaged",
                "levels": ["consulted", "involved"],
            },
            {
                "key": "voedselbank",
                "name": "Voedselbank Houten",
                "entity": "organisation",
                "kind": "ngo",
                "roles": ["delivery"],
                "strengths": ["ziet wie het moeilijk heeft"],
                "introduced_by": "els",
                "status": "contacted",
                "levels": ["informed"],
            },
            {
                "key": "jongeren",
                "description": "Jongeren van de sportkantine bij De Slinge",
                "entity": "group",
                "kind": "resident",
                "roles": ["beneficiary"],
                "reach_way": "place",
                "reach_place": "Sportpark De Slinge, zaterdag",
                "introduced_by": "voedselbank",
                "status": "suggested",
                "levels": [],
            },
            {
                "key": "bakkerij",
                "target_group": "Werkgevers uit de regio",
                "name": "Bakkerij Van Leeuwen",
                "entity": "organisation",
                "kind": "business",
                "roles": ["deployment"],
                "strengths": ["biedt leerwerkplekken", "kent andere ondernemers"],
                "introduced_by": "km",
                "status": "engaged",
                "levels": ["informed", "collaborating"],
            },
            {
                "key": "wethouder",
                "name": "Wethouder Werk en Inkomen",
                "kind": "politician",
                "roles": ["policyDef", "initiator"],
                "status": "contacted",
                "levels": ["informed"],
            },
        ],
        "relations": [
            ("km", "bakkerij", "works_with"),
            ("ahmed", "moskee", "trusts"),
            ("moskee", "jongeren", "works_with"),
            ("els", "km", "conflict"),
            ("km", "wethouder", "works_with"),
        ],
        "contacts": [
            {
                "who": "ahmed",
                "kind": "visit",
                "days_ago": 20,
                "by": "reporter",
                "outcome": "Vertelde over zijn zoektocht naar werk; wil meedenken over de intake.",
                "next_step": "Uitnodigen voor de ontwerpsessie",
                "follow_up": -2,
            },
            {
                "who": "moskee",
                "kind": "meeting",
                "days_ago": 9,
                "by": "facilitator",
                "outcome": "Bestuur wil een inloopavond in hun zaal houden.",
                "next_step": "Datum voor de inloopavond afspreken",
                "follow_up": 3,
            },
            {
                "who": "bakkerij",
                "kind": "call",
                "days_ago": 4,
                "by": "facilitator",
                "outcome": "Twee leerwerkplekken vanaf volgende maand.",
                "next_step": "",
                "follow_up": None,
            },
            {
                "who": "jongeren",
                "kind": "door_to_door",
                "days_ago": 1,
                "by": "reporter",
                "outcome": "Nog niemand gesproken; trainer was er niet.",
                "next_step": "Zaterdag opnieuw langsgaan",
                "follow_up": 5,
            },
        ],
        "referral": {"shared_by": "ahmed", "label": "Koffieochtend bibliotheek"},
    },
    "nieuwegein": {
        "people": [
            {
                "key": "corporatie",
                "target_group": "Woningcorporatie",
                "name": "Woningcorporatie Lekstede",
                "entity": "organisation",
                "kind": "public_body",
                "roles": ["deployment", "policyDef"],
                "status": "engaged",
                "levels": ["consulted", "collaborating"],
            },
            {
                "key": "huismeester",
                "name": "Huismeester flat Zuid",
                "kind": "front_line",
                "roles": ["delivery"],
                "strengths": ["kent alle bewoners bij naam"],
                "introduced_by": "corporatie",
                "status": "engaged",
                "levels": ["involved"],
            },
            {
                "key": "bewonerscommissie",
                "target_group": "Huurders van vier flats",
                "name": "Bewonerscommissie De Vier Flats",
                "entity": "group",
                "kind": "resident",
                "roles": ["user", "evaluation"],
                "introduced_by": "huismeester",
                "status": "engaged",
                "levels": ["consulted", "co_deciding"],
            },
            {
                "key": "mevrouw",
                "target_group": "Huurders van vier flats",
                "description": "Oudere bewoonster van flat Noord, woont er 40 jaar",
                "kind": "resident",
                "roles": ["user"],
                "languages": ["nl"],
                "strengths": ["weet hoe het plein vroeger was"],
                "reach_way": "visit",
                "introduced_by": "bewonerscommissie",
                "status": "contacted",
                "levels": ["informed"],
            },
            {
                "key": "turks",
                "target_group": "Huurders van vier flats",
                "description": "Turkse vrouwengroep in het buurthuis",
                "entity": "group",
                "kind": "resident",
                "roles": ["user"],
                "languages": ["tr", "nl"],
                "reach_way": "place",
                "reach_place": "Buurthuis, woensdagmiddag",
                "introduced_by": "mevrouw",
                "status": "suggested",
                "levels": [],
            },
            {
                "key": "afval",
                "target_group": "Afvalinzameling en wijkbeheer",
                "name": "Afvalinzameling gemeente",
                "entity": "organisation",
                "kind": "public_body",
                "roles": ["delivery"],
                "status": "engaged",
                "levels": ["involved"],
            },
        ],
        "relations": [
            ("corporatie", "afval", "works_with"),
            ("bewonerscommissie", "corporatie", "conflict"),
            ("huismeester", "bewonerscommissie", "trusts"),
        ],
        "contacts": [
            {
                "who": "bewonerscommissie",
                "kind": "meeting",
                "days_ago": 14,
                "by": "facilitator",
                "outcome": "Commissie wil zelf meebeslissen over de plek van de containers.",
                "next_step": "Voorstel voor de proef bespreken",
                "follow_up": 2,
            },
            {
                "who": "mevrouw",
                "kind": "door_to_door",
                "days_ago": 6,
                "by": "facilitator",
                "outcome": "Vertelde over de vuilniszakken bij de lift.",
                "next_step": "Vragen of ze bij de huiskamer wil zijn",
                "follow_up": -1,
            },
        ],
        "referral": {"shared_by": "bewonerscommissie", "label": "Huiskamer flat Noord"},
    },
    "hull": {
        "people": [
            {
                "key": "officers",
                "target_group": "Probation officers",
                "name": "Probation officers, east team",
                "entity": "group",
                "kind": "front_line",
                "roles": ["delivery", "specDes"],
                "status": "engaged",
                "levels": ["consulted", "collaborating"],
            },
            {
                "key": "lived",
                "target_group": "People on probation with a low or medium risk",
                "name": "Lived-experience panel",
                "entity": "group",
                "kind": "service_user",
                "roles": ["user", "evaluation"],
                "strengths": ["know the system from the inside", "peer mentoring"],
                "introduced_by": "officers",
                "status": "engaged",
                "levels": ["consulted", "co_deciding"],
            },
            {
                "key": "gym",
                "name": "Community boxing gym",
                "entity": "organisation",
                "kind": "ngo",
                "roles": ["beneficiary"],
                "strengths": ["trusted by young men"],
                "reach_way": "place",
                "reach_place": "The gym, weekday evenings",
                "introduced_by": "lived",
                "status": "contacted",
                "levels": ["informed"],
            },
            {
                "key": "employer",
                "name": "Dockside logistics employer",
                "entity": "organisation",
                "kind": "business",
                "roles": ["deployment"],
                "introduced_by": "gym",
                "status": "suggested",
                "levels": [],
            },
        ],
        "relations": [("officers", "lived", "works_with"), ("lived", "gym", "trusts")],
        "contacts": [
            {
                "who": "gym",
                "kind": "visit",
                "days_ago": 5,
                "by": "facilitator",
                "outcome": "The coach is open to hosting a plan-writing evening.",
                "next_step": "Agree a date with the coach",
                "follow_up": 4,
            },
        ],
        "referral": {"shared_by": "lived", "label": "Panel members"},
    },
}


def load_pilot_stakeholders(pilot: dict[str, Any], initiative, people, today) -> dict:
    """Create one pilot's stakeholder map if its initiative has none. Returns counts."""
    created = {"stakeholders": 0, "relations": 0, "contacts": 0}
    spec = STAKEHOLDERS.get(pilot["slug"])
    if not spec or Stakeholder.objects.filter(initiative=initiative).exists():
        return created
    actor = people["facilitator"]
    made: dict[str, Stakeholder] = {}
    for item in spec["people"]:
        levels = item.get("levels") or []
        data = {k: v for k, v in item.items() if k not in ("key", "levels", "introduced_by")}
        stakeholder = services.stakeholder_create(
            initiative=initiative,
            actor=actor,
            introduced_by=made.get(item.get("introduced_by", "")),
            level=levels[0] if levels else "",
            **data,
        )
        for level in levels[1:]:
            services.stakeholder_update(stakeholder=stakeholder, actor=actor, level=level)
        made[item["key"]] = stakeholder
        created["stakeholders"] += 1
    for source, target, kind in spec["relations"]:
        services.relation_create(source=made[source], target=made[target], kind=kind, actor=actor)
        created["relations"] += 1
    for item in spec["contacts"]:
        by = people.get(item["by"], actor)
        happened = today - timedelta(days=item["days_ago"])
        follow_up = item["follow_up"]
        services.contact_create(
            stakeholder=made[item["who"]],
            actor=by
            if by.has_perm("stakeholders.change_stakeholder", made[item["who"]])
            else actor,
            kind=item["kind"],
            happened_on=happened,
            outcome=item["outcome"],
            next_step=item["next_step"],
            follow_up_on=(today + timedelta(days=follow_up)) if follow_up is not None else None,
        )
        created["contacts"] += 1
    referral = spec.get("referral")
    if referral:
        services.referral_create(
            initiative=initiative,
            actor=actor,
            stakeholder=made[referral["shared_by"]],
            label=referral["label"],
        )
    return created
