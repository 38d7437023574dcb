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


class IdeaModeration(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class IdeaStatus(models.TextChoices):
    NEW = "new", _("New")
    CONSIDERING = "considering", _("Under consideration")
    TAKEN_UP = "taken_up", _("Taken up")
    NOT_TAKEN_UP = "not_taken_up", _("Not taken up")
    MERGED = "merged", _("Merged")


class IdeaChannel(models.TextChoices):
    """How an idea came in: through the activity's link, or entered by the team for someone
    who gave it on paper, by phone or at a meeting (no name of that person is kept)."""

    LINK = "link", _("Through the link")
    PAPER = "paper", _("On paper")
    PHONE = "phone", _("By phone")
    MEETING = "meeting", _("At a meeting")
