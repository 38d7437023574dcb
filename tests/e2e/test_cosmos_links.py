"""COSMOS notes that become actions, in Dutch and by keyboard only: the lead writes a note on
one part of a model, turns it into an action for a member of the team, and finds it on the
initiative's list of actions and on their dashboard. Zero axe violations on every page."""

import pytest

from tests.e2e.browser import lands, login_as, press_until, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser


def test_the_lead_adds_a_note_and_turns_it_into_an_action_by_keyboard(
    page, initiative, facilitator
):
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/cosmos/moral_ordering_model/")
    switch_language(page, "nl")
    with lands(page):
        page.locator("main a[href$='/moral_ordering_model/notes/']").click()
    assert page.locator("h1").inner_text().startswith(t("nl", "Notes and actions").split()[0])

    tab_to(page, "#id_part")
    press_until(page, "ArrowDown", "document.querySelector('#id_part').value === 'deliver.actors'")
    tab_to(page, "#id_body")
    page.keyboard.type("Wie neemt de levering over na de pilot?")
    tab_to(page, "main form button[type='submit']:not(.secondary)")
    with lands(page):
        page.keyboard.press("Enter")
    assert page.locator("main .notes li").count() == 1

    tab_to(page, "main a[href$='/action/']")
    with lands(page):
        page.keyboard.press("Enter")
    tab_to(page, "#id_owner")
    press_until(page, "ArrowDown", "document.querySelector('#id_owner').value !== ''")
    tab_to(page, "main form button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    assert t("nl", "Mark as done") in page.locator("main .notes").inner_text()

    tab_to(page, "main a[href$='/cosmos/links/actions/']")
    with lands(page):
        page.keyboard.press("Enter")
    assert "Wie neemt de levering over" in page.locator("main table").inner_text()

    visit(page, "/dashboard/")
    assert "Wie neemt de levering over" in page.locator("main").inner_text()
