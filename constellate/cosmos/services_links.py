"""Changes that tie the COSMOS models to the rest of Constellate: notes on a model that can
become actions, stakeholders named in the models created in the register (through the
registry's StakeholderSink), and community reporting items linked to stories (through the
registry's EvidenceSource "story"). Every function checks who acts, validates its input and
saves all or nothing."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.core.registry import registry
from constellate.cosmos import selectors_links as sel
from constellate.cosmos.models import CosmosNote, CosmosStoryLink
from constellate.cosmos.schema import ASPECTS_BY_ID
from constellate.initiatives.models import Initiative, InitiativeMembership
from constellate.initiatives.services import initiative_touch

MAX_NOTE = 2000
MAX_OWNER_TEXT = 120


def _require_edit(actor: Any, initiative: Initiative) -> None:
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied
    if not actor.has_perm("cosmos.change_models", initiative):
        raise PermissionDenied


def _clean_text(value: Any, limit: int, *, required: bool, field: str) -> str:
    text = str(value or "").replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise ValidationError(
            {field: _("This text contains a character that cannot be stored.")}, code="nul"
        )
    if required and not text:
        raise ValidationError({field: _("Write something first.")}, code="empty")
    if len(text) > limit:
        raise ValidationError(
            {
                field: _("Keep this under %(limit)d characters (now %(count)d).")
                % {"limit": limit, "count": len(text)}
            },
            code="too_long",
        )
    return text


# -- Notes and actions ---------------------------------------------------------------------------


@transaction.atomic
def note_add(
    *, initiative: Initiative, aspect_id: str, part: str, body: str, actor: User
) -> CosmosNote:
    """A note on one part of a model (``part`` is a path from ``part_choices``, "" for the
    model as a whole)."""
    _require_edit(actor, initiative)
    if aspect_id not in ASPECTS_BY_ID:
        raise ValidationError({"part": _("Choose a model from the list.")}, code="aspect")
    part = str(part or "")
    if part not in dict(sel.part_choices(aspect_id)):
        raise ValidationError({"part": _("Choose a part of the model from the list.")})
    text = _clean_text(body, MAX_NOTE, required=True, field="body")
    note = CosmosNote.objects.create(
        initiative=initiative, aspect=aspect_id, part=part, body=text, created_by=actor
    )
    initiative_touch(initiative.pk)
    return note


@transaction.atomic
def note_delete(*, note: CosmosNote, actor: User) -> None:
    _require_edit(actor, note.initiative)
    note.delete()
    initiative_touch(note.initiative_id)


def _parse_due(value: Any) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        due = value
    else:
        try:
            due = datetime.date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            raise ValidationError(
                {"due_on": _("Enter a date as year-month-day, for example 2027-03-31.")},
                code="date",
            ) from None
    today = timezone.localdate()
    if not (today - datetime.timedelta(days=366) <= due <= today + datetime.timedelta(days=3660)):
        raise ValidationError(
            {"due_on": _("Choose a due date between a year ago and ten years from now.")},
            code="date_range",
        )
    return due


@transaction.atomic
def note_make_action(
    *,
    note: CosmosNote,
    owner_id: Any = None,
    owner_text: str = "",
    due_on: Any = None,
    actor: User,
) -> CosmosNote:
    """Turn a note into an action (or change its owner and due date). The owner is a member
    of the initiative (``owner_id``) or someone named in words (``owner_text``)."""
    _require_edit(actor, note.initiative)
    errors: dict[str, list[str]] = {}
    owner = None
    if owner_id not in (None, ""):
        try:
            pk = int(owner_id)
        except (TypeError, ValueError):
            pk = 0
        membership = (
            InitiativeMembership.objects.filter(initiative_id=note.initiative_id, user_id=pk)
            .select_related("user")
            .first()
            if 0 < pk < 2**63
            else None
        )
        if membership is None:
            errors["owner"] = [_("Choose a member of this initiative.")]
        else:
            owner = membership.user
    try:
        text = _clean_text(owner_text, MAX_OWNER_TEXT, required=False, field="owner_text")
    except ValidationError as exc:
        errors.update(exc.message_dict)
        text = ""
    if owner is not None and text:
        errors.setdefault("owner_text", []).append(_("Choose a member or write a name, not both."))
    if owner is None and not text and "owner" not in errors and "owner_text" not in errors:
        errors["owner"] = [_("Say who takes this on: a member of the team, or a name.")]
    try:
        due = _parse_due(due_on)
    except ValidationError as exc:
        errors.update(exc.message_dict)
        due = None
    if errors:
        raise ValidationError(errors)
    note.is_action = True
    note.owner = owner
    note.owner_text = text
    note.due_on = due
    note.save(update_fields=["is_action", "owner", "owner_text", "due_on"])
    initiative_touch(note.initiative_id)
    return note


def can_set_status(user: Any, note: CosmosNote) -> bool:
    """The initiative's editors, and the action's owner while a member."""
    if not getattr(user, "is_authenticated", False) or not note.is_action:
        return False
    if user.has_perm("cosmos.change_models", note.initiative):
        return True
    return (
        note.owner_id == user.pk
        and InitiativeMembership.objects.filter(
            initiative_id=note.initiative_id, user=user
        ).exists()
    )


@transaction.atomic
def action_status_set(*, note: CosmosNote, status: str, actor: User) -> CosmosNote:
    if not can_set_status(actor, note):
        raise PermissionDenied
    if status not in CosmosNote.Status.values:
        raise ValidationError({"status": _("Choose one of the options.")}, code="status")
    note.status = status
    note.done_at = timezone.now() if status == CosmosNote.Status.DONE else None
    note.save(update_fields=["status", "done_at"])
    initiative_touch(note.initiative_id)
    return note


# -- Stakeholders ------------------------------------------------------------------------------


def stakeholder_from_model(
    *, initiative: Initiative, name: str, actor: User
) -> tuple[dict[str, str], bool]:
    """Put a stakeholder named in the models in the register (once: an entry with the same
    name, ignoring case, is returned as it is), with its COSMOS roles noted. Needs the right
    to change the models and to add stakeholders."""
    _require_edit(actor, initiative)
    sink = registry.stakeholder_sink
    if sink is None or not sink.can_create(actor, initiative):
        raise PermissionDenied
    key = str(name or "").strip().lower()
    entry = next(
        (e for e in sel.named_stakeholders(initiative=initiative) if e["key"] == key), None
    )
    if entry is None:
        raise ValidationError(_("This name is not in the models (any more)."), code="unknown_name")
    roles = [r["role_id"] for r in entry["roles"] if r["role_id"]]
    return sink.create(
        initiative,
        entry["name"],
        sel.role_note(entry),
        actor,
        roles=roles,
        entity=sel.ENTITY_OF_TYPE.get(entry["type"], ""),
    )


# -- Stories -----------------------------------------------------------------------------------


def story_link_add(
    *, initiative: Initiative, item: str, story_id: Any, actor: User
) -> CosmosStoryLink:
    """Link a community reporting item to a story the actor may hear (once)."""
    _require_edit(actor, initiative)
    item = str(item or "").strip()
    if item not in {i["label"] for i in sel.reporting_items(initiative=initiative)}:
        raise ValidationError({"item": _("Choose an item of the list.")}, code="item")
    stories = sel.heard_stories(initiative=initiative, user=actor)
    try:
        pk = int(story_id)
    except (TypeError, ValueError):
        pk = 0
    if stories is None or not 0 < pk < 2**63 or not stories.filter(pk=pk).exists():
        raise ValidationError({"story": _("Choose a story from the list.")}, code="story")
    try:
        with transaction.atomic():
            link, _created = CosmosStoryLink.objects.get_or_create(
                initiative=initiative,
                item=item,
                source=sel.STORY_SOURCE,
                object_id=pk,
                defaults={"created_by": actor},
            )
    except IntegrityError:
        link = CosmosStoryLink.objects.get(
            initiative=initiative, item=item, source=sel.STORY_SOURCE, object_id=pk
        )
    initiative_touch(initiative.pk)
    return link


@transaction.atomic
def story_link_remove(*, link: CosmosStoryLink, actor: User) -> None:
    _require_edit(actor, link.initiative)
    link.delete()
    initiative_touch(link.initiative_id)


# -- Personal data -----------------------------------------------------------------------------


def links_erase(*, user: User) -> int:
    """Forget who wrote notes, owns actions and made links; the notes stay with the
    initiative (an owner's name in words is the team's own note and stays)."""
    n = CosmosNote.objects.filter(created_by=user).update(created_by=None)
    n += CosmosNote.objects.filter(owner=user).update(owner=None)
    n += CosmosStoryLink.objects.filter(created_by=user).update(created_by=None)
    return n
