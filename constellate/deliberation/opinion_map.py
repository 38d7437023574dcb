"""The map of opinion groups, drawn as SVG on the server: each base cluster (people who voted
alike) is a circle sized by its members, coloured by its group with the colour-blind-safe
Okabe-Ito set, and each shown group carries its letter at its centre, so colour is never the
only cue. Groups too small to show are drawn grey and unlabelled. The page shows the same
groups as tables, which is the accessible alternative; the SVG's text is real text."""

from math import sqrt

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 640
HEIGHT = 400
MARGIN = 36
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00")
OTHER_COLOUR = "#8c8c8c"


def group_colour(index: int) -> str:
    return COLOURS[index % len(COLOURS)]


def opinion_map_svg(
    *,
    chart_id: str,
    title: str,
    clusters: list[dict],
    labels: dict[int, str],
    colours: dict[int, str],
) -> str:
    """`clusters`: the result's base clusters (x, y, size, group); `labels` and `colours`:
    per shown group id its letter and colour. Clusters of other groups are drawn grey."""
    if not clusters:
        return ""
    xs = [c["x"] for c in clusters]
    ys = [c["y"] for c in clusters]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
    off_x = (WIDTH - scale * span_x) / 2
    off_y = (HEIGHT - scale * span_y) / 2

    def px(c):
        return round(off_x + (c["x"] - min(xs)) * scale, 1), round(
            HEIGHT - (off_y + (c["y"] - min(ys)) * scale), 1
        )

    biggest = max(c["size"] for c in clusters) or 1
    circles = []
    for c in sorted(clusters, key=lambda c: -c["size"]):
        x, y = px(c)
        radius = round(4 + 18 * sqrt(c["size"] / biggest), 1)
        group = c.get("group")
        shown = group is not None and group in labels
        circles.append(
            format_html(
                '<circle cx="{}" cy="{}" r="{}" fill="{}" fill-opacity="0.55" stroke="{}" '
                'stroke-width="1.5"{}/>',
                x,
                y,
                radius,
                colours[group] if group is not None and shown else OTHER_COLOUR,
                "#222" if shown else "#555",
                mark_safe(' stroke-dasharray="3 2"') if not shown else "",
            )
        )
    names = []
    for group, letter in labels.items():
        members = [c for c in clusters if c.get("group") == group]
        weight = sum(c["size"] for c in members) or 1
        centre = {
            "x": sum(c["x"] * c["size"] for c in members) / weight,
            "y": sum(c["y"] * c["size"] for c in members) / weight,
        }
        x, y = px(centre)
        names.append((x, y, x, y + 6, letter))
    text = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="14" fill="#fff" stroke="#111" stroke-width="2"/>'
        '<text x="{}" y="{}" text-anchor="middle" font-weight="bold" fill="#111">{}</text>',
        names,
    )
    return format_html(
        '<svg class="opinion-map" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg" font-size="16">'
        '<title id="{}">{}</title>'
        '<rect x="0" y="0" width="{}" height="{}" fill="#fff" stroke="#d0d0d0"/>{}{}</svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        title,
        WIDTH,
        HEIGHT,
        mark_safe("".join(circles)),  # noqa: S308 - each circle was built with format_html
        text,
    )
