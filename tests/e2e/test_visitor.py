"""A visitor without an account reads what is public and takes part, in Dutch and in English."""

import pytest

from tests.e2e.browser import html_lang, lands, switch_language, t, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_visitor_reads_public_pages_and_joins_an_activity_without_an_account(
    new_page, initiative, private_initiative, lang
):
    page = new_page()
    visit(page, "/")
    assert html_lang(page) == "nl", "without a language cookie the interface is Dutch"
    switch_language(page, lang)

    # The public list, reached through the main navigation.
    with lands(page):
        page.get_by_role("navigation", name=t(lang, "Main")).get_by_role(
            "link", name=t(lang, "Take part")
        ).click()
    assert page.url.endswith("/p/")
    assert page.locator("h1").inner_text() == t(lang, "Take part")
    cards = page.locator("main .card-list > li")
    assert cards.count() == 1, "only the public initiative is listed"
    assert private_initiative.title not in page.locator("main").inner_text()

    # The public page of the initiative, without signing in.
    with lands(page):
        page.get_by_role("link", name=initiative.title).click()
    assert page.url.endswith(initiative.get_public_url())
    assert page.locator("h1").inner_text() == initiative.title
    open_now = page.locator("section[aria-labelledby='how-title']")
    assert "Verhalen ophalen in de wijk" in open_now.inner_text()

    # Taking part: the activity's link, one button, and a welcome with a personal link.
    with lands(page):
        open_now.get_by_role("link", name=t(lang, "Take part")).click()
    assert "/join/" in page.url
    assert page.locator("h1").inner_text() == "Verhalen ophalen in de wijk"
    with lands(page):
        page.get_by_role("button", name=t(lang, "Yes, I want to take part")).click()
    assert page.url.endswith("/welcome/")
    assert page.locator("h1").inner_text() == t(lang, "Welcome!")
    personal_link = page.get_by_label(t(lang, "Personal link")).input_value()
    assert "/me/" in personal_link
    assert html_lang(page) == lang

    # The personal link brings the same pseudonymous participant to another browser.
    other = new_page()
    visit(other, personal_link)
    assert other.url.endswith("/me/")
    pseudonym = page.locator("main strong").first.inner_text()
    assert pseudonym in other.locator("main").inner_text()

    # A private initiative's public address looks like any page that does not exist.
    visit(page, private_initiative.get_public_url(), status=404)
    assert page.locator("h1").inner_text() == t(lang, "Page not found")
    assert private_initiative.title not in page.content()
