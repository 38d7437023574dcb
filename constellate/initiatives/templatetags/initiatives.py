from django import template
from django.urls import reverse

from constellate.core.registry import initiative_tabs as registered_tabs
from constellate.initiatives.choices import Phase
from constellate.initiatives.timeline import PHASE_CLASS

register = template.Library()
PHASE_LABELS = dict(Phase.choices)


@register.filter
def phase_label(key: str) -> str:
    return PHASE_LABELS.get(key, key)


@register.filter
def phase_class(key: str) -> str:
    """The CSS class the timeline uses for a phase (bars are coloured by their first phase)."""
    return PHASE_CLASS.get(key, "p2")


@register.simple_tag
def phase_keys() -> list[str]:
    return list(PHASE_LABELS)


@register.filter
def open_on(activity, day) -> bool:
    return activity.is_open_on(day)


@register.simple_tag(takes_context=True)
def initiative_tabs(context, initiative) -> list[dict]:
    """The tabs other apps add to an initiative's pages (see core.registry.InitiativeTab)."""
    match = getattr(context.get("request"), "resolver_match", None)
    view_name = match.view_name if match else ""
    return [
        {
            "label": tab.label,
            "url": reverse(tab.url_name, args=[initiative.pk]),
            "current": view_name.startswith(tab.current_prefix),
        }
        for tab in registered_tabs()
    ]
