"""Cells for CSV files that people open in a spreadsheet. A cell that starts with a formula
sign would run as a formula there (CSV injection), so on the way out it gets an apostrophe."""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> str:
    """A cell a spreadsheet shows as text: a leading formula sign gets an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
