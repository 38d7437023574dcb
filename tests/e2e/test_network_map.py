"""A facilitator opens the network map of an initiative (computed by the task through the
immediate backend), zooms in with the keyboard through the map's links, colours it by
engagement and reads the same information in the list view. In Dutch and in English, every
page checked by axe-core."""

import pytest

from constellate.stakeholders.choices import Level, RelationKind
from constellate.stakeholders.tests.factories import RelationFactory, StakeholderFactory
from tests.e2e.browser import check_page, lands, login_as, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_map_zoom_colour_and_list(new_page, initiative, facilitator, settings, lang):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    hub = StakeholderFactory(initiative=initiative, name="Yusuf Amrani", level=Level.INVOLVED)
    for n in range(4):
        spoke = StakeholderFactory(initiative=initiative, name=f"Buur {n}", introduced_by=hub)
        RelationFactory(source=spoke, target=hub, kind=RelationKind.TRUSTS)
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/")
    switch_language(page, lang)
    with lands(page):
        page.get_by_role("link", name=t(lang, "Network map")).click()
    assert page.locator("h1").inner_text() == t(lang, "Network map")
    assert page.locator("figure.network-map svg").count() == 1
    assert page.locator("svg.network-legend").count() == 1

    # zoom in with the keyboard
    tab_to(page, "a[data-move=zoom_in]")
    assert page.locator("a[data-move=zoom_in]").inner_text() == t(lang, "Zoom in")
    with lands(page):
        page.keyboard.press("Enter")
    assert "view=1" in page.url
    assert page.locator("figure.network-map svg").get_attribute("viewBox") == "250 250 500 500"

    # colour by engagement level; the zoom stays
    page.locator("#colour").select_option("engagement")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Show")).click()
    assert "colour=engagement" in page.url and "view=1" in page.url
    assert t(lang, "Involved") in page.locator("svg.network-legend").text_content()

    # the list view carries the same information
    table = page.locator("main table")
    assert "Yusuf Amrani" in table.inner_text()
    row = table.locator("tr").filter(has=page.locator("th", has_text="Buur 0"))
    assert row.locator("td").nth(2).inner_text() == "1"  # one person linked, two ways
    assert row.locator("td li").count() == 2  # introduced by Yusuf, and trusts him
    check_page(page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_shows_the_map_by_itself_once_the_worker_has_computed_it(
    new_page, initiative, facilitator, lang
):
    """With a real queue (the database backend, no worker yet) the page says the map is being
    computed, lists everyone already, and swaps the map in without a reload (htmx polls)
    once a worker has run the task."""
    from django.core.management import call_command

    hub = StakeholderFactory(initiative=initiative, name="Yusuf Amrani")
    for n in range(3):
        RelationFactory(
            source=StakeholderFactory(initiative=initiative, name=f"Buur {n}"), target=hub
        )
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/")
    switch_language(page, lang)
    with lands(page):
        page.get_by_role("link", name=t(lang, "Network map")).click()
    status = page.get_by_role("status")
    assert t(lang, "The map is being computed. It is waiting its turn.") in status.inner_text()
    assert page.locator("figure.network-map svg").count() == 0
    assert "Yusuf Amrani" in page.locator("main table").inner_text()
    check_page(page)
    page.evaluate("window.stillTheSamePage = true")

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    page.locator("figure.network-map svg").wait_for(timeout=15_000)
    assert page.evaluate("window.stillTheSamePage") is True  # swapped in, not reloaded
    assert page.locator(".network-map-pending").count() == 0
    check_page(page)
