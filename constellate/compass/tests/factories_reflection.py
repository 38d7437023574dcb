"""Builders for reflection sessions, actions and competence checks in tests. They write rows
directly (fast, no permission checks); tests of the rules go through the services."""

import datetime
from typing import Any

from django.utils import timezone

from constellate.compass.models import (
    ActionStatus,
    Competence,
    CompetenceCheck,
    CompetenceScore,
    ReflectionAction,
    ReflectionSession,
    SessionStatus,
)
from constellate.compass.services_competences import competences_ensure
from constellate.compass.services_reflection import scenes_snapshot
from constellate.compass.tests.factories import constellations, framework


def make_session(
    initiative, *, constellation: str = "ethical_compass", closed: bool = False, **fields: Any
) -> ReflectionSession:
    constellation_obj = constellations(initiative.organisation)[constellation]
    values = {
        "held_on": timezone.localdate(),
        "setting": "room",
        "participants": "",
        "scenes": scenes_snapshot(constellation_obj),
        **fields,
    }
    if closed:
        values.update(status=SessionStatus.CLOSED, closed_at=timezone.now())
    return ReflectionSession.objects.create(
        initiative=initiative, constellation=constellation_obj, **values
    )


def make_action(session: ReflectionSession, *, owner=None, **fields: Any) -> ReflectionAction:
    values = {
        "description": "Bewoners bellen over de volgende bijeenkomst",
        "due_on": timezone.localdate() + datetime.timedelta(days=14),
        "owner_name": "" if owner else "Buurvrouw Els",
        **fields,
    }
    return ReflectionAction.objects.create(
        session=session, initiative_id=session.initiative_id, owner=owner, **values
    )


def make_done(action: ReflectionAction, by=None) -> ReflectionAction:
    action.status = ActionStatus.DONE
    action.done_at = timezone.now()
    action.done_by = by
    action.save()
    return action


def element(organisation, key: str):
    return framework(organisation)[key]


def competences(organisation) -> list[Competence]:
    competences_ensure(organisation=organisation)
    return list(Competence.objects.filter(organisation=organisation).order_by("position"))


def make_check(organisation, user, scores: int | dict[str, int] = 3, *, when=None):
    """A competence check of `user` with the same score everywhere or {key: score}."""
    items = competences(organisation)
    check = CompetenceCheck.objects.create(
        organisation=organisation, user=user, created_at=when or timezone.now()
    )
    CompetenceScore.objects.bulk_create(
        CompetenceScore(
            competence_check=check,
            competence=c,
            score=scores if isinstance(scores, int) else scores.get(c.key, 3),
        )
        for c in items
    )
    return check
