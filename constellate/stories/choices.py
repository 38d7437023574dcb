"""Fixed lists of the stories app: story types, channels, consent choices, media kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoryType(models.TextChoices):
    SNAPSHOT = "snapshot", _("Snapshot story: an answer to one open question")
    DIALOGUE = "dialogue", _("Peer dialogue: two people interview each other")
    TESTIMONY = "testimony", _("Personal testimony: your own experience")


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("Told, no consent yet")
    ACTIVE = "active", _("With consent")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Channel(models.TextChoices):
    """How a story reached the platform."""

    ONLINE = "online", _("Told online by the teller")
    PAPER = "paper", _("On paper")
    PHONE = "phone", _("By phone")
    FACE_TO_FACE = "face_to_face", _("Face to face")


class Audience(models.TextChoices):
    """Who may hear (read, watch, listen to) a story."""

    TEAM = "team", _("Only the team of this initiative")
    ORGANISATION = "organisation", _("Everyone in the organisation")
    PUBLIC = "public", _("Everyone, also on public pages")


class Keep(models.TextChoices):
    """How long a story is kept; after that it is deleted."""

    HALF_YEAR = "6m", _("Half a year")
    ONE_YEAR = "1y", _("One year")
    TWO_YEARS = "2y", _("Two years")
    FIVE_YEARS = "5y", _("Five years")
    DATE = "date", _("Until a date I choose")


KEEP_MONTHS = {Keep.HALF_YEAR: 6, Keep.ONE_YEAR: 12, Keep.TWO_YEARS: 24, Keep.FIVE_YEARS: 60}
# The longest a story may be kept, also when the teller chooses a date.
KEEP_MAX_MONTHS = 60


class Medium(models.TextChoices):
    IMAGE = "image", _("Photo")
    AUDIO = "audio", _("Audio")
    VIDEO = "video", _("Video")


class ThemeKind(models.TextChoices):
    """What a curator's theme (code) is about: the three lenses of community reporting."""

    ISSUE = "issue", _("Issue")
    ASSET = "asset", _("Asset or strength")
    SOLUTION = "solution", _("Solution")


class SuggestionRunState(models.TextChoices):
    QUEUED = "queued", _("Waiting its turn")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class SuggestionDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    IGNORED = "ignored", _("Ignored")


class PackageVisibility(models.TextChoices):
    """Who sees a published package."""

    PRIVATE = "private", _("Private: the initiative's members")
    PUBLIC = "public", _("Public: a page under the initiative's public page")


class PackageStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DOING = "doing", _("Being done")
    DONE = "done", _("Done")


class NewsKind(models.TextChoices):
    """What happened on a story's path (shown to its teller)."""

    INSIGHT = "insight", _("Your story was used in an insight")
    PACKAGE = "package", _("Your story is in a published collection")
    CONVERSATION = "conversation", _("Your story was discussed at a conversation of change")
    ACTION = "action", _("Your story led to an action")
    ACTION_STATUS = "action_status", _("An action from your story changed")
    DECISION = "decision", _("A decision that rests on your story changed")
