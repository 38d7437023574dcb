"""Reading what ties the COSMOS models to the rest of Constellate: notes and actions, the
stakeholders named in the models and their register entries, community reporting items and
the stories they are linked to, the canvas questions the models answer, and another
initiative's model to compare with. Other apps are reached through the registry only."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from constellate.core.registry import evidence_source, registry
from constellate.cosmos.models import CosmosAspect, CosmosNote, CosmosStoryLink
from constellate.cosmos.rules import can_read_aspect
from constellate.cosmos.schema import (
    ACTORS,
    ASPECTS_BY_ID,
    MODEL_IDS,
    STAKEHOLDER_TYPES,
    as_dict,
    as_list,
    as_text,
    field_rows,
)
from constellate.initiatives.choices import Visibility
from constellate.initiatives.models import Initiative
from constellate.initiatives.selectors import initiative_list_for_user

# -- Parts of a model a note can be about --------------------------------------------------------


def part_choices(aspect_id: str) -> list[tuple[str, str]]:
    """[(path, label)] of the parts of a model a note can be about: "" (the model as a whole),
    then every question of the schema ("part" or "part.field"), in the schema's order."""
    definition = ASPECTS_BY_ID.get(aspect_id)
    if definition is None:
        return []
    choices = [("", str(_("The model as a whole")))]
    for part in definition.parts:
        if part.kind in ("divider",):
            continue
        if part.kind == "group":
            for f in part.fields:
                choices.append((f"{part.id}.{f.id}", f"{part.label}: {f.label}"))
        else:
            choices.append((part.id, str(part.label)))
    return choices


def part_label(aspect_id: str, path: str) -> str:
    return dict(part_choices(aspect_id)).get(path, path)


def notes_of(*, initiative, aspect_id: str) -> list[CosmosNote]:
    notes = list(
        CosmosNote.objects.filter(initiative=initiative, aspect=aspect_id).select_related(
            "owner", "created_by"
        )
    )
    labels = dict(part_choices(aspect_id))
    for note in notes:
        note.part_label = labels.get(note.part, note.part)
    return notes


def notes_by_part(*, initiative, aspect_id: str) -> dict[str, list[CosmosNote]]:
    """The notes on a model per part path ("" for the model as a whole), for placing them on
    the model's picture."""
    out: dict[str, list[CosmosNote]] = {}
    for note in notes_of(initiative=initiative, aspect_id=aspect_id):
        out.setdefault(note.part, []).append(note)
    return out


def actions_of(*, initiative) -> list[CosmosNote]:
    """Every action on the initiative's models: open ones first, by due date."""
    actions = list(
        CosmosNote.objects.filter(initiative=initiative, is_action=True)
        .select_related("owner")
        .order_by("-status", "due_on", "pk")
    )
    for action in actions:
        action.part_label = part_label(action.aspect, action.part)
        action.aspect_label = ASPECTS_BY_ID[action.aspect].label
    return actions


def actions_for_owner(*, user, today: date, limit: int = 10) -> tuple[list[CosmosNote], int]:
    """A person's open actions on COSMOS models, in initiatives they are still a member of,
    by due date (two queries)."""
    if not user.is_authenticated:
        return [], 0
    qs = CosmosNote.objects.filter(
        owner=user,
        is_action=True,
        status=CosmosNote.Status.OPEN,
        initiative__memberships__user=user,
    )
    total = qs.count()
    if not total:
        return [], 0
    shown = list(qs.select_related("initiative").order_by("due_on", "pk")[:limit])
    for action in shown:
        action.aspect_label = ASPECTS_BY_ID[action.aspect].label
        action.overdue = action.due_on is not None and action.due_on < today
    return shown, total


def owner_choices(*, initiative) -> list[tuple[int, str]]:
    from constellate.initiatives.selectors import initiative_member_list

    return [(m.user_id, str(m.user)) for m in initiative_member_list(initiative=initiative)]


# -- Stakeholders named in the models ------------------------------------------------------------

# The COSMOS stakeholder types, as the register's kinds of entity.
ENTITY_OF_TYPE = {"organisation": "organisation", "service": "organisation", "user": "group"}


def named_stakeholders(*, initiative) -> list[dict[str, Any]]:
    """The names on the stakeholder cards and in the actor lists of the initiative's models
    (shown or hidden), once per name ignoring case, in the order of the models:
    [{"name", "key", "type", "roles": [{"model", "role", "role_id"}]}]."""
    rows = {a.aspect: a for a in CosmosAspect.objects.filter(initiative=initiative)}
    found: dict[str, dict[str, Any]] = {}

    def add(name: Any, kind: Any, model, role, role_id: str) -> None:
        name = as_text(name).strip()
        if not name or len(name) > 200:
            return
        entry = found.setdefault(
            name.lower(), {"name": name, "key": name.lower(), "type": "", "roles": []}
        )
        if not entry["type"] and kind in dict(STAKEHOLDER_TYPES):
            entry["type"] = kind
        role_text = {"model": str(model), "role": str(role), "role_id": role_id}
        if role_text not in entry["roles"]:
            entry["roles"].append(role_text)

    for model_id in MODEL_IDS:
        row = rows.get(model_id)
        if row is None:
            continue
        definition = ASPECTS_BY_ID[model_id]
        data = as_dict(row.data)
        for part in definition.parts:
            value = data.get(part.id)
            if part.kind == "stakeholder":
                card = as_dict(value)
                role_id = part.id if model_id == "co_creation_of_service_model" else ""
                add(card.get("label"), card.get("type"), definition.label, part.label, role_id)
            elif part.kind == "group":
                group = as_dict(value)
                for f in part.fields:
                    raw = group.get(f.id)
                    if f.kind != ACTORS or isinstance(raw, str):
                        continue
                    for actor in as_list(raw):
                        card = as_dict(actor) if isinstance(actor, dict) else {"label": actor}
                        add(
                            card.get("label"),
                            card.get("type"),
                            definition.label,
                            f"{part.label}: {f.label}",
                            "",
                        )
    return list(found.values())


def stakeholder_links(*, initiative, user) -> list[dict[str, Any]]:
    """The named stakeholders, each with its register entry ("match") when one has the same
    name (ignoring case), as `user` may see it."""
    names = named_stakeholders(initiative=initiative)
    sink = registry.stakeholder_sink
    matches = sink.find(initiative, user, [n["name"] for n in names]) if sink and names else {}
    for entry in names:
        entry["match"] = matches.get(entry["key"])
    return names


def role_note(entry: dict[str, Any]) -> str:
    """What the register notes about a stakeholder created from the models."""
    roles = "; ".join(f"{r['role']} ({r['model']})" for r in entry["roles"])
    return (str(_("Role in the COSMOS models: %(roles)s")) % {"roles": roles})[:300]


# -- Community reporting items and stories -------------------------------------------------------

STORY_SOURCE = "story"


def reporting_items(*, initiative) -> list[dict[str, Any]]:
    """The community reporting container's items: [{"label", "url"}] with a label."""
    row = CosmosAspect.objects.filter(initiative=initiative, aspect="community_reporting").first()
    items = []
    seen = set()
    for item in as_list(as_dict(as_dict(row.data if row else {}).get("data")).get("items")):
        item = {"label": item} if isinstance(item, str) else as_dict(item)
        label = as_text(item.get("label")).strip()[:300]
        if label and label not in seen:
            seen.add(label)
            url = item.get("url") if isinstance(item.get("url"), str) else ""
            items.append({"label": label, "url": url})
    return items


def story_source():
    return evidence_source(STORY_SOURCE)


def heard_stories(*, initiative, user):
    """The stories of the initiative `user` may hear now (consent respected), through the
    registry; None when no stories app is installed or for someone not signed in."""
    source = story_source()
    if source is None or not getattr(user, "is_authenticated", False):
        return None
    return source.items(initiative, user)


def story_choices(*, initiative, user, limit: int = 300) -> list[tuple[int, str]]:
    stories = heard_stories(initiative=initiative, user=user)
    if stories is None:
        return []
    source = story_source()
    return [(s.pk, source.title(s)) for s in stories.order_by("-created_at", "-pk")[:limit]]


def story_links(*, initiative, user) -> dict[str, list[dict[str, Any]]]:
    """{item label: [{"pk" (of the link), "title", "url"}]}: only the stories `user` may hear
    now; a withdrawn story, or one `user` may not hear, is left out."""
    links = list(CosmosStoryLink.objects.filter(initiative=initiative, source=STORY_SOURCE))
    stories = heard_stories(initiative=initiative, user=user)
    if not links or stories is None:
        return {}
    source = story_source()
    heard = {s.pk: s for s in stories.filter(pk__in={link.object_id for link in links})}
    out: dict[str, list[dict[str, Any]]] = {}
    for link in links:
        story = heard.get(link.object_id)
        if story is not None:
            out.setdefault(link.item, []).append(
                {"pk": link.pk, "title": source.title(story), "url": source.url(story)}
            )
    return out


# -- The canvas and the models ------------------------------------------------------------------

# Which model takes up which of the canvas's six starting questions (initiatives.canvas).
CANVAS_QUESTION_OF_MODEL = {
    "analytic_model": "context",
    "user_journey_model": "context",
    "intervention_theory_model": "goals",
    "change_model": "goals",
    "moral_ordering_model": "values",
    "co_creation_of_service_model": "resources",
}


def canvas_question(aspect_id: str):
    """The canvas question (initiatives.canvas.Question) a model relates to, or None."""
    from constellate.initiatives.canvas import QUESTIONS

    key = CANVAS_QUESTION_OF_MODEL.get(aspect_id)
    return next((q for q in QUESTIONS if q.key == key), None)


def models_for_canvas(*, initiative) -> list[dict[str, Any]]:
    """The initiative's shown models, each with the canvas question it relates to (one query;
    never-saved models count as shown, as on the models' list)."""
    stored = dict(
        CosmosAspect.objects.filter(initiative=initiative, aspect__in=MODEL_IDS).values_list(
            "aspect", "enabled"
        )
    )
    out = []
    for model_id in MODEL_IDS:
        if stored.get(model_id, True):
            out.append(
                {
                    "id": model_id,
                    "label": ASPECTS_BY_ID[model_id].label,
                    "question": canvas_question(model_id),
                }
            )
    return out


def canvas_links(*, initiative, user) -> dict[str, list[dict[str, Any]]]:
    """{canvas question key: [{"label", "url"}]}: the shown models `user` may read, under the
    question each takes further (one query)."""
    from django.urls import reverse

    from constellate.cosmos.rules import can_view_models

    team = bool(user.is_authenticated) and can_view_models(user, initiative)
    rows = {
        a.aspect: a
        for a in CosmosAspect.objects.filter(initiative=initiative, aspect__in=MODEL_IDS)
    }
    out: dict[str, list[dict[str, Any]]] = {}
    for model_id, question_key in CANVAS_QUESTION_OF_MODEL.items():
        row = rows.get(model_id)
        shown = row.enabled if row is not None else True
        readable = team or (row is not None and can_read_aspect(user, row, initiative))
        if shown and readable:
            out.setdefault(question_key, []).append(
                {
                    "label": ASPECTS_BY_ID[model_id].label,
                    "url": reverse("cosmos:detail", args=[initiative.pk, model_id]),
                }
            )
    return out


# -- Comparing with another initiative's model ---------------------------------------------------


def compare_candidates(*, initiative, aspect_id: str, user) -> list[tuple[Initiative, Any]]:
    """Other initiatives of the same organisation that `user` sees (or that are public) and
    whose model
    `aspect_id` is shown and readable for `user` (published, or `user` is on its team):
    [(initiative, aspect row or None when never saved)] (two queries)."""
    from constellate.cosmos.rules import can_view_models

    if not user.is_authenticated or aspect_id not in MODEL_IDS:
        return []
    seen = initiative_list_for_user(user=user, organisation_id=initiative.organisation_id)
    others = list(
        Initiative.objects.filter(organisation_id=initiative.organisation_id)
        .filter(Q(pk__in=seen.values("pk")) | Q(visibility=Visibility.PUBLIC))
        .exclude(pk=initiative.pk)
        .order_by("title", "pk")[:200]
    )
    rows = {
        a.initiative_id: a
        for a in CosmosAspect.objects.filter(
            initiative__in=[o.pk for o in others], aspect=aspect_id
        )
    }
    out = []
    for other in others:
        row = rows.get(other.pk)
        if row is not None and not row.enabled:
            continue
        if row is None:
            # Never saved: shown but empty and private, so only for its team.
            if can_view_models(user, other):
                out.append((other, None))
        elif can_read_aspect(user, row, other):
            out.append((other, row))
    return out


def comparison(aspect_id: str, left: Any, right: Any) -> list[dict[str, Any]]:
    """Two answers of the same model side by side, a table per section:
    [{"label", "rows": [{"label", "left", "right", "same"}], "differences"}]."""
    definition = ASPECTS_BY_ID[aspect_id]
    a = {path: (label, text) for path, label, text in field_rows(aspect_id, left)}
    b = {path: (label, text) for path, label, text in field_rows(aspect_id, right)}
    sections: list[dict[str, Any]] = []
    current: dict[str, Any] = {"label": definition.label, "rows": []}

    def row(path: str, label: Any) -> dict[str, Any]:
        left_text = a.get(path, ("", ""))[1]
        right_text = b.get(path, ("", ""))[1]
        return {
            "label": label,
            "left": left_text,
            "right": right_text,
            "same": left_text.strip() == right_text.strip(),
        }

    for part in definition.parts:
        if part.kind == "divider":
            if current["rows"]:
                sections.append(current)
            current = {"label": part.label, "rows": []}
        elif part.kind == "group":
            if current["rows"]:
                sections.append(current)
            sections.append(
                {
                    "label": part.label,
                    "rows": [row(f"{part.id}.{f.id}", f.label) for f in part.fields],
                }
            )
            current = {"label": definition.label, "rows": []}
        elif part.kind == "social":
            for path in (p for p in a if p.startswith(part.id + ".")):
                current["rows"].append(row(path, a[path][0]))
        else:
            current["rows"].append(row(part.id, part.label))
    if current["rows"]:
        sections.append(current)
    known = {p.id for p in definition.parts}
    extra = [p for p in dict.fromkeys(list(a) + list(b)) if p.split(".")[0] not in known]
    if extra:
        sections.append(
            {"label": _("Other data"), "rows": [row(p, (a.get(p) or b.get(p))[0]) for p in extra]}
        )
    for section in sections:
        section["differences"] = sum(1 for r in section["rows"] if not r["same"])
    return [s for s in sections if any(r["left"] or r["right"] for r in s["rows"])]
