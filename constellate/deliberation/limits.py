"""Limits on input through an activity's link (no account needed), shared by conversations
and idea rounds: how much one participant, and everyone together, may add per hour."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from constellate.accounts.models import Participant


def hourly_limit_check(
    *,
    participant: Participant,
    own: QuerySet,
    everyone: QuerySet,
    own_max: int,
    everyone_max: int,
    own_message: str,
    everyone_message: str,
) -> None:
    """Raise a ValidationError (code "rate_limited") when `own` (the participant's recent
    input, filtered here on `created_at` of the last hour) reached `own_max`, or `everyone`
    (all participants' input in the same place) reached `everyone_max`, so that someone
    making new pseudonyms cannot flood it either. Call inside a transaction: the
    participant's row is locked so that parallel posts count each other."""
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    since = timezone.now() - timedelta(hours=1)
    if own.filter(created_at__gte=since).count() >= own_max:
        raise ValidationError(own_message, code="rate_limited")
    if everyone.filter(created_at__gte=since).count() >= everyone_max:
        raise ValidationError(everyone_message, code="rate_limited")


def activity_takes_input(activity) -> bool:
    """Input is taken while the activity's link is open and the activity is not over."""
    today = timezone.localdate()
    return activity.joining_open and (activity.closes_on is None or activity.closes_on >= today)
