"""Texts stored per language ({"nl": {...}, "en": {...}}) and the search text built from them.

Pure functions without database access, so the data migration can use them too."""

import unicodedata
from collections.abc import Iterable
from typing import Any

# The texts of a method and of a case, per language. Lists are shown as numbered steps or
# bullet points; the others are short texts or paragraphs.
METHOD_TEXT_FIELDS = ("name", "purpose", "when", "steps", "tips", "needs", "duration")
METHOD_LIST_FIELDS = ("steps", "tips", "needs")
CASE_TEXT_FIELDS = (
    "title",
    "summary",
    "service",
    "target_group",
    "objectives",
    "drivers",
    "brakes",
    "methods",
    "ethics",
    "learnings",
)
CASE_LIST_FIELDS = ("objectives", "drivers", "brakes", "learnings")


# Letters that Unicode does not split into a base letter and an accent.
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "æ": "ae", "Æ": "ae"}
)


def normalise_search(text: str) -> str:
    """Lower case, accents removed, one space between words: the same for stored texts and
    for what a visitor types, so a plain `contains` matches on SQLite and PostgreSQL alike."""
    text = text.replace("\x00", "").translate(_PLAIN_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in plain).split())


def search_words(query: str, limit: int = 8) -> list[str]:
    """The words of a search, each of which must occur (at most `limit`, to keep it cheap)."""
    return normalise_search(query).split()[:limit]


def _flatten(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)


def search_text(*parts: Any) -> str:
    """One normalised text of everything given (strings, lists, per-language dicts)."""
    words = " ".join(text for part in parts for text in _flatten(part))
    # Leading and trailing spaces let a search match whole words at the edges too.
    return f" {normalise_search(words)} "


def facet_index(*, phases: Iterable[str], elements: Iterable[str]) -> str:
    """Phases and elements as one text, for filtering with `contains` on any database (a JSON
    `contains` lookup is not available on SQLite)."""
    tags = [f"phase:{p}" for p in phases] + [f"element:{e}" for e in elements]
    return " " + " ".join(tags) + " "


def facet(kind: str, key: str) -> str:
    return f" {kind}:{key} "
