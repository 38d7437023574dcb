from functools import cache

from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from django.utils import translation

# The addresses the base layout links to on every page. Reversing them once per process (and
# script prefix) instead of on every page saves a noticeable share of each signed-in request.
_LAYOUT_URL_NAMES = (
    "core:home",
    "core:accessibility",
    "accounts:logout",
    "set_language",
)


_LAYOUT_STATIC = {"css": "css/app.css", "icon": "img/icon.svg", "htmx": "vendor/htmx.min.js"}


@cache
def _layout_urls(script_prefix: str) -> dict[str, str]:
    urls = {name.replace(":", "_"): reverse(name) for name in _LAYOUT_URL_NAMES}
    urls.update({key: static(path) for key, path in _LAYOUT_STATIC.items()})
    return urls


@cache
def _other_languages(current: str) -> tuple[tuple[str, str], ...]:
    """(code, own name) of every language but the current one, worked out once per language."""
    return tuple(
        (code, translation.get_language_info(code)["name_local"].capitalize())
        for code, _name in settings.LANGUAGES
        if code != current
    )


def site(request):
    return {
        "platform_name": settings.SITE_NAME,
        "other_languages": _other_languages(translation.get_language() or settings.LANGUAGE_CODE),
        "layout_urls": _layout_urls(get_script_prefix()),
    }
