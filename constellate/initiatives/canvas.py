"""The canvas of the six starting questions: its shape, its text form and comparison.

A canvas is stored as JSON in CanvasVersion.data. This module is the one place that knows the
shape, so views, the print view, the comparison and later apps read it the same way."""

import difflib
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from constellate.initiatives.toolkit import TOOLKIT_LABELS

GOAL_DRIVERS = [
    ("statutory", _("Statutory duty")),
    ("need", _("A recognised need")),
    ("opportunity", _("An opportunity")),
    ("inequality", _("An inequality to tackle")),
    ("other", _("Other")),
]
RESOURCE_KINDS = [
    ("people", _("People")),
    ("budget", _("Budget")),
    ("spaces", _("Spaces")),
    ("ict", _("ICT")),
    ("other", _("Other")),
]
BARRIER_KINDS = [
    ("legal", _("Legal")),
    ("cultural", _("Cultural")),
    ("financial", _("Financial")),
    ("technical", _("Technical")),
    ("organisational", _("Organisational")),
    ("other", _("Other")),
]
CONTEXT_FIELDS = [
    ("place", _("Place")),
    ("target_group", _("Target group")),
    ("policy", _("Policy")),
    ("service", _("Service")),
]


@dataclass(frozen=True)
class Question:
    key: str
    number: int
    title: Any
    help: Any


QUESTIONS = [
    Question(
        "context",
        1,
        _("What is the context of our co-creation?"),
        _("The place, the people it is about, the policy and the service."),
    ),
    Question(
        "goals",
        2,
        _("What do we want to achieve, and why co-creation?"),
        _("Each goal with its reason and what drives it."),
    ),
    Question(
        "values",
        3,
        _("Which values guide our approach?"),
        _("What we stand for, and what it means in practice."),
    ),
    Question(
        "resources",
        4,
        _("Which capacities and resources can we use?"),
        _("People, budget, spaces and ICT."),
    ),
    Question(
        "barriers",
        5,
        _("Which barriers and contradictions must we reckon with?"),
        _("Each barrier with the contradiction behind it."),
    ),
    Question(
        "tools",
        6,
        _("Which tools and techniques will help us?"),
        _("Choose from the toolkit; add a note on how you will use them."),
    ),
]
QUESTION_KEYS = [q.key for q in QUESTIONS]


def empty_canvas() -> dict[str, Any]:
    return {
        "context": {key: "" for key, _label in CONTEXT_FIELDS},
        "goals": [],
        "values": [],
        "resources": [],
        "barriers": [],
        "tools": [],
        "tools_note": "",
    }


def normalise(data: dict[str, Any] | None) -> dict[str, Any]:
    """A complete canvas dict from possibly partial or older data."""
    canvas = empty_canvas()
    data = data or {}
    for key, _label in CONTEXT_FIELDS:
        canvas["context"][key] = str((data.get("context") or {}).get(key, "")).strip()
    canvas["goals"] = [
        {
            "goal": str(g.get("goal", "")).strip(),
            "why": str(g.get("why", "")).strip(),
            "driver": g.get("driver") if g.get("driver") in dict(GOAL_DRIVERS) else "other",
        }
        for g in data.get("goals") or []
        if str(g.get("goal", "")).strip()
    ]
    canvas["values"] = [
        {"value": str(v.get("value", "")).strip(), "meaning": str(v.get("meaning", "")).strip()}
        for v in data.get("values") or []
        if str(v.get("value", "")).strip()
    ]
    canvas["resources"] = [
        {
            "kind": r.get("kind") if r.get("kind") in dict(RESOURCE_KINDS) else "other",
            "description": str(r.get("description", "")).strip(),
        }
        for r in data.get("resources") or []
        if str(r.get("description", "")).strip()
    ]
    canvas["barriers"] = [
        {
            "kind": b.get("kind") if b.get("kind") in dict(BARRIER_KINDS) else "other",
            "description": str(b.get("description", "")).strip(),
            "contradiction": str(b.get("contradiction", "")).strip(),
        }
        for b in data.get("barriers") or []
        if str(b.get("description", "")).strip()
    ]
    canvas["tools"] = [t for t in data.get("tools") or [] if t in TOOLKIT_LABELS]
    canvas["tools_note"] = str(data.get("tools_note", "")).strip()
    return canvas


def section_lines(canvas: dict[str, Any], key: str) -> list[str]:
    """A question's answer as readable lines, in the active language: used by the comparison
    and anywhere a plain-text form is needed."""
    canvas = normalise(canvas)
    drivers, resources, barriers = dict(GOAL_DRIVERS), dict(RESOURCE_KINDS), dict(BARRIER_KINDS)
    if key == "context":
        return [
            f"{label}: {canvas['context'][k]}"
            for k, label in CONTEXT_FIELDS
            if canvas["context"][k]
        ]
    if key == "goals":
        return [
            f"{g['goal']} | {_('Why')}: {g['why']} | {_('Driver')}: {drivers[g['driver']]}"
            for g in canvas["goals"]
        ]
    if key == "values":
        return [
            f"{v['value']}: {v['meaning']}" if v["meaning"] else v["value"]
            for v in canvas["values"]
        ]
    if key == "resources":
        return [f"{resources[r['kind']]}: {r['description']}" for r in canvas["resources"]]
    if key == "barriers":
        return [
            f"{barriers[b['kind']]}: {b['description']}"
            + (f" | {_('Contradiction')}: {b['contradiction']}" if b["contradiction"] else "")
            for b in canvas["barriers"]
        ]
    if key == "tools":
        lines = [str(TOOLKIT_LABELS[t]) for t in canvas["tools"]]
        if canvas["tools_note"]:
            lines.append(f"{_('Note')}: {canvas['tools_note']}")
        return lines
    raise KeyError(key)


def changed_sections(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    old_n, new_n = normalise(old), normalise(new)
    keys = []
    for key in QUESTION_KEYS:
        if key == "tools":
            if (old_n["tools"], old_n["tools_note"]) != (new_n["tools"], new_n["tools_note"]):
                keys.append(key)
        elif old_n[key] != new_n[key]:
            keys.append(key)
    return keys


@dataclass
class DiffLine:
    op: str  # "same", "added", "removed"
    text: str


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Per question: whether it changed and the lines added, removed and kept."""
    result = []
    for question in QUESTIONS:
        a, b = section_lines(old, question.key), section_lines(new, question.key)
        lines: list[DiffLine] = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op == "equal":
                lines += [DiffLine("same", t) for t in a[i1:i2]]
            else:
                lines += [DiffLine("removed", t) for t in a[i1:i2]]
                lines += [DiffLine("added", t) for t in b[j1:j2]]
        result.append({"question": question, "changed": a != b, "lines": lines})
    return result


def completeness(canvas: dict[str, Any] | None) -> list[str]:
    """The keys of questions that still have no answer."""
    c = normalise(canvas)
    missing = []
    if not any(c["context"].values()):
        missing.append("context")
    for key in ("goals", "values", "resources", "barriers", "tools"):
        if not c[key]:
            missing.append(key)
    return missing
