"""Writes of the compass app: keyword-only, typed, atomic, validating."""

from collections.abc import Iterable
from copy import deepcopy
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from constellate.accounts.models import Participant, User
from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.selectors import org_roles_for_user
from constellate.accounts.services import participant_touch
from constellate.compass import framework as standard
from constellate.compass.models import (
    LINK_GROUPS,
    Constellation,
    Element,
    Rating,
    Response,
    Round,
    RoundStatus,
    StakeholderGroup,
)
from constellate.compass.selectors import response_for
from constellate.core.services import audit_record
from constellate.initiatives.models import Initiative
from constellate.initiatives.selectors import initiative_roles_for_user
from constellate.initiatives.services import initiative_touch

# The framework ----------------------------------------------------------------------------


@transaction.atomic
def framework_ensure(*, organisation: Any) -> int:
    """Give the organisation its own copy of the standard framework.

    Creates only what is missing, matched by key, and never changes what exists: an admin's
    corrections (texts, grouping, order, deactivation) survive every later call. Safe to call
    twice at once (conflicts are skipped). Returns the number of rows created."""
    have_c = dict(Constellation.objects.filter(organisation=organisation).values_list("key", "pk"))
    have_e = set(Element.objects.filter(organisation=organisation).values_list("key", flat=True))
    if all(e["key"] in have_e for e in standard.ELEMENTS) and all(
        c["key"] in have_c for c in standard.CONSTELLATIONS
    ):
        return 0
    missing_c = [c for c in standard.CONSTELLATIONS if c["key"] not in have_c]
    created = 0
    if missing_c:
        made = Constellation.objects.bulk_create(
            [
                Constellation(
                    organisation=organisation,
                    key=c["key"],
                    position=c["position"],
                    texts=deepcopy(c["texts"]),
                )
                for c in missing_c
            ],
            ignore_conflicts=True,
        )
        created += len(made)
        have_c = dict(
            Constellation.objects.filter(organisation=organisation).values_list("key", "pk")
        )
    missing_e = [e for e in standard.ELEMENTS if e["key"] not in have_e]
    if missing_e:
        taken = set(
            Element.objects.filter(organisation=organisation).values_list("number", flat=True)
        )
        rows = []
        for e in missing_e:
            if e["number"] in taken:  # pragma: no cover - own elements start after the standard
                continue
            rows.append(
                Element(
                    organisation=organisation,
                    constellation_id=have_c[e["constellation"]],
                    key=e["key"],
                    number=e["number"],
                    position=e["number"],
                    is_standard=True,
                    is_active=True,
                    texts=deepcopy(e["texts"]),
                )
            )
        Element.objects.bulk_create(rows, ignore_conflicts=True)
        created += len(rows)
    return created


# Assessment rounds ----------------------------------------------------------------------------

ROUND_FIELDS = ("title", "opens_on", "closes_on", "elements")
MAX_NOTE = 2000
MAX_LINKS = 5
MAX_LINK_LENGTH = 500
SCALE = range(1, 6)


@transaction.atomic
def round_create(
    *,
    initiative: Initiative,
    actor: User,
    title: str,
    opens_on: date,
    closes_on: date,
    elements: Iterable[Element] | None = None,
) -> Round:
    """Open an assessment round. Without `elements` it covers every active element."""
    framework_ensure(organisation=initiative.organisation)
    active = Element.objects.filter(organisation_id=initiative.organisation_id, is_active=True)
    errors: dict[str, list[str]] = {}
    round_ = Round(
        initiative=initiative,
        title=(title or "").strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor,
    )
    try:
        round_.full_clean(exclude=["token", "elements"])
    except ValidationError as exc:
        errors.update({k: list(v) for k, v in exc.message_dict.items()})
    if opens_on and closes_on:
        if closes_on < opens_on:
            errors.setdefault("closes_on", []).append(
                _("The closing date cannot be before the opening date.")
            )
        elif closes_on < timezone.localdate():
            errors.setdefault("closes_on", []).append(
                _("The closing date has passed. Choose today or a later day.")
            )
    chosen = list(active) if elements is None else list(elements)
    allowed = {e.pk for e in active}
    if elements is not None and not chosen:
        errors["elements"] = [_("Choose at least one element for the round.")]
    elif any(e.pk not in allowed for e in chosen):
        errors["elements"] = [_("Choose elements from the list.")]
    elif not chosen:
        errors["elements"] = [_("The compass of this organisation has no elements in use.")]
    if errors:
        raise ValidationError(errors)
    round_.save()
    round_.elements.set(chosen)
    initiative_touch(initiative.pk)
    audit_record(
        actor=actor,
        action="compass.round_created",
        obj=round_,
        organisation_id=initiative.organisation_id,
    )
    return round_


@transaction.atomic
def round_close(*, round: Round, actor: User) -> Round:
    """Close a round early. Answers can no longer change; the results appear."""
    if round.closed_at is not None or round.closes_on < timezone.localdate():
        raise ValidationError(_("This round is already closed."))
    round.closed_at = timezone.now()
    round.save(update_fields=["closed_at", "updated_at"])
    initiative_touch(round.initiative_id)
    audit_record(
        actor=actor,
        action="compass.round_closed",
        obj=round,
        organisation_id=round.initiative.organisation_id,
    )
    return round


# A person's role in the initiative decides, else their role in the organisation.
ROLE_GROUPS: dict[str, str] = {
    InitiativeRole.LEAD: StakeholderGroup.STAFF,
    InitiativeRole.FACILITATOR: StakeholderGroup.STAFF,
    OrgRole.ADMIN: StakeholderGroup.STAFF,
    InitiativeRole.PARTNER: StakeholderGroup.PARTNERS,
    InitiativeRole.REPORTER: StakeholderGroup.OTHERS,
    InitiativeRole.OBSERVER: StakeholderGroup.OTHERS,
}


def stakeholder_group_for_user(*, user: User, initiative: Initiative) -> str:
    """The group a signed-in person's answers count in, from their role.

    Partners (in the initiative, or in the organisation when they have no initiative role)
    count as partners; leads, facilitators and organisation admins as staff; community
    reporters and observers as others, because they may be citizens, volunteers, researchers
    or council members as well as staff."""
    role = initiative_roles_for_user(user).get(initiative.pk) or org_roles_for_user(user).get(
        initiative.organisation_id
    )
    return ROLE_GROUPS.get(role or "", StakeholderGroup.OTHERS)


def evidence_links_clean(value: Any, field: str, errors: dict[str, list[str]]) -> list[str]:
    if isinstance(value, str):
        value = value.splitlines()
    links = [str(v).strip() for v in value or [] if str(v).strip()]
    validate = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            if len(link) > MAX_LINK_LENGTH or "\x00" in link:
                raise ValidationError("too long")
            validate(link)
        except ValidationError:
            errors.setdefault(field, []).append(
                _(
                    "Each evidence link must be a web address starting with http:// or "
                    "https://, one per line."
                )
            )
            return []
    if len(links) > MAX_LINKS:
        errors.setdefault(field, []).append(
            _("Add at most %(n)d evidence links.") % {"n": MAX_LINKS}
        )
        return []
    return list(dict.fromkeys(links))


def _clean_rating(value: Any, field: str, errors: dict[str, list[str]]) -> int | None:
    if value in (None, "", 0, "0"):
        return None  # "don't know" or not answered
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number not in SCALE or str(value).strip() not in {str(n) for n in SCALE}:
        errors.setdefault(field, []).append(_("Choose one of the points from 1 to 5."))
        return None
    return number


@transaction.atomic
def response_submit(
    *,
    round: Round,
    answers: dict[int, dict[str, Any]],
    user: User | None = None,
    participant: Participant | None = None,
    group: str = "",
    today: date | None = None,
) -> Response:
    """Save one person's answers in a round, or replace their earlier answers.

    `answers` = {element id: {"progress", "importance" (1-5, or None for "don't know"),
    "note", "evidence" (links)}}. Signed-in people (`user`) count in the group of their role;
    people answering through the round's link (`participant`) choose theirs. Refused, and
    nothing saved, when the round is not open or anything is wrong."""
    today = today or timezone.localdate()
    # Lock the round so a close and an answer cannot cross, and two submissions of the same
    # person queue up (the second revises the first).
    round = (
        Round.objects.select_for_update(of=("self",)).select_related("initiative").get(pk=round.pk)
    )
    status = round.status_on(today)
    if status == RoundStatus.CLOSED:
        raise ValidationError(
            _("This round is closed, so answers can no longer be given or changed.")
        )
    if status == RoundStatus.UPCOMING:
        raise ValidationError(
            _("This round opens on %(date)s. Come back then.")
            % {"date": date_format(round.opens_on, "j F Y")}
        )
    if (user is None) == (participant is None):
        raise ValidationError(_("Something went wrong. Please try again."))
    errors: dict[str, list[str]] = {}
    if user is not None:
        group = stakeholder_group_for_user(user=user, initiative=round.initiative)
    elif group not in LINK_GROUPS:
        errors["group"] = [_("Choose the group that fits you best.")]
    element_ids = set(round.elements.values_list("pk", flat=True))
    ratings: list[Rating] = []
    for raw_id, answer in (answers or {}).items():
        try:
            element_id = int(raw_id)
        except (TypeError, ValueError):
            element_id = 0
        if element_id not in element_ids:
            errors.setdefault("__all__", []).append(
                _("The form does not match this round. Reload the page and try again.")
            )
            break
        prefix = f"e{element_id}-"
        answer = answer or {}
        progress = _clean_rating(answer.get("progress"), prefix + "progress", errors)
        importance = _clean_rating(answer.get("importance"), prefix + "importance", errors)
        note = str(answer.get("note") or "").strip()
        if "\x00" in note:
            errors.setdefault(prefix + "note", []).append(_("Null characters are not allowed."))
        elif len(note) > MAX_NOTE:
            errors.setdefault(prefix + "note", []).append(
                _("Keep the note under %(n)d characters.") % {"n": MAX_NOTE}
            )
        links = evidence_links_clean(answer.get("evidence"), prefix + "evidence", errors)
        if progress is not None or importance is not None or note or links:
            ratings.append(
                Rating(
                    element_id=element_id,
                    progress=progress,
                    importance=importance,
                    note=note,
                    evidence=links,
                )
            )
    if not errors and not any(r.progress or r.importance for r in ratings):
        errors["__all__"] = [_("Rate at least one element before you send your answers.")]
    if errors:
        raise ValidationError(errors)
    response = response_for(round=round, user=user, participant=participant)
    if response is None:
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    round=round, user=user, participant=participant, group=group
                )
        except IntegrityError:  # pragma: no cover - the round lock makes this very rare
            response = response_for(round=round, user=user, participant=participant)
            if response is None:
                raise
    if response.group != group:
        response.group = group
    response.save()  # also marks when it was last revised
    Rating.objects.filter(response=response).delete()
    for rating in ratings:
        rating.response = response
    Rating.objects.bulk_create(ratings)
    if participant is not None:
        participant_touch(participant=participant)
    return response


# Correcting the framework (organisation admins) -------------------------------------------------

MAX_NAME = 120
MAX_DESCRIPTION = 1500
MAX_QUESTIONS = 8
MAX_QUESTION = 300


def language_code_clean(code: str) -> str:
    """A language code Django knows (e.g. "de", "pt-br"), lower case; ValidationError if not."""
    code = (code or "").strip().lower().replace("_", "-")
    try:
        if not code or len(code) > 10:
            raise KeyError(code)
        get_language_info(code)
    except KeyError:
        raise ValidationError(
            {"language": _("Enter a language code such as de, fr or pt-br.")}
        ) from None
    return code


def _clean_text(value: Any, field: str, limit: int, errors: dict, required: bool = False) -> str:
    text = str(value or "").strip()
    if "\x00" in text:
        errors.setdefault(field, []).append(_("Null characters are not allowed."))
    elif len(text) > limit:
        errors.setdefault(field, []).append(_("Keep this under %(n)d characters.") % {"n": limit})
    elif required and not text:
        errors.setdefault(field, []).append(_("This field is required."))
    return text


def _clean_questions(value: Any, field: str, errors: dict) -> list[str]:
    lines = value.splitlines() if isinstance(value, str) else list(value or [])
    questions = [str(q).strip() for q in lines if str(q).strip()]
    if any("\x00" in q for q in questions):
        errors.setdefault(field, []).append(_("Null characters are not allowed."))
    elif len(questions) > MAX_QUESTIONS:
        errors.setdefault(field, []).append(
            _("Write at most %(n)d questions.") % {"n": MAX_QUESTIONS}
        )
    elif any(len(q) > MAX_QUESTION for q in questions):
        errors.setdefault(field, []).append(
            _("Keep each question under %(n)d characters.") % {"n": MAX_QUESTION}
        )
    return questions


def _element_texts(element: Element, language: str, fields: dict[str, Any]) -> dict:
    errors: dict[str, list[str]] = {}
    entry = {
        "name": _clean_text(fields.get("name"), "name", MAX_NAME, errors, required=True),
        "description": _clean_text(
            fields.get("description"), "description", MAX_DESCRIPTION, errors
        ),
        "questions": _clean_questions(fields.get("questions"), "questions", errors),
    }
    if errors:
        raise ValidationError(errors)
    texts = deepcopy(element.texts) if isinstance(element.texts, dict) else {}
    texts[language] = {**(texts.get(language) or {}), **entry}
    return texts


def _check_constellation(organisation_id: int, constellation: Constellation | None) -> None:
    if constellation is None or constellation.organisation_id != organisation_id:
        raise ValidationError({"constellation": _("Choose a constellation from the list.")})


@transaction.atomic
def element_update(
    *,
    element: Element,
    actor: User,
    language: str,
    name: str,
    description: str = "",
    questions: Any = (),
    constellation: Constellation | None = None,
    is_active: bool | None = None,
) -> Element:
    """Correct an element: its texts in one language, its constellation (the grouping), and
    whether it is in use. Rounds already opened keep it."""
    language = language_code_clean(language)
    texts = _element_texts(
        element, language, {"name": name, "description": description, "questions": questions}
    )
    if constellation is not None and constellation.pk != element.constellation_id:
        _check_constellation(element.organisation_id, constellation)
        element.constellation = constellation
        element.position = _next_position(constellation)
    element.texts = texts
    if is_active is not None:
        element.is_active = is_active
    element.save()
    audit_record(
        actor=actor,
        action="compass.element_changed",
        obj=element,
        organisation_id=element.organisation_id,
        detail={"language": language},
    )
    return element


def _next_position(constellation: Constellation) -> int:
    last = (
        Element.objects.filter(constellation=constellation)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    return (last or 0) + 1


@transaction.atomic
def element_create(
    *,
    organisation: Any,
    actor: User,
    language: str,
    constellation: Constellation | None,
    name: str,
    description: str = "",
    questions: Any = (),
) -> Element:
    """Add an organisation's own element at the end of a constellation."""
    framework_ensure(organisation=organisation)
    language = language_code_clean(language)
    _check_constellation(organisation.pk, constellation)
    assert constellation is not None
    element = Element(organisation=organisation, constellation=constellation, texts={})
    element.texts = _element_texts(
        element, language, {"name": name, "description": description, "questions": questions}
    )
    # Lock the organisation's elements so two admins adding at once get different numbers.
    numbers = list(
        Element.objects.select_for_update()
        .filter(organisation=organisation)
        .values_list("number", flat=True)
    )
    element.number = max([len(standard.ELEMENTS), *numbers]) + 1
    element.key = f"own-{element.number}"
    element.position = _next_position(constellation)
    element.is_standard = False
    element.save()
    audit_record(
        actor=actor,
        action="compass.element_created",
        obj=element,
        organisation_id=organisation.pk,
    )
    return element


@transaction.atomic
def element_move(*, element: Element, actor: User, direction: str) -> Element:
    """Move an element one place up or down within its constellation."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose up or down."))
    siblings = list(
        Element.objects.select_for_update()
        .filter(constellation_id=element.constellation_id)
        .order_by("position", "number", "pk")
    )
    index = next(i for i, e in enumerate(siblings) if e.pk == element.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(siblings):
        siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            Element.objects.filter(pk=sibling.pk).update(position=position)
    element.refresh_from_db()
    audit_record(
        actor=actor,
        action="compass.element_moved",
        obj=element,
        organisation_id=element.organisation_id,
        detail={"direction": direction},
    )
    return element


@transaction.atomic
def constellation_update(
    *,
    constellation: Constellation,
    actor: User,
    language: str,
    name: str,
    description: str = "",
    scenes: list[dict[str, Any]] | None = None,
) -> Constellation:
    """Correct a constellation's texts in one language, with its two scenes."""
    language = language_code_clean(language)
    errors: dict[str, list[str]] = {}
    entry: dict[str, Any] = {
        "name": _clean_text(name, "name", MAX_NAME, errors, required=True),
        "description": _clean_text(description, "description", MAX_DESCRIPTION, errors),
    }
    if scenes is not None:
        cleaned = []
        for n, scene in enumerate(scenes, start=1):
            prefix = f"scene{n}_"
            item = {
                "title": _clean_text(scene.get("title"), prefix + "title", MAX_NAME, errors),
                "situation": _clean_text(
                    scene.get("situation"), prefix + "situation", MAX_DESCRIPTION, errors
                ),
                "questions": _clean_questions(scene.get("questions"), prefix + "questions", errors),
            }
            cleaned.append(item)
        entry["scenes"] = cleaned
    if errors:
        raise ValidationError(errors)
    texts = deepcopy(constellation.texts) if isinstance(constellation.texts, dict) else {}
    texts[language] = {**(texts.get(language) or {}), **entry}
    constellation.texts = texts
    constellation.save()
    audit_record(
        actor=actor,
        action="compass.constellation_changed",
        obj=constellation,
        organisation_id=constellation.organisation_id,
        detail={"language": language},
    )
    return constellation


@transaction.atomic
def framework_language_add(*, organisation: Any, actor: User, language: str) -> str:
    """Add a language to the organisation's framework: every constellation and element gets
    an empty entry to translate. Until a text is written, the fallback language shows."""
    language = language_code_clean(language)
    framework_ensure(organisation=organisation)
    for model in (Constellation, Element):
        for obj in model.objects.select_for_update().filter(organisation=organisation):
            texts = obj.texts if isinstance(obj.texts, dict) else {}
            if language not in texts:
                texts[language] = {}
                model.objects.filter(pk=obj.pk).update(texts=texts)
    audit_record(
        actor=actor,
        action="compass.language_added",
        organisation_id=organisation.pk,
        detail={"language": language},
    )
    return language
