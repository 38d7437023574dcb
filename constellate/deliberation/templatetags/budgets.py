"""`{{ amount|euros }}`: an amount in whole euros as the current language writes it."""

from django import template

from constellate.deliberation.services_budgets import euros as _euros

register = template.Library()


@register.filter
def euros(amount) -> str:
    try:
        return _euros(int(amount))
    except (TypeError, ValueError):
        return ""
