"""Fixed lists of the deliberation app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatementStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class VoteValue(models.IntegerChoices):
    # The values Pol.is uses, so the vote matrix goes to the analysis as it is.
    AGREE = 1, _("Agree")
    DISAGREE = -1, _("Disagree")
    PASS = 0, _("Pass / unsure")


class BudgetRule(models.TextChoices):
    GREEDY = "greedy", _("Most supporters first")
    EQUAL_SHARES = "equal_shares", _("Equal shares")
