"""Writes of the participation app: recording who joined, off-line counts and the expected
share of each target group."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import Participant, User
from constellate.core.services import audit_record
from constellate.initiatives.models import Activity, Initiative
from constellate.initiatives.services import initiative_touch
from constellate.participation.models import ExpectedShares, OfflineCount, Participation

# The value of the join page's "none of these / rather not say" choice.
NOT_SAID = ""
MAX_PEOPLE = 100_000


def target_group_clean(*, initiative: Initiative, value: Any) -> str:
    """One of the initiative's target groups, or NOT_SAID. Anything else is refused."""
    text = str(value if value is not None else "").strip()
    if text == NOT_SAID:
        return NOT_SAID
    if text not in (initiative.target_groups or []):
        raise ValidationError(_("Choose one of the groups in the list, or “none of these”."))
    return text


@transaction.atomic
def participation_record(
    *, activity: Activity, participant: Participant, target_group: str | None = None
) -> Participation:
    """Record that a participant took part in an activity (once per activity). Joining again
    keeps the first day; a group chosen now replaces the earlier answer, and no answer leaves
    it as it was."""
    group = (
        None
        if target_group is None
        else target_group_clean(initiative=activity.initiative, value=target_group)
    )
    participation, created = Participation.objects.get_or_create(
        activity=activity,
        participant=participant,
        defaults={"target_group": group or NOT_SAID},
    )
    if not created and group is not None and participation.target_group != group:
        participation.target_group = group
        participation.save(update_fields=["target_group"])
        created = True
    if created:
        # The public page's figures (groups of at least five) may change.
        initiative_touch(activity.initiative_id)
    return participation


def _clean_offline(
    initiative: Initiative, held_on: Any, people: Any, groups: dict[str, Any]
) -> tuple[date, int, dict[str, int]]:
    errors: dict[str, list[str]] = {}
    if not isinstance(held_on, date):
        errors["held_on"] = [_("Enter a date.")]
    elif held_on > timezone.localdate():
        errors["held_on"] = [_("The date cannot be in the future.")]
    try:
        total = int(people)
    except (TypeError, ValueError):
        total = -1
    if not 1 <= total <= MAX_PEOPLE:
        errors["people"] = [_("Enter a whole number from 1 to 100,000.")]
    known = set(initiative.target_groups or [])
    counts: dict[str, int] = {}
    for group, value in (groups or {}).items():
        if value in (None, ""):
            continue
        if group not in known:
            errors.setdefault("groups", []).append(
                _("“%(group)s” is not one of this initiative’s target groups.") % {"group": group}
            )
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = -1
        if number < 0:
            errors.setdefault("groups", []).append(
                _("Enter a whole number of 0 or more for “%(group)s”.") % {"group": group}
            )
        elif number:
            counts[group] = number
    if "people" not in errors and sum(counts.values()) > total:
        errors.setdefault("groups", []).append(
            _("The groups add up to more people than the total. Check the numbers.")
        )
    if errors:
        raise ValidationError(errors)
    return held_on, total, counts


@transaction.atomic
def offline_count_add(
    *,
    activity: Activity,
    actor: User,
    held_on: Any,
    people: Any,
    groups: dict[str, Any] | None = None,
    note: str = "",
) -> OfflineCount:
    """Add the number of people met off-line in an activity, and of them how many per target
    group; the rest counts as "not known"."""
    held_on, total, counts = _clean_offline(activity.initiative, held_on, people, groups or {})
    count = OfflineCount.objects.create(
        activity=activity,
        held_on=held_on,
        people=total,
        groups=counts,
        note=(note or "").strip()[:200],
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="participation.offline_count_added",
        obj=count,
        organisation_id=activity.initiative.organisation_id,
        detail={"people": total},
    )
    initiative_touch(activity.initiative_id)
    return count


@transaction.atomic
def offline_count_delete(*, count: OfflineCount, actor: User) -> None:
    audit_record(
        actor=actor,
        action="participation.offline_count_deleted",
        obj=count,
        organisation_id=count.activity.initiative.organisation_id,
        detail={"people": count.people},
    )
    count.delete()
    initiative_touch(count.activity.initiative_id)


@transaction.atomic
def expected_shares_set(
    *, initiative: Initiative, actor: User, shares: dict[str, Any]
) -> ExpectedShares:
    """Set the expected share (percent) per target group. An empty figure means "share what
    is left equally"; the figures given may not add up to more than 100, and when every group
    has one they must add up to 100."""
    groups = list(initiative.target_groups or [])
    cleaned: dict[str, int] = {}
    errors: list[str] = []
    for group, value in (shares or {}).items():
        if group not in groups:
            errors.append(
                _("“%(group)s” is not one of this initiative’s target groups.") % {"group": group}
            )
            continue
        if value in (None, ""):
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = -1
        if not 0 <= number <= 100:
            errors.append(
                _("Enter a whole percentage from 0 to 100 for “%(group)s”.") % {"group": group}
            )
        else:
            cleaned[group] = number
    if not errors:
        total = sum(cleaned.values())
        if total > 100:
            errors.append(
                _("The shares add up to %(total)s%%. Together they can be at most 100%%.")
                % {"total": total}
            )
        elif groups and len(cleaned) == len(groups) and total != 100:
            errors.append(
                _(
                    "The shares add up to %(total)s%%. When every group has a share, they "
                    "must add up to 100%%. Leave a group empty to give it what is left."
                )
                % {"total": total}
            )
    if errors:
        raise ValidationError({"shares": errors})
    record, _created = ExpectedShares.objects.update_or_create(
        initiative=initiative, defaults={"shares": cleaned, "updated_by": actor}
    )
    audit_record(
        actor=actor,
        action="participation.expected_shares_set",
        obj=record,
        organisation_id=initiative.organisation_id,
        detail={"shares": cleaned},
    )
    return record


# Personal data -------------------------------------------------------------------------------


def participations_of_user(user: User):
    return Participation.objects.filter(participant__user=user)


def participations_erase(*, user: User) -> int:
    return participations_of_user(user).delete()[0]
