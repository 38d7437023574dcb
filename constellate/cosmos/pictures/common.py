"""What the six pictures share: the parts of a model as *blocks* (the text twin and the
walkthrough steps are made from them, the picture is drawn from them), and small drawings:
role icons, cards of answers, experience faces, check boxes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from constellate.cosmos.pictures.scene import (
    INK,
    LINE,
    MUTED,
    SOFT,
    Circle,
    Poly,
    Rect,
    Scene,
    clean,
    wrap,
)
from constellate.cosmos.schema import (
    STAKEHOLDER_COLOURS,
    STAKEHOLDER_TYPES,
    as_dict,
    as_list,
    as_text,
    model_title,
)

WIDTH = 960


@dataclass
class Item:
    label: str  # what the answer is about (a role, a question, an option)
    text: str = ""  # the answer ("" = not answered)
    kind: str = ""  # role, option, experience, text
    colour: str = ""  # role colour
    role_type: str = ""  # user, organisation, service
    chosen: bool = True  # for options: ticked or not
    experience: str = ""  # negative, neutral, positive

    @property
    def role_type_label(self) -> str:
        return role_type_label(self.role_type) if self.kind == "role" else ""


@dataclass
class Block:
    key: str
    heading: str
    question: str  # the reflective question of the walkthrough step
    items: list[Item] = field(default_factory=list)
    # The model's parts (top-level answer keys) this block draws; empty: the block's key.
    parts: tuple[str, ...] = ()

    def draws(self, part: str) -> bool:
        """Whether a note on `part` ("section" or "section.field") belongs on this block."""
        return part.split(".", 1)[0] in (self.parts or (self.key,))

    @property
    def answered(self) -> list[Item]:
        return [i for i in self.items if i.text and i.chosen]


@dataclass
class Picture:
    aspect: str
    title: str
    blocks: list[Block]
    scene: Scene

    @property
    def empty(self) -> bool:
        return not any(b.answered for b in self.blocks)


def colour_of(value: Any) -> str:
    colour = as_text(value).strip().lower()
    return colour if colour in STAKEHOLDER_COLOURS else "#dddddd"


def role_item(label: str, value: Any) -> Item:
    role = as_dict(value)
    kind = role.get("type") if role.get("type") in dict(STAKEHOLDER_TYPES) else "user"
    return Item(
        label=label,
        text=as_text(role.get("label")).strip(),
        kind="role",
        colour=colour_of(role.get("colour")),
        role_type=kind,
    )


def role_type_label(kind: str) -> str:
    return str(dict(STAKEHOLDER_TYPES).get(kind, ""))


def title_of(data: Any, default: str) -> str:
    return clean(model_title(data)) or default


def group(data: Any, key: str) -> dict:
    return as_dict(as_dict(data).get(key))


def listed(value: Any) -> list[Any]:
    return as_list(value)


# -- Drawings ---------------------------------------------------------------------------------


def icon(scene: Scene, kind: str, cx: float, cy: float, colour: str, step: int, r: float = 18):
    """A role as COSMOS shows it: a person, a building or a cog, in the role's colour with a
    dark outline (the outline carries the contrast, the colour only adds)."""
    if kind == "organisation":
        scene.add(
            Rect(cx - r, cy - r, 2 * r, 2 * r, fill=colour, stroke=INK, width=1.5, step=step),
            *[
                Rect(
                    cx - r + 6 + col * (r - 4),
                    cy - r + 6 + row * (r - 4),
                    r / 2.6,
                    r / 2.6,
                    fill="#ffffff",
                    stroke=INK,
                    width=1,
                    step=step,
                )
                for row in range(2)
                for col in range(2)
            ],
        )
    elif kind == "service":
        import math

        points = []
        for i in range(16):
            angle = math.pi * 2 * i / 16
            radius = r if i % 2 == 0 else r * 0.78
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
        scene.add(
            Poly(points, fill=colour, stroke=INK, width=1.5, step=step),
            Circle(cx, cy, r * 0.32, fill="#ffffff", stroke=INK, width=1.2, step=step),
        )
    else:
        scene.add(
            Circle(cx, cy - r * 0.45, r * 0.42, fill=colour, stroke=INK, width=1.5, step=step),
            Poly(
                [
                    (cx - r * 0.85, cy + r),
                    (cx - r * 0.7, cy + r * 0.15),
                    (cx + r * 0.7, cy + r * 0.15),
                    (cx + r * 0.85, cy + r),
                ],
                fill=colour,
                stroke=INK,
                width=1.5,
                step=step,
            ),
        )


def face(scene: Scene, experience: str, cx: float, cy: float, step: int, r: float = 13):
    """An experience as a face: smiling, straight or sad mouth (the shape says it, not the
    colour alone); a dashed empty circle when not answered."""
    fills = {"positive": "#c9ecd3", "neutral": "#fdf0c2", "negative": "#f8d0d0"}
    if experience not in fills:
        scene.add(Circle(cx, cy, r, fill="#ffffff", stroke=LINE, width=1, step=step))
        return
    scene.add(
        Circle(cx, cy, r, fill=fills[experience], stroke=INK, width=1.5, step=step),
        Circle(cx - r * 0.35, cy - r * 0.25, r * 0.1, fill=INK, stroke=INK, width=1, step=step),
        Circle(cx + r * 0.35, cy - r * 0.25, r * 0.1, fill=INK, stroke=INK, width=1, step=step),
    )
    bend = {"positive": 0.3, "neutral": 0.0, "negative": -0.3}[experience]
    base = cy + r * 0.35
    points = [
        (cx - r * 0.45, base - bend * r * 0.6),
        (cx - r * 0.2, base + bend * r * 0.1),
        (cx, base + bend * r * 0.25),
        (cx + r * 0.2, base + bend * r * 0.1),
        (cx + r * 0.45, base - bend * r * 0.6),
    ]
    scene.add(Poly(points, stroke=INK, width=1.8, closed=False, step=step))


def check(scene: Scene, x: float, y: float, chosen: bool, step: int, size: float = 14):
    scene.add(
        Rect(x, y, size, size, fill="#ffffff", stroke=INK if chosen else LINE, width=1.5, step=step)
    )
    if chosen:
        scene.add(
            Poly(
                [(x + 3, y + size / 2), (x + size / 2.3, y + size - 3), (x + size - 2.5, y + 3)],
                stroke=INK,
                width=2.2,
                closed=False,
                step=step,
            )
        )


def card(
    scene: Scene,
    x: float,
    y: float,
    w: float,
    heading: str,
    rows: list[tuple[str, str]],
    step: int,
    *,
    lines: int = 3,
    min_h: float = 0,
    dashed: bool = False,
) -> float:
    """A box with a heading and question/answer rows; returns its height. Unanswered rows
    show a calm dash."""
    pad = 10
    h = pad
    texts = []
    if heading:
        h += 16
        texts.append((h, heading, 14, 2, True, INK))
        h += (len(wrap(heading, w - 2 * pad, 14, 2)) - 1) * 17.5 + 6
    for label, text in rows:
        if label:
            h += 14
            texts.append((h, label, 11, 2, False, MUTED))
            h += (len(wrap(label, w - 2 * pad, 11, 2)) - 1) * 13.75 + 15
        else:
            h += 15
        answer = text or "—"
        texts.append((h, answer, 12.5, lines, False, INK if text else MUTED))
        h += (len(wrap(answer, w - 2 * pad, 12.5, lines)) - 1) * 15.6 + 4
    h = max(h + pad, min_h)
    scene.add(Rect(x, y, w, h, fill=SOFT, stroke=LINE, radius=8, dashed=dashed, step=step))
    for dy, text, size, max_lines, bold, colour in texts:
        scene.text(
            x + pad,
            y + dy,
            text,
            width=w - 2 * pad,
            size=size,
            max_lines=max_lines,
            bold=bold,
            fill=colour,
            step=step,
        )
    return h


def placeholder_note(scene: Scene, y: float) -> None:
    scene.text(
        WIDTH / 2,
        y,
        _("Nothing has been filled in yet. The picture grows as the questions are answered."),
        width=WIDTH - 80,
        size=14,
        anchor="middle",
        fill=MUTED,
    )
