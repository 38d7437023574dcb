"""The team's competence aggregate as an SVG drawn on the server: one bar per competence,
split into the five points of the scale (how many people chose each), with the mean written
beside it. The page shows the same numbers in a table for screen readers."""

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH = 800
LABEL_WIDTH = 300
BAR_WIDTH = 400
ROW_HEIGHT = 34
TOP = 8


def team_chart_svg(rows) -> str:
    shown = [row for row in rows if row.shown]
    if not shown:
        return ""
    height = TOP + ROW_HEIGHT * len(shown) + 8
    groups = []
    for n, row in enumerate(shown):
        y = TOP + n * ROW_HEIGHT
        x = LABEL_WIDTH
        parts = []
        for part in row.distribution:
            width = round(BAR_WIDTH * part["count"] / row.people, 1) if row.people else 0
            if width:
                parts.append(
                    format_html(
                        '<rect class="score s{}" x="{}" y="{}" width="{}" height="{}"/>',
                        part["score"],
                        x,
                        y + 4,
                        width,
                        ROW_HEIGHT - 12,
                    )
                )
            x += width
        groups.append(
            format_html(
                '<g class="competence-bar"><text class="name" x="0" y="{}">{}</text>{}'
                '<text class="mean" x="{}" y="{}">{}</text></g>',
                y + ROW_HEIGHT / 2 + 1,
                row.competence.name[:40],
                mark_safe("".join(parts)),  # noqa: S308 - each part was built with format_html
                LABEL_WIDTH + BAR_WIDTH + 10,
                y + ROW_HEIGHT / 2 + 1,
                _("mean %(mean)s") % {"mean": formats.number_format(row.mean, 1)},
            )
        )
    return format_html(
        '<svg class="competence-chart" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="competence-chart-title" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg"><title id="competence-chart-title">{}</title>{}</svg>',
        WIDTH,
        height,
        _(
            "How the team rates itself per competence, from 1 (left) to 5 (right). The table "
            "below has the same numbers."
        ),
        format_html_join("", "{}", ((g,) for g in groups)),
    )
