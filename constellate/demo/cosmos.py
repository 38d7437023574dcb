"""A small COSMOS model of our own for the Houten demo pilot (in Dutch, like the rest of
Houten's demo): the co-creation of service model and the user journey, saved in two steps so
that the history has something to compare. Not the shared COSMOS sample: demo data stays our
own. Loading the demo again adds nothing."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from constellate.accounts.models import User
from constellate.cosmos.models import CosmosVersion
from constellate.cosmos.services import aspect_data_save, cosmos_ensure, cosmos_models_set
from constellate.initiatives.models import Initiative


def _who(label: str, kind: str, colour: str) -> dict[str, Any]:
    return {"label": label, "type": kind, "colour": colour, "url": None}


def _items(*labels: str) -> list[dict[str, Any]]:
    return [{"label": label, "url": None, "image": False} for label in labels]


SERVICE_MODEL = {
    "model": {"title": "Werkcafé Houten: samen de weg naar werk opnieuw bedenken"},
    "drivers": {
        "title": "Meedoen staat voorop",
        "body": "Inwoners die lang zonder werk zitten, voelden zich bij het loket vooral "
        "gecontroleerd. In het werkcafé bedenken zij met de gemeente hoe het anders kan.",
    },
    "policyDef": _who("Wethouder Werk en Inkomen", "organisation", "#0074d9"),
    "specDes": _who("Werkgroep inwoners en consulenten", "user", "#2ecc40"),
    "deployment": _who("Team Werk, gemeente Houten", "organisation", "#39cccc"),
    "delivery": _who("Consulenten werkcafé", "organisation", "#001f3f"),
    "evaluation": _who("Hogeschool (lectoraat participatie)", "organisation", "#b10dc9"),
    "user": _who("Inwoners die werk zoeken", "user", "#3d9970"),
    "beneficiary": _who("Hun huisgenoten en buurt", "user", "#ffdc00"),
    "initiator": _who("Adviseur participatie", "organisation", "#ff4136"),
    "extsvc": {"label": "Hulpmiddelen", "items": _items("Afsprakenapp", "Vacaturebank regio")},
    "extorg": {"label": "Partners", "items": _items("Bibliotheek", "Leerwerkbedrijf")},
    "infsvc": {"label": "Kanalen", "items": _items("Website gemeente", "Wijkcentrum")},
}

USER_JOURNEY = {
    "model": {"title": "Van eerste brief tot eigen plan"},
    "discovering": {
        "discovery_medium": "paper",
        "information_medium": "word_of_mouth",
        "information_experience": "negative",
        "comments": "De eerste brief voelt streng. Buren vertellen het meest.",
    },
    "accessing": {
        "access_method": "referred",
        "qualification_process": "Een kennismakingsgesprek in het werkcafé.",
        "qualification_experience": "neutral",
        "appropriate_comment": "",
    },
    "using": {
        "participate_experience": "positive",
        "accessible_experience": "neutral",
        "time_experience": "positive",
        "where": "community",
    },
    "evaluating": {
        "opinions_asked": "yes",
        "opinions_how": "workshop",
        "service_experience": "positive",
        "surprises_comments": "Meer ruimte voor eigen ideeën dan verwacht.",
    },
    "designing": {
        "design_input_asked": "yes",
        "design_input_method": "workshop",
        "design_input_experience": "positive",
        "design_assist_asked": "maybe",
        "design_assist_broker": "government",
    },
    "instigating": {
        "identify_role": "no",
        "identify_method": "",
        "identify_experience": "",
        "design_role": "",
        "instigate_role": [],
        "comments": "",
    },
}


def load_pilot_cosmos(
    pilot: dict[str, Any], initiative: Initiative, people: dict[str, User], today: date
) -> dict[str, int]:
    if pilot.get("slug") != "houten":
        return {}
    if CosmosVersion.objects.filter(aspect__initiative=initiative).exists():
        return {}
    author = people.get("facilitator") or next(iter(people.values()))
    aspects = cosmos_ensure(initiative=initiative)
    cosmos_models_set(
        initiative=initiative,
        enabled=["co_creation_of_service_model", "user_journey_model"],
        actor=author,
    )
    first = copy.deepcopy(USER_JOURNEY)
    first["discovering"]["information_experience"] = "neutral"
    first["evaluating"]["surprises_comments"] = ""
    saved = 0
    for aspect_id, data in (
        ("co_creation_of_service_model", SERVICE_MODEL),
        ("user_journey_model", first),
        ("user_journey_model", USER_JOURNEY),
    ):
        saved += aspect_data_save(aspect=aspects[aspect_id], data=copy.deepcopy(data), actor=author)
    return {"COSMOS model versions": saved}
