"""A small map of named places as SVG drawn on the server: no tiles, no internet, no
JavaScript. Each place is a labelled circle whose area grows with its number (of stories,
say); the positions come from a simple projection of latitude and longitude fitted to the box
(equirectangular, with the longitude scaled by the cosine of the middle latitude, which is
true enough over a town or a region), with a scale bar and a north arrow. The page shows a
table with the same numbers next to it (the text alternative).

Core knows nothing of what is counted: callers pass `MapPlace` rows."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WIDTH, HEIGHT = 640, 400
PAD = 56  # room for the largest circle and its label
METRES_PER_DEGREE = 111_320
# The span shown around a single place (or places very close together), in metres.
MIN_SPAN = 1000
R_MIN, R_MAX = 7.0, 26.0
FILL = "#0072B2"  # Okabe-Ito blue, as the network map
INK = "#1a1a1a"
LABEL_MAX = 28
CHAR_WIDTH = 7.2  # a rough average at font-size 13, enough to keep labels apart


@dataclass(frozen=True)
class MapPlace:
    name: str
    latitude: float
    longitude: float
    count: int


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _nice_length(metres: float) -> float:
    """The largest of 1, 2 or 5 times a power of ten that is at most `metres`."""
    if metres <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(metres))
    for step in (5, 2, 1):
        if step * power <= metres:
            return step * power
    return power


def _length_label(metres: float) -> str:
    if metres >= 1000:
        return _("%(n)s km") % {"n": _num(metres / 1000)}
    return _("%(n)s m") % {"n": _num(metres)}


def project(
    places: Sequence[MapPlace], width: int = WIDTH, height: int = HEIGHT
) -> tuple[list[tuple[float, float]], float]:
    """Screen positions of the places fitted to the box, and the metres per screen unit."""
    lat0 = sum(p.latitude for p in places) / len(places)
    kx = math.cos(math.radians(lat0))
    xs = [p.longitude * kx * METRES_PER_DEGREE for p in places]
    ys = [p.latitude * METRES_PER_DEGREE for p in places]
    span_x = max(max(xs) - min(xs), MIN_SPAN)
    span_y = max(max(ys) - min(ys), MIN_SPAN)
    scale = min((width - 2 * PAD) / span_x, (height - 2 * PAD) / span_y)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    points = [
        (width / 2 + (x - cx) * scale, height / 2 - (y - cy) * scale)
        for x, y in zip(xs, ys, strict=True)
    ]
    return points, 1 / scale


def _radius(count: int, most: int) -> float:
    # The circle's area follows the number, so a place with four stories looks twice as
    # wide, not four times.
    return R_MIN + (R_MAX - R_MIN) * math.sqrt(count / most) if most else R_MIN


def _free_label_y(
    taken: list[tuple[float, float, float, float]], x: float, y: float, chars: int, right: bool
) -> float:
    """A baseline near `y` where the label does not overlap one placed before (places close
    together would otherwise print their names on top of each other); records its box."""
    width = chars * CHAR_WIDTH
    left = x if right else x - width
    for shift in (0, 15, -15, 30, -30, 45, -45):
        top = y + shift - 12
        box = (left, top, left + width, top + 15)
        if all(box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in taken):
            taken.append(box)
            return min(max(y + shift, 14), HEIGHT - 30)
    taken.append((left, y - 12, left + width, y + 3))
    return y


def place_map_svg(
    places: Sequence[MapPlace], *, title: str, map_id: str = "place-map"
) -> SafeString:
    """The map, or "" when there is no place. Every text is escaped."""
    if not places:
        return mark_safe("")
    points, metres_per_unit = project(places)
    most = max(p.count for p in places)
    total = sum(p.count for p in places)
    # Bigger circles first, so a small one on top of a big one stays visible.
    order = sorted(range(len(places)), key=lambda i: (-places[i].count, places[i].name))
    marks = []
    taken: list[tuple[float, float, float, float]] = []  # label boxes already placed
    for i in order:
        place, (x, y) = places[i], points[i]
        r = _radius(place.count, most)
        label = escape(place.name)
        # A long name is cut on the map (the table and the tooltip have it whole).
        short = escape(
            place.name if len(place.name) <= LABEL_MAX else place.name[: LABEL_MAX - 1] + "…"
        )
        count_text = ngettext("%(n)d story", "%(n)d stories", place.count) % {"n": place.count}
        # Labels on the right of a circle, or on its left in the right third of the box.
        right = x < WIDTH * 2 / 3
        tx = x + r + 4 if right else x - r - 4
        anchor = "start" if right else "end"
        ty = _free_label_y(taken, tx, y + 4, len(short) + 4, right)
        marks.append(
            f'<g class="place-map-place" data-name="{label}" data-count="{place.count}">'
            f"<title>{label}: {escape(count_text)}</title>"
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="{FILL}" '
            f'fill-opacity="0.75" stroke="{INK}" stroke-width="1.5"/>'
            f'<text x="{_num(tx)}" y="{_num(ty)}" text-anchor="{anchor}">{short} '
            f"({place.count})</text></g>"
        )
    bar_metres = _nice_length(metres_per_unit * (WIDTH / 4))
    bar = bar_metres / metres_per_unit
    x0, y0 = 16, HEIGHT - 18
    scale_bar = (
        f'<g class="place-map-scale" font-size="12">'
        f'<path d="M{x0} {y0 - 6}v6h{_num(bar)}v-6" fill="none" stroke="{INK}" '
        f'stroke-width="1.5"/>'
        f'<text x="{x0}" y="{y0 - 10}">{escape(_length_label(bar_metres))}</text></g>'
    )
    north = (
        f'<g class="place-map-north" font-size="12" text-anchor="middle">'
        f'<path d="M{WIDTH - 24} 34l-6 12h12z" fill="{INK}"/>'
        f'<text x="{WIDTH - 24}" y="28">{escape(_("N"))}</text></g>'
    )
    description = ngettext(
        "A map of %(n)d place, with %(total)d story in all. The table below gives the same.",
        "A map of %(n)d places, with %(total)d stories in all. The table below gives the same.",
        len(places),
    ) % {"n": len(places), "total": total}
    return mark_safe(
        f'<svg class="place-map" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{map_id}-title {map_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" data-places="{len(places)}">'
        f'<title id="{map_id}-title">{escape(title)}</title>'
        f'<desc id="{map_id}-desc">{escape(description)}</desc>'
        f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{HEIGHT - 1}" fill="#f4f7f9" '
        f'stroke="#8c8c8c"/>'
        f'<g font-size="13" font-family="sans-serif" fill="{INK}" stroke="#ffffff" '
        f'stroke-width="3" paint-order="stroke" stroke-linejoin="round">'
        f"{''.join(marks)}</g>"
        f'<g font-family="sans-serif" fill="{INK}">{scale_bar}{north}</g>'
        f"</svg>"
    )
