from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MaximumLengthValidator:
    """Long passphrases are welcome; the cap only stops abuse of the hashing step."""

    def __init__(self, max_length: int = 256):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "Use at most %(max)d character.",
                    "Use at most %(max)d characters.",
                    self.max_length,
                )
                % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self):
        return _("A long sentence you can remember works well; up to %(max)d characters.") % {
            "max": self.max_length
        }


class CommonPatternValidator:
    """Refuses a common password dressed up to pass the length rule: a common word (or
    nothing) with a run of digits or one repeated symbol added, a word said twice, or a plain
    sequence ("password1234567", "qwerty123456789", "123456789012345", "aaaaaaaaaaaaaaa").
    Django's own list only holds the exact common passwords, and few of them are 15 long."""

    def __init__(self):
        from django.contrib.auth.password_validation import CommonPasswordValidator

        self.common = CommonPasswordValidator().passwords

    def validate(self, password, user=None):
        letters = "".join(c for c in password.lower() if c.isalpha())
        digits = "".join(c for c in password if c.isdigit())
        symbols = {c for c in password if not c.isalnum()}
        weak_letters = not letters or self._weak(letters)
        weak_rest = (not digits or self._weak(digits)) and len(symbols) <= 1
        if weak_letters and weak_rest:
            raise ValidationError(
                _(
                    "This password is too easy to guess: it is a common word or a simple "
                    "pattern with numbers or symbols added. A sentence of a few words works "
                    "better."
                ),
                code="password_common_pattern",
            )

    def _weak(self, text: str) -> bool:
        if text in self.common or _is_sequence(text):
            return True
        for size in range(1, len(text) // 2 + 1):
            if len(text) % size == 0 and text[:size] * (len(text) // size) == text:
                unit = text[:size]
                return size <= 2 or unit in self.common or _is_sequence(unit)
        return False

    def get_help_text(self):
        return _("Not a common password, and not a common word with numbers added.")


def _is_sequence(text: str) -> bool:
    """The same character over and over, or a straight run up or down ("abcd", "9876",
    "1234567890" wraps round)."""
    if len(set(text)) == 1:
        return True
    steps = {_step(a, b) for a, b in zip(text, text[1:], strict=False)}
    return steps in ({1}, {-1})


def _step(a: str, b: str) -> int:
    diff = ord(b) - ord(a)
    if a.isdigit() and b.isdigit():
        diff = (diff + 5) % 10 - 5  # 9 -> 0 counts as a step up, 0 -> 9 as a step down
    return diff
