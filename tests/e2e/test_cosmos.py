"""COSMOS models, in Dutch: the facilitator imports a COSMOS 3.7.1 export through the page,
sees the models, reads the user journey's summary and its history. Zero axe violations on
every page. (The guided questionnaires and pictures come later; see issue 7.)"""

from pathlib import Path

import pytest

from tests.e2e.browser import lands, login_as, switch_language, t, visit

pytestmark = pytest.mark.browser

SAMPLE = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "cosmos"
    / "cosmos-nieuwegein-schoon-en-leefbaar.zip"
)


def test_the_facilitator_imports_a_cosmos_export_and_reads_the_models(
    page, initiative, facilitator, settings, tmp_path
):
    if not SAMPLE.is_file():
        pytest.skip("the shared COSMOS sample is not available")
    settings.STORAGES = {
        **settings.STORAGES,
        "cosmos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "cosmos"), "base_url": "/no-public-url/"},
        },
    }
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/cosmos/")
    switch_language(page, "nl")
    with lands(page):
        page.locator("main a[href$='/cosmos/import/']").click()
    page.locator("input[type='file']").set_input_files(str(SAMPLE))
    with lands(page):
        page.locator("main form button[type='submit']").click()
    assert page.url.endswith(f"/initiatives/{initiative.pk}/cosmos/")
    assert page.locator("h1").inner_text() == t("nl", "COSMOS models")

    with lands(page):
        page.locator("main a[href$='/cosmos/user_journey_model/']").click()
    assert page.locator("main dl dt").count() > 3
    with lands(page):
        page.locator("main a[href$='/history/']").click()
    with lands(page):
        page.locator("main a[href$='?version=1']").first.click()
    assert page.locator("main table").count() == 1
