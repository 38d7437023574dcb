"""Shared set-up of the library tests: the standard library and the method form's POST body."""

from typing import Any

from django.conf import settings

# Every method key the canvas offered before the library existed: canvases store them.
TOOLKIT_KEYS = [
    "community_reporting",
    "conversation_of_change",
    "cosmos",
    "social_media_analysis",
    "open_data",
    "personas",
    "journey_map",
    "service_blueprint",
    "stakeholder_map",
    "design_thinking",
    "open_space",
    "idea_board",
    "social_hackathon",
    "door_to_door",
    "living_room",
    "phone_round",
    "focus_group",
    "study_circle",
    "committee",
    "survey",
    "light_participation",
]


def method_payload(**overrides: Any) -> dict[str, Any]:
    """The POST body of the method form, as the browser sends it."""
    data: dict[str, Any] = {
        "category": "events",
        "effort": "low",
        "phases": ["co_initiation", "co_design"],
        "elements": ["get_talking", "relationships_first"],
        "group_min": "4",
        "group_max": "12",
        "nl_name": "Wandelgesprek",
        "nl_purpose": "Samen een rondje lopen en praten over de buurt.",
        "nl_when": "Als mensen niet graag aan tafel zitten.",
        "nl_steps": "Spreek een plek af\nLoop een vaste route\nSchrijf daarna op wat je hoorde",
        "nl_tips": "Loop niet te snel",
        "nl_needs": "Goede schoenen",
        "nl_duration": "Een uur",
        "en_name": "Walk and talk",
        "en_purpose": "Take a walk together and talk about the neighbourhood.",
        "en_when": "",
        "en_steps": "Agree on a place\nWalk a fixed route",
        "en_tips": "",
        "en_needs": "",
        "en_duration": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def in_language(client, code: str):
    """Make `client` ask for pages in `code`, as the language switch does (a cookie)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    return client
