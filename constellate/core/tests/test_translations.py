"""Every interface message is translated, in every language, and nothing is fuzzy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from constellate.core.catalogues import LOCALE_DIR, catalogues, problems

ROOT = Path(settings.BASE_DIR)


def test_every_configured_language_has_a_catalogue():
    found = catalogues()
    for code, _name in settings.LANGUAGES:
        assert code in found, f"locale/{code}/LC_MESSAGES/django.po is missing"


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_catalogue_has_no_untranslated_or_fuzzy_messages(code):
    bad = problems(catalogues()[code])
    assert not bad, f"{len(bad)} untranslated or fuzzy in {code}, e.g. {bad[:5]}"


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_compiled_catalogue_matches_its_source(code):
    po_path = catalogues()[code]
    po = {
        e.msgid: (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(po_path)) if e.translated()
    }
    mo = {
        e.msgid: (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(po_path.with_suffix(".mo")))
    }
    assert po.keys() == mo.keys(), "run `make messages` (or catalogues compile) to refresh the .mo"
    for msgid, (msgstr, plural) in po.items():
        assert mo[msgid][0] == msgstr and {int(k): v for k, v in mo[msgid][1].items()} == {
            int(k): v for k, v in plural.items()
        }, msgid


def test_source_code_has_no_message_missing_from_the_catalogues(tmp_path):
    """Extract messages from the code afresh and check every one is translated."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI") == "true":
            pytest.fail("GNU gettext (xgettext) is needed in CI to check the catalogues")
        pytest.skip("GNU gettext is not installed: `apt-get install gettext` to run this check")
    # makemessages writes into the `locale` folder beside the sources it walks, whatever
    # LOCALE_PATHS says, so it runs in a scratch tree: the sources linked, the catalogues
    # copied, and the real catalogues are never touched.
    scratch = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, scratch)
    for name in ("constellate", "templates"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    env = {**os.environ, "LOCALE_DIR": str(scratch)}
    codes = [arg for code, _n in settings.LANGUAGES for arg in ("--locale", code)]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *codes, "--no-obsolete", "--no-location"]
        + ["--symlinks", "--ignore", "var/*"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    for code, _name in settings.LANGUAGES:
        bad = problems(scratch / code / "LC_MESSAGES" / "django.po")
        assert not bad, f"{len(bad)} messages in the code are not translated in {code}: {bad[:8]}"
