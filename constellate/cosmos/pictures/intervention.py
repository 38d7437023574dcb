"""Intervention theory model: four bands of choices (the parts of wellbeing the service
touches, where in the life of the service the change happens, the kind of intervention, and
how people learn), every option drawn, the ticked ones with a tick and a stronger box."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from constellate.cosmos.pictures.common import (
    WIDTH,
    Block,
    Item,
    Picture,
    check,
    group,
    placeholder_note,
    title_of,
)
from constellate.cosmos.pictures.scene import INK, LINE, MUTED, SOFT, Mark, Rect, Scene, wrap
from constellate.cosmos.schema import ASPECTS_BY_ID, as_list

ASPECT = "intervention_theory_model"
QUESTIONS = {
    "wellbeing": _l(
        "Which parts of people's lives does the service touch? Which did you leave out, and why?"
    ),
    "innovation": _l("Does the service prevent, remedy or transform? Is that what people need?"),
    "intervention": _l(
        "What kind of intervention is this: finding out, delivering, managing, governing or learning?"
    ),
    "learning": _l("How will you know it works, and how do you learn while it runs?"),
}
COLUMNS = {"wellbeing": 3, "innovation": 4, "intervention": 3, "learning": 3}


def blocks(data: Any) -> list[Block]:
    definition = ASPECTS_BY_ID[ASPECT]
    result = []
    for key in ("wellbeing", "innovation", "intervention", "learning"):
        part = definition.part(key)
        field = part.fields[0]
        chosen = {str(v) for v in as_list(group(data, key).get("items"))}
        items = [
            Item(str(label), str(label), "choice", chosen=code in chosen)
            for code, label in field.options
        ]
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
        columns = COLUMNS[block.key]
        rows = (len(block.items) + columns - 1) // columns
        band_h = 40 + rows * 52
        scene.add(
            Rect(20, y, WIDTH - 40, band_h, fill="#ffffff", stroke=LINE, radius=10, step=step)
        )
        scene.text(34, y + 24, block.heading, width=WIDTH - 80, size=15, bold=True, step=step)
        count = sum(1 for i in block.items if i.chosen)
        scene.text(
            WIDTH - 34,
            y + 24,
            _("%(n)s chosen") % {"n": count},
            width=200,
            size=12,
            anchor="end",
            fill=MUTED,
            step=step,
        )
        w = (WIDTH - 68 - (columns - 1) * 10) / columns
        for index, item in enumerate(block.items):
            x = 34 + (index % columns) * (w + 10)
            cy = y + 38 + (index // columns) * 52
            two = len(wrap(item.label, w - 40, 12.5 * (1.1 if item.chosen else 1), 2)) > 1
            scene.add(
                Rect(
                    x,
                    cy,
                    w,
                    44,
                    fill=SOFT if item.chosen else "#ffffff",
                    stroke=INK if item.chosen else LINE,
                    width=2 if item.chosen else 1,
                    radius=6,
                    dashed=not item.chosen,
                    step=step,
                )
            )
            check(scene, x + 10, cy + 15, item.chosen, step)
            scene.text(
                x + 32,
                cy + (19 if two else 27),
                item.label,
                width=w - 40,
                size=12.5,
                max_lines=2,
                bold=item.chosen,
                fill=INK if item.chosen else MUTED,
                step=step,
            )
        scene.add(Mark(14, y - 6, WIDTH - 28, band_h + 12, step))
        y += band_h + 16
    if not any(b.answered for b in parts):
        placeholder_note(scene, y + 6)
        y += 30
    scene.height = y + 4
    scene.description = _(
        "Four bands of choices: wellbeing, innovation, intervention and learning, with "
        "%(count)s options ticked. The table next to the picture gives the same."
    ) % {"count": sum(len(b.answered) for b in parts)}
    return Picture(ASPECT, title, parts, scene)
