"""Stakeholders of an initiative, their relations, the snowball's referral links, engagement
history and the contact log.

Personal data is kept to the minimum: a group or organisation needs no personal field at all;
a person's contact details may only be stored with their consent (enforced in services.py).
"Forgetting" a stakeholder clears every personal field and keeps an anonymous node, so the
network keeps its shape."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from constellate.core.models import TimeStampedModel
from constellate.initiatives.models import fast_choice_display
from constellate.stakeholders.choices import (
    ContactKind,
    Entity,
    Kind,
    Level,
    ReachWay,
    RelationKind,
    Status,
)

# Fields that hold personal data of a person (cleared when they are forgotten).
PERSONAL_FIELDS = (
    "name",
    "description",
    "phone",
    "email",
    "reach_place",
    "notes",
    "suggestion_reason",
    "consent_purpose",
)


def new_referral_token() -> str:
    return secrets.token_urlsafe(18)


@fast_choice_display
class Stakeholder(TimeStampedModel):
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="stakeholders",
    )
    entity = models.CharField(
        _("person, group or organisation"),
        max_length=12,
        choices=Entity.choices,
        default=Entity.PERSON,
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    roles = models.JSONField(_("roles in the service"), default=list, blank=True)
    strengths = models.JSONField(_("strengths and assets"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    # One of the initiative's target groups (its own words), for "who is missing".
    target_group = models.CharField(_("target group"), max_length=120, blank=True)
    reach_way = models.CharField(
        _("best way to reach them"), max_length=20, choices=ReachWay.choices, blank=True
    )
    reach_place = models.CharField(_("where to find them"), max_length=200, blank=True)
    consent_purpose = models.CharField(_("consent to be contacted for"), max_length=300, blank=True)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("notes"), max_length=3000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONTACTED
    )
    level = models.CharField(
        _("engagement level"), max_length=16, choices=Level.choices, blank=True
    )
    introduced_by = models.ForeignKey(
        "self",
        verbose_name=_("introduced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introduced",
    )
    suggestion_reason = models.CharField(_("why talk to them"), max_length=500, blank=True)
    referral = models.ForeignKey(
        "ReferralLink",
        verbose_name=_("referral link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggestions",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    forgotten_at = models.DateTimeField(_("forgotten on"), null=True, blank=True)

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["initiative", "name"]),
            models.Index(fields=["initiative", "status"]),
            models.Index(fields=["referral", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.name or self.description or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("stakeholders:detail", args=[self.pk])

    @property
    def is_person(self) -> bool:
        return self.entity == Entity.PERSON

    @property
    def has_contact_details(self) -> bool:
        return bool(self.phone or self.email)


@fast_choice_display
class EngagementChange(models.Model):
    """One change of a stakeholder's engagement level: who changed it, when, from what."""

    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="level_changes"
    )
    level = models.CharField(
        _("engagement level"), max_length=16, choices=Level.choices, blank=True
    )
    previous = models.CharField(
        _("previous level"), max_length=16, choices=Level.choices, blank=True
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("engagement change")
        verbose_name_plural = _("engagement changes")
        ordering = ["-changed_at", "-pk"]


@fast_choice_display
class Relation(models.Model):
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="stakeholder_relations"
    )
    source = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="relations_out")
    target = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(_("relation"), max_length=12, choices=RelationKind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="one_relation_kind"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="relation_not_to_self"
            ),
        ]


class ReferralLink(models.Model):
    """A link a facilitator hands out: whoever has it may suggest who else to talk to."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="referral_links"
    )
    token = models.CharField(max_length=40, unique=True, default=new_referral_token)
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("shared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referral_links",
    )
    label = models.CharField(_("what the link is for"), max_length=200, blank=True)
    is_open = models.BooleanField(_("open"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("referral link")
        verbose_name_plural = _("referral links")
        ordering = ["-created_at", "-pk"]

    def get_public_url(self) -> str:
        return reverse("stakeholders:refer", args=[self.token])


@fast_choice_display
class Contact(models.Model):
    """One contact with a stakeholder, and the follow-up it asks for."""

    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("type of contact"), max_length=20, choices=ContactKind.choices)
    happened_on = models.DateField(_("date"))
    outcome = models.TextField(_("outcome"), max_length=2000, blank=True)
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stakeholder_contacts",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-happened_on", "-pk"]
        indexes = [
            models.Index(fields=["by", "follow_up_done", "follow_up_on"]),
        ]


class ImportBatch(models.Model):
    """Rows of a CSV file that passed the checks, waiting for the user to confirm them."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=200, blank=True)
    rows = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
