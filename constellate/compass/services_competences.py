"""Writes of the staff competence check (element 18): keyword-only, typed, atomic, validating."""

from copy import deepcopy
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.compass import competences as standard
from constellate.compass.models import (
    SCORE_MAX,
    SCORE_MIN,
    Competence,
    CompetenceCheck,
    CompetenceScore,
)


@transaction.atomic
def competences_ensure(*, organisation: Any) -> int:
    """Give the organisation its own copy of the standard competences.

    Creates only what is missing, matched by key, and never changes what exists, so an
    organisation's corrections survive. Safe to call twice at once. Returns the number of
    competences created."""
    have = set(Competence.objects.filter(organisation=organisation).values_list("key", flat=True))
    missing = [c for c in standard.COMPETENCES if c["key"] not in have]
    if not missing:
        return 0
    made = Competence.objects.bulk_create(
        [
            Competence(
                organisation=organisation,
                key=c["key"],
                position=c["position"],
                texts=standard.standard_texts(c),
                elements=deepcopy(c["elements"]),
                methods=deepcopy(c["methods"]),
            )
            for c in missing
        ],
        ignore_conflicts=True,
    )
    return len(made)


def score_field(competence: Competence) -> str:
    """The name under which a form and its errors carry a competence's score."""
    return f"competence_{competence.key}"


@transaction.atomic
def competence_check_submit(
    *, organisation: Any, user: User, scores: dict[str, Any]
) -> CompetenceCheck:
    """Record one self-assessment: a score from 1 to 5 for every competence in use, keyed by
    competence key. Earlier checks stay, so the person sees how they changed."""
    if not user.has_perm("compass.take_competence_check", organisation):
        raise PermissionDenied
    competences = list(Competence.objects.filter(organisation=organisation, is_active=True))
    if not competences:
        raise ValidationError(_("There are no competences to rate yet."))
    errors: dict[str, list[str]] = {}
    known = {c.key for c in competences}
    if set(scores) - known:
        errors["__all__"] = [_("Some answers belong to no competence of this check.")]
    values: dict[int, int] = {}
    for competence in competences:
        raw = scores.get(competence.key)
        try:
            value = int(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = 0
        if raw in (None, ""):
            errors[score_field(competence)] = [_("Choose how far along you are.")]
        elif not SCORE_MIN <= value <= SCORE_MAX or str(raw).strip() != str(value):
            errors[score_field(competence)] = [
                _("Choose a number from %(low)d to %(high)d.")
                % {"low": SCORE_MIN, "high": SCORE_MAX}
            ]
        else:
            values[competence.pk] = value
    if errors:
        raise ValidationError(errors)
    check = CompetenceCheck.objects.create(organisation=organisation, user=user)
    CompetenceScore.objects.bulk_create(
        CompetenceScore(competence_check=check, competence_id=pk, score=value)
        for pk, value in values.items()
    )
    # No audit event: the check is the person's own reflection, and an audit row would tell
    # others when someone took it.
    return check


def competence_checks_erase(*, user: User) -> int:
    """Delete every competence check of a person (their answers go with them)."""
    _total, per_model = CompetenceCheck.objects.filter(user=user).delete()
    return per_model.get(CompetenceCheck._meta.label, 0)
