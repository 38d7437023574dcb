"""Moral ordering model: the values (ethos) on top, then planning and managing before and
now, delivering, and governing at the bottom, with the arrow back to the values: how the
service is governed shapes what it comes to value."""

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
from constellate.cosmos.pictures.scene import INK, Line, Mark, Scene
from constellate.cosmos.schema import ACTORS, ASPECTS_BY_ID, as_list, as_text, stakeholder_text

ASPECT = "moral_ordering_model"
PARTS = ("defineEthos", "planManagePrior", "planManageCurrent", "deliver", "govern")
QUESTIONS = {
    "defineEthos": _l("Which values should the service serve, and who chose them?"),
    "planManagePrior": _l("What was done before the service started, and by whom?"),
    "planManageCurrent": _l("What is done now, and what will keep going after the pilot?"),
    "deliver": _l("How is the service delivered, and do the values show in it?"),
    "govern": _l("Who judges the service, against whose targets, and how does it improve?"),
}


def _answer(field, raw) -> str:
    if field.kind == ACTORS and not isinstance(raw, str):
        return ", ".join(t for t in (stakeholder_text(v) or as_text(v) for v in as_list(raw)) if t)
    return as_text(raw).strip()


def blocks(data: Any) -> list[Block]:
    definition = ASPECTS_BY_ID[ASPECT]
    result = []
    for key in PARTS:
        part = definition.part(key)
        values = group(data, key)
        items = [Item(str(f.label), _answer(f, values.get(f.id)), "text") for f in part.fields]
        result.append(Block(key, str(part.label), str(QUESTIONS[key]), items))
    return result


def _height(w, block, lines):
    return card(
        Scene(WIDTH, 0, "", ""),
        0,
        0,
        w,
        block.heading,
        [(i.label, i.text) for i in block.items],
        0,
        lines=lines,
    )


def build(data: Any) -> Picture:
    parts = blocks(data)
    title = title_of(data, str(ASPECTS_BY_ID[ASPECT].label))
    scene = Scene(WIDTH, 0, title, "", steps=len(parts))
    scene.text(
        WIDTH / 2, 30, title, width=WIDTH - 40, size=18, max_lines=2, bold=True, anchor="middle"
    )
    left = 60  # room for the arrow back from governing to the values
    full = WIDTH - 20 - left
    y = 62
    h = card(
        scene,
        left,
        y,
        full,
        parts[0].heading,
        [(i.label, i.text) for i in parts[0].items],
        1,
        lines=3,
    )
    scene.add(Mark(left - 6, y - 6, full + 12, h + 12, 1))
    ethos_mid = y + h / 2
    y += h + 30
    gap = 26
    w = (full - 2 * gap) / 3
    row = parts[1:4]
    h = max(_height(w, b, 4) for b in row)
    for index, block in enumerate(row):
        x = left + index * (w + gap)
        card(
            scene,
            x,
            y,
            w,
            block.heading,
            [(i.label, i.text) for i in block.items],
            index + 2,
            lines=4,
            min_h=h,
        )
        scene.add(Line(x + w / 2, y - 28, x + w / 2, y - 2, stroke=INK, arrow=True, step=index + 2))
        if index < 2:
            scene.add(
                Line(
                    x + w + 2,
                    y + h / 2,
                    x + w + gap - 2,
                    y + h / 2,
                    stroke=INK,
                    arrow=True,
                    step=index + 3,
                )
            )
        scene.add(Mark(x - 6, y - 6, w + 12, h + 12, index + 2))
    y += h + 30
    scene.add(Line(left + full / 2, y - 28, left + full / 2, y - 2, stroke=INK, arrow=True, step=5))
    h = card(
        scene,
        left,
        y,
        full,
        parts[4].heading,
        [(i.label, i.text) for i in parts[4].items],
        5,
        lines=3,
    )
    scene.add(Mark(left - 6, y - 6, full + 12, h + 12, 5))
    govern_mid = y + h / 2
    scene.add(
        Line(left, govern_mid, 30, govern_mid, stroke=INK, step=5),
        Line(30, govern_mid, 30, ethos_mid, stroke=INK, step=5),
        Line(30, ethos_mid, left - 2, ethos_mid, stroke=INK, arrow=True, step=5),
    )
    y += h + 20
    if not any(b.answered for b in parts):
        placeholder_note(scene, y + 6)
        y += 30
    scene.height = y
    scene.description = _(
        "From the values to planning, delivering and governing, and back to the values, with "
        "%(count)s of 17 questions answered. The table next to the picture gives the same."
    ) % {"count": sum(len(b.answered) for b in parts)}
    return Picture(ASPECT, title, parts, scene)
