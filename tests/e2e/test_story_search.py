"""The team searches the Stories list with the keyboard alone: a word finds the story that
holds it and no other, "show all stories" brings the whole list back, and a search that finds
nothing says so. In Dutch and in English, every page checked by axe-core."""

import pytest

from constellate.stories.tests.factories import gathering_activity, told_story
from tests.e2e.browser import check_page, lands, login_as, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser


def _search(page, words: str) -> None:
    tab_to(page, "#id_q")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(words)
    tab_to(page, "form[role=search] button[type=submit]")
    with lands(page):
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_team_finds_a_story_by_a_word_in_it(new_page, initiative, facilitator, lang):
    activity = gathering_activity(initiative=initiative, title="Verhalen uit de wijk")
    told_story(activity, text="De bus naar het werkplein rijdt niet meer op zondag.")
    told_story(activity, text="Bij het loket kreeg ik drie keer een ander antwoord.")
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/stories/")
    switch_language(page, lang)
    rows = page.locator("main table tbody tr")
    assert rows.count() == 2

    _search(page, "werkplein")
    assert rows.count() == 1
    assert "bus naar het werkplein" in rows.first.inner_text()
    check_page(page)

    _search(page, "fietsenstalling")
    assert rows.count() == 0
    assert t(lang, "No stories found that you may see. Try other words or fewer filters.") in (
        page.locator("main").inner_text()
    )
    check_page(page)

    tab_to(page, f"form[role=search] a[href='/initiatives/{initiative.pk}/stories/']")
    with lands(page):
        page.keyboard.press("Enter")
    assert rows.count() == 2
