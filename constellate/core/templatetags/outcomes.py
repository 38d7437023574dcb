""" "You said, we did": `{% contribution_outcome obj %}` shows what became of a contribution
(the decisions it fed, their status, and the reason when it was not taken up), from the
registry's outcome providers. It renders nothing when no app provides outcomes."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from constellate.core.registry import contribution_outcomes

register = template.Library()


@register.simple_tag(takes_context=True)
def contribution_outcome(context, obj):
    if obj is None:
        return ""
    outcomes = contribution_outcomes(obj)
    if not outcomes:
        return ""
    html = render_to_string(
        "core/_contribution_outcome.html",
        {"outcomes": outcomes, "obj": obj, "staff": bool(context.get("staff"))},
        request=context.get("request"),
    )
    return mark_safe(html)  # noqa: S308 - rendered from our own template, escaped there
