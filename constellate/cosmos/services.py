"""Changes to an initiative's COSMOS models: which models are shown, saving answers (every
change kept as a version), importing and exporting COSMOS archives, publishing and the
read-only link, and erasing a person's traces."""

from __future__ import annotations

import contextlib
import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.cosmos.archive import ArchiveImage, read_archive, write_archive
from constellate.cosmos.models import (
    CosmosAspect,
    CosmosImage,
    CosmosProject,
    CosmosVersion,
    new_share_token,
)
from constellate.cosmos.schema import (
    ASPECTS,
    ASPECTS_BY_ID,
    COSMOS_VERSION,
    MODEL_IDS,
    SCHEMA_VERSION,
    has_content,
    image_names,
)
from constellate.initiatives.models import Initiative
from constellate.initiatives.services import initiative_touch

# Largest answers of one aspect, as JSON.
MAX_ASPECT_BYTES = 2 * 1024 * 1024


def cosmos_ensure(*, initiative: Initiative) -> dict[str, CosmosAspect]:
    """The initiative's ten aspects (created on first use: all six models shown, with COSMOS's
    empty answers), keyed by aspect id."""
    CosmosProject.objects.get_or_create(initiative=initiative)
    existing = {a.aspect: a for a in CosmosAspect.objects.filter(initiative=initiative)}
    missing = [
        CosmosAspect(initiative=initiative, aspect=a.id, enabled=True, data=a.empty())
        for a in ASPECTS
        if a.id not in existing
    ]
    if missing:
        CosmosAspect.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {a.aspect: a for a in CosmosAspect.objects.filter(initiative=initiative)}
    return existing


@transaction.atomic
def cosmos_models_set(
    *,
    initiative: Initiative,
    enabled: set[str] | list[str],
    actor: User,
    country: str | None = None,
) -> None:
    """Show the models in ``enabled`` and hide the others (their answers are kept); set the
    project's country (a two-letter code, "" for none) when given."""
    wanted = set(enabled)
    unknown = wanted - set(MODEL_IDS)
    if unknown:
        raise ValidationError(_("Choose models from the list."), code="unknown_model")
    if country is not None and not (country == "" or re.fullmatch(r"[a-z]{2}", country)):
        raise ValidationError(_("Choose a country from the list."), code="country")
    aspects = cosmos_ensure(initiative=initiative)
    if country is not None:
        CosmosProject.objects.filter(initiative=initiative).update(country=country)
    for model_id in MODEL_IDS:
        row = aspects[model_id]
        if row.enabled != (model_id in wanted):
            row.enabled = model_id in wanted
            row.save(update_fields=["enabled"])
    initiative_touch(initiative.pk)


def _check_data(data: Any) -> None:
    if not isinstance(data, dict):
        raise ValidationError(_("The answers of a model must be a JSON object."), code="shape")
    if len(json.dumps(data, ensure_ascii=False).encode("utf-8")) > MAX_ASPECT_BYTES:
        raise ValidationError(_("These answers are too long to keep."), code="too_large")


def _next_number(aspect: CosmosAspect) -> int:
    return (aspect.versions.aggregate(n=Max("number"))["n"] or 0) + 1


def _save(aspect: CosmosAspect, data: dict, actor: User | None, source: str) -> bool:
    if aspect.data == data:
        return False
    now = timezone.now()
    aspect.data = data
    aspect.updated_at = now
    aspect.updated_by = actor
    aspect.save(update_fields=["data", "updated_at", "updated_by"])
    CosmosVersion.objects.create(
        aspect=aspect,
        number=_next_number(aspect),
        data=data,
        source=source,
        created_at=now,
        created_by=actor,
    )
    return True


@transaction.atomic
def aspect_data_save(*, aspect: CosmosAspect, data: dict[str, Any], actor: User) -> bool:
    """Save an aspect's answers (stored as given, keyed by COSMOS field ids); a change is
    kept as a new version. Returns whether anything changed."""
    _check_data(data)
    locked = CosmosAspect.objects.select_for_update().get(pk=aspect.pk)
    changed = _save(locked, copy.deepcopy(data), actor, CosmosVersion.Source.EDIT)
    if changed:
        aspect.refresh_from_db()
        initiative_touch(aspect.initiative_id)
    return changed


@transaction.atomic
def aspect_publish_set(*, aspect: CosmosAspect, published: bool, actor: User) -> None:
    CosmosAspect.objects.filter(pk=aspect.pk).update(published=bool(published))
    aspect.published = bool(published)
    initiative_touch(aspect.initiative_id)


def share_link_create(*, aspect: CosmosAspect, actor: User) -> str:
    """A new read-only link for one model (an older link stops working)."""
    token = new_share_token()
    CosmosAspect.objects.filter(pk=aspect.pk).update(share_token=token)
    aspect.share_token = token
    return token


def share_link_revoke(*, aspect: CosmosAspect, actor: User) -> None:
    CosmosAspect.objects.filter(pk=aspect.pk).update(share_token="")
    aspect.share_token = ""


# -- Import -------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    changed: list[str] = field(default_factory=list)
    enabled: list[str] = field(default_factory=list)
    images: int = 0
    missing_images: list[str] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)


def _enabled_from(project: dict[str, Any], data: dict[str, Any]) -> list[str]:
    """Which models to show. COSMOS 3.7.1 does not export its real config (every export lists
    the same five models), so its list is only trusted in our own exports; otherwise the
    models that hold answers are shown."""
    config = project.get("config")
    if isinstance(config, dict) and isinstance(config.get("constellate"), dict):
        models = config.get("models")
        if isinstance(models, list):
            return [m for m in MODEL_IDS if m in models]
    return [m for m in MODEL_IDS if has_content(data.get(m))]


def cosmos_import(*, initiative: Initiative, upload: Any, actor: User | None) -> ImportResult:
    """Import a COSMOS 3.7.1 export into the initiative, replacing its answers (the earlier
    answers stay in the history). The archive is checked completely first
    (:func:`archive.read_archive`); then the pictures are written and the data saved in one
    transaction, and the written pictures are removed again if that fails. The creator's
    e-mail in the archive (``created_by``) is personal data and is not kept."""
    archive = read_archive(upload)
    project = archive.project
    data: dict[str, Any] = project["data"]
    result = ImportResult(missing_images=archive.missing, ignored_files=archive.ignored)
    written: list[tuple[Any, str]] = []
    replaced: list[tuple[Any, str]] = []
    try:
        staged: list[CosmosImage] = []
        for image in archive.images.values():
            row = CosmosImage(
                initiative=initiative, name=image.name, mime=image.mime, size=len(image.content)
            )
            row.file.save(image.name, ContentFile(image.content), save=False)
            written.append((row.file.storage, row.file.name))
            if image.thumb is not None:
                row.thumb.save(image.name, ContentFile(image.thumb), save=False)
                written.append((row.thumb.storage, row.thumb.name))
            staged.append(row)
        with transaction.atomic():
            aspects = cosmos_ensure(initiative=initiative)
            for aspect_id in ASPECTS_BY_ID:
                if aspect_id not in data:
                    continue
                row = CosmosAspect.objects.select_for_update().get(pk=aspects[aspect_id].pk)
                if _save(row, data[aspect_id], actor, CosmosVersion.Source.IMPORT):
                    result.changed.append(aspect_id)
            result.enabled = _enabled_from(project, data)
            for model_id in MODEL_IDS:
                CosmosAspect.objects.filter(pk=aspects[model_id].pk).update(
                    enabled=model_id in result.enabled
                )
            cosmos = CosmosProject.objects.select_for_update().get(initiative=initiative)
            cosmos.name = str(project.get("name") or "")[:300]
            cosmos.slug = str(project.get("slug") or "")[:300]
            config = project.get("config")
            if isinstance(config, dict) and isinstance(config.get("country"), str):
                cosmos.country = config["country"][:8]
            cosmos.extra = {
                "data": {k: v for k, v in data.items() if k not in ASPECTS_BY_ID},
                "folder": project.get("folder"),
            }
            cosmos.imported_at = timezone.now()
            cosmos.save()
            for row in staged:
                old = CosmosImage.objects.filter(initiative=initiative, name=row.name).first()
                if old is not None:
                    replaced.append((old.file.storage, old.file.name))
                    if old.thumb:
                        replaced.append((old.thumb.storage, old.thumb.name))
                    old.delete()
                row.save()
            result.images = len(staged)
            initiative_touch(initiative.pk)
            transaction.on_commit(lambda: _remove(replaced))
    except BaseException:
        _remove(written)
        raise
    return result


def _remove(files: list[tuple[Any, str]]) -> None:
    for storage, name in files:
        with contextlib.suppress(OSError):
            storage.delete(name)


# -- Export -------------------------------------------------------------------------------------


def cosmos_export(*, initiative: Initiative) -> tuple[str, bytes]:
    """The initiative's models as a COSMOS 3.7.1 archive: (file name, zip bytes)."""
    aspects = cosmos_ensure(initiative=initiative)
    cosmos = CosmosProject.objects.get(initiative=initiative)
    extra = cosmos.extra if isinstance(cosmos.extra, dict) else {}
    extra_data = extra.get("data") if isinstance(extra.get("data"), dict) else {}
    data: dict[str, Any] = {"welcome": extra_data.get("welcome", {})}
    for a in ASPECTS:
        data[a.id] = aspects[a.id].data
    for key, value in extra_data.items():
        if key not in data:
            data[key] = value
    data.setdefault("annotations", [])
    now = timezone.localtime()
    enabled = [m for m in MODEL_IDS if aspects[m].enabled]
    config: dict[str, Any] = {
        "models": enabled,
        "country": cosmos.country,
        "constellate": {"schema_version": SCHEMA_VERSION, "cosmos_version": COSMOS_VERSION},
    }
    slug = cosmos.slug or initiative.slug
    project = {
        "id": initiative.pk,
        "name": cosmos.name or initiative.title,
        "slug": slug,
        "created_at": timezone.localtime(cosmos.created_at).strftime("%Y-%m-%d %H:%M:%S"),
        "modified_at": now.strftime("%m/%d/%Y"),
        # The creator's e-mail is personal data: our exports leave it empty.
        "created_by": "",
        "folder": extra.get("folder"),
        "data": data,
        "config": config,
    }
    names = image_names(data)
    images = []
    for row in CosmosImage.objects.filter(initiative=initiative, name__in=names).order_by("name"):
        with row.file.open("rb") as fh:
            content = fh.read()
        thumb = None
        if row.thumb:
            with row.thumb.open("rb") as fh:
                thumb = fh.read()
        images.append(ArchiveImage(name=row.name, content=content, mime=row.mime, thumb=thumb))
    filename = f"cosmos-{initiative.slug or initiative.pk}-{int(now.timestamp())}.zip"
    return filename, write_archive(project, images)


# -- Personal data ------------------------------------------------------------------------------


def cosmos_erase(*, user: User) -> int:
    """Forget who saved versions and changes; the answers belong to the initiative."""
    n = CosmosVersion.objects.filter(created_by=user).update(created_by=None)
    n += CosmosAspect.objects.filter(updated_by=user).update(updated_by=None)
    return n
