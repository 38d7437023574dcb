"""Writes of the stories app: telling a story, recording one on someone's behalf, consent
(versions, withdrawal), self-signification, the activity's settings, retention and erasure.

Every function is keyword-only, atomic and validating; permission checks are the caller's
(views use stories/rules.py)."""

import calendar
import math
import secrets
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import Participant, User, new_token, token_hash
from constellate.core.services import audit_record
from constellate.core.uploads import check_upload
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity, Initiative
from constellate.initiatives.services import activity_join_refusal, initiative_touch
from constellate.stories.choices import (
    KEEP_MAX_MONTHS,
    KEEP_MONTHS,
    Audience,
    Channel,
    Keep,
    Medium,
    StoryStatus,
    StoryType,
)
from constellate.stories.consent import CONSENT_WORDING_VERSION
from constellate.stories.models import (
    Consent,
    Place,
    ScaleAnswer,
    Story,
    StoryActivitySettings,
    StoryMedia,
)
from constellate.stories.scales import SCALES

TEXT_MAX = 20000
# A story told but never given consent is deleted after this many days.
DRAFT_DAYS = 2
# Stories one participant may tell in a day: enough for anyone, a brake on a flood.
STORIES_PER_DAY = 20
# A photo's GPS position becomes the nearest of the initiative's places within this distance
# (a walk of a quarter of an hour); farther away it suggests no place at all.
PLACE_SNAP_METRES = 1500
# A short list: the places people in the initiative know by name.
PLACES_MAX = 50
NAME_MAX = 120


# Helpers ---------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def keep_until_for(*, keep: str, chosen: date | None, today: date | None = None) -> date:
    """The last day a story is kept, for a period choice or a chosen date."""
    today = today or timezone.localdate()
    latest = add_months(today, KEEP_MAX_MONTHS)
    if keep == Keep.DATE:
        if chosen is None:
            raise ValidationError({"keep_until": _("Choose the date until which we keep it.")})
        if chosen <= today:
            raise ValidationError({"keep_until": _("Choose a date after today.")})
        if chosen > latest:
            raise ValidationError(
                {"keep_until": _("We keep a story for five years at most. Choose an earlier date.")}
            )
        return chosen
    if keep not in KEEP_MONTHS:
        raise ValidationError({"keep": _("Choose how long we may keep your story.")})
    return add_months(today, KEEP_MONTHS[Keep(keep)])


def _check_activity(activity: Activity) -> None:
    if activity.kind != ActivityKind.STORY_GATHERING:
        raise ValidationError(_("This activity does not gather stories."))


def stories_refusal(activity: Activity) -> str:
    """Why the activity takes no new stories now, in words, or "" when it does (its link
    and dates decide, as for joining)."""
    if activity_join_refusal(activity):
        return _("This activity does not take new stories now.")
    return ""


def _check_open(activity: Activity) -> None:
    refusal = stories_refusal(activity)
    if refusal:
        raise ValidationError(refusal)


def _clean_story_fields(
    *, story_type: str, text: str, title: str, language: str, has_media: bool
) -> tuple[str, str, str]:
    errors: dict[str, list[str]] = {}
    if story_type not in StoryType.values:
        errors["story_type"] = [_("Choose one of the types of story.")]
    text = (text or "").replace("\x00", "").strip()
    title = (title or "").replace("\x00", "").strip()
    if len(text) > TEXT_MAX:
        errors["text"] = [_("Your story is too long: at most %(n)d characters.") % {"n": TEXT_MAX}]
    if not text and not has_media:
        errors["text"] = [_("Write your story, or add a recording, photo or video.")]
    if len(title) > 200:
        errors["title"] = [_("The title is too long: at most 200 characters.")]
    if errors:
        raise ValidationError(errors)
    return text, title, (language or "")[:12]


def _attach_media(
    *, story: Story, upload: Any, place_shared: bool
) -> tuple[StoryMedia, Place | None]:
    """Store the checked file. Its location metadata always goes; when the teller shares the
    place, a photo's GPS position is read (in memory only) and turned into the nearest of the
    initiative's places, which is returned. The raw coordinates are never stored."""
    checked = check_upload(
        upload,
        media=(Medium.IMAGE, Medium.AUDIO, Medium.VIDEO),
        keep_location=False,
        read_location=place_shared,
    )
    place = None
    if place_shared and checked.location is not None:
        place = place_nearest(
            initiative_id=story.activity.initiative_id,
            latitude=checked.location[0],
            longitude=checked.location[1],
        )
    media = StoryMedia(
        story=story,
        medium=checked.medium,
        mime=checked.mime,
        size=checked.size,
        duration=checked.duration,
        had_location=checked.had_location,
        place_shared=place is not None,
    )
    # A random stored name: the teller's file name is never part of a path.
    name = f"{secrets.token_hex(12)}.{checked.extension.lstrip('.')}"
    media.file.save(name, checked.content, save=False)
    try:
        media.save()
    except Exception:
        media.file.storage.delete(media.file.name)
        raise
    return media, place


def _files_removed_on_failure(story: Story):
    """Files stored for a story whose transaction then fails would outlive it: remove them."""

    class _Guard:
        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc, tb):
            if exc_type is not None:
                for media in StoryMedia.objects.filter(story_id=story.pk):
                    media.file.storage.delete(media.file.name)
            return False

    return _Guard()


def _new_story(**fields: Any) -> tuple[Story, str]:
    secret = new_token()
    story = Story(link_hash=token_hash(secret), **fields)
    story.save()
    return story, secret


# Telling a story -------------------------------------------------------------------------


@transaction.atomic
def story_tell(
    *,
    activity: Activity,
    participant: Participant,
    story_type: str,
    text: str = "",
    title: str = "",
    language: str = "",
    upload: Any = None,
    place_shared: bool = False,
    image_alt: str = "",
) -> tuple[Story, str]:
    """A participant tells a story through the activity's link. It is a draft until they
    give consent (`consent_give`). Returns the story and the secret of its private link."""
    _check_activity(activity)
    _check_open(activity)
    recent = Story.all_objects.filter(
        told_by=participant, created_at__gte=timezone.now() - timedelta(days=1)
    )
    if recent.count() >= STORIES_PER_DAY:
        raise ValidationError(
            _("You told many stories today. Thank you! Please come back tomorrow for more.")
        )
    text, title, language = _clean_story_fields(
        story_type=story_type, text=text, title=title, language=language, has_media=bool(upload)
    )
    story, secret = _new_story(
        activity=activity,
        story_type=story_type,
        question=story_question(activity=activity) if story_type == StoryType.SNAPSHOT else "",
        title=title,
        text=text,
        language=language,
        told_by=participant,
        channel=Channel.ONLINE,
        image_alt=(image_alt or "").strip()[:300],
        status=StoryStatus.DRAFT,
    )
    if upload:
        _media, place = _attach_media(story=story, upload=upload, place_shared=place_shared)
        if place is not None:
            # Only a suggestion for the consent step: a draft is shown nowhere else.
            story.place = place
            Story.all_objects.filter(pk=story.pk).update(place=place)
    return story, secret


@transaction.atomic
def story_record(
    *,
    activity: Activity,
    reporter: User,
    story_type: str,
    channel: str,
    teller_agreed: bool,
    consent: dict[str, Any],
    text: str = "",
    title: str = "",
    language: str = "",
    teller_name: str = "",
    teller_email: str = "",
    upload: Any = None,
    place_shared: bool = False,
    image_alt: str = "",
    answers: dict[str, str] | None = None,
) -> tuple[Story, str]:
    """A community reporter enters a story told on paper, by phone or face to face, with the
    consent the teller gave. Returns the story and the secret of the teller's private link.

    `consent["place"]` is the place the teller shares (or None); with `place_shared` and no
    place chosen, the place is the nearest of the initiative's places to where the photo was
    taken (refused when there is none near)."""
    _check_activity(activity)
    errors: dict[str, list[str]] = {}
    if channel not in Channel.values or channel == Channel.ONLINE:
        errors["channel"] = [_("Choose how the story was told.")]
    if not teller_agreed:
        errors["teller_agreed"] = [
            _("Only save the story when the teller agreed to these choices.")
        ]
    try:
        text, title, language = _clean_story_fields(
            story_type=story_type, text=text, title=title, language=language, has_media=bool(upload)
        )
    except ValidationError as exc:
        errors.update({k: list(v) for k, v in exc.message_dict.items()})
    try:
        consent_clean(**consent, teller_name=teller_name, teller_email=teller_email)
    except ValidationError as exc:
        errors.update({k: list(v) for k, v in exc.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    story, secret = _new_story(
        activity=activity,
        story_type=story_type,
        question=story_question(activity=activity) if story_type == StoryType.SNAPSHOT else "",
        title=title,
        text=text,
        language=language,
        recorded_by=reporter,
        channel=channel,
        image_alt=(image_alt or "").strip()[:300],
        status=StoryStatus.DRAFT,
    )
    consent = dict(consent)
    from_photo = place_shared and consent.get("place") is None
    with _files_removed_on_failure(story):
        if upload:
            _media, place = _attach_media(story=story, upload=upload, place_shared=from_photo)
            if from_photo:
                consent["place"] = place
        if from_photo and consent.get("place") is None:
            raise ValidationError(
                {
                    "place": [
                        _(
                            "We found none of the initiative's places near where the photo "
                            "was taken. Choose a place from the list, or no place."
                        )
                    ]
                }
            )
        consent_give(
            story=story,
            recorded_by=reporter,
            teller_name=teller_name,
            teller_email=teller_email,
            **consent,
        )
        if answers:
            scale_answers_save(story=story, answers=answers)
    audit_record(
        actor=reporter,
        action="story.recorded",
        obj=story,
        organisation_id=activity.initiative.organisation_id,
        detail={"channel": channel},
    )
    return Story.all_objects.get(pk=story.pk), secret


# Consent ---------------------------------------------------------------------------------


def consent_clean(
    *,
    audience: str,
    named: bool,
    keep: str,
    teller_name: str,
    teller_email: str,
    keep_until: date | None = None,
    **_ignored: Any,
) -> tuple[date, str, str]:
    """Check consent choices; returns the last day to keep, and the cleaned name and e-mail."""
    errors: dict[str, list[str]] = {}
    if audience not in Audience.values:
        errors["audience"] = [_("Choose who may hear your story.")]
    name = (teller_name or "").replace("\x00", "").strip()[:120]
    email = (teller_email or "").strip().lower()[:254]
    if named and not name:
        errors["teller_name"] = [_("Give the name to show with the story, or choose anonymous.")]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["teller_email"] = [_("Give a valid e-mail address, or leave it empty.")]
    until = None
    try:
        until = keep_until_for(keep=keep, chosen=keep_until)
    except ValidationError as exc:
        errors.update({k: list(v) for k, v in exc.message_dict.items()})
    if errors or until is None:
        raise ValidationError(errors)
    return until, name, email


def consent_current(story: Story) -> Consent | None:
    return story.consents.order_by("-given_at", "-pk").first()


@transaction.atomic
def consent_give(
    *,
    story: Story,
    audience: str,
    analysis: bool,
    quotes: bool,
    named: bool,
    keep: str,
    keep_until: date | None = None,
    recorded_by: User | None = None,
    teller_name: str | None = None,
    teller_email: str | None = None,
    place: Place | None = None,
) -> Consent:
    """Record the teller's consent as a new version (the first, or a change). The story is
    usable from now on, within what this consent allows. `place` is the place the teller
    shares (one of the initiative's places), None for none: maps show only that."""
    story = Story.all_objects.select_for_update().get(pk=story.pk)
    if story.status == StoryStatus.WITHDRAWN:
        raise ValidationError(_("This story was withdrawn. It can no longer be changed."))
    initiative_id = Activity.objects.filter(pk=story.activity_id).values_list(
        "initiative_id", flat=True
    )[0]
    if place is not None and (
        place.initiative_id != initiative_id or not Place.objects.filter(pk=place.pk).exists()
    ):
        raise ValidationError({"place": _("Choose one of the places in the list, or no place.")})
    name = story.teller_name if teller_name is None else teller_name
    email = story.teller_email if teller_email is None else teller_email
    until, name, email = consent_clean(
        audience=audience,
        named=named,
        keep=keep,
        keep_until=keep_until,
        teller_name=name,
        teller_email=email,
    )
    consent = Consent.objects.create(
        story=story,
        audience=audience,
        analysis=bool(analysis),
        quotes=bool(quotes),
        named=bool(named),
        keep=keep,
        keep_until=until,
        place=place,
        wording=CONSENT_WORDING_VERSION,
        recorded_by=recorded_by,
    )
    fields = ["audience", "place"]
    story.audience = audience
    story.place = place
    if story.status != StoryStatus.ACTIVE:
        story.status = StoryStatus.ACTIVE
        fields.append("status")
    if (name, email) != (story.teller_name, story.teller_email):
        story.teller_name, story.teller_email = name, email
        fields += ["teller_name", "teller_email"]
    if fields:
        Story.all_objects.filter(pk=story.pk).update(**{f: getattr(story, f) for f in fields})
    # A kept unredacted original goes when the new consent no longer allows keeping it.
    from constellate.stories.services_curation import redaction_consent_changed

    redaction_consent_changed(story=story, consent=consent)
    initiative_touch(story.activity.initiative_id)
    return consent


@transaction.atomic
def story_withdraw(*, story: Story) -> Story:
    """The teller withdraws consent: the story leaves every page, export and analysis, its
    files are deleted now, and a tombstone without text remains (so the private link can say
    what happened)."""
    story = Story.all_objects.select_for_update().get(pk=story.pk)
    if story.status == StoryStatus.WITHDRAWN:
        return story
    now = timezone.now()
    # Curation's codings, quotes, clips, redactions and links from insights go first (the
    # clips hang on the files deleted next).
    from constellate.stories.services_curation import curation_forget_stories

    curation_forget_stories(story_ids=[story.pk])
    files = [(m.file.storage, m.file.name) for m in story.media.all()]
    story.media.all().delete()
    for storage, name in files:
        storage.delete(name)
    story.scale_answers.all().delete()
    current = consent_current(story)
    if current is not None:
        Consent.objects.filter(pk=current.pk).update(withdrawn_at=now)
    Story.all_objects.filter(pk=story.pk).update(
        status=StoryStatus.WITHDRAWN,
        audience="",
        place=None,
        withdrawn_at=now,
        title="",
        text="",
        question="",
        teller_name="",
        teller_email="",
        image_alt="",
    )
    audit_record(
        actor=None,
        action="story.withdrawn",
        obj=story,
        organisation_id=story.activity.initiative.organisation_id,
    )
    initiative_touch(story.activity.initiative_id)
    return Story.all_objects.get(pk=story.pk)


# Places ----------------------------------------------------------------------------------


def distance_metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance (haversine), in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6_371_000 * math.asin(min(1.0, math.sqrt(a)))


def place_nearest(
    *, initiative_id: int, latitude: float, longitude: float, within: float = PLACE_SNAP_METRES
) -> Place | None:
    """The initiative's place nearest to a position, if it is within `within` metres."""
    best, best_distance = None, within
    for place in Place.objects.filter(initiative_id=initiative_id):
        distance = distance_metres(latitude, longitude, place.latitude, place.longitude)
        if distance <= best_distance:
            best, best_distance = place, distance
    return best


def _coordinate(value: Any, low: float, high: float, field: str, message: str, errors) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if math.isnan(number) or math.isinf(number) or not low <= number <= high:
        errors[field] = [message]
        return 0.0
    return round(number, 6)


@transaction.atomic
def place_save(
    *,
    initiative: Initiative,
    name: str,
    latitude: Any,
    longitude: Any,
    place: Place | None = None,
) -> Place:
    """Add a named place to the initiative, or change one (`place`). Names are unique in the
    initiative (whatever the capitals), and two places may not share a position."""
    errors: dict[str, list[str]] = {}
    name = " ".join((name or "").replace("\x00", "").split())
    if not name:
        errors["name"] = [_("Give the place a name.")]
    elif len(name) > NAME_MAX:
        errors["name"] = [_("The name is too long: at most %(n)d characters.") % {"n": NAME_MAX}]
    lat = _coordinate(
        latitude, -90, 90, "latitude", _("The latitude is a number from -90 to 90."), errors
    )
    lon = _coordinate(
        longitude,
        -180,
        180,
        "longitude",
        _("The longitude is a number from -180 to 180."),
        errors,
    )
    others = Place.objects.select_for_update().filter(initiative=initiative)
    if place is not None:
        if place.initiative_id != initiative.pk:
            raise ValidationError(_("This place belongs to another initiative."))
        others = others.exclude(pk=place.pk)
    if name and "name" not in errors and others.filter(name__iexact=name).exists():
        errors["name"] = [_("There is already a place with this name.")]
    if not errors:
        same = next(
            (
                other
                for other in others
                if abs(other.latitude - lat) < 1e-5 and abs(other.longitude - lon) < 1e-5
            ),
            None,
        )
        if same is not None:
            errors["latitude"] = [_("%(name)s is already at this position.") % {"name": same.name}]
    if place is None and not errors and others.count() >= PLACES_MAX:
        errors["name"] = [
            _("An initiative has at most %(n)d places. Remove one first.") % {"n": PLACES_MAX}
        ]
    if errors:
        raise ValidationError(errors)
    if place is None:
        place = Place(initiative=initiative)
    place.name, place.latitude, place.longitude = name, lat, lon
    place.save()
    initiative_touch(initiative.pk)
    return place


@transaction.atomic
def place_delete(*, place: Place) -> None:
    """Remove a place. Stories and consents that shared it keep no place (they leave the
    maps); the tellers can choose another place on their private link."""
    initiative_id = place.initiative_id
    place.delete()
    initiative_touch(initiative_id)


# Self-signification ----------------------------------------------------------------------


@transaction.atomic
def scale_answers_save(*, story: Story, answers: dict[str, str]) -> list[ScaleAnswer]:
    """The teller's answers on the activity's scales; an empty answer is no answer. Saving
    again replaces the earlier answers."""
    if story.status == StoryStatus.WITHDRAWN:
        raise ValidationError(_("This story was withdrawn. It can no longer be changed."))
    asked = activity_scales(activity=story.activity)
    errors: dict[str, list[str]] = {}
    rows = []
    for key, value in answers.items():
        if not value:
            continue
        scale = SCALES.get(key)
        if scale is None or scale.key not in asked or value not in scale.keys:
            errors[key] = [_("Choose one of the answers in the list.")]
            continue
        rows.append(ScaleAnswer(story=story, scale=key, value=value))
    if errors:
        raise ValidationError(errors)
    story.scale_answers.all().delete()
    return ScaleAnswer.objects.bulk_create(rows)


# The activity's settings -----------------------------------------------------------------


def activity_scales(*, activity: Activity) -> list[str]:
    from constellate.stories.scales import DEFAULT_SCALES

    settings_ = StoryActivitySettings.objects.filter(activity=activity).first()
    if settings_ is None:
        return list(DEFAULT_SCALES)
    return [key for key in settings_.scales if key in SCALES]


def story_question(*, activity: Activity) -> str:
    settings_ = StoryActivitySettings.objects.filter(activity=activity).first()
    if settings_ and settings_.question:
        return settings_.question
    return activity.purpose[:500]


@transaction.atomic
def activity_settings_set(
    *, activity: Activity, actor: User, question: str, scales: Iterable[str]
) -> StoryActivitySettings:
    _check_activity(activity)
    chosen = list(dict.fromkeys(scales))
    if any(key not in SCALES for key in chosen):
        raise ValidationError({"scales": _("Choose scales from the list.")})
    question = (question or "").replace("\x00", "").strip()
    if len(question) > 500:
        raise ValidationError({"question": _("The question is too long: at most 500 characters.")})
    settings_, _created = StoryActivitySettings.objects.update_or_create(
        activity=activity,
        defaults={"question": question, "scales": chosen, "updated_by": actor},
    )
    return settings_


# Retention and erasure -------------------------------------------------------------------


@transaction.atomic
def stories_expire(*, today: date | None = None) -> int:
    """Delete every story whose consent's "keep until" has passed, and drafts never given
    consent within DRAFT_DAYS. Their files go with them. Returns the number deleted."""
    today = today or timezone.localdate()
    latest = Consent.objects.filter(story=OuterRef("pk")).order_by("-given_at", "-pk")
    expired = (
        Story.all_objects.filter(status=StoryStatus.ACTIVE)
        .annotate(until=Subquery(latest.values("keep_until")[:1]))
        .filter(until__lt=today)
    )
    stale = Story.all_objects.filter(
        status=StoryStatus.DRAFT,
        created_at__lt=timezone.now() - timedelta(days=DRAFT_DAYS),
    )
    ids = list(expired.values_list("pk", flat=True)) + list(stale.values_list("pk", flat=True))
    initiatives = set(
        Story.all_objects.filter(pk__in=ids).values_list("activity__initiative_id", flat=True)
    )
    from constellate.stories.services_curation import curation_forget_stories

    curation_forget_stories(story_ids=ids)
    Story.all_objects.filter(pk__in=ids).delete()
    for initiative_id in initiatives:
        initiative_touch(initiative_id)
    return len(ids)


def stories_of_user(user: User):
    """Every story a person told (under any of their participations), drafts and
    tombstones included."""
    return Story.all_objects.filter(told_by__user=user)


@transaction.atomic
def stories_erase(*, user: User) -> int:
    """Erase a person's stories: those they told go entirely (with their files); those they
    recorded for someone else stay the teller's, without the reporter's name."""
    Story.all_objects.filter(recorded_by=user).update(recorded_by=None)
    Consent.objects.filter(recorded_by=user).update(recorded_by=None)
    from constellate.stories.services_curation import curation_forget_stories

    curation_forget_stories(story_ids=stories_of_user(user).values_list("pk", flat=True))
    return stories_of_user(user).delete()[0]
