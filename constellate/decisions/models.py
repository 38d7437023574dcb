"""The decision log of an initiative: what was decided, when, by whom, how citizens shared
in it, the evidence it rests on, and how far it is carried out (status, milestones, percent
done).

Evidence is linked generically (contenttypes) to what other apps offer through the
registry's EvidenceSource: this app never imports them. A link is only read through its
source (selectors), so an item that may no longer be used (a withdrawn story) drops out of
every page and count at once; the link row itself holds no personal data. Each link says
what became of the contribution ("you said, we did": taken up, partly, not taken up, and
why)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from constellate.decisions.choices import DecisionStatus, Outcome, Participation
from constellate.initiatives.models import fast_choice_display


@fast_choice_display
class Decision(models.Model):
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what was decided"), max_length=5000)
    decided_on = models.DateField(_("decided on"))
    decided_by = models.CharField(_("who decided"), max_length=300)
    participation = models.CharField(
        _("how citizens shared in it"), max_length=12, choices=Participation.choices
    )
    participation_note = models.TextField(
        _("more about how citizens shared in it"), max_length=2000, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DecisionStatus.choices, default=DecisionStatus.PLANNED
    )
    status_note = models.TextField(_("about the status"), max_length=2000, blank=True)
    percent_done = models.PositiveSmallIntegerField(_("percent done"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded on"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["initiative", "-decided_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent_done__gte=0, percent_done__lte=100),
                name="decision_percent_0_100",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


@fast_choice_display
class EvidenceLink(models.Model):
    """One piece of evidence a decision rests on, and what became of it."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="evidence"
    )
    source = models.CharField(_("kind of evidence"), max_length=40)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("item"))
    outcome = models.CharField(
        _("what became of it"), max_length=14, choices=Outcome.choices, default=Outcome.TAKEN_UP
    )
    reason = models.TextField(_("why"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("linked on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["source", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "content_type", "object_id"], name="one_link_per_evidence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.decision_id}: {self.source}#{self.object_id}"
