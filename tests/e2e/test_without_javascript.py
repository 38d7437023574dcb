"""Everything a facilitator needs works with JavaScript switched off."""

import datetime

import pytest
from django.utils import timezone

from constellate.initiatives.models import Activity, CanvasVersion, Initiative
from tests.e2e.browser import add_canvas_row, lands, sign_in, t

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_facilitator_path_works_without_javascript(new_page, facilitator, lang):
    page = new_page(java_script_enabled=False)
    sign_in(page, facilitator, lang)

    with lands(page):
        page.get_by_role("link", name=t(lang, "Start a new initiative")).click()
    page.locator("#id_title").fill("Zonder JavaScript")
    page.locator("#id_summary").fill("Werkt ook zonder scripts.")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Create initiative")).click()
    initiative = Initiative.objects.get(title="Zonder JavaScript")
    assert page.url.endswith(f"/initiatives/{initiative.pk}/canvas/edit/")

    # "Add a row" posts the whole page back with one more row and keeps what was typed.
    page.locator("#id_goals-0-goal").fill("Kortere wachttijd")
    page.locator("#id_values-0-value").fill("Gelijkwaardigheid")
    add_canvas_row(page, "goals")
    assert page.locator("#id_goals-0-goal").input_value() == "Kortere wachttijd"
    assert page.locator("#id_values-0-value").input_value() == "Gelijkwaardigheid"
    page.locator("#id_goals-1-goal").fill("Meer vertrouwen")
    page.locator("input[name='tools-tools'][value='open_space']").check()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Save the canvas")).click()
    version = CanvasVersion.objects.get(initiative=initiative)
    assert [g["goal"] for g in version.data["goals"]] == ["Kortere wachttijd", "Meer vertrouwen"]
    assert version.data["tools"] == ["open_space"]

    with lands(page):
        page.locator("nav.breadcrumbs").get_by_role("link", name=initiative.title).click()
    with lands(page):
        page.locator("main").get_by_role("link", name=t(lang, "Add an activity")).click()
    page.locator("#id_title").fill("Keukentafelgesprek")
    # Sent half-filled, the form comes back with a summary of what to fix, which takes the
    # focus, and with what was typed still there.
    with lands(page):
        page.get_by_role("button", name=t(lang, "Add activity")).click()
    assert page.locator("#error-summary").evaluate("el => el === document.activeElement")
    assert page.locator("#error-summary li").count() >= 3
    assert page.locator("#id_title").input_value() == "Keukentafelgesprek"
    assert page.locator("#id_purpose").get_attribute("aria-invalid") == "true"
    page.locator("#id_kind").select_option("living_room")
    page.locator("#id_purpose").fill("Praten bij mensen thuis.")
    closes = timezone.localdate() + datetime.timedelta(days=14)
    page.locator("#id_closes_on").fill(closes.isoformat())
    page.locator("input[name='phases'][value='co_initiation']").check()
    page.locator("input[name='setting'][value='place']").check()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Add activity")).click()
    activity = Activity.objects.get(initiative=initiative)
    assert activity.closes_on == closes
    assert page.locator("h1").inner_text() == "Keukentafelgesprek"

    with lands(page):
        page.locator("nav.breadcrumbs").get_by_role("link", name=initiative.title).click()
    assert page.locator("svg.timeline g.bar").count() == 1
    assert "Keukentafelgesprek" in page.locator("table.activity-table").inner_text()
