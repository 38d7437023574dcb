"""User journey model: the six touch points in a row (finding, getting in, using, giving an
opinion, designing, starting something new); under each, the experiences as faces and the
carriers (how, where, by whom) and remarks as text."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from constellate.cosmos.pictures.common import (
    WIDTH,
    Block,
    Item,
    Picture,
    face,
    group,
    placeholder_note,
    title_of,
)
from constellate.cosmos.pictures.scene import (
    INK,
    LINE,
    MUTED,
    SOFT,
    Circle,
    Line,
    Mark,
    Rect,
    Scene,
    wrap,
)
from constellate.cosmos.schema import (
    ASPECTS_BY_ID,
    CHECK,
    EXPERIENCE,
    RADIO,
    as_list,
    as_text,
)

ASPECT = "user_journey_model"
POINTS = ("discovering", "accessing", "using", "evaluating", "designing", "instigating")
QUESTIONS = {
    "discovering": _l("How do people find the service? Who never hears of it?"),
    "accessing": _l("How do people get in, and who is kept out by the way in?"),
    "using": _l("How does using the service feel, and where does it happen?"),
    "evaluating": _l("Are users asked what they think, and does anything change when they answer?"),
    "designing": _l("Do users help design the service, and who invites them?"),
    "instigating": _l("Could users start something new themselves? What would help them?"),
}


def blocks(data: Any) -> list[Block]:
    definition = ASPECTS_BY_ID[ASPECT]
    result = []
    for key in POINTS:
        part = definition.part(key)
        values = group(data, key)
        items = []
        for f in part.fields:
            raw = values.get(f.id)
            if f.kind == EXPERIENCE:
                code = as_text(raw).strip()
                text = f.option_label(code) if code else ""
                items.append(Item(str(f.label), text, "experience", experience=code))
            elif f.kind == RADIO:
                code = as_text(raw).strip()
                items.append(Item(str(f.label), f.option_label(code) if code else "", "option"))
            elif f.kind == CHECK:
                text = ", ".join(f.option_label(v) for v in as_list(raw) if as_text(v).strip())
                items.append(Item(str(f.label), text, "option"))
            else:
                items.append(Item(str(f.label), as_text(raw).strip(), "text"))
        result.append(Block(key, str(part.label), str(QUESTIONS[key]), items))
    return result


def build(data: Any) -> Picture:
    parts = blocks(data)
    title = title_of(data, str(ASPECTS_BY_ID[ASPECT].label))
    scene = Scene(WIDTH, 0, title, "", steps=len(parts))
    scene.text(
        WIDTH / 2, 30, title, width=WIDTH - 40, size=18, max_lines=2, bold=True, anchor="middle"
    )
    gap = 8
    w = (WIDTH - 40 - 5 * gap) / 6
    top = 64
    line_y = top + 20
    scene.add(Line(20 + w / 2, line_y, WIDTH - 20 - w / 2, line_y, stroke=LINE, width=3))
    heading_h = max(len(wrap(b.heading, w - 6, 13 * 1.1, 2)) for b in parts) * 16.25
    bottoms = []
    layouts = []
    for index, block in enumerate(parts):
        step = index + 1
        x = 20 + index * (w + gap)
        cx = x + w / 2
        scene.add(Circle(cx, line_y, 17, fill="#dbe9f4", stroke=INK, width=2, step=step))
        scene.text(
            cx, line_y + 5, str(step), width=30, size=14, bold=True, anchor="middle", step=step
        )
        y = line_y + 40
        scene.text(
            cx,
            y,
            block.heading,
            width=w - 6,
            size=13,
            max_lines=2,
            bold=True,
            anchor="middle",
            step=step,
        )
        y = line_y + 40 + heading_h
        box_top = y - 4
        y += 10
        for item in block.items:
            experience = item.kind == "experience"
            if not item.text and not experience:
                continue
            y += 4
            y += scene.text(
                x + 8, y + 8, item.label, width=w - 16, size=10, max_lines=2, fill=MUTED, step=step
            )
            if experience:
                face(scene, item.experience, x + 20, y + 12, step, r=11)
                scene.text(
                    x + 38,
                    y + 17,
                    item.text or "—",
                    width=w - 44,
                    size=11.5,
                    max_lines=1,
                    fill=INK if item.text else MUTED,
                    step=step,
                )
                y += 28
            else:
                y += scene.text(
                    x + 8,
                    y + 10,
                    item.text,
                    width=w - 16,
                    size=11.5,
                    max_lines=4 if item.kind == "text" else 2,
                    fill=INK,
                    step=step,
                )
                y += 2
        layouts.append((x, box_top, step))
        bottoms.append(y + 8)
    bottom = max(bottoms)
    for x, box_top, step in layouts:
        scene.items.insert(
            0, Rect(x, box_top, w, bottom - box_top, fill=SOFT, stroke=LINE, radius=8, step=step)
        )
        scene.add(Mark(x - 3, top - 4, w + 6, bottom - top + 8, step))
    y = bottom + 16
    if not any(b.answered for b in parts):
        placeholder_note(scene, y + 6)
        y += 30
    scene.height = y
    scene.description = _(
        "The six touch points of the user journey in a row, with faces for how each was "
        "experienced: %(count)s answers. The table next to the picture gives the same."
    ) % {"count": sum(len(b.answered) for b in parts)}
    return Picture(ASPECT, title, parts, scene)
