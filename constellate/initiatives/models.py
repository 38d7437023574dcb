import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from constellate.accounts.roles import InitiativeRole
from constellate.core.models import TimeStampedModel
from constellate.initiatives.choices import (
    ActivityKind,
    InitiativeStatus,
    ServiceArea,
    Setting,
    Visibility,
)


def fast_choice_display(model):
    """Replace Django's get_<field>_display, which rebuilds the choice dict and hashes every
    lazy (translated) label on each call, with a lookup in a dict built once per field."""
    for field in model._meta.concrete_fields:
        if field.choices:
            labels = dict(field.flatchoices)

            def display(self, _attname=field.attname, _labels=labels):
                value = getattr(self, _attname)
                return force_str(_labels.get(value, value), strings_only=True)

            setattr(model, f"get_{field.name}_display", display)
    return model


@fast_choice_display
class Initiative(TimeStampedModel):
    """One co-creation journey of an organisation."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="initiatives",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name for links"), max_length=80, allow_unicode=False)
    summary = models.TextField(_("summary"), max_length=3000)
    service_area = models.CharField(
        _("service area"), max_length=30, choices=ServiceArea.choices, default=ServiceArea.OTHER
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    languages = models.JSONField(_("languages of participation"), default=list, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.PREPARING,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="initiative_slug_per_org")
        ]
        indexes = [models.Index(fields=["visibility", "-updated_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("initiatives:public_detail", args=[self.pk, self.slug])

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC


@fast_choice_display
class InitiativeMembership(TimeStampedModel):
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="initiative_memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=InitiativeRole.choices)

    class Meta:
        verbose_name = _("initiative member")
        verbose_name_plural = _("initiative members")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="one_role_per_initiative")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.initiative} ({self.role})"


class CanvasVersion(models.Model):
    """One saved state of the six starting questions. Never changed after it is written:
    the newest version is the canvas, older ones are its history."""

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="canvas_versions",
    )
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("answers"), default=dict)
    changed_sections = models.JSONField(_("changed questions"), default=list, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        verbose_name = _("canvas version")
        verbose_name_plural = _("canvas versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "number"], name="canvas_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.initiative} v{self.number}"


def new_join_token() -> str:
    return secrets.token_urlsafe(9)


@fast_choice_display
class Activity(TimeStampedModel):
    """One track of work beside others. Activities overlap freely: there is no stage gate."""

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=ActivityKind.choices)
    purpose = models.TextField(_("purpose"), max_length=3000)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    phases = models.JSONField(_("co-creation phases"), default=list)
    setting = models.CharField(_("where it happens"), max_length=20, choices=Setting.choices)
    location = models.CharField(_("place or details"), max_length=200, blank=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    run_by_note = models.CharField(_("run together with"), max_length=200, blank=True)
    is_public = models.BooleanField(_("show on the public page"), default=True)
    join_token = models.CharField(max_length=20, unique=True, default=new_join_token)
    joining_open = models.BooleanField(_("people can join through the link"), default=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["opens_on", "title"]
        indexes = [
            models.Index(fields=["initiative", "opens_on"]),
            # The dashboard's "nobody runs this yet" query: without it SQLite walks the
            # run_by index, i.e. every unassigned activity of every organisation.
            models.Index(fields=["initiative", "run_by"], name="activity_initiative_runby_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:activity_detail", args=[self.pk])

    def get_join_url(self) -> str:
        return reverse("initiatives:join", args=[self.join_token])

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day and (self.closes_on is None or self.closes_on >= day)
