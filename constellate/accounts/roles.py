"""The roles a person can hold in an organisation and in an initiative."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgRole(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    FACILITATOR = "facilitator", _("Facilitator")
    REPORTER = "reporter", _("Community reporter")
    PARTNER = "partner", _("Partner")
    OBSERVER = "observer", _("Observer")


class InitiativeRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    FACILITATOR = "facilitator", _("Facilitator")
    REPORTER = "reporter", _("Community reporter")
    PARTNER = "partner", _("Partner")
    OBSERVER = "observer", _("Observer")


# Organisation roles that see every initiative of the organisation.
ORG_WIDE_READERS = {OrgRole.ADMIN, OrgRole.FACILITATOR, OrgRole.OBSERVER}
# Organisation roles that may start a new initiative.
INITIATIVE_CREATORS = {OrgRole.ADMIN, OrgRole.FACILITATOR}
# Initiative roles that may change the initiative, its canvas and its activities.
INITIATIVE_EDITORS = {InitiativeRole.LEAD, InitiativeRole.FACILITATOR}
