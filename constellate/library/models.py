"""The method library and the case library.

Texts are stored per language ({"nl": {...}, "en": {...}}) so an admin can correct them and add
a language without a code change. The standard content comes from `library.content` through
`services.library_standard_sync`; an organisation can add methods of its own, which only its
members see."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from constellate.core.models import TimeStampedModel
from constellate.core.texts import PerLanguageTexts
from constellate.initiatives.choices import ServiceArea
from constellate.initiatives.models import fast_choice_display
from constellate.library.choices import COUNTRIES, Effort, MethodCategory


@fast_choice_display
class Method(PerLanguageTexts, TimeStampedModel):
    """A tool or technique for co-creation, with a how-to."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="library_methods",
        help_text=_("Empty for the standard library that everyone sees."),
    )
    # Stable: the canvas stores it and links use it. Standard keys use underscores only;
    # an organisation's own keys start with its short name and always contain a hyphen, so
    # the two can never collide.
    key = models.SlugField(_("key"), max_length=80, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=MethodCategory.choices)
    phases = models.JSONField(_("co-creation phases"), default=list, blank=True)
    elements = models.JSONField(_("elements it serves"), default=list, blank=True)
    effort = models.CharField(
        _("effort"), max_length=10, choices=Effort.choices, default=Effort.MEDIUM
    )
    group_min = models.PositiveIntegerField(_("smallest group"), null=True, blank=True)
    group_max = models.PositiveIntegerField(_("largest group"), null=True, blank=True)
    staff_learning = models.BooleanField(
        _("learning material for staff"),
        default=False,
        help_text=_("Helps staff build co-creation skills (element 18)."),
    )
    texts = models.JSONField(_("texts per language"), default=dict)
    # Derived from the fields above by the services, for filters and search on any database.
    facets = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")
    # The content of the standard library as last synchronised: if the row still matches it,
    # a newer standard text may replace it; if an admin corrected it, the correction stays.
    synced_hash = models.CharField(max_length=64, editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")
        ordering = ["key"]
        indexes = [models.Index(fields=["organisation", "category"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("library:method_detail", args=[self.key])

    @property
    def is_standard(self) -> bool:
        return self.organisation_id is None

    @property
    def purpose(self) -> str:
        return self.t.get("purpose", "")


@fast_choice_display
class Case(PerLanguageTexts, TimeStampedModel):
    """A co-creation pilot told in one schema, linked to the methods it used."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    number = models.PositiveSmallIntegerField(_("number"), default=0)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    place = models.CharField(_("place"), max_length=200)
    service_area = models.CharField(
        _("service area"), max_length=30, choices=ServiceArea.choices, default=ServiceArea.OTHER
    )
    texts = models.JSONField(_("texts per language"), default=dict)
    methods = models.ManyToManyField(
        Method, verbose_name=_("methods used"), related_name="cases", blank=True
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    synced_hash = models.CharField(max_length=64, editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["number", "key"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:case_detail", args=[self.key])

    @property
    def title(self) -> str:
        return self.t.get("title") or self.key
