"""Curating with JavaScript: selecting words fills the quote form. (Coding, quotes and
insights with the keyboard are part of test_story_path.py.)"""

import pytest

from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.stories.models import Quote
from constellate.stories.tests.factories import told_story
from tests.e2e.browser import lands, login_as, tab_to, visit

pytestmark = pytest.mark.browser

TEXT = {
    "nl": "Ik moest drie keer terugkomen. Het loket was steeds dicht! Een buurvrouw hielp mij.",
    "en": "I had to come back three times. The desk was always closed! A neighbour helped me.",
}
QUOTE = {
    "nl": "Het loket was steeds dicht! Een buurvrouw hielp mij.",
    "en": "The desk was always closed! A neighbour helped me.",
}
THEME = {"nl": "Bereikbaarheid van het loket", "en": "Reaching the desk"}
INSIGHT = {"nl": "Het loket is te vaak dicht", "en": "The desk is closed too often"}


def _press_enter_on(page, selector: str) -> None:
    tab_to(page, selector)
    with lands(page):
        page.keyboard.press("Enter")


def test_selecting_words_in_the_story_fills_the_quote_form(new_page, initiative, facilitator):
    """With JavaScript, a passage selected in the numbered sentences fills the passage field;
    the server finds it in the text."""
    activity = ActivityFactory(
        initiative=initiative, title="Verhalen", kind=ActivityKind.STORY_GATHERING
    )
    story, _secret = told_story(activity, text=TEXT["en"])
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/stories/{story.pk}/curate/")
    page.evaluate(
        """() => {
            const range = document.createRange();
            range.setStartBefore(document.getElementById('sentence-2').firstChild);
            range.setEndAfter(document.getElementById('sentence-3').firstChild);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }"""
    )
    page.wait_for_function("document.getElementById('id_passage').value.length > 0")
    assert page.locator("#id_passage").input_value() == QUOTE["en"]
    _press_enter_on(page, "form[action$='/curate/quotes/'] button[type='submit']")
    assert Quote.objects.get(story=story).text == QUOTE["en"]
