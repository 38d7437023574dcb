"""Co-creation of service model: the roles around the service platform (who sets the policy,
designs, puts in place and delivers above it; who uses, benefits and evaluates below it), why
the service changes, and the outside services, organisations and infrastructure."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from constellate.cosmos.pictures.common import (
    WIDTH,
    Block,
    Item,
    Picture,
    card,
    group,
    icon,
    placeholder_note,
    role_item,
    role_type_label,
    title_of,
)
from constellate.cosmos.pictures.scene import INK, LINE, MUTED, Line, Mark, Rect, Scene
from constellate.cosmos.schema import ASPECTS_BY_ID, _externals_items, as_dict, as_text

ASPECT = "co_creation_of_service_model"


def blocks(data: Any) -> list[Block]:
    part = ASPECTS_BY_ID[ASPECT].part
    data = as_dict(data)
    drivers = group(data, "drivers")
    why = " — ".join(
        t
        for t in (as_text(drivers.get("title")).strip(), as_text(drivers.get("body")).strip())
        if t
    )

    def roles(*ids):
        return [role_item(str(part(i).label), data.get(i)) for i in ids]

    externals = []
    for key in ("extsvc", "extorg", "infsvc"):
        for entry in _externals_items(data.get(key)):
            externals.append(
                Item(label=str(part(key).label), text=entry["label"] or entry["url"], kind="text")
            )
    return [
        Block(
            "drivers",
            _("Why"),
            _("Why does this service have to change, and who feels the need most?"),
            [Item(str(part("drivers").label), why, "text")],
            parts=("drivers",),
        ),
        Block(
            "shape",
            _("Who shapes it"),
            _("Who sets the policy and who designs the service? Were users there from the start?"),
            roles("policyDef", "specDes", "initiator"),
            parts=("policyDef", "specDes", "initiator"),
        ),
        Block(
            "deliver",
            _("Who makes it happen"),
            _("Who puts the service in place and who delivers it day to day?"),
            roles("deployment", "delivery"),
            parts=("deployment", "delivery"),
        ),
        Block(
            "use",
            _("Who uses and judges it"),
            _("Who uses the service, who gains from it, and who says whether it works?"),
            roles("user", "beneficiary", "evaluation"),
            parts=("user", "beneficiary", "evaluation"),
        ),
        Block(
            "outside",
            _("Outside the service"),
            _("Which services, organisations and infrastructure outside the team does it lean on?"),
            externals,
            parts=("extsvc", "extorg", "infsvc"),
        ),
    ]


def _role(scene: Scene, item: Item, cx: float, top: float, w: float, step: int) -> None:
    icon(
        scene,
        item.role_type if item.text else "",
        cx,
        top + 22,
        item.colour if item.text else "#ffffff",
        step,
    )
    scene.text(
        cx,
        top + 60,
        item.label,
        width=w - 8,
        size=11,
        max_lines=2,
        anchor="middle",
        fill=MUTED,
        step=step,
    )
    if item.text:
        scene.text(
            cx,
            top + 90,
            item.text,
            width=w - 8,
            size=12.5,
            max_lines=3,
            anchor="middle",
            bold=True,
            step=step,
        )
        scene.text(
            cx,
            top + 142,
            role_type_label(item.role_type),
            width=w - 8,
            size=10.5,
            max_lines=1,
            anchor="middle",
            fill=MUTED,
            step=step,
        )
    else:
        scene.text(cx, top + 90, "—", width=w, size=12.5, anchor="middle", fill=MUTED, step=step)


def build(data: Any) -> Picture:
    parts = blocks(data)
    title = title_of(data, str(ASPECTS_BY_ID[ASPECT].label))
    scene = Scene(WIDTH, 0, title, "", steps=len(parts))
    scene.text(
        WIDTH / 2, 30, title, width=WIDTH - 40, size=18, max_lines=2, bold=True, anchor="middle"
    )
    y = 62
    h = card(
        scene,
        20,
        y,
        WIDTH - 40,
        parts[0].heading,
        [(i.label, i.text) for i in parts[0].items],
        1,
        lines=3,
    )
    scene.add(Mark(14, y - 6, WIDTH - 28, h + 12, 1))
    y += h + 24
    top_roles = [(r, 2) for r in parts[1].items] + [(r, 3) for r in parts[2].items]
    slot = (WIDTH - 40) / 5
    row_h = 160
    platform_y = y + row_h + 20
    for index, (item, step) in enumerate(top_roles):
        cx = 20 + slot * index + slot / 2
        _role(scene, item, cx, y, slot, step)
        scene.add(
            Line(cx, y + row_h - 6, cx, platform_y, stroke=LINE, width=1.2, arrow=True, step=step)
        )
    scene.add(
        Mark(20, y - 6, slot * 3, row_h + 6, 2), Mark(20 + slot * 3, y - 6, slot * 2, row_h + 6, 3)
    )
    scene.add(Rect(20, platform_y, WIDTH - 40, 44, fill="#dbe9f4", stroke=INK, radius=22))
    scene.text(
        WIDTH / 2,
        platform_y + 27,
        _("Service platform"),
        width=WIDTH - 80,
        size=15,
        bold=True,
        anchor="middle",
    )
    y = platform_y + 44 + 20
    slot3 = (WIDTH - 40) / 3
    for index, item in enumerate(parts[3].items):
        cx = 20 + slot3 * index + slot3 / 2
        scene.add(Line(cx, y + 4, cx, y - 20, stroke=LINE, width=1.2, arrow=True, step=4))
        _role(scene, item, cx, y + 8, slot, 4)
    scene.add(Mark(20, y - 4, WIDTH - 40, row_h + 10, 4))
    y += row_h + 28
    column = (WIDTH - 40 - 2 * 12) / 3
    outside_h = 0.0
    part = ASPECTS_BY_ID[ASPECT].part
    for index, key in enumerate(("extsvc", "extorg", "infsvc")):
        label = str(part(key).label)
        rows = [("", i.text) for i in parts[4].items if i.label == label]
        h = card(
            scene, 20 + index * (column + 12), y, column, label, rows or [("", "")], 5, lines=1
        )
        outside_h = max(outside_h, h)
    scene.add(Mark(14, y - 6, WIDTH - 28, outside_h + 12, 5))
    y += outside_h + 20
    if not any(b.answered for b in parts):
        placeholder_note(scene, y + 10)
        y += 30
    scene.height = y
    scene.description = _describe(parts)
    return Picture(ASPECT, title, parts, scene)


def _describe(parts: list[Block]) -> str:
    answered = sum(len(b.answered) for b in parts[1:4])
    return _(
        "The roles around the service platform (%(count)s of 8 filled in), why the service "
        "changes, and what outside the service it leans on. The table next to the picture "
        "gives the same."
    ) % {"count": answered}
