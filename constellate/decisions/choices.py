"""Fixed lists of the decisions app: how citizens shared in a decision, its implementation
status, and what became of each piece of evidence."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Participation(models.TextChoices):
    """How citizens shared in a decision (the ladder of co-decision)."""

    CO_DECIDED = "co_decided", _("Co-decided")
    ADVISED = "advised", _("Advised")
    INFORMED = "informed", _("Informed")


# In plain language, for the pages that explain a decision.
PARTICIPATION_EXPLAINED: dict[str, Any] = {
    Participation.CO_DECIDED: _(
        "Citizens decided together with the organisation. Their vote or agreement counted "
        "in the decision."
    ),
    Participation.ADVISED: _(
        "Citizens gave advice. The organisation decided, and says what it did with the advice."
    ),
    Participation.INFORMED: _(
        "The organisation decided. Citizens were told about the decision and why it was made."
    ),
}


class DecisionStatus(models.TextChoices):
    """How far the decision is carried out."""

    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")


class Outcome(models.TextChoices):
    """What the decision did with one piece of evidence."""

    TAKEN_UP = "taken_up", _("Taken up")
    PARTLY = "partly", _("Partly taken up")
    NOT_TAKEN_UP = "not_taken_up", _("Not taken up")
