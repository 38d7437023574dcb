"""The toolkit's tools and techniques that the canvas's sixth question chooses from.

The method library (a later capability) describes each of these in depth; the keys here are
its stable identifiers."""

from django.utils.translation import gettext_lazy as _

TOOLKIT_TOOLS = [
    ("community_reporting", _("Community reporting")),
    ("conversation_of_change", _("Conversation of Change")),
    ("cosmos", _("COSMOS service models")),
    ("social_media_analysis", _("Social media analysis")),
    ("open_data", _("Open data analysis")),
    ("personas", _("Personas and profiles")),
    ("journey_map", _("User journey map")),
    ("service_blueprint", _("Service blueprint")),
    ("stakeholder_map", _("Stakeholder map")),
    ("design_thinking", _("Design thinking session")),
    ("open_space", _("Open Space")),
    ("idea_board", _("Idea board with voting")),
    ("social_hackathon", _("Social hackathon")),
    ("door_to_door", _("Door-to-door talks")),
    ("living_room", _("Living-room meetings")),
    ("phone_round", _("Phone round")),
    ("focus_group", _("Focus group")),
    ("study_circle", _("Study circle")),
    ("committee", _("Citizens' committee")),
    ("survey", _("Survey")),
    ("light_participation", _("Light ways to take part")),
]
TOOLKIT_LABELS = dict(TOOLKIT_TOOLS)
