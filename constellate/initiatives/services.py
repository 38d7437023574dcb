from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from constellate.accounts.models import Membership, Participant, User
from constellate.accounts.roles import InitiativeRole
from constellate.accounts.services import participant_create, participant_touch
from constellate.core.registry import join_questions
from constellate.core.services import audit_record
from constellate.initiatives import canvas as canvas_mod
from constellate.initiatives.choices import Phase
from constellate.initiatives.models import (
    Activity,
    CanvasVersion,
    Initiative,
    InitiativeMembership,
)

INITIATIVE_FIELDS = (
    "title",
    "summary",
    "service_area",
    "place",
    "target_groups",
    "languages",
    "visibility",
    "status",
)
ACTIVITY_FIELDS = (
    "title",
    "kind",
    "purpose",
    "opens_on",
    "closes_on",
    "phases",
    "setting",
    "location",
    "run_by",
    "run_by_note",
    "is_public",
    "joining_open",
)


def _unique_slug(organisation_id: int, title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:70] or "initiative"
    slug, n = base, 2
    qs = Initiative.objects.filter(organisation_id=organisation_id)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _clean_list(values: Any, max_items: int = 30, max_len: int = 120) -> list[str]:
    seen: list[str] = []
    for value in values or []:
        text = str(value).strip()[:max_len]
        if text and text not in seen:
            seen.append(text)
    return seen[:max_items]


@transaction.atomic
def initiative_create(*, organisation: Any, created_by: User, **fields: Any) -> Initiative:
    """Start an initiative; its creator becomes its lead."""
    initiative = Initiative(organisation=organisation, created_by=created_by)
    for name in INITIATIVE_FIELDS:
        if name in fields:
            setattr(initiative, name, fields[name])
    initiative.target_groups = _clean_list(initiative.target_groups)
    initiative.languages = _clean_list(initiative.languages, max_len=10)
    initiative.slug = _unique_slug(organisation.pk, initiative.title)
    initiative.full_clean()
    initiative.save()
    InitiativeMembership.objects.create(
        initiative=initiative, user=created_by, role=InitiativeRole.LEAD
    )
    audit_record(
        actor=created_by,
        action="initiative.created",
        obj=initiative,
        organisation_id=organisation.pk,
    )
    return initiative


@transaction.atomic
def initiative_update(*, initiative: Initiative, actor: User, **fields: Any) -> Initiative:
    for name in INITIATIVE_FIELDS:
        if name in fields:
            setattr(initiative, name, fields[name])
    initiative.target_groups = _clean_list(initiative.target_groups)
    initiative.languages = _clean_list(initiative.languages, max_len=10)
    initiative.full_clean()
    initiative.save()
    audit_record(
        actor=actor,
        action="initiative.updated",
        obj=initiative,
        organisation_id=initiative.organisation_id,
    )
    return initiative


@transaction.atomic
def initiative_member_set(
    *, initiative: Initiative, user: User, role: str, actor: User
) -> InitiativeMembership:
    """Add a person to an initiative or change their role. Only members of the initiative's
    organisation can join it, so nobody crosses from one organisation to another."""
    if role not in InitiativeRole.values:
        raise ValidationError({"role": _("Choose one of the roles in the list.")})
    if not Membership.objects.filter(
        organisation_id=initiative.organisation_id, user=user
    ).exists():
        raise ValidationError(
            {"user": _("Only members of this organisation can join its initiatives.")}
        )
    current = InitiativeMembership.objects.filter(initiative=initiative, user=user).first()
    if current and current.role == InitiativeRole.LEAD and role != InitiativeRole.LEAD:
        _ensure_other_lead(current)
    membership, _created = InitiativeMembership.objects.update_or_create(
        initiative=initiative, user=user, defaults={"role": role}
    )
    audit_record(
        actor=actor,
        action="initiative.member_set",
        obj=membership,
        organisation_id=initiative.organisation_id,
        detail={"role": role},
    )
    return membership


@transaction.atomic
def initiative_member_remove(*, membership: InitiativeMembership, actor: User) -> None:
    if membership.role == InitiativeRole.LEAD:
        _ensure_other_lead(membership)
    audit_record(
        actor=actor,
        action="initiative.member_removed",
        obj=membership,
        organisation_id=membership.initiative.organisation_id,
    )
    membership.delete()


def _ensure_other_lead(membership: InitiativeMembership) -> None:
    if not (
        InitiativeMembership.objects.filter(
            initiative_id=membership.initiative_id, role=InitiativeRole.LEAD
        )
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(
            _("An initiative needs at least one lead. Make someone else lead first.")
        )


@transaction.atomic
def canvas_save(
    *, initiative: Initiative, data: dict[str, Any], author: User, base_number: int | None = None
) -> tuple[CanvasVersion | None, bool]:
    """Save the canvas as a new version.

    Returns (version, conflict): version is None when nothing changed; conflict is True when
    someone else saved after `base_number` was read. Nothing is lost in a conflict: this save
    becomes the newest version and the history shows both."""
    # Lock the initiative row so two saves at once get consecutive numbers.
    Initiative.objects.select_for_update().filter(pk=initiative.pk).first()
    current = CanvasVersion.objects.filter(initiative=initiative).order_by("-number").first()
    # Only methods the organisation can choose (its own and the standard library).
    new = canvas_mod.normalise(data, tool_keys=canvas_mod.method_keys(initiative.organisation))
    changed = canvas_mod.changed_sections(current.data if current else None, new)
    conflict = bool(current and base_number is not None and current.number != base_number)
    if not changed:
        return None, conflict
    version = CanvasVersion.objects.create(
        initiative=initiative,
        number=(current.number + 1) if current else 1,
        data=new,
        changed_sections=changed,
        author=author,
    )
    Initiative.objects.filter(pk=initiative.pk).update(updated_at=version.created_at)
    return version, conflict


def initiative_touch(initiative_id: int) -> None:
    """Mark the initiative as changed: lists sort by it and cached page parts key on it.
    Other apps call it when something their initiative panel shows changes."""
    Initiative.objects.filter(pk=initiative_id).update(updated_at=timezone.now())


def _validate_activity(activity: Activity) -> None:
    """Field checks and the activity's own rules, all reported together."""
    errors: dict[str, list[str]] = {}
    try:
        activity.full_clean(exclude=["join_token", "phases"])
    except ValidationError as exc:
        errors.update({k: list(v) for k, v in exc.message_dict.items()})
    if activity.closes_on and activity.opens_on and activity.closes_on < activity.opens_on:
        errors.setdefault("closes_on", []).append(
            _("The closing date cannot be before the opening date.")
        )
    phases = list(activity.phases or [])
    if not phases:
        errors["phases"] = [_("Choose at least one phase this activity serves.")]
    elif any(p not in Phase.values for p in phases):
        errors["phases"] = [_("Choose phases from the list.")]
    if (
        activity.run_by_id
        and not Membership.objects.filter(
            organisation_id=activity.initiative.organisation_id, user_id=activity.run_by_id
        ).exists()
    ):
        errors.setdefault("run_by", []).append(_("Choose someone from this organisation."))
    if errors:
        raise ValidationError(errors)
    # Keep phases in the order of the co-creation cycle.
    activity.phases = [p for p in Phase.values if p in phases]


@transaction.atomic
def activity_create(*, initiative: Initiative, actor: User, **fields: Any) -> Activity:
    activity = Activity(initiative=initiative)
    for name in ACTIVITY_FIELDS:
        if name in fields:
            setattr(activity, name, fields[name])
    _validate_activity(activity)
    activity.save()
    initiative_touch(initiative.pk)
    audit_record(
        actor=actor,
        action="activity.created",
        obj=activity,
        organisation_id=initiative.organisation_id,
    )
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, actor: User, **fields: Any) -> Activity:
    for name in ACTIVITY_FIELDS:
        if name in fields:
            setattr(activity, name, fields[name])
    _validate_activity(activity)
    activity.save()
    initiative_touch(activity.initiative_id)
    audit_record(
        actor=actor,
        action="activity.updated",
        obj=activity,
        organisation_id=activity.initiative.organisation_id,
    )
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity, actor: User) -> None:
    audit_record(
        actor=actor,
        action="activity.deleted",
        obj=activity,
        organisation_id=activity.initiative.organisation_id,
    )
    activity.delete()
    initiative_touch(activity.initiative_id)


@transaction.atomic
def activity_join_refusal(activity: Activity, day=None) -> str:
    """Why the activity's link takes nobody in now, in words, or "" when it does: the team
    closed the link, or the day is outside the activity's dates."""
    day = day or timezone.localdate()
    if not activity.joining_open:
        return _("This activity does not take new participants through its link now.")
    if activity.opens_on > day:
        return _("This activity starts on %(date)s. You can take part from then on.") % {
            "date": date_format(activity.opens_on, "j F Y")
        }
    if activity.closes_on is not None and activity.closes_on < day:
        return _("This activity ended on %(date)s. Thank you for your interest.") % {
            "date": date_format(activity.closes_on, "j F Y")
        }
    return ""


def activity_join(
    *,
    activity: Activity,
    participant: Participant | None,
    user: User | None,
    answers: dict[str, Any] | None = None,
) -> tuple[Participant, str | None]:
    """Take part in an activity through its link. Reuses the browser's participant if there is
    one; otherwise makes a new one. Returns the participant and, when new, its secret.

    Every joining (first time, again, or for another activity) is passed to the apps'
    registered join questions with the person's optional `answers` (already cleaned)."""
    refusal = activity_join_refusal(activity)
    if refusal:
        raise ValidationError(refusal)
    secret: str | None = None
    if participant is not None:
        participant_touch(participant=participant)
    elif (
        user is not None
        and user.is_authenticated
        and (existing := Participant.objects.filter(user=user).order_by("pk").first())
    ):
        participant = existing
    else:
        participant, secret = _participant_new(activity, user)
    for question in join_questions():
        question.joined(activity, participant, (answers or {}).get(question.key))
    return participant, secret


def _participant_new(activity: Activity, user: User | None) -> tuple[Participant, str]:
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return participant_create(
                    activity=activity, user=user if user and user.is_authenticated else None
                )
        except IntegrityError:  # pragma: no cover - a secret collision is astronomically rare
            continue
    raise ValidationError(_("Something went wrong. Please try again."))  # pragma: no cover
