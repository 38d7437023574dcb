"""Fixed lists of the library: method categories, effort, the roadmap's elements, countries."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class MethodCategory(models.TextChoices):
    STORIES = "stories", _("Stories and community reporting")
    MODELLING = "modelling", _("Service modelling")
    DATA = "data", _("Data and social media analysis")
    DESIGN = "design", _("Design techniques")
    EVENTS = "events", _("Events and meetings")
    ENGAGEMENT = "engagement", _("Ways to reach and involve people")
    EVALUATION = "evaluation", _("Evaluation and learning")


class Effort(models.TextChoices):
    LOW = "low", _("Low effort")
    MEDIUM = "medium", _("Medium effort")
    HIGH = "high", _("High effort")


# The stable vocabulary of the roadmap's three constellations and eighteen elements, shared
# with the compass app. The compass owns the elements as data (texts an organisation can
# correct); the library only needs their keys to tag methods and a short label for its
# filters. The keys never change; a label here is the short name, not the element's text.
CONSTELLATIONS = [
    ("system", _("The System")),
    ("ethical_compass", _("Ethical Compass")),
    ("catalysts", _("Catalysts")),
]
ELEMENTS = [
    # The System (elements 1-7)
    ("not_linear", "system", _("Not a straight line")),
    ("services_evolve", "system", _("Services keep evolving")),
    ("hard_to_engage", "system", _("Services that are hard to reach")),
    ("share_power_risk", "system", _("Sharing power and risk")),
    ("new_resources", "system", _("Using resources in new ways")),
    ("fitted_to_context", "system", _("Fitted to place and person")),
    ("continuous_evaluation", "system", _("Evaluating together, all the time")),
    # Ethical Compass (elements 8-13)
    ("relationships_first", "ethical_compass", _("Relationships first")),
    ("empathy", "ethical_compass", _("Led by empathy")),
    ("power_shift", "ethical_compass", _("Working with people, not for them")),
    ("equality", "ethical_compass", _("Equality")),
    ("light_participation", "ethical_compass", _("Light ways to take part")),
    ("not_consultation", "ethical_compass", _("More than consultation")),
    # Catalysts (elements 14-18)
    ("snowball", "catalysts", _("Snowballing: finding who is missing")),
    ("get_talking", "catalysts", _("Getting people talking")),
    ("openness", "catalysts", _("Openness builds trust")),
    ("strengths_based", "catalysts", _("Building on strengths")),
    ("staff_competences", "catalysts", _("Co-creation skills of staff")),
]
ELEMENT_KEYS = [key for key, _constellation, _label in ELEMENTS]
ELEMENT_LABELS = {key: label for key, _constellation, label in ELEMENTS}
ELEMENT_NUMBERS = {key: number for number, key in enumerate(ELEMENT_KEYS, start=1)}


def element_choices_grouped() -> list[tuple[Any, list[tuple[str, Any]]]]:
    """The elements grouped by constellation, for a select with option groups."""
    return [
        (label, [(key, text) for key, group, text in ELEMENTS if group == constellation])
        for constellation, label in CONSTELLATIONS
    ]


# Countries of the cases (ISO 3166-1 alpha-2). Add a country here when a case needs it.
COUNTRIES = [
    ("EE", _("Estonia")),
    ("FI", _("Finland")),
    ("GR", _("Greece")),
    ("HU", _("Hungary")),
    ("IT", _("Italy")),
    ("NL", _("Netherlands")),
    ("PL", _("Poland")),
    ("ES", _("Spain")),
    ("SE", _("Sweden")),
    ("GB", _("United Kingdom")),
]
COUNTRY_LABELS = dict(COUNTRIES)

# The parts of a method's how-to, as its page and its form name them.
METHOD_TEXT_LABELS = {
    "name": _("Name"),
    "purpose": _("Purpose"),
    "when": _("When to use it"),
    "steps": _("Steps"),
    "tips": _("Tips and pitfalls"),
    "needs": _("What you need"),
    "duration": _("Duration"),
}
