from functools import cache

from django.conf import settings
from django.utils import translation


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
    }
