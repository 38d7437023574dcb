from django import template

from constellate.initiatives.choices import Phase

register = template.Library()
PHASE_LABELS = dict(Phase.choices)


@register.filter
def phase_label(key: str) -> str:
    return PHASE_LABELS.get(key, key)


@register.filter
def open_on(activity, day) -> bool:
    return activity.is_open_on(day)
