"""Activities side by side on a time axis, drawn as SVG on the server.

Each activity gets its own lane, so overlapping activities are visibly parallel (co-creation
is not a pipeline). The page shows the same data as a table for screen readers."""

from datetime import date, timedelta

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

LANE_HEIGHT = 34
LABEL_WIDTH = 0
WIDTH = 800
AXIS_HEIGHT = 28
PHASE_CLASS = {
    "co_initiation": "p1",
    "co_design": "p2",
    "co_decision": "p3",
    "co_implementation": "p4",
    "co_evaluation": "p5",
}


def _month_starts(start: date, end: date) -> list[date]:
    months, current = [], date(start.year, start.month, 1)
    while current <= end:
        if current >= start:
            months.append(current)
        current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
    return months


def _ticks(start: date, end: date) -> list[tuple[date, str]]:
    """Month starts for long spans, Mondays for short ones; at most about eight labels."""
    if (end - start).days > 120:
        days, fmt = _month_starts(start, end), "M Y"
    else:
        first_monday = start + timedelta(days=(7 - start.weekday()) % 7)
        days = [
            first_monday + timedelta(weeks=n) for n in range((end - first_monday).days // 7 + 1)
        ]
        fmt = "j M"
    step = max(1, -(-len(days) // 8))
    return [(day, formats.date_format(day, fmt)) for day in days[::step]]


def timeline_svg(activities, *, today: date, max_lanes: int = 40) -> str:
    shown = list(activities)[:max_lanes]
    if not shown:
        return ""
    start = min(a.opens_on for a in shown)
    end = max((a.closes_on or max(today, a.opens_on) + timedelta(days=30)) for a in shown)
    start = min(start, today) - timedelta(days=3)
    end = max(end, today) + timedelta(days=3)
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return round((day - start).days / span * WIDTH, 1)

    height = AXIS_HEIGHT + LANE_HEIGHT * len(shown) + 22  # a last row for the "today" label
    ticks = format_html_join(
        "",
        '<line class="tick" x1="{0}" x2="{0}" y1="{1}" y2="{2}"/><text class="tick-label" x="{3}" y="16">{4}</text>',
        ((x(day), AXIS_HEIGHT - 6, height, x(day) + 3, label) for day, label in _ticks(start, end)),
    )
    bars = []
    for lane, activity in enumerate(shown):
        y = AXIS_HEIGHT + lane * LANE_HEIGHT
        bar_end = activity.closes_on or end
        width = max(x(bar_end) - x(activity.opens_on), 6)
        phase = PHASE_CLASS.get((activity.phases or ["co_design"])[0], "p2")
        open_ended = "" if activity.closes_on else " open-ended"
        bars.append(
            format_html(
                '<g class="bar {}{}"><title>{}</title>'
                '<rect x="{}" y="{}" width="{}" height="{}" rx="4"/>'
                '<text x="{}" y="{}">{}</text></g>',
                phase,
                open_ended,
                activity.title,
                x(activity.opens_on),
                y + 4,
                width,
                LANE_HEIGHT - 8,
                min(x(activity.opens_on) + 6, WIDTH - 200),
                y + LANE_HEIGHT / 2 + 5,
                activity.title[:60],
            )
        )
    today_line = format_html(
        '<line class="today" x1="{0}" x2="{0}" y1="{1}" y2="{2}"/>'
        '<text class="today-label" x="{3}" y="{4}">{5}</text>',
        x(today),
        AXIS_HEIGHT - 6,
        height,
        x(today) + 3,
        height - 5,
        _("today"),
    )
    return format_html(
        '<svg class="timeline" viewBox="0 0 {} {}" role="img" aria-labelledby="timeline-title" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="timeline-title">{}</title>{}{}{}</svg>',
        WIDTH,
        height,
        _("Activities over time, side by side. The table below has the same information."),
        ticks,
        mark_safe("".join(bars)),  # noqa: S308 - each bar was built with format_html
        today_line,
    )
