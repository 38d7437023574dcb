"""The canvas of the six starting questions: its shape, its text form and comparison.

A canvas is stored as JSON in CanvasVersion.data. This module is the one place that knows the
shape, so views, the print view, the comparison and later apps read it the same way."""

import difflib
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from constellate.core.registry import registry

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
        _("Choose from the method library; add a note on how you will use them."),
    ),
]
QUESTION_KEYS = [q.key for q in QUESTIONS]

# The sixth question chooses from the method library, which another app provides through the
# registry (core.registry.MethodCatalogue). The canvas stores the methods' stable keys.
TOOL_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_TOOLS = 60


def method_choices(organisation: Any) -> list[tuple[str, str]]:
    """[(key, name)] of the methods an organisation can choose: the standard library and its
    own methods (one query). Empty when no method library is installed."""
    catalogue = registry.method_catalogue
    return catalogue.choices(organisation) if catalogue else []


def method_keys(organisation: Any) -> set[str] | None:
    """The keys an organisation can choose, or None (anything goes) without a library."""
    catalogue = registry.method_catalogue
    return {key for key, _label in catalogue.choices(organisation)} if catalogue else None


def method_url(key: str) -> str | None:
    catalogue = registry.method_catalogue
    return catalogue.url(key) if catalogue else None


def tool_links(canvas: dict[str, Any], labels: dict[str, str]) -> list[dict[str, Any]]:
    """The chosen tools that still exist, each with its name and the address of its page."""
    return [
        {"key": key, "label": labels[key], "url": method_url(key)}
        for key in normalise(canvas)["tools"]
        if key in labels
    ]


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


def normalise(
    data: dict[str, Any] | None, tool_keys: Collection[str] | None = None
) -> dict[str, Any]:
    """A complete canvas dict from possibly partial or older data. With `tool_keys`, only
    those tools are kept (the methods the organisation can choose)."""
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
    tools = [t for t in data.get("tools") or [] if isinstance(t, str) and TOOL_KEY.match(t)]
    if tool_keys is not None:
        tools = [t for t in tools if t in tool_keys]
    canvas["tools"] = list(dict.fromkeys(tools))[:MAX_TOOLS]
    canvas["tools_note"] = str(data.get("tools_note", "")).strip()
    return canvas


def section_lines(
    canvas: dict[str, Any], key: str, tool_labels: dict[str, str] | None = None
) -> list[str]:
    """A question's answer as readable lines, in the active language: used by the comparison
    and anywhere a plain-text form is needed. `tool_labels` ({key: name}, from
    `method_choices`) names the tools; without it each tool's name is looked up on its own.
    Tools no longer in the library are left out."""
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
        if tool_labels is None:
            catalogue = registry.method_catalogue
            tool_labels = {
                t: label
                for t in canvas["tools"]
                if catalogue and (label := catalogue.label(t)) is not None
            }
        lines = [str(tool_labels[t]) for t in canvas["tools"] if t in tool_labels]
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


def compare(
    old: dict[str, Any], new: dict[str, Any], tool_labels: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Per question: whether it changed and the lines added, removed and kept."""
    result = []
    for question in QUESTIONS:
        a = section_lines(old, question.key, tool_labels)
        b = section_lines(new, question.key, tool_labels)
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
