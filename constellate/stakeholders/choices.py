"""Fixed lists of the stakeholders app. The COSMOS service roles keep the ids that COSMOS
stores (the interoperability contract); their labels are our own."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Entity(models.TextChoices):
    PERSON = "person", _("Person")
    GROUP = "group", _("Group")
    ORGANISATION = "organisation", _("Organisation")


class Kind(models.TextChoices):
    SERVICE_USER = "service_user", _("Service user")
    RESIDENT = "resident", _("Resident")
    RELATIVE = "relative", _("Relative or carer")
    FRONT_LINE = "front_line", _("Front-line staff")
    MANAGER = "manager", _("Manager")
    NGO = "ngo", _("NGO or association")
    BUSINESS = "business", _("Business")
    POLITICIAN = "politician", _("Politician")
    PUBLIC_BODY = "public_body", _("Public body")
    OTHER = "other", _("Other")


# COSMOS "co_creation_of_service_model" stakeholder roles: stored ids, our own wording.
class ServiceRole(models.TextChoices):
    POLICY_DEF = "policyDef", _("Sets the policy")
    SPEC_DES = "specDes", _("Designs the service")
    DEPLOYMENT = "deployment", _("Puts the service in place")
    DELIVERY = "delivery", _("Delivers the service")
    EVALUATION = "evaluation", _("Evaluates the service")
    USER = "user", _("Uses the service")
    BENEFICIARY = "beneficiary", _("Benefits from the service")
    INITIATOR = "initiator", _("Started the initiative")


class Status(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    CONTACTED = "contacted", _("Contacted")
    ENGAGED = "engaged", _("Engaged")


class Level(models.TextChoices):
    """Engagement levels, from light to shared power (in this order)."""

    INFORMED = "informed", _("Informed")
    CONSULTED = "consulted", _("Consulted")
    INVOLVED = "involved", _("Involved")
    COLLABORATING = "collaborating", _("Collaborating")
    CO_DECIDING = "co_deciding", _("Co-deciding")


class ReachWay(models.TextChoices):
    PHONE = "phone", _("Phone call")
    MESSAGE = "message", _("Text or app message")
    EMAIL = "email", _("E-mail")
    VISIT = "visit", _("Visit at home")
    PLACE = "place", _("At a place they go to")
    THROUGH_SOMEONE = "through_someone", _("Through someone they know")
    LETTER = "letter", _("Letter")


class RelationKind(models.TextChoices):
    WORKS_WITH = "works_with", _("works with")
    REPRESENTS = "represents", _("represents")
    TRUSTS = "trusts", _("trusts")
    CONFLICT = "conflict", _("is in conflict with")


class ContactKind(models.TextChoices):
    CALL = "call", _("Call")
    VISIT = "visit", _("Visit")
    MEETING = "meeting", _("Meeting")
    DOOR_TO_DOOR = "door_to_door", _("Door-to-door round")
    MESSAGE = "message", _("Message")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    OTHER = "other", _("Other")
