"""Analytic model: the chain from policy to the user (macro, meso, micro) on the left, and the
roles in the change (who starts it, makes it, is changed, brings parties together, thinks
about it, gains and loses) on the right."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from constellate.cosmos.pictures.common import (
    WIDTH,
    Block,
    Item,
    Picture,
    icon,
    placeholder_note,
    role_item,
    title_of,
)
from constellate.cosmos.pictures.scene import INK, LINE, MUTED, SOFT, Line, Mark, Rect, Scene
from constellate.cosmos.schema import ASPECTS_BY_ID, as_dict

ASPECT = "analytic_model"


def blocks(data: Any) -> list[Block]:
    part = ASPECTS_BY_ID[ASPECT].part
    data = as_dict(data)

    def roles(*ids):
        return [role_item(str(part(i).label), data.get(i)) for i in ids]

    return [
        Block(
            "macro",
            _("Macro: policy"),
            _("Who decides the policy the service follows, and how far away are they from users?"),
            roles("servicePolicyMaker"),
            parts=("servicePolicyMaker", "macro_meso_micro"),
        ),
        Block(
            "meso",
            _("Meso: the organisation"),
            _("Who runs the organisation and the delivery? What room do they give the front line?"),
            roles("serviceOrganisationManager", "serviceDeliveryManager"),
            parts=("serviceOrganisationManager", "serviceDeliveryManager"),
        ),
        Block(
            "micro",
            _("Micro: where the service meets people"),
            _("Who meets the users, and what do users bring to that meeting?"),
            roles("frontLineServiceDeliverer", "user"),
            parts=("frontLineServiceDeliverer", "user"),
        ),
        Block(
            "agency",
            _("Who drives the change"),
            _(
                "Who started the change, who makes it, who brings parties together, and who thinks it through?"
            ),
            roles(
                "instigatorsOfChange",
                "changeMakers",
                "subjectsOfChange",
                "broker",
                "changeTheorists",
            ),
            parts=(
                "instigatorsOfChange",
                "changeMakers",
                "subjectsOfChange",
                "broker",
                "changeTheorists",
                "innovation_brokerage",
            ),
        ),
        Block(
            "outcome",
            _("Who gains and who loses"),
            _("Who gains from the change, and who might lose out? Have you asked them?"),
            roles("beneficiaries", "victims"),
            parts=("beneficiaries", "victims"),
        ),
    ]


def _tile(scene: Scene, item: Item, x: float, y: float, w: float, step: int, h: float = 90) -> None:
    scene.add(
        Rect(
            x,
            y,
            w,
            h,
            fill=SOFT if item.text else "#ffffff",
            stroke=LINE,
            radius=8,
            dashed=not item.text,
            step=step,
        )
    )
    icon(
        scene,
        item.role_type if item.text else "",
        x + 26,
        y + h / 2,
        item.colour if item.text else "#ffffff",
        step,
        r=15,
    )
    used = scene.text(
        x + 50, y + 18, item.label, width=w - 58, size=10.5, max_lines=2, fill=MUTED, step=step
    )
    scene.text(
        x + 50,
        y + 18 + used + 8,
        item.text or "—",
        width=w - 58,
        size=12,
        max_lines=2,
        bold=bool(item.text),
        fill=INK if item.text else MUTED,
        step=step,
    )


def build(data: Any) -> Picture:
    parts = blocks(data)
    title = title_of(data, str(ASPECTS_BY_ID[ASPECT].label))
    scene = Scene(WIDTH, 0, title, "", steps=len(parts))
    scene.text(
        WIDTH / 2, 30, title, width=WIDTH - 40, size=18, max_lines=2, bold=True, anchor="middle"
    )
    top = 70
    # Left: the chain, one level a row, arrows from policy down to the user.
    gutter, left_w = 70, 400
    scene.text(
        20 + left_w / 2 + gutter / 2,
        top - 6,
        _("From policy to user"),
        width=left_w,
        size=14,
        bold=True,
        anchor="middle",
    )
    y = top + 8
    for step, block in enumerate(parts[:3], start=1):
        scene.text(
            20, y + 46, block.heading.split(":")[0], width=gutter, size=13, bold=True, step=0
        )
        n = len(block.items)
        w = (left_w - (n - 1) * 10) / n
        for index, item in enumerate(block.items):
            _tile(scene, item, 20 + gutter + index * (w + 10), y, w, step)
        scene.add(Mark(20 + gutter - 6, y - 6, left_w + 12, 102, step))
        if step < 3:
            cx = 20 + gutter + left_w / 2
            scene.add(Line(cx, y + 92, cx, y + 118, stroke=INK, width=1.5, arrow=True))
        y += 122
    left_bottom = y
    # Right: the roles in the change.
    x0 = 20 + gutter + left_w + 30
    right_w = WIDTH - 20 - x0
    scene.text(
        x0 + right_w / 2,
        top - 6,
        _("Who drives the change"),
        width=right_w,
        size=14,
        bold=True,
        anchor="middle",
    )
    w = (right_w - 10) / 2
    y = top + 8
    agency = parts[3].items
    for index, item in enumerate(agency):
        _tile(scene, item, x0 + (index % 2) * (w + 10), y + (index // 2) * 100, w, 4)
    rows = (len(agency) + 1) // 2
    scene.add(Mark(x0 - 6, y - 6, right_w + 12, rows * 100 + 2, 4))
    y += rows * 100 + 16
    for index, item in enumerate(parts[4].items):
        _tile(scene, item, x0 + index * (w + 10), y, w, 5)
    scene.add(Mark(x0 - 6, y - 6, right_w + 12, 102, 5))
    y = max(y + 106, left_bottom) + 10
    if not any(b.answered for b in parts):
        placeholder_note(scene, y + 6)
        y += 30
    scene.height = y
    answered = sum(len(b.answered) for b in parts)
    scene.description = _(
        "The chain from policy (macro) through the organisation (meso) to the user (micro), "
        "and the roles in the change: %(count)s of 12 roles filled in. The table next to the "
        "picture gives the same."
    ) % {"count": answered}
    return Picture(ASPECT, title, parts, scene)
