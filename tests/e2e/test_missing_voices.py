"""Who is missing, in a real browser, in Dutch and in English: a facilitator sets the target
groups and the share expected of one of them, two people join an activity through its link
and say which group they see themselves in (one with the keyboard alone, one skipping nothing
but choosing with the mouse), the facilitator adds a door-to-door count, and the page flags
the group nobody came from and suggests the channels that reached the others. Every page
passes axe-core with zero violations; the facilitator's forms are used with the keyboard."""

import pytest

from constellate.participation.models import OfflineCount, Participation
from tests.e2e.browser import lands, press_until, sign_in, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser

C, J, OLD = "Huurders blok C", "Jongeren", "Ouderen"


def _type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text)


def _submit_with_keyboard(
    page, selector: str = "main form[method='post'] button[type='submit']", status: int = 200
):
    tab_to(page, selector)
    with lands(page, status=status):
        page.keyboard.press("Enter")


def join_with_the_mouse(new_page, lang, activity, group):
    page = new_page()
    visit(page, activity.get_join_url())
    switch_language(page, lang)
    assert page.get_by_role("group", name=t(lang, "Do you see yourself in one of these groups?"))
    page.get_by_label(group, exact=True).check()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Yes, I want to take part")).click()


def join_with_the_keyboard(new_page, lang, activity, group_index):
    page = new_page()
    visit(page, activity.get_join_url())
    switch_language(page, lang)
    # Into the radio group with Tab, then to the wanted group with the arrow keys.
    tab_to(page, "input[name='target_group']")
    page.keyboard.press("Space")
    press_until(page, "ArrowDown", f"document.querySelector('#join-group-{group_index}').checked")
    _submit_with_keyboard(page, "main form button[type='submit']")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_facilitator_sees_which_group_is_missing(page, new_page, facilitator, initiative, lang):
    activity = initiative.activities.get()
    sign_in(page, facilitator, lang)

    # The target groups, on the initiative's own form.
    visit(page, f"/initiatives/{initiative.pk}/edit/")
    _type_into(page, "#id_target_groups", f"{C}\n{J}\n{OLD}")
    _submit_with_keyboard(page)
    initiative.refresh_from_db()
    assert initiative.target_groups == [C, J, OLD]

    # The new tab, and the expected shares: half of the people concerned live in block C.
    with lands(page):
        page.get_by_role("navigation", name=t(lang, "Parts of this initiative")).get_by_role(
            "link", name=t(lang, "Who is missing")
        ).click()
    assert page.locator("h1").inner_text() == t(lang, "Who is missing")
    assert t(lang, "Nobody has taken part yet.") in page.locator("main").inner_text()
    with lands(page):
        page.get_by_role("link", name=t(lang, "Set expected shares")).click()
    _type_into(page, "#id_share_0", "150")
    _submit_with_keyboard(page)  # refused: more than 100, the form comes back with a message
    assert page.locator(".error-summary").is_visible()
    _type_into(page, "#id_share_0", "50")
    _submit_with_keyboard(page)
    assert t(lang, "Expected shares saved.") in page.locator(".messages").inner_text()

    # Two people join through the link, each saying their group.
    join_with_the_mouse(new_page, lang, activity, J)
    join_with_the_keyboard(new_page, lang, activity, 3)  # the third group: Ouderen
    assert sorted(Participation.objects.values_list("target_group", flat=True)) == [J, OLD]

    # A door-to-door round: 6 people, of whom 4 young people; nobody from block C.
    visit(page, f"/initiatives/{initiative.pk}/missing/counts/")
    _type_into(page, "#id_people", "6")
    _type_into(page, "#id_group_1", "4")
    _type_into(page, "#id_note", "Deur aan deur, Noord")
    _submit_with_keyboard(page)
    assert OfflineCount.objects.get().groups == {J: 4}
    assert "Deur aan deur, Noord" in page.locator("table").inner_text()

    # The view flags the missing group and suggests what reached the others.
    visit(page, f"/initiatives/{initiative.pk}/missing/")
    flags = page.locator(".missing-list > li")
    assert flags.count() == 1
    text = flags.first.inner_text()
    assert t(lang, "Nobody from “%(group)s” has taken part yet.") % {"group": C} in text
    assert J in text and OLD in text
    rows = page.locator("#groups ~ .table-wrap table tbody tr")
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(3)] == ["0", "5", "1"]
    assert page.locator("svg.participation-chart rect[fill]").count() >= 2
    # Per week instead of per month, with the keyboard.
    tab_to(page, "#id_per")
    press_until(page, "ArrowDown", "document.querySelector('#id_per').value === 'week'")
    tab_to(page, "form[method='get'] button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    assert "per=week" in page.url
