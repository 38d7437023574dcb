"""Find personal data in a story's text and propose redactions for a curator to confirm.

`find_personal_data(text, known_names=...)` returns `Span`s (start, end, kind, text, confidence,
reason), sorted by position and never overlapping. Nothing is removed by that call: the curator
accepts or rejects each proposal, and `apply_redactions(text, accepted, placeholders)` replaces
the accepted spans with the placeholders the caller chooses (translated labels such as
"[naam]"). `redaction_kinds()` lists the stable kind keys. No strings here are shown to users.

What is found, and how sure it is:

- ``email``: an address with a domain and a top-level domain of letters.
- ``phone``: Dutch numbers as people write them (06-12345678, 06 1234 5678, 010-1234567,
  (020) 123 45 67, +31 6 12345678, +31 (0)20 1234567, 0031 6 12345678, 0800/0900 numbers) and
  international +CC or 00CC numbers of 8 to 15 digits. Dates, times, amounts, postcodes, years
  and numbers named as order, invoice or customer numbers are not phones.
- ``bsn``: 9 digits (or 4.2.3 / 3.3.3 with dots or spaces) passing the elfproef; surer when
  "BSN", "burgerservicenummer" or "sofinummer" comes just before; not when the number is an
  amount or is named as an order or customer number.
- ``iban``: any country in the IBAN registry, with or without spaces, any case, with the
  country's length and a valid mod-97 check.
- ``address``: a Dutch street (a word ending in straat, laan, weg, plein, gracht, ... possibly
  with words before it, "Laan van ..." forms too) with a house number and addition, optionally
  followed by a postcode and a town; English "12 High Street" forms, optionally with a town and
  a UK postcode.
- ``postcode``: a Dutch postcode ("1234 AB") that is not part of an address.
- ``name``: a heuristic without a language model. Seeds are names the caller knows (matched as
  whole words, ignoring case), words after a cue ("mijn naam is", "ik heet", "ik ben", "my name
  is", "mijn buurvrouw", "my brother", ...), after a title (meneer, mevrouw, dhr., mr., mrs., dr.,
  ...), initials followed by a surname, capitalised words joined by Dutch particles
  ("Jan van der Berg"), two capitalised words mid-sentence, and capitalised words that occur
  mid-sentence more than once. Each seed grows over neighbouring capitalised words, particles
  and initials; once a word is known to be a name its other capitalised occurrences are found
  too. Sentence-initial words, months, days, common words, some place names and nationalities
  (small lists below) and words in "[...]" placeholders are not names by themselves.

Overlaps: e-mail, IBAN, BSN and phone spans are found first (the longest wins among them);
addresses and postcodes may not overlap those (longest wins); names may overlap none of the
above, and overlapping or space-separated name spans are merged into one. A match that only a
redaction would uncover ("000000012+31 6 12345678": the phone touches the BSN) is proposed as
well, so redacting every proposal with placeholders in square brackets leaves nothing that
would be proposed again.

Speed: a story of 5,000 words takes about 20 ms of processor time, with 200 known names.

Reasons are short stable codes: "pattern", "mod97", "elfproef", "elfproef+context",
"national", "international", "street", "street+postcode", "known", "cue", "title",
"initials", "particle", "pair", "recurring", "repeat".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

KIND_NAME = "name"
KIND_EMAIL = "email"
KIND_PHONE = "phone"
KIND_BSN = "bsn"
KIND_IBAN = "iban"
KIND_ADDRESS = "address"
KIND_POSTCODE = "postcode"
KINDS: tuple[str, ...] = (
    KIND_NAME,
    KIND_EMAIL,
    KIND_PHONE,
    KIND_BSN,
    KIND_IBAN,
    KIND_ADDRESS,
    KIND_POSTCODE,
)


def redaction_kinds() -> tuple[str, ...]:
    """The stable keys of every kind of personal data, in the order a page would list them."""
    return KINDS


@dataclass(frozen=True, slots=True)
class Span:
    """One proposed redaction: `text[start:end]` is `text`, of kind `kind`."""

    start: int
    end: int
    kind: str
    text: str
    confidence: float
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "text": self.text,
            "confidence": self.confidence,
            "reason": self.reason,
        }


class _SpanLike(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def kind(self) -> str: ...


SpanInput = _SpanLike | tuple[int, int, str]

# ---------------------------------------------------------------------------- e-mail

_EMAIL_LOCAL = frozenset("._%+'-")
_EMAIL_DOMAIN_RE = re.compile(r"@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?![\w@-])")


def _find_emails(text: str) -> list[Span]:
    spans = []
    at = text.find("@")
    previous_end = 0
    while at >= 0:
        # The local part: word characters and ._%+'- before the "@", not starting with a dot.
        start = at
        while start > previous_end and at - start < 64:
            ch = text[start - 1]
            if ch.isalnum() or ch == "_" or ch in _EMAIL_LOCAL:
                start -= 1
            else:
                break
        while start < at and text[start] == ".":
            start += 1
        m = _EMAIL_DOMAIN_RE.match(text, at)
        if start < at and m is not None and text[at - 1] != "." and text[start - 1 : start] != "@":
            spans.append(Span(start, m.end(), KIND_EMAIL, text[start : m.end()], 0.99, "pattern"))
            previous_end = m.end()
            at = text.find("@", m.end())
        else:
            at = text.find("@", at + 1)
    return spans


# ---------------------------------------------------------------------------- IBAN

# Lengths per country from the IBAN registry.
_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

# Two letters, two check digits, then letters/digits with at most one space between them.
_IBAN_START_RE = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{2}[0-9]{2}(?=[ \u00a0]?[0-9A-Za-z])")
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def iban_is_valid(value: str) -> bool:
    """True if `value` (spaces allowed, any case) has its country's length and passes mod-97."""
    compact = "".join(value.split()).upper()
    if not compact.isascii() or not compact.isalnum():
        return False
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _find_ibans(text: str) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    size = len(text)
    while True:
        m = _IBAN_START_RE.search(text, pos)
        if m is None:
            return spans
        pos = m.start() + 1
        length = _IBAN_LENGTHS.get(m.group()[:2].upper())
        if length is None:
            continue
        count, i, end = 4, m.end(), -1
        while i < size and count < length:
            ch = text[i]
            if ch in _ALNUM:
                count += 1
                i += 1
                if count == length:
                    end = i
            elif ch in " \u00a0" and i + 1 < size and text[i + 1] in _ALNUM and text[i - 1] != ch:
                i += 1
            else:
                break
        if end < 0 or (end < size and text[end] in _ALNUM):
            continue
        if (
            end < size
            and text[end] in "@"
            or (end + 1 < size and text[end] in "-." and text[end + 1] in _ALNUM)
        ):
            continue
        candidate = text[m.start() : end]
        if iban_is_valid(candidate):
            spans.append(Span(m.start(), end, KIND_IBAN, candidate, 0.98, "mod97"))
            pos = end
    return spans


# ---------------------------------------------------------------------------- BSN

# Words that name a number as something else: an order, invoice or customer number.
_OTHER_NUMBER_BEFORE_RE = re.compile(
    r"(?:order|bestel|factuur|klant|dossier|referentie|kenmerk|invoice|account|ticket|zaak|"
    r"pas|kaart|lid|polis|artikel|serie|case|ref)[\w-]*\.?\s*(?:nr\.?|nummer|number|no\.?|#)?"
    r"\s*[:#]?\s*(?:(?:is|was|luidt|:)\s*)?$",
    re.IGNORECASE,
)
_BSN_PLAIN_RE = re.compile(
    r"[0-9](?<![\w+@][0-9])(?<![0-9][.,][0-9])[0-9]{8}(?![\w@])(?![.,][0-9])"
)
_BSN_GROUPED_RE = re.compile(
    r"[0-9](?<![\w+@][0-9])(?<![0-9][.,\u00a0 -][0-9])"
    r"(?:[0-9]{3}([. ])[0-9]{2}\1[0-9]{3}|[0-9]{2}([. ])[0-9]{3}\2[0-9]{3})"
    r"(?![\w@])(?![.,\u00a0 -][0-9])"
)
_BSN_CONTEXT_RE = re.compile(
    r"\bbsn|burgerservice|\bsofi|citizen service number|social security number",
    re.IGNORECASE,
)
_MONEY_BEFORE_RE = re.compile(r"(?:[€$£¥]|\b(?:eur|euro|usd|gbp))\s*$", re.IGNORECASE)
_MONEY_AFTER_RE = re.compile(r"\s*(?:[€$£]|(?:eur|euro|dollar|pond)\b)", re.IGNORECASE)


def bsn_is_valid(value: str) -> bool:
    """True if the 9 digits in `value` pass the elfproef (and are not all zeros)."""
    digits = [int(ch) for ch in value if ch in "0123456789"]
    if len(digits) != 9 or not any(digits):
        return False
    total = sum(weight * digit for weight, digit in zip(range(9, 1, -1), digits[:8], strict=True))
    return (total - digits[8]) % 11 == 0


def _find_bsns(text: str) -> list[Span]:
    spans = []
    for pattern in (_BSN_PLAIN_RE, _BSN_GROUPED_RE):
        for m in pattern.finditer(text):
            if not bsn_is_valid(m.group()):
                continue
            before = text[max(0, m.start() - 40) : m.start()]
            if _MONEY_BEFORE_RE.search(before) or _MONEY_AFTER_RE.match(text, m.end()):
                continue
            context = _BSN_CONTEXT_RE.search(before)
            if not context and _OTHER_NUMBER_BEFORE_RE.search(before):
                continue  # an order or customer number that happens to pass the elfproef
            if context:
                spans.append(
                    Span(m.start(), m.end(), KIND_BSN, m.group(), 0.97, "elfproef+context")
                )
            else:
                spans.append(Span(m.start(), m.end(), KIND_BSN, m.group(), 0.8, "elfproef"))
    return spans


# ---------------------------------------------------------------------------- phone

_SEP = r"(?:[ \u00a0]?[-/.][ \u00a0]?|[ \u00a0])"
_PHONE_RE = re.compile(
    r"[+(0](?<![\w+@/.,:-][+(0])"
    r"(?:(?<=\+)[ \u00a0]?[0-9]++|(?<=\()0[0-9]*+\)|(?<=0)[0-9]*+)"
    r"(?:(?:" + _SEP + r"(?:\(0\)[ \u00a0]?)?|\(0\)[ \u00a0]?)\(?[0-9]++\)?)*+"
)
_DIGIT_RUN_RE = re.compile(r"[0-9]+")
_DATE_TIME_RE = re.compile(
    r"[0-9](?<![0-9][0-9])"
    r"(?:[0-9]?([-/.])[0-9]{1,2}\1(?:[0-9]{4}|[0-9]{2})|[0-9]{3}-[0-9]{1,2}-[0-9]{1,2}"
    r"|[0-9]?[:.][0-9]{2}(?:[:.][0-9]{2})?\s*(?:uur|u\b|h\b|am\b|pm\b)|[0-9]?:[0-9]{2})"
    r"(?![0-9])",
    re.IGNORECASE,
)
_SPECIAL_NL = ("0800", "0900", "0906", "0909")


def _phone_valid(digits: str, first_group: str, plus: bool) -> str | None:
    """The reason if `digits` is a plausible phone number, else None."""
    if plus or digits.startswith("00"):
        number = digits if plus else digits[2:]
        if number.startswith("31"):
            rest = number[2:]
            return "international" if len(rest) == 9 and rest[0] != "0" else None
        if not 8 <= len(number) <= 15 or number[0] == "0":
            return None
        return "international"
    if not digits.startswith("0") or len(digits) < 2 or digits[1] == "0":
        return None
    if digits.startswith(_SPECIAL_NL):
        return "national" if 8 <= len(digits) <= 11 else None
    if len(digits) != 10:
        return None
    if len(first_group) != len(digits) and not 2 <= len(first_group) <= 4:
        return None
    return "national"


def _find_phones(text: str) -> list[Span]:
    blocked = [(m.start(), m.end()) for m in _DATE_TIME_RE.finditer(text)]
    spans: list[Span] = []
    pos = 0
    while True:
        m = _PHONE_RE.search(text, pos)
        if m is None:
            return spans
        start = m.start()
        pos = m.end() if m.end() > start else start + 1
        candidate = m.group()
        plus = candidate.startswith("+")
        runs = list(_DIGIT_RUN_RE.finditer(candidate))
        first_group = runs[0].group() if runs else ""
        before = text[max(0, start - 40) : start]
        if _OTHER_NUMBER_BEFORE_RE.search(before) or _MONEY_BEFORE_RE.search(before):
            continue
        # Try the whole candidate, then fewer digit groups, so a number followed by
        # another number ("06 12345678 12 keer") is still found.
        for count in range(len(runs), 0, -1):
            end = start + runs[count - 1].end()
            if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(
                ")", start, end
            ):
                end += 1
            if any(b_start < end and start < b_end for b_start, b_end in blocked):
                continue
            if end + 1 < len(text) and text[end] in "-/.,:" and text[end + 1] in "0123456789":
                continue
            kept = runs[:count]
            # "(0)" after a country code is not dialled.
            digits = "".join(
                run.group()
                for run in kept
                if not (run.group() == "0" and candidate[run.start() - 1 : run.end() + 1] == "(0)")
            )
            reason = _phone_valid(digits, first_group, plus)
            if reason is not None:
                if _MONEY_AFTER_RE.match(text, end):
                    break
                spans.append(
                    Span(
                        start,
                        end,
                        KIND_PHONE,
                        text[start:end],
                        0.9 if count > 1 or len(digits) >= 10 else 0.8,
                        reason,
                    )
                )
                pos = end
                break


# ---------------------------------------------------------------------------- addresses

# Capital letters of the Latin, Greek and Cyrillic scripts (scripts without case have no
# capitalised words, so names in them are found only when the caller knows them).
_UPPER = re.escape(
    "".join(
        ch
        for low, high in ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
        for ch in map(chr, range(low, high))
        if ch.isupper()
    )
)
_CAP_WORD = rf"[{_UPPER}][^\W\d_]*(?:['’-][^\W\d_]+)*"
_STREET_SUFFIXES = (
    "straat",
    "straatweg",
    "laan",
    "weg",
    "plein",
    "pleintje",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "hof",
    "pad",
    "steeg",
    "dreef",
    "park",
    "markt",
    "plantsoen",
    "kanaal",
    "wal",
    "haven",
    "dam",
    "veld",
    "baan",
    "erf",
    "ring",
    "allee",
    "boulevard",
    "brink",
    "akker",
    "wetering",
    "vaart",
    "kwartier",
    "hoek",
    "poort",
    "stede",
    "zijde",
    "burcht",
    "boomgaard",
    "tuin",
    "oord",
    "rade",
)
# Endings that make a word a street and never a surname ("Dorpsstraat", not "Van Dijk").
_STREET_WORDS = ("straat", "gracht", "plein", "kade", "singel", "steeg", "dreef", "plantsoen")
_SUFFIX_ALT = "|".join(sorted(_STREET_SUFFIXES, key=len, reverse=True))
_STREET_PARTICLE = r"(?:van|de|der|den|het|ten|ter|te|'t|op|aan|in|bij|la|le|du|St\.)"
_HOUSE_NUMBER = (
    r"[1-9][0-9]{0,4}(?![0-9]|[.,:][0-9])"
    r"(?:[ \u00a0]?-[ \u00a0]?(?:[0-9]{1,4}|[A-Za-z]{1,2}|I{1,3}|hs|bis)(?![\w])"
    r"|[A-Za-z](?![\w])"
    r"|[ \u00a0](?:bis|hs|huis|bg|boven|I{1,3}|[A-Z])(?![\w])"
    r"|[ \u00a0]?-?(?:bis|hs)(?![\w]))?"
)
_NL_POSTCODE = r"[1-9][0-9]{3}[ \u00a0]?(?!SA|SD|SS)[A-Z]{2}(?![\w])"
_TOWN = (
    rf"(?:'s[-\u00a0 ])?{_CAP_WORD}"
    rf"(?:(?:[ \u00a0](?:aan|op|den|de|der|bij|in|a/d)){{0,2}}[ \u00a0]{_CAP_WORD}){{0,2}}"
)
_NL_ADDRESS_RE = re.compile(
    r"(?<![\w-])"
    r"(?P<street>"
    rf"(?:{_CAP_WORD}[ \u00a0](?:{_STREET_PARTICLE}[ \u00a0]){{0,3}}){{0,3}}"
    rf"[{_UPPER}][^\W\d_]*(?:['’-][^\W\d_]+)*(?:{_SUFFIX_ALT})"
    r"|(?:Laan|Weg|Plein|Kade|Dijk|Singel|Straat|Gracht)"
    rf"(?:[ \u00a0]{_STREET_PARTICLE}){{1,3}}[ \u00a0]{_CAP_WORD}(?:[ \u00a0]{_CAP_WORD})?"
    r")"
    rf"[ \u00a0]+(?P<number>{_HOUSE_NUMBER})"
    rf"(?:,?[ \u00a0]+(?P<postcode>{_NL_POSTCODE})(?:,?[ \u00a0]+(?P<town>{_TOWN}))?)?"
)
_EN_STREET_TYPES = (
    "Street|St\\.|Road|Rd\\.|Lane|Avenue|Ave\\.|Drive|Close|Court|Crescent|Place|Square|"
    "Way|Gardens|Terrace|Grove|Hill|Row|Walk|Mews|Boulevard|Parade|Green"
)
_UK_POSTCODE = r"[A-Z]{1,2}[0-9][A-Z0-9]?[ \u00a0][0-9][A-Z]{2}(?![\w])"
_EN_ADDRESS_RE = re.compile(
    r"(?<![\w.,/-])"
    r"(?P<number>[1-9][0-9]{0,3}[A-Za-z]?)(?![\w.,])[ \u00a0]"
    rf"(?P<street>(?:{_CAP_WORD}[ \u00a0]){{1,3}}(?:{_EN_STREET_TYPES}))(?![\w])"
    rf"(?:,?[ \u00a0]+(?:{_CAP_WORD},?[ \u00a0]+)?{_UK_POSTCODE})?"
)
_POSTCODE_RE = re.compile(r"(?<![\w.,-])" + _NL_POSTCODE)
_NOT_POSTCODE_LETTERS = frozenset(
    {"OK", "TV", "EU", "NL", "PC", "CO", "KM", "KG", "VS", "AM", "PM"}
)


# A number after a word (Dutch) or before a capitalised word (English).
_NUMBER_AFTER_WORD_RE = re.compile(
    r"[1-9](?<=[^\W\d_][ \u00a0][1-9])"
    rf"|[1-9](?<![0-9][1-9])[0-9]{{0,3}}[A-Za-z]?[ \u00a0][{_UPPER}]"
)


def _address_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around "Word 12" or "12 Word", merged when they touch.

    Street matches can only occur there, so the costly patterns run on little text.
    """
    windows: list[tuple[int, int]] = []
    for m in _NUMBER_AFTER_WORD_RE.finditer(text):
        start, end = max(0, m.start() - 120), min(len(text), m.start() + 80)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _find_addresses(text: str) -> list[Span]:
    spans = []
    windows = _address_windows(text)
    nl_matches = {m.span(): m for lo, hi in windows for m in _NL_ADDRESS_RE.finditer(text, lo, hi)}
    for m in nl_matches.values():
        start = _strip_leading_common_words(text, m.start(), m.start("number"))
        if start is None:
            continue
        reason = "street+postcode" if m.group("postcode") else "street"
        confidence = 0.9 if m.group("postcode") else 0.8
        spans.append(Span(start, m.end(), KIND_ADDRESS, text[start : m.end()], confidence, reason))
    en_matches = {m.span(): m for lo, hi in windows for m in _EN_ADDRESS_RE.finditer(text, lo, hi)}
    for m in en_matches.values():
        number = m.group("number")
        if number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2100:
            continue
        first_word = m.group("street").split()[0]
        if first_word.lower() in _COMMON_WORDS and first_word.lower() not in {"high", "new", "old"}:
            continue
        spans.append(Span(m.start(), m.end(), KIND_ADDRESS, m.group(), 0.8, "street"))
    for m in _POSTCODE_RE.finditer(text):
        digits, letters = m.group()[:4], m.group()[-2:]
        if letters in _NOT_POSTCODE_LETTERS and 1900 <= int(digits) <= 2100:
            continue
        spans.append(Span(m.start(), m.end(), KIND_POSTCODE, m.group(), 0.7, "pattern"))
    return spans


def _strip_leading_common_words(text: str, start: int, number_start: int) -> int | None:
    """Drop sentence words ("In", "Bij", "Ik woon aan de") from the front of a street match."""
    words = list(re.finditer(r"\S+", text[start:number_start]))
    index = 0
    while index < len(words) - 1:
        word = words[index].group()
        if word[0].islower():
            index += 1
            continue
        initial = _is_sentence_initial(text, start + words[index].start())
        if word.lower() in _COMMON_WORDS and initial:
            index += 1
            continue
        break
    if index >= len(words):
        return None
    return start + words[index].start()


# ---------------------------------------------------------------------------- names


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "ten",
        "ter",
        "te",
        "'t",
        "’t",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "des",
        "dos",
        "von",
        "zu",
        "bin",
        "ibn",
        "el",
        "al",
        "ben",
        "mac",
        "o'",
    }
)
# Particles that may start a surname when no first name comes before them.
_SURNAME_START = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "'t", "’t", "el", "al"})

_MONTHS_DAYS = _words(
    """
    januari februari maart april mei juni juli augustus september oktober november december
    january february march may june july august october
    jan feb mrt apr jun jul aug sep sept okt oct nov dec
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    monday tuesday wednesday thursday friday saturday sunday
    """
)
_PLACES = _words(
    """
    nederland holland amsterdam rotterdam utrecht eindhoven groningen tilburg almere breda
    nijmegen houten arnhem haarlem leiden zwolle maastricht delft dordrecht apeldoorn enschede
    amersfoort zaandam hilversum gouda alkmaar lelystad deventer venlo emmen assen den haag
    brabant limburg friesland drenthe zeeland gelderland overijssel flevoland randstad
    europa europe belgie belgië duitsland frankrijk engeland marokko turkije suriname syrie
    syrië polen oekraine oekraïne eritrea somalie somalië afghanistan irak iran curacao curaçao
    aruba indonesie indonesië china india afrika azie azië amerika london england britain
    germany france morocco turkey poland syria ukraine africa asia america scotland wales ireland
    """
)
_NATIONALITIES = _words(
    """
    nederlands nederlandse nederlander nederlanders hollands hollandse marokkaans marokkaanse
    marokkaan turks turkse turk surinaams surinaamse surinamer antilliaans antilliaanse pools
    poolse syrisch syrische eritrees eritrese somalisch somalische afghaans afghaanse duits
    duitse engels engelse frans franse belgisch belgische europees europese arabisch arabische
    koerdisch koerdische islamitisch islamitische christelijk christelijke moslim moslima
    joods joodse hindoe
    dutch english british moroccan turkish polish syrian german french belgian european
    arabic kurdish muslim christian jewish hindu african american
    """
)
_TITLE_WORDS = _words(
    """
    meneer mevrouw mevr mw dhr hr juffrouw juf meester mr mrs ms miss dr prof ir drs ing sir
    madam zuster broeder dominee pastoor imam wethouder burgemeester koning koningin prins
    prinses
    """
)
_COMMON_WORDS = (
    _words(
        """
    de het een en of maar want dus ik je jij u hij zij ze wij we jullie mij me mijn m'n jouw
    zijn z'n haar ons onze hun hen dit dat deze die daar hier er toen nu dan ook nog al wel
    niet geen in op aan met voor na naar van bij uit over onder tussen door om tot zonder tegen
    sinds tijdens als omdat hoewel wanneer waar wat wie hoe waarom welke welk ja nee toch
    misschien gisteren vandaag morgen later eerst daarna daarom soms altijd nooit vaak iedereen
    niemand alles niets iets veel weinig meer minder goed slecht heel erg echt zo zoals elke
    ieder iedere alle sommige andere ander eigen zelf samen alleen terwijl zodat totdat voordat
    nadat ben bent is was waren heb hebt heeft had hadden kan kon kunnen wil wilde willen moet
    moest moeten zal zou zullen ga gaat gaan ging gingen kom komt komen kwam kwamen word wordt
    worden werd zeg zegt zei hallo hoi dag beste groeten bedankt dank sorry oké oke ok hoor
    eigenlijk natuurlijk gelukkig helaas vooral volgens sindsdien inmiddels ondertussen verder
    bovendien tenslotte uiteindelijk opeens plotseling meestal elke één twee drie vier vijf
    zes zeven acht negen tien eerste tweede derde laatste nieuwe oude grote kleine lange korte
    mama papa mam pap oma opa moeder vader zoon dochter broer zus tante oom buurman buurvrouw
    vriend vriendin man vrouw kind kinderen familie gezin mensen iemand
    gemeente wijk buurt stad dorp school kerk moskee bibliotheek wijkteam huisarts ziekenhuis
    politie rijk overheid kerst kerstmis pasen ramadan suikerfeest offerfeest koningsdag
    bevrijdingsdag sinterklaas god allah jezus internet facebook whatsapp instagram google
    corona covid uwv wmo sociale dienst voedselbank centrum noord zuid oost west straat
    the a an and or but so i i'm i’m you he she it we they me him us them my your his its our their
    this that these those there here then now also not no yes in on at with for to from of by
    about after before when where what who whom how why which if because although though while
    today yesterday tomorrow later first then never always often sometimes everyone nobody
    everything nothing something someone all some many much more less very really just only
    am are was were be been being have has had do does did can could will would shall should
    may might must hello hi dear thanks thank sorry yes okay well oh please
    mum mom dad mother father son daughter brother sister aunt uncle grandma grandpa
    neighbour neighbor friend husband wife child children family people council city town
    village school church mosque library hospital police government christmas easter
    monday one two three four five six seven eight nine ten
    street road lane avenue north south east west new old high great little
    via st sint saint
    """
    )
    | _MONTHS_DAYS
    | _TITLE_WORDS
)
_NOT_A_NAME = _COMMON_WORDS | _PLACES | _NATIONALITIES
_PLACE_PREPOSITIONS = frozenset(
    {"in", "uit", "naar", "te", "vanuit", "richting", "from", "to", "at", "near", "around", "via"}
)

_WORD_TAIL = r"[^\W\d_]*(?:['’][^\W\d_]+|-[^\W\d_]+)*"
_TOKEN_RE = re.compile(r"[^\W\d_]" + _WORD_TAIL + r"|['’]t\b")
_CAP_TOKEN_RE = re.compile(rf"[{_UPPER}](?<![\w'’-][{_UPPER}])" + _WORD_TAIL)
_PARTICLE_RE = re.compile(
    r"(?<![\w'’-])(?:van|de|der|den|ten|ter|te|la|le|du|da|di|del|della|des|dos"
    r"|von|zu|bin|ibn|el|al|ben|mac|'t|’t)(?![\w'’-])"
)
_PLACEHOLDER_RE = re.compile(r"\[[^\[\]\n]{1,40}\]")
_SKIP_BEFORE = frozenset(" \t\"'“”‘’«»„([{*•·–—-")
_SENTENCE_END = frozenset(".!?…:;")
_SPACE = frozenset(" \u00a0")

_POSSESSIVES = _words("mijn m'n onze haar zijn z'n hun je jouw my our his her their your")
_RELATIONS = _words(
    """
    vader moeder zoon dochter man vrouw broer zus zuster buurman buurvrouw vriend vriendin oma
    opa tante oom neef nicht collega partner kind baas begeleider coach schoonmoeder schoonvader
    kleinzoon kleindochter stiefvader stiefmoeder ex mother mum mom father dad son daughter
    husband wife brother sister neighbour neighbor friend grandmother grandma grandfather grandpa
    aunt uncle cousin colleague boss child carer caseworker nephew niece
    """
)
# Words just before a name, lower case, with how sure they make us.
_CUE_PHRASES: dict[str, tuple[float, str]] = dict.fromkeys(
    [
        "mijn naam is",
        "ik heet",
        "heet",
        "heette",
        "genaamd",
        "noem me",
        "noem mij",
        "noemen me",
        "noemen mij",
        "my name is",
        "name's",
        "call me",
        "called",
        "named",
        *(f"{p} {r}" for p in _POSSESSIVES for r in _RELATIONS),
        *(
            f"{p} {r} {v}"
            for p in _POSSESSIVES
            for r in _RELATIONS
            for v in ("heet", "is", "genaamd", "called", "named")
        ),
    ],
    (0.8, "cue"),
)
_CUE_PHRASES.update(dict.fromkeys(("ik ben", "i am", "i'm", "i’m"), (0.6, "cue")))
_CUE_PHRASES.update(
    dict.fromkeys(
        _words(
            """
            meneer mevrouw mevr. mevr mw. dhr. dhr hr. juffrouw mr. mr mrs. mrs ms. ms dr. dr
            prof. ir. drs. ing. zuster dominee pastoor imam wethouder burgemeester
            """
        ),
        (0.85, "title"),
    )
)
# Titles that are ordinary words in lower case ("I miss you", "de meester").
_CASED_TITLES = frozenset({"Miss", "Juf", "Meester", "Sir", "Madam"})
_CUE_LONGEST = 4
_CUE_LAST_WORDS = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in _CUE_PHRASES)


class _Token:
    __slots__ = ("start", "end", "text", "lower", "cap", "nameable", "initial", "is_initial_letter")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.text = text[start:end]
        self.lower = self.text.lower()
        first = self.text[0]
        self.cap = first.isupper() and not (len(self.text) > 1 and self.text.isupper())
        self.is_initial_letter = (
            len(self.text) == 1 and first.isupper() and text[end : end + 1] == "."
        )
        self.nameable = (
            self.cap
            and len(self.text) > 1
            and self.lower not in _NOT_A_NAME
            and self.lower not in _PARTICLES
            and not (self.lower.endswith(_STREET_WORDS) and len(self.lower) > 7)
        )
        # Only capitalised words need to know whether they start a sentence.
        self.initial = self.cap and _is_sentence_initial(text, start)


def _is_sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _SKIP_BEFORE:
        i -= 1
    if i < 0 or text[i] in "\n\r\u2028\u2029":
        return True
    if text[i] not in _SENTENCE_END:
        return False
    if text[i] == ".":
        # An abbreviation or an initial just before: "dhr. Jansen", "J. Jansen".
        j = i
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = text[j:i].lower()
        if word in _TITLE_WORDS or (len(word) == 1 and text[j].isupper()):
            return False
    return True


def _gap_is_space(text: str, end: int, start: int) -> bool:
    return 0 < start - end <= 2 and all(ch in _SPACE for ch in text[end:start])


def _known_matches(text: str, known_names: Iterable[str]) -> tuple[list[tuple[int, int]], set[str]]:
    """Where the caller's names (whole, or their parts) occur as whole words, ignoring case."""
    names = {" ".join(name.split()) for name in known_names if name and name.strip()}
    if not names:
        return [], set()
    phrases = set(names)
    for name in names:
        parts = name.split()
        # Each word on its own, except particles after the first ("de" of "Jan de Vries").
        phrases.update(
            part
            for index, part in enumerate(parts)
            if len(part) > 1 and (index == 0 or part.lower() not in _PARTICLES)
        )
        # The surname with its particles ("El Amrani" of "Fatima El Amrani").
        if len(parts) > 2 and parts[1].lower() in _PARTICLES:
            phrases.add(" ".join(parts[1:]))
    # Phrases by their first word, each as a tuple of lower-case words, longest first.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        lowered = tuple(part.lower() for part in phrase.split())
        by_first.setdefault(lowered[0], []).append(lowered)
    for options in by_first.values():
        options.sort(key=len, reverse=True)
    longest = max(len(words) for options in by_first.values() for words in options)
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        if end - start > 3 and text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        tokens.append((start, end, text[start:end].lower()))
    found = []
    index = 0
    while index < len(tokens):
        candidates = by_first.get(tokens[index][2])
        if candidates is None:
            index += 1
            continue
        window = tokens[index : index + longest]
        match = 0
        for words in candidates:
            if len(words) > len(window):
                continue
            if all(window[k][2] == words[k] for k in range(len(words))) and all(
                _gap_is_space(text, window[k][1], window[k + 1][0]) for k in range(len(words) - 1)
            ):
                match = len(words)
                break
        if match:
            found.append((tokens[index][0], tokens[index + match - 1][1]))
            index += match
        else:
            index += 1
    return found, {name.lower() for name in names}


class _Names:
    """The name heuristic over one text, with `blocked` ranges (other spans) left alone."""

    def __init__(self, text: str, occupied: bytearray, known_names: Iterable[str]) -> None:
        self.text = text
        blocked = bytearray(occupied)
        for m in _PLACEHOLDER_RE.finditer(text) if "[" in text else ():
            blocked[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        self.known, self.whole_known = _known_matches(text, known_names)
        in_known = bytearray(len(text))
        for start, end in self.known:
            in_known[start:end] = b"\x01" * (end - start)
        # Only capitalised words, particles and words in a known name matter; the gap between
        # two kept words tells whether they stand side by side.
        found: dict[int, int] = {}
        for m in _CAP_TOKEN_RE.finditer(text):
            found[m.start()] = m.end()
        for m in _PARTICLE_RE.finditer(text):
            found[m.start()] = m.end()
        for start, end in self.known:
            for m in _TOKEN_RE.finditer(text, start, end):
                found[m.start()] = m.end()
        tokens: list[_Token] = []
        for start in sorted(found):
            end = found[start]
            if 1 in blocked[start:end]:
                continue
            if end - start > 3 and text[end - 2 : end] in ("'s", "’s"):
                end -= 2  # "Ahmed's": the name is "Ahmed"
            tokens.append(_Token(text, start, end))
        self.tokens = tokens
        self.by_start = {token.start: i for i, token in enumerate(tokens)}

    def _adjacent(self, i: int) -> bool:
        """Token i+1 follows token i with only a space (or the dot of an initial) between."""
        if i + 1 >= len(self.tokens):
            return False
        a, b = self.tokens[i], self.tokens[i + 1]
        if a.is_initial_letter:
            gap = self.text[a.end : b.start]
            return gap == "." or (
                gap[:1] == "." and all(ch in _SPACE for ch in gap[1:]) and len(gap) <= 2
            )
        return _gap_is_space(self.text, a.end, b.start)

    def _surname_from(self, i: int) -> int | None:
        """Last index of "particles* Capitalised" starting at i, or None."""
        j = i
        while j < len(self.tokens) and self.tokens[j].lower in _PARTICLES and j - i < 3:
            if not self._adjacent(j):
                return None
            j += 1
        if j < len(self.tokens) and self.tokens[j].nameable:
            return j
        return None

    def _grow(self, first: int, last: int) -> tuple[int, int]:
        """Extend a name over neighbouring capitalised words, particles and initials."""
        tokens = self.tokens
        while last - first < 6:
            if not self._adjacent(last):
                break
            nxt = last + 1
            if tokens[nxt].nameable:
                last = nxt
                continue
            if tokens[nxt].lower in _PARTICLES:
                end = self._surname_from(nxt)
                if end is not None:
                    last = end
                    continue
            break
        while first > 0 and last - first < 6 and self._adjacent(first - 1):
            prev = first - 1
            token = tokens[prev]
            if token.is_initial_letter or token.nameable:
                first = prev
                continue
            if token.lower in _PARTICLES:
                k = prev
                while (
                    k > 0
                    and tokens[k].lower in _PARTICLES
                    and self._adjacent(k - 1)
                    and prev - k < 3
                ):
                    k -= 1
                if tokens[k].nameable or tokens[k].is_initial_letter:
                    first = k
                    continue
            break
        return first, last

    def _span(self, first: int, last: int, confidence: float, reason: str) -> Span:
        start, end = self.tokens[first].start, self.tokens[last].end
        return Span(start, end, KIND_NAME, self.text[start:end], confidence, reason)

    def find(self) -> list[Span]:
        tokens = self.tokens
        found: list[Span] = []
        seeds: dict[str, float] = {}

        def add(first: int, last: int, confidence: float, reason: str) -> None:
            first, last = self._grow(first, last)
            found.append(self._span(first, last, confidence, reason))
            for token in tokens[first : last + 1]:
                if token.nameable and len(token.text) > 2:
                    seeds[token.text] = max(seeds.get(token.text, 0.0), min(confidence, 0.75))

        # Names the caller knows: whole names first, then their parts.
        self._known(add)

        # Cues and titles.
        for index, token in enumerate(tokens):
            if token.lower not in _PARTICLES and not token.nameable:
                continue
            cue = self._cue_before(token.start)
            if cue is None:
                continue
            confidence, reason = cue
            if reason == "title":
                last = self._surname_from(index) if token.lower in _PARTICLES else index
            elif token.lower in _PARTICLES:
                last = (
                    self._surname_from(index)
                    if token.lower in _SURNAME_START and token.cap
                    else None
                )
            else:
                last = index
            if last is not None:
                add(index, last, confidence, reason)

        # Initials followed by a surname ("J. Jansen", "J.P. de Vries").
        for i, token in enumerate(tokens):
            if token.is_initial_letter and self._adjacent(i):
                j = i + 1
                while j < len(tokens) and tokens[j].is_initial_letter and self._adjacent(j):
                    j += 1
                last = self._surname_from(j) if j < len(tokens) else None
                if last is not None and (
                    j > i + 1 or not tokens[i].initial or tokens[j].lower in _PARTICLES
                ):
                    add(i, last, 0.7, "initials")

        # "Jan van der Berg": a capitalised word, particles, a capitalised word.
        for i, token in enumerate(tokens):
            if token.nameable and self._adjacent(i) and tokens[i + 1].lower in _PARTICLES:
                if tokens[i + 1].text[0].isupper():
                    continue
                last = self._surname_from(i + 1)
                if last is not None:
                    add(i, last, 0.7, "particle")

        # Two capitalised words mid-sentence ("met Fatima Yilmaz gepraat").
        for i, token in enumerate(tokens[:-1]):
            if (
                token.nameable
                and not token.initial
                and tokens[i + 1].nameable
                and self._adjacent(i)
                and not self._place_context(i)
            ):
                add(i, i + 1, 0.55, "pair")

        # Capitalised words seen mid-sentence and more than once in all.
        mid = {t.text for t in tokens if t.nameable and not t.initial}
        total = Counter(t.text for t in tokens if t.nameable)
        for word in mid:
            if total[word] >= 2 and word not in seeds and not self._mostly_place(word):
                seeds[word] = 0.5

        # Every capitalised occurrence of a word known to be a name.
        for i, token in enumerate(tokens):
            seed = seeds.get(token.text)
            if seed is not None and token.nameable:
                add(i, i, seed, "recurring" if seed == 0.5 else "repeat")
        return found

    def _known(self, add: Callable[[int, int, float, str], None]) -> None:
        for start, end in self.known:
            first = self.by_start.get(start)
            if first is None:
                continue
            last = first
            while last < len(self.tokens) and self.tokens[last].end < end:
                last += 1
            if last >= len(self.tokens) or self.tokens[last].end != end:
                continue
            matched = self.text[start:end]
            is_part = " " not in matched and matched.lower() not in self.whole_known
            token = self.tokens[first]
            if is_part and token.lower in _NOT_A_NAME and not token.cap:
                continue
            if is_part and token.lower in _COMMON_WORDS and (token.initial or not token.cap):
                continue
            add(first, last, 0.85 if is_part else 0.95, "known")

    def _cue_before(self, position: int) -> tuple[float, str] | None:
        """The cue in the few words just before `position` ("mijn naam is", "dhr."), if any."""
        text = self.text
        if position == 0 or text[position - 1] not in _SPACE:
            return None
        before = text[max(0, position - 40) : position]
        line = before.rsplit("\n", 1)[-1]
        words = line.split()[-_CUE_LONGEST:]
        if not words:
            return None
        if words[-1] in _CASED_TITLES:
            return 0.85, "title"
        words[-1] = words[-1].rstrip(",:")
        if words[-1].lower() not in _CUE_LAST_WORDS:
            return None
        for size in range(min(len(words), _CUE_LONGEST), 0, -1):
            phrase = words[-size:]
            first = phrase[0].lstrip("\"'“‘([")
            if any(
                not word.replace("'", "").replace("’", "").replace(".", "").isalpha()
                for word in phrase[1:]
            ):
                continue
            cue = _CUE_PHRASES.get(" ".join([first, *phrase[1:]]).lower())
            if cue is not None:
                return cue
        return None

    def _place_context(self, i: int) -> bool:
        return i > 0 and self.tokens[i - 1].lower in _PLACE_PREPOSITIONS and self._adjacent(i - 1)

    def _mostly_place(self, word: str) -> bool:
        indices = [i for i, token in enumerate(self.tokens) if token.text == word]
        places = sum(1 for i in indices if self._place_context(i))
        return places * 2 >= len(indices) and places > 0


def _merge_names(spans: list[Span], text: str) -> list[Span]:
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and (
            span.start < merged[-1].end or _gap_is_space(text, merged[-1].end, span.start)
        ):
            last = merged[-1]
            end = max(last.end, span.end)
            best = last if last.confidence >= span.confidence else span
            merged[-1] = Span(
                last.start, end, KIND_NAME, text[last.start : end], best.confidence, best.reason
            )
        else:
            merged.append(span)
    return merged


# ---------------------------------------------------------------------------- overlaps


_KIND_ORDER = {kind: rank for rank, kind in enumerate(KINDS)}


def _longest_first(candidates: Iterable[Span], occupied: bytearray) -> list[Span]:
    """Keep candidates longest first, dropping any that overlaps one already kept.

    `occupied` has a 1 for every character already taken; kept spans are marked in it.
    """
    chosen: list[Span] = []
    ordered = sorted(
        candidates,
        key=lambda s: (-(s.end - s.start), -s.confidence, _KIND_ORDER[s.kind], s.start),
    )
    for span in ordered:
        if span.end <= span.start or 1 in occupied[span.start : span.end]:
            continue
        chosen.append(span)
        occupied[span.start : span.end] = b"\x01" * (span.end - span.start)
    return chosen


def _local_spans(text: str, wanted: set[str], occupied: bytearray) -> list[Span]:
    """E-mails, IBANs, BSNs and phones (longest first), then addresses and postcodes."""
    first: list[Span] = []
    if KIND_EMAIL in wanted:
        first += _find_emails(text)
    if KIND_IBAN in wanted:
        first += _find_ibans(text)
    if KIND_BSN in wanted:
        first += _find_bsns(text)
    if KIND_PHONE in wanted:
        first += _find_phones(text)
    chosen = _longest_first(first, occupied)
    if wanted & {KIND_ADDRESS, KIND_POSTCODE}:
        places = [s for s in _find_addresses(text) if s.kind in wanted]
        chosen += _longest_first(places, occupied)
    return chosen


def _filled(text: str, spans: Iterable[Span]) -> str:
    """`text` with each span replaced by "[xx…]" of the same length, as after redaction."""
    parts: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: s.start):
        length = span.end - span.start
        parts.append(text[position : span.start])
        parts.append("[" + "x" * (length - 2) + "]" if length >= 2 else "x")
        position = span.end
    parts.append(text[position:])
    return "".join(parts)


_REACH = 200  # no local match is longer than this
_HARMLESS_NEIGHBOURS = frozenset(",.;:!?)\"'“”‘’")


def _touches_something(text: str, span: Span) -> bool:
    """Whether a character just outside `span` might belong to a match its redaction uncovers.

    Only a character glued to the span, or a digit, "+" or "@" close by, can: matches stop at
    spaces and ordinary punctuation whatever stands beyond them.
    """
    before = text[max(0, span.start - 3) : span.start]
    after = text[span.end : span.end + 3]
    for glued in (before[-1:], after[:1]):
        if glued and not glued.isspace() and glued not in _HARMLESS_NEIGHBOURS:
            return True
    return any(ch.isdigit() or ch in "+@" for ch in before + after)


def _uncovered_neighbours(
    original: str, filled: str, around: list[Span], wanted: set[str], occupied: bytearray
) -> list[Span]:
    """Local matches that a redaction of `around` uncovers right beside it.

    "000000012+31 6 12345678" holds no phone while the BSN's last digit touches the "+", but
    once the BSN reads "[bsn]" it does. Such matches start or end within a few characters of
    a redacted span, so only the text around each span is searched again.
    """
    around = [span for span in around if _touches_something(original, span)]
    windows: list[tuple[int, int]] = []
    for span in sorted(around, key=lambda s: s.start):
        lo, hi = max(0, span.start - _REACH), min(len(filled), span.end + _REACH)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    edges = [(span.start, span.end) for span in around]
    found: list[Span] = []
    for lo, hi in windows:
        window = filled[lo:hi]
        for span in _local_spans(window, wanted, bytearray(len(window))):
            start, end = span.start + lo, span.end + lo
            if not any(a - 3 <= end <= a or b <= start <= b + 3 for a, b in edges):
                continue
            found.append(
                Span(start, end, span.kind, original[start:end], span.confidence, span.reason)
            )
    return _longest_first(found, occupied)


def find_personal_data(
    text: str,
    *,
    known_names: Iterable[str] = (),
    kinds: Iterable[str] | None = None,
) -> list[Span]:
    """Proposed redactions in `text`, sorted by start, never overlapping.

    `known_names` are names the caller knows belong to people in the story (the teller,
    stakeholders); they are matched as whole words ignoring case, and so are their parts.
    `kinds` limits the search to some of `redaction_kinds()`.

    Redacting every proposal with placeholders in square brackets leaves nothing that would be
    proposed again: matches that a redaction would uncover next to it are proposed too.
    """
    wanted = set(KINDS if kinds is None else kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds: {sorted(unknown)}")
    if not text:
        return []
    occupied = bytearray(len(text))
    chosen = _local_spans(text, wanted, occupied)
    filled = _filled(text, chosen)
    new = chosen
    for _ in range(3):
        new = _uncovered_neighbours(text, filled, new, wanted, occupied) if new else []
        if not new:
            break
        chosen += new
        filled = _filled(text, chosen)
    if KIND_NAME in wanted:
        names = _Names(filled, occupied, known_names).find()
        names = [
            Span(s.start, s.end, s.kind, text[s.start : s.end], s.confidence, s.reason)
            for s in _merge_names(names, filled)
            if 1 not in occupied[s.start : s.end]
        ]
        for span in names:
            occupied[span.start : span.end] = b"\x01" * (span.end - span.start)
        chosen += names
        filled = _filled(text, chosen)
        new = names
        for _ in range(3):
            new = _uncovered_neighbours(text, filled, new, wanted, occupied) if new else []
            if not new:
                break
            chosen += new
            filled = _filled(text, chosen)
    return sorted(chosen, key=lambda s: s.start)


def apply_redactions(
    text: str,
    spans: Iterable[SpanInput],
    placeholder_for_kind: Mapping[str, str] | Callable[[str], str],
) -> str:
    """`text` with each span replaced by the placeholder for its kind.

    `spans` are `Span`s (or `(start, end, kind)` tuples) in any order; they must lie within
    the text and not overlap. `placeholder_for_kind` maps a kind to its placeholder ("[naam]").
    """
    triples = []
    for span in spans:
        if isinstance(span, tuple):
            start, end, kind = span
        else:
            start, end, kind = span.start, span.end, span.kind
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} is outside the text")
        triples.append((start, end, kind))
    triples.sort()
    parts: list[str] = []
    position = 0
    for start, end, kind in triples:
        if start < position:
            raise ValueError(f"span {start}-{end} overlaps another span")
        if callable(placeholder_for_kind):
            placeholder = placeholder_for_kind(kind)
        elif kind in placeholder_for_kind:
            placeholder = placeholder_for_kind[kind]
        else:
            raise ValueError(f"no placeholder for kind {kind!r}")
        parts.append(text[position:start])
        parts.append(placeholder)
        position = end
    parts.append(text[position:])
    return "".join(parts)


def redact(
    text: str,
    placeholder_for_kind: Mapping[str, str] | Callable[[str], str],
    *,
    known_names: Iterable[str] = (),
    kinds: Iterable[str] | None = None,
) -> str:
    """Every proposal applied at once (for previews and tests; curators confirm one by one)."""
    spans = find_personal_data(text, known_names=known_names, kinds=kinds)
    return apply_redactions(text, spans, placeholder_for_kind)
