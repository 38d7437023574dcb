"""The canvas prints on one A4 sheet for the workshop wall, with all six questions."""

import pytest

from constellate.initiatives.canvas import QUESTIONS
from tests.e2e.browser import login_as, switch_language, t, visit

pytestmark = pytest.mark.browser


def method_name(key: str, lang: str) -> str:
    """A method's name as the method library shows it in `lang`."""
    from django.utils import translation

    from constellate.core.registry import registry

    with translation.override(lang):
        return registry.method_catalogue.label(key)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_print_view_shows_all_six_questions_with_their_answers(
    page, facilitator, initiative, full_canvas, lang
):
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/canvas/")
    switch_language(page, lang)
    visit(page, f"/initiatives/{initiative.pk}/canvas/print/")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").inner_text() == initiative.title

    page.emulate_media(media="print")
    cells = page.locator("section.canvas-cell")
    assert cells.count() == 6
    for cell, question in zip(cells.all(), QUESTIONS, strict=True):
        assert cell.is_visible()
        assert t(lang, question.title) in cell.locator("h2").inner_text()
    answers = page.locator("main").inner_text()
    for text in [
        "Participatiewet",
        "Kortere wachttijd",
        "Gelijkwaardigheid",
        "Twee consulenten",
        "Delen versus beschermen",
        method_name("personas", lang),
    ]:
        assert text in answers
    assert not page.locator(".no-print").first.is_visible(), "screen-only hints do not print"
