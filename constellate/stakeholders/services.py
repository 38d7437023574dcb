"""Writes of stakeholders, relations, referral links, engagement and contacts: keyword-only,
typed, atomic, validating (a ValidationError with translated messages, nothing half-saved).

Contact details of a person are stored only with their consent to be contacted (a purpose and
a date); the services refuse otherwise, whoever calls them. Each change that the initiative's
overview panel shows touches the initiative (the overview is cached on `updated_at`)."""

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import EmailValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.core.services import audit_record
from constellate.initiatives.models import Initiative
from constellate.initiatives.services import initiative_touch
from constellate.stakeholders.choices import (
    ContactKind,
    Entity,
    Kind,
    Level,
    ReachWay,
    RelationKind,
    ServiceRole,
    Status,
)
from constellate.stakeholders.models import (
    PERSONAL_FIELDS,
    Contact,
    EngagementChange,
    ReferralLink,
    Relation,
    Stakeholder,
)

MAX_STRENGTHS = 20
MAX_STRENGTH_LENGTH = 120
MAX_LANGUAGES = 10
FIELDS = (
    "entity",
    "name",
    "description",
    "kind",
    "roles",
    "strengths",
    "languages",
    "target_group",
    "reach_way",
    "reach_place",
    "consent_purpose",
    "consent_on",
    "phone",
    "email",
    "notes",
    "status",
    "level",
    "introduced_by",
    "suggestion_reason",
)
TEXT_LIMITS = {
    "name": 200,
    "description": 300,
    "reach_place": 200,
    "consent_purpose": 300,
    "phone": 40,
    "email": 254,
    "notes": 3000,
    "suggestion_reason": 500,
}


def _require(actor: Any, perm: str, obj: Any) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied


def _text(value: Any) -> str:
    return str(value or "").strip()


def _add(errors: dict[str, list[str]], field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def neutral_text(value: str) -> str:
    """Text with the NUL character removed (PostgreSQL refuses it)."""
    return value.replace("\x00", "")


def clean_fields(
    data: dict[str, Any], *, initiative: Initiative, instance: Stakeholder | None = None
):
    """The stakeholder's fields checked and normalised, or a ValidationError listing every
    problem by field."""
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for key in TEXT_LIMITS:
        if key not in data:
            continue
        value = _text(data[key])
        if "\x00" in value:
            _add(errors, key, _("This text contains a character that cannot be stored."))
        elif len(value) > TEXT_LIMITS[key]:
            _add(
                errors,
                key,
                _("Keep this under %(limit)d characters (now %(count)d).")
                % {"limit": TEXT_LIMITS[key], "count": len(value)},
            )
        cleaned[key] = value
    for key, choices in (
        ("entity", Entity),
        ("kind", Kind),
        ("reach_way", ReachWay),
        ("status", Status),
        ("level", Level),
    ):
        if key in data:
            value = _text(data[key])
            allow_blank = key in ("reach_way", "level")
            if not (value in choices.values or (allow_blank and value == "")):
                _add(errors, key, _("Choose one of the options."))
            cleaned[key] = value
    if "roles" in data:
        roles = [str(r) for r in data["roles"] or []]
        if any(r not in ServiceRole.values for r in roles):
            _add(errors, "roles", _("Choose roles from the list."))
        cleaned["roles"] = [r for r in ServiceRole.values if r in roles]
    if "languages" in data:
        languages = [_text(code).lower() for code in data["languages"] or [] if _text(code)]
        if len(languages) > MAX_LANGUAGES or any(
            not (2 <= len(c) <= 3 and c.isascii() and c.isalpha()) for c in languages
        ):
            _add(errors, "languages", _("Choose languages from the list."))
        cleaned["languages"] = list(dict.fromkeys(languages))
    if "strengths" in data:
        strengths = [neutral_text(_text(s)) for s in data["strengths"] or [] if _text(s)]
        if len(strengths) > MAX_STRENGTHS:
            _add(
                errors,
                "strengths",
                _("Write at most %(count)d strengths.") % {"count": MAX_STRENGTHS},
            )
        if any(len(s) > MAX_STRENGTH_LENGTH for s in strengths):
            _add(
                errors,
                "strengths",
                _("Keep each strength under %(limit)d characters.")
                % {"limit": MAX_STRENGTH_LENGTH},
            )
        cleaned["strengths"] = list(dict.fromkeys(strengths))
    if "target_group" in data:
        group = _text(data["target_group"])
        kept = instance is not None and group == instance.target_group
        if group and not kept and group not in (initiative.target_groups or []):
            _add(errors, "target_group", _("Choose one of the initiative's target groups."))
        cleaned["target_group"] = group
    if "consent_on" in data:
        consent_on = data["consent_on"] or None
        if consent_on is not None and not isinstance(consent_on, date):
            _add(errors, "consent_on", _("Enter a valid date."))
            consent_on = None
        if consent_on and consent_on > timezone.localdate():
            _add(errors, "consent_on", _("Consent cannot be given in the future."))
        cleaned["consent_on"] = consent_on
    if "introduced_by" in data:
        introducer = data["introduced_by"] or None
        if introducer is not None:
            if introducer.initiative_id != initiative.pk:
                _add(errors, "introduced_by", _("Choose someone of this initiative."))
            elif instance is not None and instance.pk and _in_chain(introducer, instance):
                _add(
                    errors,
                    "introduced_by",
                    _("This would make a circle: they were introduced through this stakeholder."),
                )
        cleaned["introduced_by"] = introducer
    if cleaned.get("email"):
        try:
            EmailValidator()(cleaned["email"])
        except ValidationError:
            _add(errors, "email", _("Enter a valid e-mail address."))

    merged = {f: getattr(instance, f) for f in FIELDS} if instance is not None else {}
    merged.update(cleaned)
    if not merged.get("name") and not merged.get("description"):
        _add(errors, "name", _("Give a name or a short description."))
    has_details = merged.get("phone") or merged.get("email")
    has_consent = merged.get("consent_purpose") and merged.get("consent_on")
    if has_details and not has_consent:
        _add(
            errors,
            "phone" if merged.get("phone") else "email",
            _(
                "Contact details can only be stored with consent: fill in what they agreed "
                "to be contacted for and the date."
            ),
        )
    if errors:
        raise ValidationError(errors)
    return cleaned


def _in_chain(introducer: Stakeholder, stakeholder: Stakeholder) -> bool:
    """True when `stakeholder` already is in `introducer`'s introduced-by chain (or is it)."""
    seen: set[int] = set()
    current: Stakeholder | None = introducer
    while current is not None and current.pk not in seen:
        if current.pk == stakeholder.pk:
            return True
        seen.add(current.pk)
        current = current.introduced_by
    return False


def _record_level(stakeholder: Stakeholder, previous: str, actor: Any) -> None:
    if stakeholder.level != previous:
        EngagementChange.objects.create(
            stakeholder=stakeholder,
            level=stakeholder.level,
            previous=previous,
            changed_by=actor if getattr(actor, "is_authenticated", False) else None,
        )


@transaction.atomic
def stakeholder_create(*, initiative: Initiative, actor: Any, **data: Any) -> Stakeholder:
    _require(actor, "stakeholders.add_stakeholder", initiative)
    return _create(initiative=initiative, actor=actor, data=data)


def _create(*, initiative: Initiative, actor: Any, data: dict[str, Any]) -> Stakeholder:
    cleaned = clean_fields(data, initiative=initiative)
    extra = {k: v for k, v in data.items() if k in ("referral",)}
    stakeholder = Stakeholder.objects.create(
        initiative=initiative,
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        **cleaned,
        **extra,
    )
    _record_level(stakeholder, "", actor)
    initiative_touch(initiative.pk)
    return stakeholder


@transaction.atomic
def stakeholder_update(*, stakeholder: Stakeholder, actor: Any, **data: Any) -> Stakeholder:
    _require(actor, "stakeholders.change_stakeholder", stakeholder)
    if stakeholder.forgotten_at is not None:
        personal = set(data) & set(PERSONAL_FIELDS)
        if any(_text(data[f]) for f in personal):
            raise ValidationError(
                _("This person asked to be forgotten: their personal details cannot be added.")
            )
    if not actor.has_perm("stakeholders.manage", stakeholder.initiative):
        # A community reporter edits what they recorded, but not the engagement the team
        # agrees on.
        data.pop("level", None)
    cleaned = clean_fields(data, initiative=stakeholder.initiative, instance=stakeholder)
    previous = stakeholder.level
    for key, value in cleaned.items():
        setattr(stakeholder, key, value)
    stakeholder.save()
    _record_level(stakeholder, previous, actor)
    initiative_touch(stakeholder.initiative_id)
    return stakeholder


@transaction.atomic
def stakeholder_forget(*, stakeholder: Stakeholder, actor: Any) -> Stakeholder:
    """Erase a stakeholder's personal data on their request. The node stays, anonymous, so
    that the network and the counts keep their shape; texts written about them in the contact
    log go too."""
    _require(actor, "stakeholders.manage", stakeholder.initiative)
    for field in PERSONAL_FIELDS:
        setattr(stakeholder, field, "")
    stakeholder.consent_on = None
    stakeholder.strengths = []
    stakeholder.languages = []
    stakeholder.reach_way = ""
    stakeholder.forgotten_at = timezone.now()
    stakeholder.save()
    stakeholder.contacts.update(outcome="", next_step="")
    audit_record(
        actor=actor,
        action="stakeholder_forgotten",
        obj=stakeholder,
        organisation_id=stakeholder.initiative.organisation_id,
    )
    initiative_touch(stakeholder.initiative_id)
    return stakeholder


@transaction.atomic
def stakeholder_delete(*, stakeholder: Stakeholder, actor: Any) -> None:
    _require(actor, "stakeholders.manage", stakeholder.initiative)
    initiative_id = stakeholder.initiative_id
    stakeholder.delete()
    initiative_touch(initiative_id)


# Relations ---------------------------------------------------------------------------------


@transaction.atomic
def relation_create(*, source: Stakeholder, target: Stakeholder, kind: str, actor: Any) -> Relation:
    _require(actor, "stakeholders.change_stakeholder", source)
    if kind not in RelationKind.values:
        raise ValidationError({"kind": [_("Choose one of the options.")]})
    if target.initiative_id != source.initiative_id:
        raise ValidationError({"target": [_("Choose someone of this initiative.")]})
    if target.pk == source.pk:
        raise ValidationError({"target": [_("Choose someone else.")]})
    if Relation.objects.filter(source=source, target=target, kind=kind).exists():
        raise ValidationError({"target": [_("This relation is already recorded.")]})
    relation = Relation.objects.create(
        initiative_id=source.initiative_id,
        source=source,
        target=target,
        kind=kind,
        created_by=actor,
    )
    initiative_touch(source.initiative_id)
    return relation


@transaction.atomic
def relation_delete(*, relation: Relation, actor: Any) -> None:
    _require(actor, "stakeholders.change_stakeholder", relation.source)
    initiative_id = relation.initiative_id
    relation.delete()
    initiative_touch(initiative_id)


# Contacts --------------------------------------------------------------------------------


@transaction.atomic
def contact_create(
    *,
    stakeholder: Stakeholder,
    actor: Any,
    kind: str,
    happened_on: date,
    outcome: str = "",
    next_step: str = "",
    follow_up_on: date | None = None,
) -> Contact:
    _require(actor, "stakeholders.change_stakeholder", stakeholder)
    errors: dict[str, list[str]] = {}
    if kind not in ContactKind.values:
        _add(errors, "kind", _("Choose one of the options."))
    today = timezone.localdate()
    if not isinstance(happened_on, date):
        _add(errors, "happened_on", _("Enter a valid date."))
    elif happened_on > today + timedelta(days=1):
        _add(errors, "happened_on", _("A contact cannot be in the future. Plan it as a follow-up."))
    if follow_up_on is not None and isinstance(happened_on, date) and follow_up_on < happened_on:
        _add(errors, "follow_up_on", _("The follow-up cannot be before the contact."))
    outcome, next_step = _text(outcome), _text(next_step)
    for key, value, limit in (("outcome", outcome, 2000), ("next_step", next_step, 300)):
        if "\x00" in value:
            _add(errors, key, _("This text contains a character that cannot be stored."))
        elif len(value) > limit:
            _add(
                errors,
                key,
                _("Keep this under %(limit)d characters (now %(count)d).")
                % {"limit": limit, "count": len(value)},
            )
    if stakeholder.forgotten_at is not None and (outcome or next_step):
        _add(
            errors,
            "outcome",
            _("This person asked to be forgotten: write no details about them."),
        )
    if errors:
        raise ValidationError(errors)
    contact = Contact.objects.create(
        stakeholder=stakeholder,
        kind=kind,
        happened_on=happened_on,
        outcome=outcome,
        next_step=next_step,
        follow_up_on=follow_up_on,
        by=actor,
    )
    if stakeholder.status == Status.SUGGESTED:
        stakeholder.status = Status.CONTACTED
        stakeholder.save(update_fields=["status", "updated_at"])
    initiative_touch(stakeholder.initiative_id)
    return contact


@transaction.atomic
def contact_follow_up_done(*, contact: Contact, actor: Any) -> Contact:
    _require(actor, "stakeholders.change_stakeholder", contact.stakeholder)
    contact.follow_up_done = True
    contact.save(update_fields=["follow_up_done"])
    return contact


# Referral links (the snowball) ---------------------------------------------------------------


@transaction.atomic
def referral_create(
    *, initiative: Initiative, actor: Any, stakeholder: Stakeholder | None = None, label: str = ""
) -> ReferralLink:
    _require(actor, "stakeholders.manage", initiative)
    label = _text(label)
    if len(label) > 200 or "\x00" in label:
        raise ValidationError({"label": [_("Keep this under 200 characters.")]})
    if stakeholder is not None and stakeholder.initiative_id != initiative.pk:
        raise ValidationError({"stakeholder": [_("Choose someone of this initiative.")]})
    return ReferralLink.objects.create(
        initiative=initiative, stakeholder=stakeholder, label=label, created_by=actor
    )


@transaction.atomic
def referral_set_open(*, link: ReferralLink, actor: Any, is_open: bool) -> ReferralLink:
    _require(actor, "stakeholders.manage", link.initiative)
    link.is_open = is_open
    link.save(update_fields=["is_open"])
    return link


def referral_limit() -> int:
    return int(getattr(settings, "STAKEHOLDER_REFERRALS_PER_HOUR", 20))


@transaction.atomic
def referral_submit(
    *,
    link: ReferralLink,
    name: str = "",
    entity: str = Entity.PERSON,
    reason: str = "",
    how_to_reach: str = "",
    phone: str = "",
    email: str = "",
    consent: bool = False,
    target_group: str = "",
) -> Stakeholder:
    """Someone with the link suggests who else to talk to. No account needed; the suggestion
    is introduced by the stakeholder who shares the link. At most `referral_limit()`
    suggestions per link per hour, so a leaked link cannot flood the register."""
    if not link.is_open:
        raise ValidationError(_("This link is closed. Ask the person who gave it to you."))
    # Lock the link's row so that parallel posts count each other.
    ReferralLink.objects.select_for_update().filter(pk=link.pk).first()
    since = timezone.now() - timedelta(hours=1)
    if link.suggestions.filter(created_at__gte=since).count() >= referral_limit():
        raise ValidationError(
            _(
                "Many suggestions came in through this link in the last hour. Please try again "
                "later, or tell the person who gave you the link."
            ),
            code="rate_limited",
        )
    errors: dict[str, list[str]] = {}
    if (_text(phone) or _text(email)) and not consent:
        _add(
            errors,
            "consent",
            _(
                "Tick the box to confirm they agree to be contacted, or leave out the phone "
                "number and e-mail address."
            ),
        )
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    data: dict[str, Any] = {
        "entity": entity,
        "name": name,
        "suggestion_reason": reason,
        "reach_place": how_to_reach,
        "target_group": target_group,
        "status": Status.SUGGESTED,
        "introduced_by": link.stakeholder,
        "phone": phone if consent else "",
        "email": email if consent else "",
    }
    if consent and (_text(phone) or _text(email)):
        data["consent_purpose"] = _("Being asked to take part in this initiative")
        data["consent_on"] = today
    try:
        cleaned = clean_fields(data, initiative=link.initiative)
    except ValidationError as exc:
        renamed = {"suggestion_reason": "reason", "reach_place": "how_to_reach"}
        raise ValidationError({renamed.get(k, k): v for k, v in exc.message_dict.items()}) from exc
    stakeholder = Stakeholder.objects.create(initiative=link.initiative, referral=link, **cleaned)
    initiative_touch(link.initiative_id)
    return stakeholder
