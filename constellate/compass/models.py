from django.db import models
from django.utils.translation import gettext_lazy as _

from constellate.compass import texts as texts_mod
from constellate.core.models import TimeStampedModel


class Constellation(TimeStampedModel):
    """A group of elements (The System, Ethical Compass, Catalysts), one organisation's copy.

    `texts` = {lang: {"name", "description", "scenes": [{"title", "situation",
    "questions": [...]}, ...]}}: the two scenes are what a reflection session discusses."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="constellations",
    )
    key = models.SlugField(_("key"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    texts = models.JSONField(_("texts"), default=dict, blank=True)

    class Meta:
        verbose_name = _("constellation")
        verbose_name_plural = _("constellations")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="compass_constellation_key_per_org"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def t(self) -> dict:
        """The texts in the current language (with fallbacks), worked out once."""
        cached = self.__dict__.get("_t")
        if cached is None:
            cached = self.__dict__["_t"] = texts_mod.resolve(self.texts)
        return cached

    @property
    def name(self) -> str:
        return self.t.get("name") or self.key


class Element(TimeStampedModel):
    """One element of the compass (e.g. 10 "From doing for to working with"), one
    organisation's copy. Standard elements keep their key and number; an organisation can add
    its own, move any element to another constellation, reorder and deactivate them.

    `texts` = {lang: {"name", "description", "questions": [...]}}."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="compass_elements",
    )
    constellation = models.ForeignKey(
        Constellation,
        verbose_name=_("constellation"),
        on_delete=models.PROTECT,
        related_name="elements",
    )
    key = models.SlugField(_("key"), max_length=40)
    number = models.PositiveSmallIntegerField(_("number"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_standard = models.BooleanField(_("standard element"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)
    texts = models.JSONField(_("texts"), default=dict, blank=True)

    class Meta:
        verbose_name = _("element")
        verbose_name_plural = _("elements")
        ordering = ["position", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="compass_element_key_per_org"
            ),
            models.UniqueConstraint(
                fields=["organisation", "number"], name="compass_element_number_per_org"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def t(self) -> dict:
        cached = self.__dict__.get("_t")
        if cached is None:
            cached = self.__dict__["_t"] = texts_mod.resolve(self.texts)
        return cached

    @property
    def name(self) -> str:
        return self.t.get("name") or self.key
