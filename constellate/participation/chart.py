"""Taking part over time: one stacked bar per period, one colour per target group, drawn as
SVG on the server (like the initiatives timeline and the compass chart). The colours are the
colour-blind-safe Okabe-Ito set and every segment has a text tooltip; the page shows the same
figures in a table, which is the accessible alternative."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 800
LEFT = 44
RIGHT = 16
TOP = 16
PLOT_HEIGHT = 220
AXIS = 30
LEGEND_ROW = 22

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
NOT_SAID_COLOUR = "#8c8c8c"


def _nice_top(value: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def colour_for(index: int, is_not_said: bool) -> str:
    return NOT_SAID_COLOUR if is_not_said else COLOURS[index % len(COLOURS)]


def stacked_bars_svg(
    *, chart_id: str, title: str, labels: list[str], series: list[str], rows: list[list[int]]
) -> str:
    """`labels`: one per bar (period); `series`: the group names, the last one being "not
    said"; `rows[i][j]`: the count of group j in period i."""
    if not labels or not any(any(r) for r in rows):
        return ""
    top = _nice_top(max(sum(r) for r in rows))
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / len(labels)
    bar_w = max(min(step * 0.7, 60), 2)
    legend_rows = -(-len(series) // 3)
    height = TOP + PLOT_HEIGHT + AXIS + legend_rows * LEGEND_ROW + 8

    def y(value: float) -> float:
        return round(TOP + PLOT_HEIGHT * (1 - value / top), 1)

    grid = format_html_join(
        "",
        '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="#d0d0d0"/>'
        '<text x="{3}" y="{4}" text-anchor="end" fill="#333">{5}</text>',
        ((LEFT, WIDTH - RIGHT, y(v), LEFT - 6, y(v) + 4, v) for v in range(0, top + 1, top // 4)),
    )
    label_every = max(1, -(-len(labels) // 12))
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" fill="#333">{}</text>',
        (
            (round(LEFT + step * (i + 0.5), 1), TOP + PLOT_HEIGHT + 20, label)
            for i, label in enumerate(labels)
            if i % label_every == 0
        ),
    )
    bars = []
    for i, (label, counts) in enumerate(zip(labels, rows, strict=True)):
        x = round(LEFT + step * i + (step - bar_w) / 2, 1)
        base = 0
        for j, number in enumerate(counts):
            if not number:
                continue
            bars.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#fff">'
                    "<title>{}: {}, {}</title></rect>",
                    x,
                    y(base + number),
                    round(bar_w, 1),
                    round(y(base) - y(base + number), 1),
                    colour_for(j, j == len(series) - 1),
                    label,
                    series[j],
                    number,
                )
            )
            base += number
    legend = []
    for j, name in enumerate(series):
        lx = LEFT + (j % 3) * 250
        ly = TOP + PLOT_HEIGHT + AXIS + (j // 3) * LEGEND_ROW + 6
        legend.append(
            format_html(
                '<rect x="{}" y="{}" width="14" height="14" fill="{}"/>'
                '<text x="{}" y="{}" fill="#111">{}</text>',
                lx,
                ly,
                colour_for(j, j == len(series) - 1),
                lx + 20,
                ly + 12,
                name[:34],
            )
        )
    return format_html(
        '<svg class="participation-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" font-size="13">'
        '<title id="{}">{}</title>{}{}{}{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        title,
        grid,
        ticks,
        mark_safe("".join(bars)),  # noqa: S308 - each bar was built with format_html
        mark_safe("".join(legend)),  # noqa: S308 - each entry was built with format_html
    )
