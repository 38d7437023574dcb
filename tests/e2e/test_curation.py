"""Curating a story, in Dutch and in English, keyboard only: a lead opens the curation
workspace from the Stories tab, reads a story, adds a theme and codes the story with it,
marks a quote by its sentences, and writes an insight linked to that quote, which the
insights page shows with the quote. Zero axe violations on every page."""

import pytest

from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.stories.models import Insight, Quote, StoryCoding, Theme
from constellate.stories.tests.factories import told_story
from tests.e2e.browser import lands, login_as, press_until, switch_language, t, tab_to, visit

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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_curator_codes_a_story_marks_a_quote_and_writes_an_insight(
    new_page, initiative, facilitator, lang
):
    activity = ActivityFactory(
        initiative=initiative,
        title="Verhalen van het loket",
        kind=ActivityKind.STORY_GATHERING,
        purpose="Wat gebeurde er de laatste keer dat u hulp vroeg?",
    )
    story, _secret = told_story(activity, text=TEXT[lang])
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/stories/")
    switch_language(page, lang)

    # The workspace, then the story's reading view.
    _press_enter_on(page, f"main a[href='/initiatives/{initiative.pk}/curation/']")
    assert page.locator("h1").inner_text() == t(lang, "Curation workspace")
    _press_enter_on(page, f"main a[href='/stories/{story.pk}/curate/']")
    assert (
        page.locator("#sentence-2").inner_text() == TEXT[lang].split("! ")[0].split(". ")[1] + "!"
    )

    # A new theme, then the story coded with it.
    _press_enter_on(page, f"main a[href$='/curation/themes/new/?story={story.pk}']")
    assert page.locator("h1").inner_text() == t(lang, "Add a theme")
    tab_to(page, "#id_name")
    page.keyboard.type(THEME[lang])
    tab_to(page, "input[name='kind']")
    page.keyboard.press("Space")
    assert page.evaluate("document.getElementById('id_kind_0').checked")
    _press_enter_on(page, "main form button[type='submit']")
    theme = Theme.objects.get(initiative=initiative)
    assert page.url.endswith(f"/stories/{story.pk}/curate/")
    tab_to(page, f"input[name='themes'][value='{theme.pk}']")
    page.keyboard.press("Space")
    _press_enter_on(page, "form[action$='/curate/themes/'] button[type='submit']")
    assert StoryCoding.objects.filter(story=story, theme=theme).exists()
    assert page.locator(f"input[name='themes'][value='{theme.pk}']").is_checked()

    # A quote: from sentence 2 to sentence 3, chosen with the keyboard.
    tab_to(page, "#id_first")
    press_until(page, "ArrowDown", "document.getElementById('id_first').value === '2'")
    tab_to(page, "#id_last")
    press_until(page, "ArrowDown", "document.getElementById('id_last').value === '3'")
    _press_enter_on(page, "form[action$='/curate/quotes/'] button[type='submit']")
    quote = Quote.objects.get(story=story)
    assert quote.text == QUOTE[lang]
    assert QUOTE[lang] in page.locator(f"#quote-{quote.pk}").inner_text()

    # An insight on the quote.
    _press_enter_on(page, f"main a[href$='/insights/new/?quote={quote.pk}']")
    assert page.locator("h1").inner_text() == t(lang, "Write an insight")
    assert page.locator(f"input[name='quotes'][value='{quote.pk}']").is_checked()
    tab_to(page, "#id_title")
    page.keyboard.type(INSIGHT[lang])
    tab_to(page, "#id_text")
    page.keyboard.type(
        "Mensen komen vaak voor een dichte deur."
        if lang == "nl"
        else "People often find the door closed."
    )
    _press_enter_on(page, "main form button[type='submit']")
    assert page.locator("h1").inner_text() == t(lang, "Insights")
    insight = Insight.objects.get(initiative=initiative)
    article = page.locator(f"#insight-{insight.pk}")
    assert INSIGHT[lang] in article.inner_text()
    assert QUOTE[lang] in article.inner_text()
    assert list(insight.quotes.all()) == [quote]


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
