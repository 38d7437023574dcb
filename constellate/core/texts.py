"""Texts stored per language as data: {"nl": {...}, "en": {...}, ...}, as the compass, the
library and later apps keep them so an organisation can correct them and add a language.

Shown in the current interface language, field by field falling back to English, then Dutch,
then any language that has the field, so a half-translated language still shows everything."""

from typing import Any

from django.utils import translation

FALLBACK = ("en", "nl")


def language_order(lang: str | None = None) -> list[str]:
    lang = (lang or translation.get_language() or "en").split("-")[0].lower()
    order = [lang]
    for code in FALLBACK:
        if code not in order:
            order.append(code)
    return order


def resolve(texts: dict[str, Any] | None, lang: str | None = None) -> dict[str, Any]:
    """The texts for `lang`, each field taken from the first language that has it filled."""
    texts = texts if isinstance(texts, dict) else {}
    order = language_order(lang)
    langs = order + sorted(code for code in texts if code not in order)
    fields: list[str] = []
    for code in langs:
        entry = texts.get(code)
        if isinstance(entry, dict):
            fields.extend(name for name in entry if name not in fields)
    result: dict[str, Any] = {}
    for name in fields:
        for code in langs:
            value = (texts.get(code) or {}).get(name)
            if value:
                result[name] = value
                break
        else:
            result[name] = "" if name in ("name", "description", "title") else []
    return result


def text_language(texts: dict[str, Any] | None, field: str, lang: str | None = None) -> str:
    """The language `resolve` takes `field` from (to mark text shown in another language)."""
    texts = texts if isinstance(texts, dict) else {}
    order = language_order(lang)
    for code in order + sorted(code for code in texts if code not in order):
        if (texts.get(code) or {}).get(field):
            return code
    return ""


class PerLanguageTexts:
    """For models whose `texts` field holds texts per language ({lang: {...}}): `t` is what
    the current language shows (see `resolve`), worked out once per instance; `name` the name."""

    @property
    def t(self) -> dict[str, Any]:
        cached = self.__dict__.get("_t")
        if cached is None:
            cached = self.__dict__["_t"] = resolve(self.texts)  # type: ignore[attr-defined]
        return cached

    @property
    def name(self) -> str:
        """The name in the current language, else the stable key."""
        return self.t.get("name") or self.key  # type: ignore[attr-defined]
