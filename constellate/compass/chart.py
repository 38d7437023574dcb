"""One line chart per constellation: the mean rating of each element, one line per
stakeholder group. SVG drawn on the server (like the initiatives timeline), with colours that
stay apart for colour-blind readers (Okabe-Ito), and a distinct marker and dash pattern per
group so the lines can be told apart in black and white too. The page shows the same figures
in a table."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 800
HEIGHT = 300
LEFT = 44
RIGHT = 20
TOP = 56
BOTTOM = 40

# group: (colour, dash pattern, marker)
STYLES = {
    "staff": ("#0072B2", "", "circle"),
    "citizens": ("#D55E00", "9 5", "square"),
    "partners": ("#009E73", "2 4", "triangle"),
    "others": ("#CC79A7", "12 4 3 4", "diamond"),
}


def marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return format_html('<circle cx="{}" cy="{}" r="5" fill="{}"/>', x, y, colour)
    if kind == "square":
        return format_html(
            '<rect x="{}" y="{}" width="10" height="10" fill="{}"/>', x - 5, y - 5, colour
        )
    if kind == "triangle":
        points = f"{x},{y - 6} {x + 6},{y + 5} {x - 6},{y + 5}"
        return format_html('<polygon points="{}" fill="{}"/>', points, colour)
    points = f"{x},{y - 7} {x + 7},{y} {x},{y + 7} {x - 7},{y}"
    return format_html(
        '<polygon points="{}" fill="#fff" stroke="{}" stroke-width="2"/>', points, colour
    )


def line_chart_svg(
    *,
    chart_id: str,
    title: str,
    labels: list[str],
    series: list[tuple[str, str, list[float | None]]],
    low: float = 1,
    high: float = 5,
) -> str:
    """`series` = [(group key, group label, [value per label or None])]. Missing values break
    the line; a value standing alone still shows its marker."""
    if not labels:
        return ""
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(labels), 1)

    def x(i: int) -> float:
        return round(LEFT + step * (i + 0.5), 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (high - value) / (high - low), 1)

    grid = format_html_join(
        "",
        '<line class="grid" x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="#d0d0d0"/>'
        '<text x="{3}" y="{4}" text-anchor="end" fill="#333">{5}</text>',
        (
            (LEFT, WIDTH - RIGHT, y(v), LEFT - 8, y(v) + 4, v)
            for v in range(int(low), int(high) + 1)
        ),
    )
    ticks = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" fill="#333">{}</text>',
        ((x(i), HEIGHT - BOTTOM + 20, label) for i, label in enumerate(labels)),
    )
    lines = []
    legend = []
    for n, (key, label, values) in enumerate(series):
        colour, dash, kind = STYLES.get(key, ("#333333", "", "circle"))
        segments, current = [], []
        for i, value in enumerate(values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append((x(i), y(value)))
        if current:
            segments.append(current)
        for segment in segments:
            if len(segment) > 1:
                lines.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="3"{}/>',
                        " ".join(f"{px},{py}" for px, py in segment),
                        colour,
                        format_html(' stroke-dasharray="{}"', dash) if dash else "",
                    )
                )
        for i, value in enumerate(values):
            if value is not None:
                lines.append(
                    format_html(
                        '<g class="point">{}<title>{}: {}</title></g>',
                        marker(kind, x(i), y(value), colour),
                        label,
                        number_format(value, 1),
                    )
                )
        lx, ly = LEFT + (n % 2) * 360, 14 + (n // 2) * 20
        legend.append(
            format_html(
                '<g class="legend-entry"><line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" '
                'stroke-width="3"{}/>{}<text x="{}" y="{}" fill="#111">{}</text></g>',
                lx,
                lx + 34,
                ly,
                ly,
                colour,
                format_html(' stroke-dasharray="{}"', dash) if dash else "",
                marker(kind, lx + 17, ly, colour),
                lx + 42,
                ly + 5,
                label,
            )
        )
    return format_html(
        '<svg class="compass-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" '
        'font-size="13">'
        '<title id="{}">{}</title>{}{}{}{}</svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        title,
        grid,
        ticks,
        mark_safe("".join(lines)),  # noqa: S308 - each part was built with format_html
        mark_safe("".join(legend)),  # noqa: S308 - each part was built with format_html
    )
