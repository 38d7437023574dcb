"""The network map as SVG drawn on the server, from the result of
`constellate.analysis.network.network_analyse` (usually read from the cache).

- Each node is a shape coloured by its kind or its engagement level. The shape repeats the
  colour's meaning (circle, square, diamond, triangle...), so colour is never the only cue; the
  colours are Okabe-Ito (kinds) and a colour-blind-safe light-to-dark scale (engagement levels,
  which are ordered). Size grows with the number of relations.
- Brokers get a thick black ring and their name; groups cut off from the main network get a
  dashed outline and "Cut-off group (N)".
- Relations are lines, one path per kind: conflicts dashed, introductions solid and darker,
  representation dotted.
- Zoom and pan work without JavaScript: the page links to itself with another `view` query
  parameter (`Viewport.parse` reads it, `viewport_links` makes the links) and the SVG's viewBox
  follows. Only what lies in the view is drawn, at most `max_nodes` nodes (the most central
  first) and `max_edges` lines, so a map of 10,000 people stays a few hundred kilobytes; the
  list view (`network_list_rows`) always has everyone.

Uses Django's translation for the legend and titles, so it lives in core, not in analysis."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from constellate.analysis.network import network_edges, network_visible

SIZE = 1000  # world units of the unit square
MAX_ZOOM = 6
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
# ColorBrewer YlGnBu, 5 classes: ordered light to dark, colour-blind safe
ENGAGEMENT_COLOURS = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]
ENGAGEMENT_LEVELS = ["informed", "consulted", "involved", "collaborating", "co_deciding"]
OTHER_COLOUR = "#999999"
SHAPES = ["circle", "square", "diamond", "triangle", "triangle_down", "hexagon", "cross", "star"]
# relation kind: (stroke colour, dash pattern, width); anything else is drawn like works_with
EDGE_STYLES = {
    "introduced": ("#444444", "", 1.2),
    "works_with": ("#8c8c8c", "", 0.8),
    "trusts": ("#009E73", "", 1.0),
    "represents": ("#0072B2", "1 3", 1.0),
    "conflict": ("#D55E00", "6 3", 1.2),
}
DEFAULT_EDGE_STYLE = ("#8c8c8c", "", 0.8)


# ---------------------------------------------------------------------------- viewport


@dataclass(frozen=True)
class Viewport:
    """What part of the map is shown: a zoom level (each step doubles) and the centre, both
    in unit-square coordinates. Written in the URL as `zoom,x,y`, e.g. `2,0.25,0.6`."""

    zoom: int = 0
    cx: float = 0.5
    cy: float = 0.5

    @classmethod
    def parse(cls, value: str | None) -> Viewport:
        """Read a `view` parameter; anything unreadable gives the whole map."""
        try:
            zoom, cx, cy = (value or "").split(",")
            return cls(int(zoom), float(cx), float(cy)).clamped()
        except ValueError:
            return cls()

    @property
    def scale(self) -> float:
        return float(2**self.zoom)

    @property
    def width(self) -> float:
        return 1 / self.scale

    def clamped(self) -> Viewport:
        zoom = min(max(self.zoom, 0), MAX_ZOOM)
        half = 0.5 / 2**zoom
        if not (math.isfinite(self.cx) and math.isfinite(self.cy)):
            return Viewport(zoom)
        return Viewport(zoom, min(max(self.cx, half), 1 - half), min(max(self.cy, half), 1 - half))

    def zoomed(self, steps: int) -> Viewport:
        return Viewport(self.zoom + steps, self.cx, self.cy).clamped()

    def panned(self, dx: float, dy: float) -> Viewport:
        """Move by a share of the view's width (0.5 = half a view)."""
        return Viewport(self.zoom, self.cx + dx * self.width, self.cy + dy * self.width).clamped()

    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) in unit-square coordinates."""
        half = self.width / 2
        return self.cx - half, self.cy - half, self.cx + half, self.cy + half

    def view_box(self) -> str:
        left, top, _right, _bottom = self.box()
        return f"{_num(left * SIZE)} {_num(top * SIZE)} {_num(self.width * SIZE)} {_num(self.width * SIZE)}"

    def __str__(self) -> str:
        return f"{self.zoom},{self.cx:.4g},{self.cy:.4g}"


def viewport_links(view: Viewport) -> list[dict[str, Any]]:
    """The zoom and pan controls: for each, its key, label and the `view` value to link to
    (None when it would not change anything, e.g. zooming out of the whole map)."""
    moves = [
        ("zoom_in", _("Zoom in"), view.zoomed(1)),
        ("zoom_out", _("Zoom out"), view.zoomed(-1)),
        ("left", _("Move left"), view.panned(-0.5, 0)),
        ("right", _("Move right"), view.panned(0.5, 0)),
        ("up", _("Move up"), view.panned(0, -0.5)),
        ("down", _("Move down"), view.panned(0, 0.5)),
        ("reset", _("Whole map"), Viewport()),
    ]
    return [
        {"key": key, "label": label, "view": str(target) if target != view else None}
        for key, label, target in moves
    ]


# ---------------------------------------------------------------------------- legend


def _num(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _categories(
    result: Mapping[str, Any], colour_by: str, labels: Mapping[str, str] | None
) -> list[tuple[str, str, str, str]]:
    """(key, label, colour, shape) per category, in legend order; "" collects the rest."""
    labels = labels or {}
    if colour_by == "engagement":
        keys = list(ENGAGEMENT_LEVELS)
        colours = ENGAGEMENT_COLOURS
    else:
        counts: dict[str, int] = {}
        for node in result["nodes"]:
            key = str(node.get("kind") or "")
            counts[key] = counts.get(key, 0) + 1
        known = [key for key in labels if key in counts]
        rest = sorted((k for k in counts if k and k not in labels), key=lambda k: -counts[k])
        keys = (known + rest)[: len(OKABE_ITO)]
        colours = OKABE_ITO
    rows = [
        (key, str(labels.get(key, key.replace("_", " "))), colours[n], SHAPES[n])
        for n, key in enumerate(keys)
    ]
    rows.append(("", _("Other or unknown"), OTHER_COLOUR, "circle"))
    return rows


def _shape(shape: str, x: float, y: float, r: float, d: int) -> str:
    """One node's shape as an SVG element without fill (the group gives it)."""
    if shape == "circle":
        return f'<circle cx="{_num(x, d)}" cy="{_num(y, d)}" r="{_num(r, d)}"'
    if shape == "square":
        s = r * 1.6
        return f'<rect x="{_num(x - s / 2, d)}" y="{_num(y - s / 2, d)}" width="{_num(s, d)}" height="{_num(s, d)}"'
    points = {
        "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
        "triangle": [(0, -1.3), (1.2, 0.9), (-1.2, 0.9)],
        "triangle_down": [(0, 1.3), (1.2, -0.9), (-1.2, -0.9)],
        "hexagon": [(math.cos(a) * 1.15, math.sin(a) * 1.15) for a in _HEX],
        "cross": _CROSS,
        "star": _STAR,
    }[shape]
    path = "M" + "L".join(f"{_num(x + px * r, d)} {_num(y + py * r, d)}" for px, py in points)
    return f'<path d="{path}Z"'


_HEX = [math.pi / 3 * k for k in range(6)]
_CROSS = [
    (-0.4, -1.2), (0.4, -1.2), (0.4, -0.4), (1.2, -0.4), (1.2, 0.4), (0.4, 0.4),
    (0.4, 1.2), (-0.4, 1.2), (-0.4, 0.4), (-1.2, 0.4), (-1.2, -0.4), (-0.4, -0.4),
]  # fmt: skip
_STAR = [
    (math.cos(math.pi / 5 * k - math.pi / 2) * (1.4 if k % 2 == 0 else 0.6),
     math.sin(math.pi / 5 * k - math.pi / 2) * (1.4 if k % 2 == 0 else 0.6))
    for k in range(10)
]  # fmt: skip


def network_legend_svg(
    result: Mapping[str, Any],
    *,
    colour_by: str = "kind",
    labels: Mapping[str, str] | None = None,
    edge_labels: Mapping[str, str] | None = None,
) -> SafeString:
    """The key to the map: a shape and colour per category, the broker ring, the cut-off
    group outline and a line sample per relation kind present."""
    rows = []
    y = 16
    for _key, label, colour, shape in _categories(result, colour_by, labels):
        rows.append(
            f'<g fill="{colour}" stroke="#222" stroke-width="0.8">{_shape(shape, 12, y - 4, 6, 1)}/></g>'
            f'<text x="28" y="{y}">{escape(label)}</text>'
        )
        y += 22
    rows.append(
        f'<circle cx="12" cy="{y - 4}" r="5" fill="#ffffff" stroke="#222"/>'
        f'<circle cx="12" cy="{y - 4}" r="8.5" fill="none" stroke="#000" stroke-width="2.5"/>'
        f'<text x="28" y="{y}">{escape(_("Broker: links people who are otherwise apart"))}</text>'
    )
    y += 24
    rows.append(
        f'<circle cx="12" cy="{y - 4}" r="8" fill="none" stroke="#000" stroke-dasharray="3 2"/>'
        f'<text x="28" y="{y}">{escape(_("Cut-off group: no link to the main network"))}</text>'
    )
    y += 24
    present = set(result["edges"]["kind"])
    edge_labels = edge_labels or {}
    for kind in sorted(present, key=lambda k: (k not in edge_labels, k)):
        colour, dash, width = EDGE_STYLES.get(kind, DEFAULT_EDGE_STYLE)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        label = edge_labels.get(kind) or kind.replace("_", " ") or _("Other relation")
        rows.append(
            f'<line x1="2" x2="22" y1="{y - 4}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="{width * 2}"{dash_attr}/><text x="28" y="{y}">{escape(label)}</text>'
        )
        y += 22
    title = escape(_("Key to the map"))
    return mark_safe(  # noqa: S308 - every text above went through escape()
        f'<svg class="network-legend" viewBox="0 0 360 {y}" width="360" height="{y}" '
        f'role="img" aria-labelledby="network-legend-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="network-legend-title">{title}</title>'
        f'<g font-size="13" font-family="sans-serif">{"".join(rows)}</g></svg>'
    )


# ---------------------------------------------------------------------------- map


def _node_radius(degree: int, max_degree: int) -> float:
    return 3 + 9 * math.sqrt(degree / max_degree) if max_degree else 3


def network_map_svg(
    result: Mapping[str, Any],
    *,
    view: Viewport | None = None,
    colour_by: str = "kind",
    labels: Mapping[str, str] | None = None,
    as_of: Any = None,
    max_nodes: int = 1500,
    max_edges: int = 2500,
    max_labels: int = 25,
    title: str | None = None,
) -> SafeString:
    """The map for one view (see the module doc). `labels` maps category keys to their
    translated names; `as_of` (a date) shows the network as it was then, in the same places,
    so snapshots side by side show how it grew."""
    view = view or Viewport()
    left, top, right, bottom = view.box()
    margin = view.width * 0.02
    nodes = result["nodes"]
    visible = network_visible(result, as_of)
    zoom = view.scale
    unit = 1 / zoom  # one screen unit of the whole map, in world units at this zoom
    digits = 1 + view.zoom // 3

    # the most central nodes in view; a fifth of the budget is kept for cut-off groups,
    # which are never central but are what the map must not hide
    candidates_in_view = [
        i
        for i in result["order"]
        if visible[i]
        and left - margin <= nodes[i]["x"] <= right + margin
        and top - margin <= nodes[i]["y"] <= bottom + margin
    ]
    if len(candidates_in_view) > max_nodes:
        cut_off = [i for i in candidates_in_view if nodes[i]["component"] > 0][: max_nodes // 5]
        chosen = set(cut_off)
        central = [i for i in candidates_in_view if i not in chosen][: max_nodes - len(cut_off)]
        chosen.update(central)
        shown = [i for i in candidates_in_view if i in chosen]
    else:
        shown = candidates_in_view
    in_view = sum(
        1
        for i, node in enumerate(nodes)
        if visible[i] and left <= node["x"] <= right and top <= node["y"] <= bottom
    )
    drawn = set(shown)
    rank = {i: r for r, i in enumerate(shown)}

    # lines: those between two drawn nodes, the most central first
    lines: dict[str, list[str]] = {}
    edge_count = 0
    candidates = [
        (max(rank[i], rank[j]), i, j, kind)
        for i, j, kind in network_edges(result)
        if i in drawn and j in drawn
    ]
    if len(candidates) > max_edges:
        candidates.sort()
        candidates = candidates[:max_edges]
    for _r, i, j, kind in candidates:
        a, b = nodes[i], nodes[j]
        lines.setdefault(kind if kind in EDGE_STYLES else "", []).append(
            f"M{_num(a['x'] * SIZE, digits)} {_num(a['y'] * SIZE, digits)}"
            f"L{_num(b['x'] * SIZE, digits)} {_num(b['y'] * SIZE, digits)}"
        )
        edge_count += 1
    edge_parts = []
    for kind, segments in sorted(lines.items()):
        colour, dash, width = EDGE_STYLES.get(kind, DEFAULT_EDGE_STYLE)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        edge_parts.append(
            f'<path class="edges" d="{"".join(segments)}" stroke="{colour}" '
            f'stroke-width="{width}"{dash_attr} fill="none" vector-effect="non-scaling-stroke" '
            f'stroke-opacity="0.6"/>'
        )

    # nodes, grouped by category so the group carries colour and nodes carry only geometry
    categories = _categories(result, colour_by, labels)
    by_key = {key: n for n, (key, *_rest) in enumerate(categories)}
    other = len(categories) - 1
    attribute = "engagement" if colour_by == "engagement" else "kind"
    max_degree = max((node["degree"] for node in nodes), default=0)
    groups: list[list[str]] = [[] for _ in categories]
    rings, labelled = [], []
    label_cap = max_labels
    for i in reversed(shown):  # least central first, so central nodes are drawn on top
        node = nodes[i]
        category = by_key.get(str(node.get(attribute) or ""), other)
        key, cat_label, _colour, shape = categories[category]
        x, y = node["x"] * SIZE, node["y"] * SIZE
        r = _node_radius(node["degree"], max_degree) * unit
        hover = escape(
            ngettext(
                "%(name)s, %(category)s, %(count)s relation",
                "%(name)s, %(category)s, %(count)s relations",
                node["degree"],
            )
            % {"name": node.get("label", ""), "category": cat_label, "count": node["degree"]}
        )
        if node["broker"]:
            hover += escape(" · " + _("broker"))
        if node["component"] > 0:
            hover += escape(" · " + _("cut off from the main network"))
        groups[category].append(f"{_shape(shape, x, y, r, digits)}><title>{hover}</title></")
        groups[category][-1] += (
            "circle>" if shape == "circle" else ("rect>" if shape == "square" else "path>")
        )
        if node["broker"]:
            rings.append(
                f'<circle cx="{_num(x, digits)}" cy="{_num(y, digits)}" r="{_num(r + 3 * unit, digits)}"/>'
            )
    for i in shown[:label_cap]:
        node = nodes[i]
        r = _node_radius(node["degree"], max_degree) * unit
        labelled.append(
            f'<text x="{_num(node["x"] * SIZE + r + 2 * unit, digits)}" '
            f'y="{_num(node["y"] * SIZE + 4 * unit, digits)}">{escape(str(node.get("label", "")))}</text>'
        )
    node_parts = [
        f'<g fill="{categories[n][2]}">{"".join(items)}</g>'
        for n, items in enumerate(groups)
        if items
    ]

    # cut-off groups: a dashed outline and a label, the biggest ones in view
    outlines: list[str] = []
    for component in result["components"][1:]:
        if len(outlines) >= 40 or component["size"] < 2:
            continue
        cx, cy = component["centre"]
        if not (left <= cx <= right and top <= cy <= bottom):
            continue
        if not any(visible[i] and nodes[i]["component"] == component["index"] for i in drawn):
            continue
        radius = component["radius"] * SIZE + 14 * unit
        outlines.append(
            f'<circle cx="{_num(cx * SIZE, digits)}" cy="{_num(cy * SIZE, digits)}" '
            f'r="{_num(radius, digits)}"/>'
        )
        if radius * zoom < 30:  # too small on screen for a readable label
            continue
        labelled.append(
            f'<text x="{_num(cx * SIZE - radius, digits)}" y="{_num(cy * SIZE - radius - 3 * unit, digits)}">'
            + escape(
                ngettext(
                    "Cut-off group (%(count)s person)",
                    "Cut-off group (%(count)s people)",
                    component["size"],
                )
                % {"count": component["size"]}
            )
            + "</text>"
        )

    total = sum(visible)
    if title is None:
        title = _(
            "Map of %(count)s stakeholders and their relations. The list below has the same information."
        ) % {"count": total}
    note = ""
    if len(shown) < in_view:
        note = _(
            "Showing the %(shown)s most central of the %(count)s stakeholders in this view. Zoom in to see more."
        ) % {"shown": len(shown), "count": in_view}
    font = 12 * unit
    return mark_safe(  # noqa: S308 - all text above went through escape()
        f'<svg class="network-map" viewBox="{view.view_box()}" role="img" '
        f'aria-labelledby="network-map-title" preserveAspectRatio="xMidYMid meet" '
        f'data-nodes="{len(shown)}" data-edges="{edge_count}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="network-map-title">{escape(title)}{escape(" " + note) if note else ""}</title>'
        f'<g class="network-edges">{"".join(edge_parts)}</g>'
        f'<g class="network-groups" fill="none" stroke="#000" stroke-dasharray="{_num(4 * unit, 3)} {_num(3 * unit, 3)}" '
        f'stroke-width="{_num(unit, 3)}">{"".join(outlines)}</g>'
        f'<g class="network-nodes" stroke="#222" stroke-width="{_num(0.6 * unit, 3)}">{"".join(node_parts)}</g>'
        f'<g class="network-brokers" fill="none" stroke="#000" stroke-width="{_num(1.8 * unit, 3)}">{"".join(rings)}</g>'
        f'<g class="network-labels" font-size="{_num(font, 3)}" font-family="sans-serif" fill="#000" '
        f'stroke="#fff" stroke-width="{_num(3 * unit, 3)}" paint-order="stroke">{"".join(labelled)}</g>'
        f"</svg>"
    )


def category_labels(choices: Sequence[tuple[str, Any]]) -> dict[str, str]:
    """Turn Django choices into the `labels` mapping, translated now."""
    return {str(key): str(label) for key, label in choices}
