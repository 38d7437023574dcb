from django import template

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
