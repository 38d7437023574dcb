"""Writes of reflection sessions and their actions: keyword-only, typed, atomic, validating.

A session is edited while it is in progress and becomes a read-only record when it is closed;
its actions can still be marked done (and opened again) after that, because that is what they
are for. Every write checks that the actor may do it: the views check first so that people
get a clear page, and the services refuse as well so that no other caller skips the rule.
Whatever an initiative's overview shows changes with the actions, so each change touches the
initiative (its overview is cached on `updated_at`)."""

from copy import deepcopy
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.compass.models import (
    ActionStatus,
    Constellation,
    Element,
    ReflectionAction,
    ReflectionSession,
    SessionStatus,
)
from constellate.core.services import audit_record
from constellate.initiatives.models import Initiative, InitiativeMembership
from constellate.initiatives.services import initiative_touch

MAX_ANSWER = 3000
MAX_AGREEMENTS = 5000
SESSION_FIELDS = ("held_on", "setting", "participant_count", "participants")
ACTION_FIELDS = ("description", "owner", "owner_name", "due_on", "element")


def _require(actor: Any, perm: str, obj: Any) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied


def _closed_error() -> ValidationError:
    return ValidationError(
        _("This session is closed: its record can no longer be changed."), code="closed"
    )


def _text(value: Any) -> str:
    return str(value or "").strip()


def _check_text(value: str, limit: int) -> str | None:
    """The message for a text that cannot be stored as it is, or None."""
    if "\x00" in value:
        return str(ProhibitNullCharactersValidator.message)
    if len(value) > limit:
        return _("Keep this under %(limit)d characters (now %(count)d).") % {
            "limit": limit,
            "count": len(value),
        }
    return None


def scenes_snapshot(constellation: Constellation) -> dict[str, list[dict[str, Any]]]:
    """The constellation's scenes in every language it has, as the session keeps them."""
    texts = constellation.texts if isinstance(constellation.texts, dict) else {}
    return {
        lang: deepcopy(entry["scenes"])
        for lang, entry in texts.items()
        if isinstance(entry, dict) and isinstance(entry.get("scenes"), list) and entry["scenes"]
    }


def answer_keys(scenes: dict[str, Any]) -> set[str]:
    """The keys an answer may have ("<scene>-<question>") in any language of the snapshot."""
    keys: set[str] = set()
    for scene_list in (scenes or {}).values():
        for s, scene in enumerate(scene_list if isinstance(scene_list, list) else []):
            questions = scene.get("questions") if isinstance(scene, dict) else None
            for q in range(len(questions or [])):
                keys.add(f"{s}-{q}")
    return keys


def _lock(session: ReflectionSession) -> ReflectionSession:
    """The session's row, locked for this transaction and read afresh, so that a save and a
    close at the same moment cannot both win."""
    fresh = ReflectionSession.objects.select_for_update().get(pk=session.pk)
    session.status, session.closed_at, session.closed_by_id = (
        fresh.status,
        fresh.closed_at,
        fresh.closed_by_id,
    )
    return fresh


def _validate_session(session: ReflectionSession, errors: dict[str, list[str]]) -> None:
    session.participants = _text(session.participants)
    session.agreements = _text(session.agreements)
    try:
        session.full_clean(exclude=["initiative", "constellation", "facilitator", "closed_by"])
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    for field, limit in (("participants", 300), ("agreements", MAX_AGREEMENTS)):
        problem = _check_text(getattr(session, field), limit)
        if problem and field not in errors:
            errors[field] = [problem]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def session_start(
    *,
    initiative: Initiative,
    constellation: Constellation,
    actor: User,
    held_on: date | str,
    setting: str,
    participant_count: int | None = None,
    participants: str = "",
) -> ReflectionSession:
    """Start a reflection session on one constellation of the initiative's organisation."""
    _require(actor, "compass.run_reflection", initiative)
    errors: dict[str, list[str]] = {}
    if constellation.organisation_id != initiative.organisation_id:
        errors["constellation"] = [_("Choose a constellation of this organisation's compass.")]
    session = ReflectionSession(
        initiative=initiative,
        constellation=constellation,
        held_on=held_on,
        setting=setting,
        participant_count=participant_count,
        participants=participants,
        scenes=scenes_snapshot(constellation),
        facilitator=actor,
    )
    _validate_session(session, errors)
    session.save()
    initiative_touch(initiative.pk)
    audit_record(
        actor=actor,
        action="reflection.session_started",
        obj=session,
        organisation_id=initiative.organisation_id,
    )
    return session


@transaction.atomic
def session_update(
    *,
    session: ReflectionSession,
    actor: User,
    answers: dict[str, str] | None = None,
    agreements: str | None = None,
    **fields: Any,
) -> ReflectionSession:
    """Save what the group said: the answers per question, the agreements, and the facts of
    the session (date, setting, who took part). Only while the session is in progress."""
    _require(actor, "compass.run_reflection", session.initiative)
    if _lock(session).status == SessionStatus.CLOSED:
        raise _closed_error()
    errors: dict[str, list[str]] = {}
    for name in SESSION_FIELDS:
        if name in fields:
            setattr(session, name, fields[name])
    if agreements is not None:
        session.agreements = agreements
    if answers is not None:
        allowed = answer_keys(session.scenes)
        cleaned: dict[str, str] = {}
        for key, value in answers.items():
            if key not in allowed:
                errors["answers"] = [_("Some answers belong to no question of this session.")]
                break
            text = _text(value)
            problem = _check_text(text, MAX_ANSWER)
            if problem:
                errors[f"answer_{key.replace('-', '_')}"] = [problem]
            elif text:
                cleaned[key] = text
        session.answers = cleaned
    _validate_session(session, errors)
    session.save()
    initiative_touch(session.initiative_id)
    audit_record(
        actor=actor,
        action="reflection.session_updated",
        obj=session,
        organisation_id=session.initiative.organisation_id,
    )
    return session


@transaction.atomic
def session_close(*, session: ReflectionSession, actor: User) -> ReflectionSession:
    """Close the session: from now on it is a read-only record. Its open actions stay open."""
    _require(actor, "compass.run_reflection", session.initiative)
    if _lock(session).status == SessionStatus.CLOSED:
        raise ValidationError(_("This session was already closed."), code="closed")
    session.status = SessionStatus.CLOSED
    session.closed_at = timezone.now()
    session.closed_by = actor
    session.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    initiative_touch(session.initiative_id)
    audit_record(
        actor=actor,
        action="reflection.session_closed",
        obj=session,
        organisation_id=session.initiative.organisation_id,
    )
    return session


@transaction.atomic
def session_delete(*, session: ReflectionSession, actor: User) -> None:
    """Remove a session started by mistake, with its actions. A closed session is a record
    and stays."""
    _require(actor, "compass.run_reflection", session.initiative)
    if _lock(session).status == SessionStatus.CLOSED:
        raise _closed_error()
    audit_record(
        actor=actor,
        action="reflection.session_deleted",
        obj=session,
        organisation_id=session.initiative.organisation_id,
    )
    initiative_id = session.initiative_id
    session.delete()
    initiative_touch(initiative_id)


# Actions ---------------------------------------------------------------------------------


def _validate_action(action: ReflectionAction, session: ReflectionSession) -> None:
    """Field checks and the action's own rules, all reported together."""
    errors: dict[str, list[str]] = {}
    action.description = _text(action.description)
    action.owner_name = _text(action.owner_name)
    try:
        action.full_clean(
            exclude=["initiative", "session", "owner", "element", "done_by", "created_by"]
        )
    except ValidationError as exc:
        errors.update({k: list(v) for k, v in exc.message_dict.items()})
    for field, limit in (("description", 500), ("owner_name", 120)):
        problem = _check_text(getattr(action, field), limit)
        if problem and field not in errors:
            errors[field] = [problem]
    if not action.owner_id and not action.owner_name:
        errors.setdefault("owner", []).append(
            _("Choose a member of the initiative, or type the name of someone without an account.")
        )
    elif action.owner_id and action.owner_name:
        errors.setdefault("owner_name", []).append(_("Choose a member or type a name, not both."))
    elif (
        action.owner_id
        and not InitiativeMembership.objects.filter(
            initiative_id=session.initiative_id, user_id=action.owner_id
        ).exists()
    ):
        errors.setdefault("owner", []).append(
            _("Choose someone who is a member of this initiative.")
        )
    if (
        action.element_id
        and not Element.objects.filter(
            pk=action.element_id, organisation_id=session.initiative.organisation_id
        ).exists()
    ):
        errors.setdefault("element", []).append(
            _("Choose an element of this organisation's compass.")
        )
    if (
        isinstance(action.due_on, date)
        and "due_on" not in errors
        and action.due_on < session.held_on
    ):
        errors["due_on"] = [_("The due date cannot be before the day of the session.")]
    if errors:
        raise ValidationError(errors)


def _set_action_fields(action: ReflectionAction, fields: dict[str, Any]) -> None:
    for name in ACTION_FIELDS:
        if name in fields:
            setattr(action, name, fields[name])


@transaction.atomic
def action_add(*, session: ReflectionSession, actor: User, **fields: Any) -> ReflectionAction:
    """Turn an agreement into an action: what, who, by when, and optionally for which element."""
    _require(actor, "compass.run_reflection", session.initiative)
    if _lock(session).status == SessionStatus.CLOSED:
        raise _closed_error()
    action = ReflectionAction(
        session=session, initiative_id=session.initiative_id, created_by=actor
    )
    _set_action_fields(action, fields)
    _validate_action(action, session)
    action.save()
    initiative_touch(session.initiative_id)
    audit_record(
        actor=actor,
        action="reflection.action_added",
        obj=action,
        organisation_id=session.initiative.organisation_id,
    )
    return action


@transaction.atomic
def action_update(*, action: ReflectionAction, actor: User, **fields: Any) -> ReflectionAction:
    session = action.session
    _require(actor, "compass.run_reflection", session.initiative)
    if _lock(session).status == SessionStatus.CLOSED:
        raise _closed_error()
    _set_action_fields(action, fields)
    _validate_action(action, session)
    action.save()
    initiative_touch(action.initiative_id)
    audit_record(
        actor=actor,
        action="reflection.action_updated",
        obj=action,
        organisation_id=session.initiative.organisation_id,
    )
    return action


@transaction.atomic
def action_delete(*, action: ReflectionAction, actor: User) -> None:
    session = action.session
    _require(actor, "compass.run_reflection", session.initiative)
    if _lock(session).status == SessionStatus.CLOSED:
        raise _closed_error()
    audit_record(
        actor=actor,
        action="reflection.action_deleted",
        obj=action,
        organisation_id=session.initiative.organisation_id,
    )
    action.delete()
    initiative_touch(session.initiative_id)


def _set_status(action: ReflectionAction, actor: User, status: str) -> ReflectionAction:
    _require(actor, "compass.complete_action", action)
    fresh = ReflectionAction.objects.select_for_update().get(pk=action.pk)
    if fresh.status == status:
        # A second click, or two people at once: the action is already as asked.
        action.status, action.done_at, action.done_by_id = (
            fresh.status,
            fresh.done_at,
            fresh.done_by_id,
        )
        return action
    done = status == ActionStatus.DONE
    action.status = status
    action.done_at = timezone.now() if done else None
    action.done_by = actor if done else None
    action.save(update_fields=["status", "done_at", "done_by", "updated_at"])
    initiative_touch(action.initiative_id)
    audit_record(
        actor=actor,
        action="reflection.action_done" if done else "reflection.action_reopened",
        obj=action,
        organisation_id=action.initiative.organisation_id,
    )
    return action


@transaction.atomic
def action_complete(*, action: ReflectionAction, actor: User) -> ReflectionAction:
    """Mark an action done: by the initiative's editors or by the action's owner."""
    return _set_status(action, actor, ActionStatus.DONE)


@transaction.atomic
def action_reopen(*, action: ReflectionAction, actor: User) -> ReflectionAction:
    """Open a done action again (it was not quite finished, or marked done by mistake)."""
    return _set_status(action, actor, ActionStatus.OPEN)
