"""Template helpers of the library: group sizes and element labels."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from constellate.library.choices import ELEMENT_LABELS

register = template.Library()


@register.filter
def group_size(method) -> str:
    """How many people a method suits, in words."""
    low, high = method.group_min, method.group_max
    if low and high and low == high:
        return ngettext("%(n)d person", "%(n)d people", low) % {"n": low}
    if low and high:
        return _("%(low)d to %(high)d people") % {"low": low, "high": high}
    if low:
        return _("%(low)d people or more") % {"low": low}
    if high:
        return ngettext("Up to %(n)d person", "Up to %(n)d people", high) % {"n": high}
    return _("Any number of people")


@register.filter
def element_label(key: str) -> str:
    return str(ELEMENT_LABELS.get(key, key))
