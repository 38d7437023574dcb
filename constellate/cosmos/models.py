"""COSMOS models of an initiative: one row per aspect (six models, four containers) holding
its answers exactly as COSMOS stores them (JSON keyed by COSMOS field ids, unknown keys kept),
every saved state as a version, the project's own bookkeeping, and the pictures."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from constellate.cosmos.schema import ASPECTS
from constellate.cosmos.storage import cosmos_storage

ASPECT_CHOICES = [(a.id, a.label) for a in ASPECTS]


def new_share_token() -> str:
    return secrets.token_urlsafe(24)


class CosmosProject(models.Model):
    """What COSMOS keeps about a project besides the aspects: its name and the keys of its
    data that are not aspects (``welcome``, ``annotations`` and any unknown key), so that an
    export gives back what was imported. The creator's e-mail of an import is not kept."""

    initiative = models.OneToOneField(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="cosmos_project",
    )
    name = models.CharField(_("name in COSMOS"), max_length=300, blank=True)
    slug = models.CharField(_("short name in COSMOS"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=8, blank=True)
    extra = models.JSONField(_("other project data"), default=dict, blank=True)
    imported_at = models.DateTimeField(_("last imported"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("COSMOS project")
        verbose_name_plural = _("COSMOS projects")

    def __str__(self) -> str:
        return self.name or str(self.initiative_id)


class CosmosAspect(models.Model):
    """One model or container of an initiative, with its current answers."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="cosmos_aspects",
    )
    aspect = models.CharField(_("model"), max_length=60, choices=ASPECT_CHOICES)
    enabled = models.BooleanField(_("shown"), default=False)
    published = models.BooleanField(_("published"), default=False)
    data = models.JSONField(_("answers"), default=dict, blank=True)
    share_token = models.CharField(
        _("read-only link"), max_length=64, blank=True, default="", db_index=True
    )
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("COSMOS model")
        verbose_name_plural = _("COSMOS models")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "aspect"], name="cosmos_aspect_once_per_initiative"
            )
        ]

    def __str__(self) -> str:
        return self.get_aspect_display()


class CosmosVersion(models.Model):
    """A saved state of an aspect's answers: who, when, and the data as it was."""

    class Source(models.TextChoices):
        EDIT = "edit", _("Changed here")
        IMPORT = "import", _("Imported from COSMOS")

    aspect = models.ForeignKey(
        CosmosAspect, verbose_name=_("model"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("answers"), default=dict, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("COSMOS model version")
        verbose_name_plural = _("COSMOS model versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["aspect", "number"], name="cosmos_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.aspect} v{self.number}"


def _image_path(instance, filename: str) -> str:
    # A random stored name: the name in the archive is never used as a path.
    return f"{instance.initiative_id}/{secrets.token_hex(12)}"


class CosmosImage(models.Model):
    """A picture named in the answers (``image`` keys), under its COSMOS name; the original
    bytes and the original thumbnail are kept so that an export gives the same files."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="cosmos_images",
    )
    name = models.CharField(_("name"), max_length=200)
    file = models.FileField(_("file"), upload_to=_image_path, storage=cosmos_storage)
    thumb = models.FileField(
        _("thumbnail"), upload_to=_image_path, storage=cosmos_storage, blank=True
    )
    mime = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("COSMOS picture")
        verbose_name_plural = _("COSMOS pictures")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "name"], name="cosmos_image_name")
        ]

    def __str__(self) -> str:
        return self.name


# -- Notes, actions and links to the rest of Constellate (services_links.py) -------------------


class CosmosNote(models.Model):
    """A team member's note on one part of a model (a question of the schema, or the model as
    a whole when ``part`` is empty). A note can become an action with an owner (a member of
    the initiative, or a name in words) and a due date. These are Constellate's own notes:
    the ``annotations`` of a COSMOS import are kept apart (CosmosProject.extra), unchanged."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="cosmos_notes",
    )
    aspect = models.CharField(_("model"), max_length=60, choices=ASPECT_CHOICES)
    part = models.CharField(_("part of the model"), max_length=120, blank=True)
    body = models.TextField(_("note"), max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    is_action = models.BooleanField(_("action"), default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cosmos_actions",
    )
    owner_text = models.CharField(_("owner (in words)"), max_length=120, blank=True)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("note on a COSMOS model")
        verbose_name_plural = _("notes on COSMOS models")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["initiative", "aspect"]),
            models.Index(fields=["owner", "status", "due_on"]),
        ]

    def __str__(self) -> str:
        return self.body[:60]


class CosmosStoryLink(models.Model):
    """A community reporting item (found by its label) linked to a story of the initiative,
    offered through the registry (core.registry.EvidenceSource), so that this app never reads
    stories itself. Who may hear the story is checked every time the link is shown."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="cosmos_story_links",
    )
    item = models.CharField(_("item"), max_length=300)
    source = models.CharField(_("kind"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("linked item"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("linked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("linked"), default=timezone.now)

    class Meta:
        verbose_name = _("link from a COSMOS item to a story")
        verbose_name_plural = _("links from COSMOS items to stories")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "item", "source", "object_id"], name="cosmos_story_link_once"
            )
        ]

    def __str__(self) -> str:
        return self.item
