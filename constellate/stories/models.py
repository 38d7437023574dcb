"""Community reporting, first stage: stories gathered with the teller's consent.

A story is told by a pseudonymous participant through an activity's link, or entered by a
community reporter on someone's behalf. Nothing is used before there is consent: a story
without it is a draft that only its teller sees. Consent is versioned (a new row per change,
the newest is the current one). Withdrawal leaves only a tombstone without text or media.

`Story.objects` holds only stories with a current consent; drafts and tombstones are reached
through `Story.all_objects` (services only), so every list, count, export and analysis that
starts from `Story.objects` (the registry's contribution counts too) leaves them out.

For the next stages (curation, mobilisation): read stories through selectors.py
(`story_list` for what a viewer may hear, `stories_for_analysis` and `stories_quotable` for
what the current consent allows), and when a story is withdrawn (`services.story_withdraw`)
or expires, anything derived from it must go too: link derived rows to Story with
on_delete=CASCADE and filter on `story__status="active"`, or hook into story_withdraw."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from constellate.stories.choices import (
    Audience,
    Channel,
    Keep,
    Medium,
    StoryStatus,
    StoryType,
)
from constellate.stories.storage import story_media_storage


class UsableStoryManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status=StoryStatus.ACTIVE)


class Story(models.Model):
    activity = models.ForeignKey(
        "initiatives.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="stories",
    )
    story_type = models.CharField(
        _("type of story"), max_length=12, choices=StoryType.choices, default=StoryType.SNAPSHOT
    )
    question = models.CharField(_("question"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    text = models.TextField(_("story"), max_length=20000, blank=True)
    language = models.CharField(_("language"), max_length=12, blank=True)
    # Told by a pseudonymous participant through the link (an account later keeps it), or
    # recorded by a community reporter on someone's behalf (then told_by is empty).
    told_by = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("told by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stories",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(
        _("how it was told"), max_length=14, choices=Channel.choices, default=Channel.ONLINE
    )
    # Only when the teller gives them, for feedback and to be named: personal data.
    teller_name = models.CharField(_("name of the teller"), max_length=120, blank=True)
    teller_email = models.EmailField(_("e-mail address of the teller"), blank=True)
    image_alt = models.CharField(_("description of the photo"), max_length=300, blank=True)
    # The teller's private link (only its hash), to see, change or withdraw consent.
    link_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StoryStatus.choices, default=StoryStatus.DRAFT
    )
    # Who may hear it, from the current consent (kept here so lists filter on it directly).
    audience = models.CharField(
        _("who may hear it"), max_length=14, choices=Audience.choices, blank=True
    )
    created_at = models.DateTimeField(_("told on"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)

    all_objects = models.Manager()
    objects = UsableStoryManager()  # the default (Meta.default_manager_name)

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        base_manager_name = "all_objects"
        default_manager_name = "objects"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["activity", "status", "audience", "-created_at"]),
            # The Stories list, newest first, without sorting all of an initiative's stories.
            models.Index(
                fields=["status", "-created_at", "-id", "activity"], name="story_newest_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"#{self.pk}"


def _media_path(instance, filename: str) -> str:
    # The stored name is random: the teller's file name is never used as a path.
    return f"{instance.story_id}/{filename}"


class StoryMedia(models.Model):
    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="media"
    )
    file = models.FileField(_("file"), upload_to=_media_path, storage=story_media_storage)
    medium = models.CharField(_("kind"), max_length=8, choices=Medium.choices)
    mime = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    duration = models.FloatField(_("length in seconds"), null=True, blank=True)
    had_location = models.BooleanField(_("had a location"), default=False)
    place_shared = models.BooleanField(_("place shared"), default=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("story file")
        verbose_name_plural = _("story files")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.medium} #{self.pk}"


class Consent(models.Model):
    """One version of the teller's consent. Never changed after it is written, except that
    the current one is marked withdrawn when the teller withdraws."""

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="consents"
    )
    audience = models.CharField(_("who may hear it"), max_length=14, choices=Audience.choices)
    analysis = models.BooleanField(_("use for analysis"))
    quotes = models.BooleanField(_("use quotes"))
    named = models.BooleanField(_("with my name"))
    keep = models.CharField(_("keep it"), max_length=6, choices=Keep.choices)
    keep_until = models.DateField(_("keep until"))
    wording = models.CharField(_("wording version"), max_length=40)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    # Filled when a community reporter recorded the teller's consent on their behalf.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]
        get_latest_by = ["given_at", "pk"]

    def __str__(self) -> str:
        return f"{self.story_id}: {self.audience} ({self.given_at:%Y-%m-%d})"


class StoryActivitySettings(models.Model):
    """What a story-gathering activity asks: the open question and the scales."""

    activity = models.OneToOneField(
        "initiatives.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="story_settings",
    )
    question = models.CharField(_("the open question"), max_length=500, blank=True)
    scales = models.JSONField(_("scales"), default=list, blank=True)
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
        verbose_name = _("story settings of an activity")
        verbose_name_plural = _("story settings of activities")

    def __str__(self) -> str:
        return f"{self.activity_id}"


class ScaleAnswer(models.Model):
    """Where the teller placed their story on one scale (see stories/scales.py)."""

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="scale_answers"
    )
    scale = models.CharField(_("scale"), max_length=30)
    value = models.CharField(_("answer"), max_length=30)

    class Meta:
        verbose_name = _("scale answer")
        verbose_name_plural = _("scale answers")
        constraints = [
            models.UniqueConstraint(fields=["story", "scale"], name="one_answer_per_scale")
        ]

    def __str__(self) -> str:
        return f"{self.story_id} {self.scale}={self.value}"
