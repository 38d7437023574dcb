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
    ActionStatus,
    Audience,
    Channel,
    Keep,
    Medium,
    NewsKind,
    PackageStatus,
    PackageVisibility,
    StoryStatus,
    StoryType,
    SuggestionDecision,
    SuggestionRunState,
    ThemeKind,
)
from constellate.stories.storage import story_media_storage


class UsableStoryManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status=StoryStatus.ACTIVE)


class Place(models.Model):
    """A named place of an initiative (a neighbourhood, a library, a community centre) that a
    teller may say their story is about. Maps show stories only at these places, so no
    teller's own location is ever stored."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="story_places",
    )
    name = models.CharField(_("name"), max_length=120)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "name"], name="one_place_per_name")
        ]

    def __str__(self) -> str:
        return self.name


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
    # The place the story is about, from the current consent (kept here, like the audience,
    # so maps filter on it directly). Only one of the initiative's named places, never raw
    # coordinates. On a draft it is the place suggested from the photo, shown to the teller
    # on the consent step and nowhere else.
    place = models.ForeignKey(
        "stories.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
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
    # The place the teller shares (one of the initiative's places), or none.
    place = models.ForeignKey(
        Place,
        verbose_name=_("place shared"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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


# Curation ---------------------------------------------------------------------------------
# The second stage: curators (see rules.CURATORS) code stories with themes, mark quotes and
# clips, write insights on them, and redact personal data. Everything here is derived from
# stories and goes when its story is withdrawn or expires (services_curation.
# curation_forget_stories, called by services.story_withdraw and stories_expire).


class Theme(models.Model):
    """A code a curator gives stories: an issue, an asset or strength, or a solution."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="story_themes",
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=ThemeKind.choices)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    from_suggestion = models.BooleanField(_("accepted from a suggestion"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made on"), auto_now_add=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["kind", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "name"], name="one_theme_per_name")
        ]

    def __str__(self) -> str:
        return self.name


class StoryCoding(models.Model):
    """A story coded with a theme."""

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="codings"
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="codings"
    )
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    coded_at = models.DateTimeField(_("coded on"), auto_now_add=True)

    class Meta:
        verbose_name = _("coding")
        verbose_name_plural = _("codings")
        constraints = [
            models.UniqueConstraint(fields=["story", "theme"], name="one_coding_per_theme")
        ]

    def __str__(self) -> str:
        return f"{self.story_id}: {self.theme_id}"


class Quote(models.Model):
    """A passage of a story's text (characters start to end of Story.text), with the words
    as they were when it was marked. Only for stories whose teller allows quotes."""

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="quotes"
    )
    start = models.PositiveIntegerField(_("from character"))
    end = models.PositiveIntegerField(_("to character"))
    text = models.TextField(_("quote"), max_length=20000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("marked on"), auto_now_add=True)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["story_id", "start", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Clip(models.Model):
    """A time range of a story's recording or video. Only where the teller allows quotes."""

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="clips"
    )
    media = models.ForeignKey(
        StoryMedia, verbose_name=_("file"), on_delete=models.CASCADE, related_name="clips"
    )
    start = models.FloatField(_("from second"))
    end = models.FloatField(_("to second"))
    label = models.CharField(_("label"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("marked on"), auto_now_add=True)

    class Meta:
        verbose_name = _("clip")
        verbose_name_plural = _("clips")
        ordering = ["story_id", "media_id", "start", "pk"]

    def __str__(self) -> str:
        return self.label


class Insight(models.Model):
    """A finding a curator writes, resting on stories, quotes and clips (at least one when
    it is written). When tellers withdraw the stories it rests on, the links go and
    `evidence_withdrawn` counts them, so the page can say so instead of the insight silently
    losing its ground."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="insights",
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("insight"), max_length=5000)
    stories = models.ManyToManyField(
        Story, verbose_name=_("stories"), blank=True, related_name="insights"
    )
    quotes = models.ManyToManyField(
        Quote, verbose_name=_("quotes"), blank=True, related_name="insights"
    )
    clips = models.ManyToManyField(
        Clip, verbose_name=_("clips"), blank=True, related_name="insights"
    )
    evidence_withdrawn = models.PositiveIntegerField(_("evidence withdrawn"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("insight")
        verbose_name_plural = _("insights")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class StoryRedaction(models.Model):
    """The redactions a curator accepted for a story. Story.text holds the redacted text, so
    every page, export and analysis uses it. The original is kept here only where the
    teller's consent allows it (named, or heard by the team only: see
    services_curation.original_may_be_kept); otherwise it is gone, and so are the positions
    of what was redacted (only the kinds are counted)."""

    story = models.OneToOneField(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="redaction"
    )
    # With the original: [{"start", "end", "kind", "placeholder"}] in the original's
    # characters; without it: [{"kind"}].
    spans = models.JSONField(_("redactions"), default=list)
    original_kept = models.BooleanField(_("original kept"), default=False)
    original_text = models.TextField(_("original text"), blank=True)
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("redacted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    redacted_at = models.DateTimeField(_("redacted on"), auto_now=True)

    class Meta:
        verbose_name = _("redaction of a story")
        verbose_name_plural = _("redactions of stories")

    def __str__(self) -> str:
        return f"{self.story_id}"


class ThemeSuggestionRun(models.Model):
    """One computation of theme suggestions over an initiative's stories (those whose
    teller allows analysis), run as a background task that reports its progress here."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="theme_suggestion_runs",
    )
    state = models.CharField(
        _("state"),
        max_length=8,
        choices=SuggestionRunState.choices,
        default=SuggestionRunState.QUEUED,
    )
    progress = models.PositiveSmallIntegerField(_("percent done"), default=0)
    story_count = models.PositiveIntegerField(_("stories"), default=0)
    result = models.JSONField(_("result"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("theme suggestion run")
        verbose_name_plural = _("theme suggestion runs")
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id} {self.state}"


class ThemeSuggestionChoice(models.Model):
    """What a curator did with one suggested theme of a run: accepted (into `theme`) or
    ignored. A suggestion without a choice is still open."""

    run = models.ForeignKey(
        ThemeSuggestionRun,
        verbose_name=_("run"),
        on_delete=models.CASCADE,
        related_name="choices",
    )
    index = models.PositiveSmallIntegerField(_("suggestion"))
    decision = models.CharField(_("decision"), max_length=8, choices=SuggestionDecision.choices)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), auto_now_add=True)

    class Meta:
        verbose_name = _("choice on a theme suggestion")
        verbose_name_plural = _("choices on theme suggestions")
        constraints = [
            models.UniqueConstraint(fields=["run", "index"], name="one_choice_per_suggestion")
        ]

    def __str__(self) -> str:
        return f"{self.run_id}#{self.index} {self.decision}"


# Mobilisation ------------------------------------------------------------------------------
# The third stage: packages (stories and insights published as a page), conversations of
# change (priorities and actions agreed with stakeholders, linked to the stories that led to
# them), and the news a teller gets about their story's path. Withdrawal or expiry removes a
# story's links here too (services_mobilise.mobilise_forget_stories, called by
# services_curation.curation_forget_stories); pages read through selectors_mobilise, which
# also checks the current consent when a page is shown.


class Package(models.Model):
    """A collection of stories and insights, published as a page for the initiative's
    members (private) or under the initiative's public page (public)."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="story_packages",
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), max_length=5000, blank=True)
    visibility = models.CharField(
        _("who sees it"),
        max_length=8,
        choices=PackageVisibility.choices,
        default=PackageVisibility.PRIVATE,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PackageStatus.choices, default=PackageStatus.DRAFT
    )
    stories = models.ManyToManyField(
        Story, verbose_name=_("stories"), blank=True, related_name="packages"
    )
    insights = models.ManyToManyField(
        Insight, verbose_name=_("insights"), blank=True, related_name="packages"
    )
    stories_withdrawn = models.PositiveIntegerField(_("stories withdrawn"), default=0)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("package")
        verbose_name_plural = _("packages")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == PackageStatus.PUBLISHED


class ChangeConversation(models.Model):
    """A conversation of change: stakeholders meet about a package and agree priorities and
    actions."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="change_conversations",
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    package = models.ForeignKey(
        Package,
        verbose_name=_("package discussed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conversations",
    )
    groups = models.JSONField(_("stakeholder groups present"), default=list, blank=True)
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    stories_withdrawn = models.PositiveIntegerField(_("stories withdrawn"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("conversation of change")
        verbose_name_plural = _("conversations of change")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class ChangePriority(models.Model):
    """A priority agreed at a conversation of change; rank 1 comes first."""

    conversation = models.ForeignKey(
        ChangeConversation,
        verbose_name=_("conversation of change"),
        on_delete=models.CASCADE,
        related_name="priorities",
    )
    text = models.CharField(_("priority"), max_length=300)
    rank = models.PositiveIntegerField(_("rank"))
    stories = models.ManyToManyField(
        Story, verbose_name=_("stories"), blank=True, related_name="change_priorities"
    )
    insights = models.ManyToManyField(
        Insight, verbose_name=_("insights"), blank=True, related_name="change_priorities"
    )

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        ordering = ["conversation_id", "rank", "pk"]

    def __str__(self) -> str:
        return self.text


class ChangeAction(models.Model):
    """An action agreed at a conversation of change: what, who (a member or a name), when."""

    conversation = models.ForeignKey(
        ChangeConversation,
        verbose_name=_("conversation of change"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="change_actions",
    )
    what = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_name = models.CharField(_("owner (name)"), max_length=120, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=6, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    priority = models.ForeignKey(
        ChangePriority,
        verbose_name=_("priority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    stories = models.ManyToManyField(
        Story, verbose_name=_("stories"), blank=True, related_name="change_actions"
    )
    insights = models.ManyToManyField(
        Insight, verbose_name=_("insights"), blank=True, related_name="change_actions"
    )
    created_at = models.DateTimeField(_("agreed on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["initiative", "status"])]

    def __str__(self) -> str:
        return self.what

    @property
    def owner_display(self) -> str:
        if self.owner_id is not None:
            return str(self.owner)
        return self.owner_name


class StoryNews(models.Model):
    """News about a story's path for its teller: shown on their private link page until they
    have seen it, and e-mailed (at most once a day per story) when they gave an address."""

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="news"
    )
    kind = models.CharField(_("what happened"), max_length=14, choices=NewsKind.choices)
    created_at = models.DateTimeField(_("on"), auto_now_add=True)
    mailed_at = models.DateTimeField(_("e-mailed on"), null=True, blank=True)
    seen_at = models.DateTimeField(_("seen on"), null=True, blank=True)

    class Meta:
        verbose_name = _("news about a story")
        verbose_name_plural = _("news about stories")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["story", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.story_id} {self.kind}"
