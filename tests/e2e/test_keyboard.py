"""The facilitator's path with the keyboard alone: no mouse, no clicks. Every element that
receives focus on the way must show it."""

import pytest

from constellate.accounts.tests.factories import PASSWORD
from constellate.initiatives.models import Activity, Initiative
from tests.e2e.browser import (
    add_canvas_row,
    assert_focus_visible,
    focused,
    html_lang,
    is_focused,
    lands,
    press_until,
    t,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser


def keyboard_language(page, lang):
    if html_lang(page) == lang:
        return
    tab_to(page, f"header .language-switch a[hreflang='{lang}']")
    with lands(page):
        page.keyboard.press("Enter")
    assert html_lang(page) == lang


def activate(page, selector):
    """Tab to a link or button and press Enter; a new page must load."""
    tab_to(page, selector)
    with lands(page):
        page.keyboard.press("Enter")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def checked(selector):
    return f"document.querySelector({selector!r}).checked"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_facilitator_path_works_with_the_keyboard_alone(page, facilitator, lang):
    visit(page, "/")

    # The skip link is the first stop, shows when focused, and moves focus to the content.
    page.keyboard.press("Tab")
    assert is_focused(page, "a.skip-link"), f"first Tab stop is {focused(page)}"
    assert_focus_visible(page)
    box = page.locator("a.skip-link").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert is_focused(page, "main#main"), f"focus after the skip link is on {focused(page)}"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")

    keyboard_language(page, lang)

    # Sign in: the e-mail field has the focus when the page opens; Enter submits.
    activate(page, "header a[href='/accounts/login/']")
    assert is_focused(page, "#id_username")
    page.keyboard.type(facilitator.email)
    page.keyboard.press("Tab")
    assert is_focused(page, "#id_password")
    page.keyboard.type(PASSWORD)
    with lands(page):
        page.keyboard.press("Enter")
    assert page.url.endswith("/dashboard/")
    keyboard_language(page, lang)

    # A new initiative.
    activate(page, "main a[href='/initiatives/new/']")
    type_into(page, "#id_title", "Toetsenbordroute")
    type_into(page, "#id_summary", "Alles met het toetsenbord.")
    tab_to(page, "input[name='visibility']")
    press_until(page, "ArrowUp", checked("input[name='visibility'][value='public']"))
    activate(page, "main form button[type='submit']")
    initiative = Initiative.objects.get(title="Toetsenbordroute")
    assert page.url.endswith(f"/initiatives/{initiative.pk}/canvas/edit/")

    # The canvas: a second goal through "Add a row", two tools ticked with Space.
    type_into(page, "#id_context-place", "Houten")
    type_into(page, "#id_goals-0-goal", "Kortere wachttijd")
    type_into(page, "#id_goals-0-why", "Mensen wachten weken")
    tab_to(page, "button[name='add_row'][value='goals']")
    add_canvas_row(page, "goals", press=lambda: page.keyboard.press("Enter"))
    page.keyboard.type("Meer vertrouwen")  # the new row has the focus
    for tool in ["personas", "journey_map"]:
        tab_to(page, f"input[name='tools-tools'][value='{tool}']")
        page.keyboard.press("Space")
        assert page.locator(f"input[name='tools-tools'][value='{tool}']").is_checked()
    activate(page, "button[name='save']")
    assert page.url.endswith(f"/initiatives/{initiative.pk}/canvas/")
    assert (
        t(lang, "Canvas saved as version %(n)d.") % {"n": 1}
        in page.locator(".messages").inner_text()
    )
    main = page.locator("main").inner_text()
    assert "Kortere wachttijd" in main and "Meer vertrouwen" in main

    # An activity: a select and a radio group with the arrow keys, a phase with Space.
    activate(page, f"nav.tabs a[href='{initiative.get_absolute_url()}']")
    activate(page, f"main a[href='/initiatives/{initiative.pk}/activities/new/']")
    type_into(page, "#id_title", "Werkplaats met het toetsenbord")
    tab_to(page, "#id_kind")
    press_until(page, "ArrowDown", "document.querySelector('#id_kind').value === 'workshop'")
    type_into(page, "#id_purpose", "Samen ontwerpen.")
    tab_to(page, "input[name='phases'][value='co_design']")
    page.keyboard.press("Space")
    tab_to(page, "input[name='setting']")
    press_until(page, "ArrowDown", checked("input[name='setting'][value='place']"))
    activate(page, "main form button[type='submit']")
    activity = Activity.objects.get(initiative=initiative)
    assert page.url.endswith(activity.get_absolute_url())
    assert activity.kind == "workshop" and activity.phases == ["co_design"]
    assert t(lang, "Activity added.") in page.locator(".messages").inner_text()
