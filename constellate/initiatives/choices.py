"""Fixed lists of the initiatives app: service areas, activity types, phases, settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceArea(models.TextChoices):
    WORK_INCOME = "work_income", _("Work and income")
    SOCIAL_CARE = "social_care", _("Social care and support")
    HEALTH = "health", _("Health and prevention")
    HOUSING = "housing", _("Housing and neighbourhood")
    ENVIRONMENT = "environment", _("Environment and public space")
    YOUTH = "youth", _("Youth and families")
    JUSTICE = "justice", _("Justice and probation")
    DISABILITY = "disability", _("Disability and inclusion")
    ELDERLY = "elderly", _("Older people")
    LOCAL_ECONOMY = "local_economy", _("Local economy")
    OTHER = "other", _("Other")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can see the public page")
    PRIVATE = "private", _("Private: only members of the organisation")


class InitiativeStatus(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    RUNNING = "running", _("Running")
    PAUSED = "paused", _("Paused")
    CLOSED = "closed", _("Closed")


class ActivityKind(models.TextChoices):
    STORY_GATHERING = "story_gathering", _("Story gathering")
    CONVERSATION = "conversation", _("Conversation")
    IDEA_ROUND = "idea_round", _("Idea round")
    BUDGET = "budget", _("Shared budget")
    WORKSHOP = "workshop", _("Workshop")
    HACKATHON = "hackathon", _("Social hackathon")
    SURVEY = "survey", _("Survey")
    DOOR_TO_DOOR = "door_to_door", _("Door-to-door round")
    LIVING_ROOM = "living_room", _("Living-room meeting")
    FOCUS_GROUP = "focus_group", _("Focus group")
    PHONE_ROUND = "phone_round", _("Phone round")
    OPEN_SPACE = "open_space", _("Open Space")
    OTHER = "other", _("Other")


class Phase(models.TextChoices):
    CO_INITIATION = "co_initiation", _("Co-initiation")
    CO_DESIGN = "co_design", _("Co-design")
    CO_DECISION = "co_decision", _("Co-decision")
    CO_IMPLEMENTATION = "co_implementation", _("Co-implementation")
    CO_EVALUATION = "co_evaluation", _("Co-evaluation")


class Setting(models.TextChoices):
    ONLINE = "online", _("Online")
    PLACE = "place", _("At a place")
    DOOR_TO_DOOR = "door_to_door", _("Door to door")
    PHONE = "phone", _("By phone")
    MIXED = "mixed", _("Several ways")


# Languages an initiative can offer participation in. Any ISO 639-1 code can be added here;
# the names are translated like every other label.
PARTICIPATION_LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("pl", _("Polish")),
    ("et", _("Estonian")),
    ("es", _("Spanish")),
    ("hu", _("Hungarian")),
    ("it", _("Italian")),
    ("sv", _("Swedish")),
    ("fi", _("Finnish")),
    ("el", _("Greek")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("ro", _("Romanian")),
    ("pt", _("Portuguese")),
    ("nl-simple", _("Plain Dutch (easy to read)")),
    ("sgn-nl", _("Dutch Sign Language")),
]
