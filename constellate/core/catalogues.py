"""Translation catalogue chores that need no GNU gettext tools (so `make` works with Python only).

python -m constellate.core.catalogues fill-english   # English is the source language
python -m constellate.core.catalogues compile        # .po -> .mo for every language
python -m constellate.core.catalogues check          # untranslated or fuzzy counts
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent.parent / "locale"


def catalogues(locale_dir: Path = LOCALE_DIR) -> dict[str, Path]:
    return {p.parent.parent.name: p for p in sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))}


def problems(po_path: Path) -> list[str]:
    """msgids that are untranslated or fuzzy in a catalogue."""
    po = polib.pofile(str(po_path))
    bad = [e.msgid for e in po if not e.obsolete and ("fuzzy" in e.flags or not e.translated())]
    return bad


def fill_english(locale_dir: Path = LOCALE_DIR) -> int:
    """English msgids are the English text: copy them into the English catalogue."""
    path = catalogues(locale_dir).get("en")
    if path is None:
        return 0
    po = polib.pofile(str(path))
    changed = 0
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            entry.msgstr = ""
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
        if entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                changed += 1
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
            changed += 1
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.metadata["Language"] = "en"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    return changed


def compile_all(locale_dir: Path = LOCALE_DIR) -> None:
    """Tidy each catalogue's header (makemessages marks it fuzzy) and write its .mo file."""
    for code, path in catalogues(locale_dir).items():
        po = polib.pofile(str(path))
        po.header = "Constellate interface messages. Licence: AGPL-3.0-or-later."
        po.metadata_is_fuzzy = False
        po.metadata["Project-Id-Version"] = "Constellate"
        po.metadata["Language"] = code
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        po.metadata.setdefault("Plural-Forms", "nplurals=2; plural=(n != 1);")
        for key in ("Last-Translator", "Language-Team", "PO-Revision-Date"):
            po.metadata.pop(key, None)
        po.save()
        po.save_as_mofile(str(path.with_suffix(".mo")))


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "fill-english":
        print(f"English catalogue: {fill_english()} entries filled")
    elif command == "compile":
        compile_all()
        print("Compiled", ", ".join(catalogues()))
    elif command == "check":
        failed = False
        for code, path in catalogues().items():
            bad = problems(path)
            print(f"{code}: {len(bad)} untranslated or fuzzy")
            failed = failed or bool(bad)
        return 1 if failed else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
