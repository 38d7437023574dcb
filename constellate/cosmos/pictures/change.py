"""Change model: the orders of change as stacked bands, from doing the plan (vision, plan,
carry out, measure, in a loop) to rethinking the plan, rethinking how we rethink, and the
unexpected (dashed: it was not planned)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from constellate.cosmos.pictures.common import (
    WIDTH,
    Block,
    Item,
    Picture,
    card,
    group,
    placeholder_note,
    title_of,
)
from constellate.cosmos.pictures.scene import INK, LINE, Line, Mark, Rect, Scene
from constellate.cosmos.schema import ASPECTS_BY_ID, as_text

ASPECT = "change_model"
ORDERS = ("first_order", "second_order", "third_order", "fourth_order")
QUESTIONS = {
    "first_order": _l("Is the plan being carried out as meant, and how do you see results?"),
    "second_order": _l("When did you step back and change the plan or the way you talk about it?"),
    "third_order": _l("What made people question the thinking behind the plan?"),
    "fourth_order": _l("What happened that nobody planned, and what did it change?"),
}


def blocks(data: Any) -> list[Block]:
    definition = ASPECTS_BY_ID[ASPECT]
    result = []
    for key in ORDERS:
        part = definition.part(key)
        values = group(data, key)
        items = [Item(str(f.label), as_text(values.get(f.id)).strip(), "text") for f in part.fields]
        result.append(Block(key, str(part.label), str(QUESTIONS[key]), items))
    return result


def build(data: Any) -> Picture:
    parts = blocks(data)
    title = title_of(data, str(ASPECTS_BY_ID[ASPECT].label))
    scene = Scene(WIDTH, 0, title, "", steps=len(parts))
    scene.text(
        WIDTH / 2, 30, title, width=WIDTH - 40, size=18, max_lines=2, bold=True, anchor="middle"
    )
    y = 62
    for step, block in enumerate(parts, start=1):
        unexpected = block.key == "fourth_order"
        scene.text(34, y + 22, block.heading, width=WIDTH - 68, size=15, bold=True, step=step)
        n = len(block.items)
        gap = 22
        w = (WIDTH - 68 - (n - 1) * gap) / n
        # Measure first (drawn once, all cards the same height).
        heights = []
        for item in block.items:
            probe = Scene(WIDTH, 0, "", "")
            heights.append(card(probe, 0, 0, w, "", [(item.label, item.text)], step, lines=5))
        h = max(heights)
        for index, item in enumerate(block.items):
            x = 34 + index * (w + gap)
            card(
                scene,
                x,
                y + 34,
                w,
                "",
                [(item.label, item.text)],
                step,
                lines=5,
                min_h=h,
                dashed=unexpected,
            )
            if index < n - 1 and not unexpected:
                scene.add(
                    Line(
                        x + w + 2,
                        y + 34 + h / 2,
                        x + w + gap - 2,
                        y + 34 + h / 2,
                        stroke=INK,
                        arrow=True,
                        step=step,
                    )
                )
        band_h = 34 + h + 14
        scene.add(
            Rect(
                20,
                y,
                WIDTH - 40,
                band_h,
                fill="none",
                stroke=LINE,
                radius=12,
                dashed=unexpected,
                step=step,
            )
        )
        if block.key == "first_order":
            # The loop back from measuring to the vision.
            bottom = y + 34 + h + 7
            scene.add(
                Line(
                    WIDTH - 34 - w / 2,
                    y + 34 + h,
                    WIDTH - 34 - w / 2,
                    bottom,
                    stroke=INK,
                    step=step,
                ),
                Line(WIDTH - 34 - w / 2, bottom, 34 + w / 2, bottom, stroke=INK, step=step),
                Line(
                    34 + w / 2,
                    bottom,
                    34 + w / 2,
                    y + 34 + h + 1,
                    stroke=INK,
                    arrow=True,
                    step=step,
                ),
            )
        scene.add(Mark(14, y - 6, WIDTH - 28, band_h + 12, step))
        y += band_h + 18
    if not any(b.answered for b in parts):
        placeholder_note(scene, y + 6)
        y += 30
    scene.height = y
    scene.description = _(
        "The orders of change, from doing the plan to the unexpected, with %(count)s of 11 "
        "questions answered. The table next to the picture gives the same."
    ) % {"count": sum(len(b.answered) for b in parts)}
    return Picture(ASPECT, title, parts, scene)
