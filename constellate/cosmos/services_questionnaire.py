"""Saving one step of a guided COSMOS questionnaire: the step's changed answers are written
through services.aspect_data_save (so every save is a version), under a lock on the model,
and refused when someone else changed the same step since the page was opened."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.cosmos.archive import make_thumbnail
from constellate.cosmos.forms_questionnaire import Step, StepForm
from constellate.cosmos.models import CosmosAspect, CosmosImage
from constellate.cosmos.schema import ASPECTS_BY_ID
from constellate.cosmos.services import aspect_data_save


@dataclass
class StepResult:
    form: StepForm
    aspect: CosmosAspect
    saved: bool
    version: int  # the model's latest version number after the save (0: none yet)
    conflict: bool = False


def latest_version(aspect: CosmosAspect) -> int:
    if aspect.pk is None:
        return 0
    return aspect.versions.aggregate(n=Max("number"))["n"] or 0


def _part_at(aspect: CosmosAspect, number: int, part_id: str) -> Any:
    if number == 0:
        # Before the first version, the answers were COSMOS's empty ones.
        return ASPECTS_BY_ID[aspect.aspect].empty().get(part_id)
    data = aspect.versions.filter(number=number).values_list("data", flat=True).first()
    return data.get(part_id) if isinstance(data, dict) else object()


@transaction.atomic
def questionnaire_step_save(
    *,
    aspect: CosmosAspect,
    step: Step,
    post: Any,
    base: int | None,
    autosave: bool,
    actor: User,
    files: Any = None,
) -> StepResult:
    """Check and save one step. ``base`` is the version the page was made from (None: do not
    check); when the step's part changed since then, nothing is saved (``conflict``)."""
    locked = CosmosAspect.objects.select_for_update().get(pk=aspect.pk)
    form = StepForm(locked.aspect, step, locked.data, post, autosave=autosave, files=files)
    latest = latest_version(locked)
    part_now = locked.data.get(step.part.id) if isinstance(locked.data, dict) else None
    if base is not None and base != latest and _part_at(locked, base, step.part.id) != part_now:
        form.is_valid()  # the submitted answers are shown again, with the warning
        form.errors.setdefault("", []).insert(
            0,
            _(
                "Someone else changed this step while you were working on it. Nothing is "
                "saved. Your answers are still in the form: save again to keep them, or "
                "open the step again to see the other answers."
            ),
        )
        return StepResult(form, locked, False, latest, conflict=True)
    saved = False
    if form.is_valid() and form.new_data is not None:
        written: list[tuple[Any, str]] = []
        try:
            for name, checked in form.new_images:
                written += _store_picture(locked, name, checked)
            saved = aspect_data_save(aspect=locked, data=form.new_data, actor=actor)
        except BaseException:
            _remove(written)
            raise
        if saved:
            latest = latest_version(locked)
    return StepResult(form, locked, saved, latest)


def _store_picture(aspect: CosmosAspect, name: str, checked: Any) -> list[tuple[Any, str]]:
    """Keep a picture under its COSMOS name, with a 400x400 thumbnail as COSMOS makes."""
    checked.content.seek(0)
    content = checked.content.read()
    row = CosmosImage(
        initiative_id=aspect.initiative_id, name=name, mime=checked.mime, size=len(content)
    )
    written: list[tuple[Any, str]] = []
    try:
        row.file.save(name, ContentFile(content), save=False)
        written.append((row.file.storage, row.file.name))
        row.thumb.save(name, ContentFile(make_thumbnail(content)), save=False)
        written.append((row.thumb.storage, row.thumb.name))
        row.save()
    except BaseException:
        _remove(written)
        raise
    return written


def _remove(files: list[tuple[Any, str]]) -> None:
    for storage, name in files:
        with contextlib.suppress(OSError):
            storage.delete(name)
