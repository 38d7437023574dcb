""" "You said, we did": `{% contribution_outcome obj %}` shows what became of a contribution
(the decisions it fed, their status, and the reason when it was not taken up), from the
registry's outcome providers. It renders nothing when no app provides outcomes. A page that
lists several contributions fetches their outcomes at once (`contribution_outcomes_for`) and
passes each one's: `{% contribution_outcome obj outcomes %}`."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from constellate.core.registry import contribution_outcomes

register = template.Library()


@register.simple_tag(takes_context=True)
def contribution_outcome(context, obj, outcomes=None):
    if obj is None:
        return ""
    if outcomes is None:
        outcomes = contribution_outcomes(obj)
    if not outcomes:
        return ""
    html = render_to_string(
        "core/_contribution_outcome.html",
        {"outcomes": outcomes, "obj": obj, "staff": bool(context.get("staff"))},
        request=context.get("request"),
    )
    return mark_safe(html)  # noqa: S308 - rendered from our own template, escaped there
