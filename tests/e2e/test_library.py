"""The method and case library in a real browser, in Dutch and English, without signing in:
open the library, filter the methods by element and phase with the keyboard alone, open a
method and its printable how-to, search the cases and open one. Every page passes axe-core."""

import pytest

from constellate.library import content
from constellate.library.choices import ELEMENT_LABELS
from tests.e2e.browser import (
    check_page,
    html_lang,
    lands,
    press_until,
    switch_language,
    t,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser

METHODS = {m["key"]: m for m in content.METHODS}
CASES = {c["key"]: c for c in content.CASES}


def _name(key: str, lang: str) -> str:
    return METHODS[key]["texts"][lang]["name"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_visitor_finds_a_method_by_element_and_phase_and_a_case_by_searching(new_page, lang):
    page = new_page()
    visit(page, "/")
    switch_language(page, lang)

    # The library from the main navigation, open to everyone.
    with lands(page):
        page.get_by_role("navigation", name=t(lang, "Main")).get_by_role(
            "link", name=t(lang, "Library")
        ).click()
    assert page.url.endswith("/library/")
    assert page.locator("h1").inner_text() == t(lang, "Method and case library")
    with lands(page):
        page.locator("main .actions a[href='/library/methods/']").click()
    assert page.locator("h1").inner_text() == t(lang, "Methods")

    # The filters with the keyboard alone: a phase and an element, then Enter on the button.
    tab_to(page, "#id_phase")
    press_until(page, "ArrowDown", "document.querySelector('#id_phase').value === 'co_design'")
    tab_to(page, "#id_element")
    press_until(page, "ArrowDown", "document.querySelector('#id_element').value === 'empathy'")
    tab_to(page, "main form.filters button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    assert "element=empathy" in page.url and "phase=co_design" in page.url
    expected = {
        k for k, m in METHODS.items() if "empathy" in m["elements"] and "co_design" in m["phases"]
    }
    links = page.locator("main .card-list h2 a")
    shown = {href.split("/")[-2] for href in links.evaluate_all("els => els.map(e => e.href)")}
    assert shown == expected and "journey_map" in shown
    assert page.locator("#id_element").input_value() == "empathy", "the form keeps the choice"

    # A method's page: purpose, steps, the element it serves and the cases that used it.
    with lands(page):
        page.get_by_role("link", name=_name("journey_map", lang), exact=True).click()
    assert page.url.endswith("/library/methods/journey_map/")
    assert page.locator("h1").inner_text() == _name("journey_map", lang)
    main = page.locator("main").inner_text()
    assert METHODS["journey_map"]["texts"][lang]["steps"][0] in main
    assert t(lang, ELEMENT_LABELS["empathy"]) in main
    assert page.locator("main ol.steps li").count() == len(
        METHODS["journey_map"]["texts"][lang]["steps"]
    )

    # The printable how-to: A4, without the site's navigation, hints hidden on paper.
    with lands(page):
        page.locator("main a[href='/library/methods/journey_map/print/']").click()
    assert html_lang(page) == lang
    assert page.locator("h1").inner_text() == _name("journey_map", lang)
    assert page.locator("nav").count() == 0
    page.emulate_media(media="print")
    assert page.locator("ol.steps li").first.is_visible()
    assert not page.locator(".no-print").first.is_visible()
    page.emulate_media(media="screen")

    # The cases: search, open one, and follow one of its methods.
    visit(page, "/library/cases/")
    assert page.locator("h1").inner_text() == t(lang, "Cases")
    page.get_by_role("searchbox", name=t(lang, "Search")).fill("hackathon")
    with lands(page):
        page.keyboard.press("Enter")
    cards = page.locator("main .card-list > li")
    assert cards.count() == 2
    turku = CASES["turku-youth"]["texts"][lang]["title"]
    with lands(page):
        page.get_by_role("link", name=turku).click()
    assert page.locator("h1").inner_text() == turku
    assert CASES["turku-youth"]["texts"][lang]["learnings"][0] in page.locator("main").inner_text()
    with lands(page):
        page.get_by_role("link", name=_name("personas", lang), exact=True).click()
    assert page.url.endswith("/library/methods/personas/")
    assert turku in page.locator("main").inner_text(), "the method page lists the case"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_library_pages_fit_a_small_screen(new_page, lang):
    page = new_page(viewport={"width": 320, "height": 640})
    visit(page, "/library/")
    switch_language(page, lang)
    for url in (
        "/library/methods/?element=power_shift",
        "/library/methods/open_space/",
        "/library/methods/open_space/print/",
        "/library/cases/",
        "/library/cases/hull-probation/",
    ):
        visit(page, url)
        check_page(page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_facilitator_adds_an_own_method_and_chooses_it_on_the_canvas(
    new_page, facilitator, initiative, lang
):
    from constellate.library.models import Method
    from tests.e2e.browser import login_as

    page = new_page()
    login_as(page, facilitator)
    visit(page, "/library/methods/")
    switch_language(page, lang)
    with lands(page):
        page.locator("main a[href='/library/methods/new/']").first.click()

    # Sending the empty form names what is missing, and saves nothing.
    with lands(page):
        page.locator("main form button[type='submit']").click()
    assert page.locator("#error-summary").is_visible()
    assert not Method.objects.filter(organisation__isnull=False).exists()

    page.locator("#id_nl_name").fill("Soep en praten")
    page.locator("#id_nl_purpose").fill("Buren praten bij een kom soep.")
    page.locator("#id_nl_steps").fill("Kook soep\nNodig de buren uit\nPraat over de buurt")
    page.locator("#id_en_name").fill("Soup and talk")
    page.locator("#id_en_purpose").fill("Neighbours talk over a bowl of soup.")
    page.locator("input[name='elements'][value='relationships_first']").check()
    with lands(page):
        page.locator("main form button[type='submit']").click()
    method = Method.objects.get(organisation=initiative.organisation)
    assert page.url.endswith(method.get_absolute_url())
    name = "Soep en praten" if lang == "nl" else "Soup and talk"
    assert page.locator("h1").inner_text() == name

    visit(page, f"/initiatives/{initiative.pk}/canvas/edit/")
    box = page.locator(f"input[name='tools-tools'][value='{method.key}']")
    box.check()
    with lands(page):
        page.locator("button[name='save']").click()
    with lands(page):
        page.get_by_role("link", name=name, exact=True).click()
    assert page.url.endswith(method.get_absolute_url())
