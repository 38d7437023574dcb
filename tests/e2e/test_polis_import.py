"""A facilitator imports a Pol.is export through the page with the keyboard (in English):
a broken export is refused with its message and nothing is imported, the good one brings
the statements, the votes and the source; then the export page. Zero axe violations."""

import io
import zipfile

import pytest

from constellate.deliberation.models import Vote
from constellate.deliberation.tests.factories import conversation_activity
from constellate.deliberation.tests.test_polis_conversations import COMMENTS, SUMMARY, VOTES
from tests.e2e.browser import lands, login_as, switch_language, tab_to, visit

pytestmark = pytest.mark.browser


def _zip(entries) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_facilitator_imports_a_polis_export(new_page, initiative, facilitator, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    activity, conversation = conversation_activity(initiative=initiative, title="Desk talk")
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/activities/{activity.pk}/conversation/")
    switch_language(page, "en")
    tab_to(page, "main a[href$='/conversation/import/']")
    with lands(page):
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Import a Pol.is conversation"

    broken = _zip({"comments.csv": COMMENTS, "votes.csv": VOTES + "16,,9,0,1\n"})
    page.set_input_files(
        "#id_files", {"name": "export.zip", "mimeType": "application/zip", "buffer": broken}
    )
    tab_to(page, "main form button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    assert "which is not in comments.csv" in page.inner_text("main")
    assert not conversation.statements.exists()

    good = _zip({"comments.csv": COMMENTS, "votes.csv": VOTES, "summary.csv": SUMMARY})
    page.set_input_files(
        "#id_files", {"name": "export.zip", "mimeType": "application/zip", "buffer": good}
    )
    tab_to(page, "#id_source")
    page.keyboard.type("CC BY 4.0, Pol.is conversation The desk")
    tab_to(page, "main form button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    main = page.inner_text("main")
    assert "Imported 4 statements and 5 votes of 2 participants" in main
    assert "Source and licence: CC BY 4.0, Pol.is conversation The desk" in main
    assert Vote.objects.filter(conversation=conversation).count() == 5

    tab_to(page, "main a[href$='/conversation/export/']")
    with lands(page):
        page.keyboard.press("Enter")
    assert "random order" in page.inner_text("main")
    tab_to(page, "main a[href$='pol.is-export.zip']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    names = zipfile.ZipFile(download.value.path()).namelist()
    assert "participants-votes.csv" in names
