"""The base layout's main navigation, rendered once per language, sign-in state and current
item, then reused: it is on every page and holds nothing personal, so it need not be built
again for each request (the sign-out form, which carries a form token, stays outside)."""

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

# The navigation item that is marked as the current page, by the page's URL name.
_CURRENT = {
    "initiatives:dashboard": "dashboard",
    "initiatives:list": "initiatives",
    "initiatives:public_list": "take_part",
    "accounts:profile": "account",
    "accounts:login": "sign_in",
}


def _current_item(match) -> str:
    if match is None:
        return ""
    if match.namespace == "library":
        return "library"
    return _CURRENT.get(match.view_name, "")


@lru_cache(maxsize=128)
def _items(language: str, signed_in: bool, current: str, script_prefix: str) -> SafeString:
    html = render_to_string(
        "includes/main_nav_items.html", {"signed_in": signed_in, "current": current}
    )
    return mark_safe(html)  # noqa: S308 - rendered from our own template, no user data


@register.simple_tag(takes_context=True)
def main_nav_items(context) -> SafeString:
    request = context.get("request")
    user = getattr(request, "user", None)  # error pages may come before authentication
    return _items(
        get_language() or "",
        bool(user and user.is_authenticated),
        _current_item(getattr(request, "resolver_match", None)),
        get_script_prefix(),
    )
