"""Who took part: one record per person per activity joined through its link, counts of
people met off-line, and the share of each target group the team hopes to reach.

Target groups are the initiative's own words (`Initiative.target_groups`, a list of strings);
records keep the group's text, and an empty text means "not said" (or "none of these")."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GROUP_MAX_LENGTH = 120  # as initiatives.services._clean_list


class Participation(models.Model):
    """Someone took part in an activity through its link. Holds no more than the day and,
    only when the person chose to say it, which target group they see themselves in."""

    activity = models.ForeignKey(
        "initiatives.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    # The pseudonymous participant: when it becomes an account the records come along, and
    # they are erased with it.
    participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    target_group = models.CharField(
        _("sees themselves in"), max_length=GROUP_MAX_LENGTH, blank=True
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "participant"], name="one_participation_per_activity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} @ {self.activity_id}"


class OfflineCount(models.Model):
    """People who took part without the link (a door-to-door round, a meeting, a phone
    round), counted by a facilitator: how many in all and, of them, how many per target group.
    No names, no personal data."""

    activity = models.ForeignKey(
        "initiatives.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="offline_counts",
    )
    held_on = models.DateField(_("date"))
    people = models.PositiveIntegerField(_("number of people"))
    # {target group: number of people}; the rest of `people` is "not known".
    groups = models.JSONField(_("of whom, per target group"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("count of people met")
        verbose_name_plural = _("counts of people met")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["activity", "held_on"])]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.people} ({self.held_on})"


class ExpectedShares(models.Model):
    """The share of those taking part that the team expects from each target group, in
    percent. Groups without a figure share what is left equally."""

    initiative = models.OneToOneField(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="expected_shares",
    )
    shares = models.JSONField(_("expected shares"), default=dict, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("expected shares")
        verbose_name_plural = _("expected shares")

    def __str__(self) -> str:
        return f"{self.initiative_id}"
