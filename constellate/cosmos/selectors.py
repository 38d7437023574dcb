"""Reading an initiative's COSMOS models. Aspects that were never saved are shown with
COSMOS's empty answers (and all six models shown) without writing anything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Max

from constellate.cosmos.models import CosmosAspect, CosmosImage, CosmosProject, CosmosVersion
from constellate.cosmos.schema import (
    ASPECTS,
    ASPECTS_BY_ID,
    Aspect,
    field_rows,
    has_content,
    image_names,
    model_title,
    summary,
)


@dataclass
class AspectView:
    definition: Aspect
    row: CosmosAspect

    @property
    def id(self) -> str:
        return self.definition.id

    @property
    def title(self) -> str:
        return model_title(self.row.data)

    @property
    def filled(self) -> bool:
        return has_content(self.row.data)

    @property
    def last_changed(self):
        return getattr(self.row, "last_changed", None)


def _virtual(initiative, aspect_id: str) -> CosmosAspect:
    return CosmosAspect(
        initiative=initiative,
        aspect=aspect_id,
        enabled=True,
        data=ASPECTS_BY_ID[aspect_id].empty(),
        updated_at=None,
    )


def aspects_of(*, initiative) -> list[AspectView]:
    """The ten aspects in COSMOS's order (six models, then four containers)."""
    rows = {
        a.aspect: a
        for a in CosmosAspect.objects.filter(initiative=initiative)
        .select_related("updated_by")
        .annotate(last_changed=Max("versions__created_at"))
    }
    return [AspectView(a, rows.get(a.id) or _virtual(initiative, a.id)) for a in ASPECTS]


def aspect_of(*, initiative, aspect_id: str) -> CosmosAspect | None:
    if aspect_id not in ASPECTS_BY_ID:
        return None
    row = (
        CosmosAspect.objects.filter(initiative=initiative, aspect=aspect_id)
        .select_related("updated_by")
        .first()
    )
    return row or _virtual(initiative, aspect_id)


def aspect_by_share_token(*, token: str) -> CosmosAspect | None:
    if not token or len(token) < 20 or len(token) > 64:
        return None
    return (
        CosmosAspect.objects.filter(share_token=token)
        .select_related("initiative__organisation")
        .first()
    )


def project_of(*, initiative) -> CosmosProject | None:
    return CosmosProject.objects.filter(initiative=initiative).first()


def versions_of(*, aspect: CosmosAspect):
    if aspect.pk is None:
        return CosmosVersion.objects.none()
    return aspect.versions.select_related("created_by").order_by("-number")


def version_of(*, aspect: CosmosAspect, number: Any) -> CosmosVersion | None:
    try:
        number = int(number)
    except (TypeError, ValueError):
        return None
    if aspect.pk is None or not 0 < number < 2**31:
        return None
    return aspect.versions.select_related("created_by").filter(number=number).first()


def summary_of(aspect: CosmosAspect) -> list[dict[str, Any]]:
    return summary(aspect.aspect, aspect.data)


def difference(aspect_id: str, old: Any, new: Any) -> list[dict[str, Any]]:
    """Field by field: question, the earlier text, the current text, and whether it changed."""
    before = {path: (label, text) for path, label, text in field_rows(aspect_id, old)}
    after = {path: (label, text) for path, label, text in field_rows(aspect_id, new)}
    rows = []
    for path in list(after) + [p for p in before if p not in after]:
        label = (after.get(path) or before.get(path))[0]
        old_text = before.get(path, ("", ""))[1]
        new_text = after.get(path, ("", ""))[1]
        rows.append(
            {
                "path": path,
                "label": label,
                "old": old_text,
                "new": new_text,
                "changed": old_text != new_text,
            }
        )
    return rows


def image_of(*, initiative, name: str) -> CosmosImage | None:
    if not name or len(name) > 200:
        return None
    return CosmosImage.objects.filter(initiative=initiative, name=name).first()


def aspect_names_image(aspect: CosmosAspect, name: str) -> bool:
    return name in image_names(aspect.data)


def annotations_of(*, initiative, aspect_id: str) -> list[str]:
    """The notes COSMOS users placed on a model's picture ("More details"), as text."""
    project = project_of(initiative=initiative)
    extra = project.extra if project is not None and isinstance(project.extra, dict) else {}
    data = extra.get("data") if isinstance(extra.get("data"), dict) else {}
    notes = data.get("annotations") if isinstance(data.get("annotations"), list) else []
    return [
        note["body"]
        for note in notes
        if isinstance(note, dict)
        and note.get("aspect") == aspect_id
        and isinstance(note.get("body"), str)
        and note["body"].strip()
    ]
