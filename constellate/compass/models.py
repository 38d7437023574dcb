import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from constellate.core.models import TimeStampedModel
from constellate.core.texts import PerLanguageTexts
from constellate.initiatives.models import fast_choice_display


class Constellation(PerLanguageTexts, TimeStampedModel):
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


class Element(PerLanguageTexts, TimeStampedModel):
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


# Assessment rounds ---------------------------------------------------------------------------


def new_round_token() -> str:
    return secrets.token_urlsafe(18)


class StakeholderGroup(models.TextChoices):
    STAFF = "staff", _("Staff")
    CITIZENS = "citizens", _("Citizens and service users")
    PARTNERS = "partners", _("Partners")
    OTHERS = "others", _("Others")


# What someone who answers through the round's link can say they are. Staff answer signed in,
# so that nobody can speak for the staff through an open link.
LINK_GROUPS = (StakeholderGroup.CITIZENS, StakeholderGroup.PARTNERS, StakeholderGroup.OTHERS)


class RoundStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Round(TimeStampedModel):
    """An assessment round of an initiative: for a while, everyone involved rates the
    elements it covers on progress and importance."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="compass_rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    closed_at = models.DateTimeField(_("closed early at"), null=True, blank=True)
    elements = models.ManyToManyField(
        Element, verbose_name=_("elements"), related_name="rounds", blank=True
    )
    # The round's link for people without an account. Not a personal secret (like an
    # activity's join link it is shared on posters), but unguessable.
    token = models.CharField(max_length=40, unique=True, default=new_round_token)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        ordering = ["-opens_on", "-pk"]
        indexes = [models.Index(fields=["initiative", "closes_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("compass:round", args=[self.pk])

    def get_link_url(self) -> str:
        return reverse("compass:respond_link", args=[self.token])

    def status_on(self, day) -> str:
        if self.closed_at is not None or day > self.closes_on:
            return RoundStatus.CLOSED
        if day < self.opens_on:
            return RoundStatus.UPCOMING
        return RoundStatus.OPEN

    def is_open_on(self, day) -> bool:
        return self.status_on(day) == RoundStatus.OPEN

    def is_closed_on(self, day) -> bool:
        return self.status_on(day) == RoundStatus.CLOSED


class Response(TimeStampedModel):
    """One person's answers in a round: signed in (`user`) or through the round's link
    (`participant`, pseudonymous). One per person per round; revisable while the round is
    open."""

    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="compass_responses",
    )
    participant = models.ForeignKey(
        "accounts.Participant",
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="compass_responses",
    )
    group = models.CharField(_("stakeholder group"), max_length=20, choices=StakeholderGroup)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user"],
                condition=models.Q(user__isnull=False),
                name="compass_one_response_per_user",
            ),
            models.UniqueConstraint(
                fields=["round", "participant"],
                condition=models.Q(participant__isnull=False),
                name="compass_one_response_per_participant",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, participant__isnull=True)
                | models.Q(user__isnull=True, participant__isnull=False),
                name="compass_response_has_one_respondent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round} #{self.pk}"


class Rating(models.Model):
    """How far the initiative is (progress) and how much it matters (importance) for one
    element, 1 to 5, empty for "don't know"; with an optional note and evidence links."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="ratings"
    )
    element = models.ForeignKey(
        Element, verbose_name=_("element"), on_delete=models.CASCADE, related_name="ratings"
    )
    progress = models.PositiveSmallIntegerField(_("how far we are"), null=True, blank=True)
    importance = models.PositiveSmallIntegerField(_("how much it matters"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    evidence = models.JSONField(_("evidence links"), default=list, blank=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "element"], name="compass_one_rating_per_element"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__isnull=True)
                | models.Q(progress__gte=1, progress__lte=5),
                name="compass_progress_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(importance__isnull=True)
                | models.Q(importance__gte=1, importance__lte=5),
                name="compass_importance_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element_id}: {self.progress}/{self.importance}"


# Reflection sessions, their actions, and the staff competence check ------------------------
# (issue 3, points 5 and 8). Services: services_reflection.py and services_competences.py.


class SessionSetting(models.TextChoices):
    ROOM = "room", _("In the room")
    ONLINE = "online", _("Online")


class SessionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    CLOSED = "closed", _("Closed")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("To do")
    DONE = "done", _("Done")


@fast_choice_display
class ReflectionSession(TimeStampedModel):
    """A team's conversation about one constellation of the compass, in the room or online.

    `scenes` keeps the constellation's two scenes as they were when the session started, in
    every language ({lang: [{"title", "situation", "questions": [...]}, ...]}), so a closed
    session stays a faithful record even after the organisation rewrites its texts.
    `answers` = {"<scene>-<question>": "the group's answer"}, numbered from 0. No names of
    participants are needed: `participants` is a short free text and `participant_count` a
    number, both optional."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="reflection_sessions",
    )
    constellation = models.ForeignKey(
        Constellation,
        verbose_name=_("constellation"),
        on_delete=models.PROTECT,
        related_name="reflection_sessions",
    )
    held_on = models.DateField(_("date of the session"))
    setting = models.CharField(
        _("where the session takes place"), max_length=10, choices=SessionSetting.choices
    )
    participant_count = models.PositiveSmallIntegerField(
        _("number of people taking part"), null=True, blank=True
    )
    participants = models.CharField(_("who took part"), max_length=300, blank=True)
    scenes = models.JSONField(_("scenes and questions"), default=dict, blank=True)
    answers = models.JSONField(_("answers of the group"), default=dict, blank=True)
    agreements = models.TextField(_("agreements"), max_length=5000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SessionStatus.choices,
        default=SessionStatus.IN_PROGRESS,
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reflection session")
        verbose_name_plural = _("reflection sessions")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["initiative", "-held_on"], name="compass_session_init_idx")]

    def __str__(self) -> str:
        return f"{self.constellation} ({self.held_on})"

    def get_absolute_url(self) -> str:
        return reverse("compass:reflection_session", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.status == SessionStatus.CLOSED


@fast_choice_display
class ReflectionAction(TimeStampedModel):
    """Something the team agreed to do in a reflection session: who does it, by when, and
    which element of the compass it serves. Shown on the initiative and on its owner's
    dashboard until it is done. The owner is a member of the initiative, or (`owner_name`)
    someone without an account."""

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="reflection_actions",
    )
    session = models.ForeignKey(
        ReflectionSession,
        verbose_name=_("reflection session"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    description = models.CharField(_("what will be done"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reflection_actions",
    )
    owner_name = models.CharField(_("owner without an account"), max_length=120, blank=True)
    due_on = models.DateField(_("due date"))
    element = models.ForeignKey(
        Element,
        verbose_name=_("element it addresses"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reflection_actions",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("agreed action")
        verbose_name_plural = _("agreed actions")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["initiative", "status", "due_on"], name="compass_action_init_idx"),
            models.Index(fields=["owner", "status", "due_on"], name="compass_action_owner_idx"),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def is_done(self) -> bool:
        return self.status == ActionStatus.DONE

    @property
    def owner_display(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_name

    def is_overdue_on(self, day) -> bool:
        return not self.is_done and self.due_on < day


class Competence(PerLanguageTexts, TimeStampedModel):
    """One co-creation competence of the staff competence check (element 18), one
    organisation's copy, seeded from `compass/competences.py`.

    `texts` = {lang: {"name", "statement", "tip", "scale": [five labels, 1 to 5]}};
    `elements` and `methods` are keys of compass elements and library methods that help
    someone grow in it."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="competences",
    )
    key = models.SlugField(_("key"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)
    texts = models.JSONField(_("texts"), default=dict, blank=True)
    elements = models.JSONField(_("related elements"), default=list, blank=True)
    methods = models.JSONField(_("related methods"), default=list, blank=True)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "key"], name="compass_competence_key_per_org"
            )
        ]

    def __str__(self) -> str:
        return self.name


class CompetenceCheck(models.Model):
    """One time a person took the competence check in an organisation. Only that person ever
    sees it; the team sees aggregates of everyone's latest check."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="competence_checks",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="competence_checks",
    )
    created_at = models.DateTimeField(_("taken at"), default=timezone.now)

    class Meta:
        verbose_name = _("competence check")
        verbose_name_plural = _("competence checks")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["organisation", "user", "-created_at"], name="compass_check_person_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"


SCORE_MIN, SCORE_MAX = 1, 5


class CompetenceScore(models.Model):
    """A person's own rating of one competence in one check, from 1 to 5."""

    competence_check = models.ForeignKey(
        CompetenceCheck,
        verbose_name=_("competence check"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    competence = models.ForeignKey(
        Competence,
        verbose_name=_("competence"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("competence score")
        verbose_name_plural = _("competence scores")
        constraints = [
            models.UniqueConstraint(
                fields=["competence_check", "competence"], name="compass_score_once_per_check"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=SCORE_MIN) & models.Q(score__lte=SCORE_MAX),
                name="compass_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competence_id}: {self.score}"
