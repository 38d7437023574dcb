"""COSMOS pictures, on our own demo answers: an observer of the initiative reads the user
journey's picture and opens its text twin, walks the walkthrough with the keyboard only, and
downloads the picture as SVG and PDF; first in Dutch, then the walkthrough's steps again in
English. Zero axe violations on every page."""

from pathlib import Path

import pytest

from tests.e2e.browser import focused, lands, login_as, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser


def _next_step(page, lang: str) -> None:
    tab_to(page, "main a[rel='next']")
    info = focused(page)
    assert info["text"] == t(lang, "Next step")
    with lands(page):
        page.keyboard.press("Enter")


def test_an_observer_reads_walks_through_and_downloads_a_model_picture(
    page, initiative, organisation, settings, tmp_path
):
    from constellate.accounts.roles import InitiativeRole
    from constellate.accounts.tests.factories import member
    from constellate.cosmos import services
    from constellate.initiatives.tests.factories import InitiativeMembershipFactory

    settings.STORAGES = {
        **settings.STORAGES,
        "cosmos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "cosmos"), "base_url": "/no-public-url/"},
        },
    }
    # Our own demo user journey (the shared COSMOS samples are not needed here).
    from constellate.demo.cosmos import USER_JOURNEY

    aspect = services.cosmos_ensure(initiative=initiative)["user_journey_model"]
    services.aspect_data_save(aspect=aspect, data=USER_JOURNEY, actor=None)
    observer = member(organisation, display_name="Olga Observer", email="olga@example.org")
    InitiativeMembershipFactory(initiative=initiative, user=observer, role=InitiativeRole.OBSERVER)
    login_as(page, observer)
    base = f"/initiatives/{initiative.pk}/cosmos/user_journey_model/"

    # The picture with its downloads, in Dutch; the text twin is on the all-models page.
    visit(page, base)
    switch_language(page, "nl")
    figure = page.locator("main figure.cosmos-figure")
    assert figure.locator("svg title").count() == 1
    assert "Positief" in figure.locator("svg").text_content()
    # The text twin beside it, folded: opened with the keyboard.
    tab_to(page, "main details.cosmos-twin > summary")
    page.keyboard.press("Enter")
    assert page.locator("main details.cosmos-twin table").first.is_visible()
    assert t("nl", "Positive") in page.locator("main details.cosmos-twin").inner_text()
    with page.expect_download() as svg_download:
        tab_to(page, "main a[href$='picture.svg']")
        page.keyboard.press("Enter")
    assert svg_download.value.suggested_filename.endswith(".svg")
    assert "<svg" in Path(svg_download.value.path()).read_text()
    with page.expect_download() as pdf_download:
        tab_to(page, "main a[href$='picture.pdf']")
        page.keyboard.press("Enter")
    assert Path(pdf_download.value.path()).read_bytes().startswith(b"%PDF")

    visit(page, f"/initiatives/{initiative.pk}/cosmos/all/models/")
    twin = page.locator("#cosmos-user_journey_model-twin")
    assert twin.locator("table").count() == 6
    assert t("nl", "Positive") in twin.inner_text()

    # The walkthrough, keyboard only, in Dutch: six steps, the picture grows with each.
    visit(page, base)
    tab_to(page, "main a[href$='walkthrough/1/']")
    with lands(page):
        page.keyboard.press("Enter")
    for step in range(1, 7):
        assert (
            page.locator("main svg [data-step]").evaluate_all(
                "els => Math.max(...els.map(e => +e.dataset.step))"
            )
            == step
        )
        assert page.locator("main .cosmos-step-question").count() == 1
        if step < 6:
            _next_step(page, "nl")
    tab_to(page, f"main a[href='{base}']:not([rel])")
    with lands(page):
        page.keyboard.press("Enter")

    # In English: the first steps again, and back.
    switch_language(page, "en")
    visit(page, base + "walkthrough/1/")
    assert t("en", "Previous step") not in page.locator("main").inner_text()
    _next_step(page, "en")
    assert "Step 2 of 6" in page.locator("main h2").first.inner_text()
    tab_to(page, "main a[rel='prev']")
    with lands(page):
        page.keyboard.press("Enter")
    assert page.url.endswith("walkthrough/1/")
