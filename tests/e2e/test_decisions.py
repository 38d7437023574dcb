"""The decision log and "you said, we did", keyboard only, in Dutch and English: a
facilitator records a decision (Dutch), adds a milestone and marks it done, finds a story
with the search and links it as partly taken up with a reason; the teller (a fresh browser
with only their private link, English) sees what became of their story; the public "You
said, we did" page shows the decision and what it rests on, counted, in both languages.
Zero axe violations on every page."""

import pytest

from constellate.decisions.models import Decision, EvidenceLink
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.stories.choices import Audience
from constellate.stories.tests.factories import told_story
from tests.e2e.browser import lands, login_as, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser

TITLE = "Spreekuur in de bibliotheek"
REASON = "Eerst alleen op dinsdag."


def _enter(page, selector: str) -> None:
    tab_to(page, selector)
    with lands(page):
        page.keyboard.press("Enter")


def _type(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_a_decision_linked_to_a_story_reaches_the_teller_and_the_public(
    new_page, initiative, facilitator
):
    activity = ActivityFactory(
        initiative=initiative,
        title="Verhalen uit de wijk",
        kind=ActivityKind.STORY_GATHERING,
        purpose="Waar vond u hulp?",
    )
    story, secret = told_story(
        activity, text="In de bibliotheek hielp een vrijwilliger mij.", audience=Audience.PUBLIC
    )
    page = new_page(locale="en-US")
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/decisions/")
    switch_language(page, "nl")

    # Record the decision.
    _enter(page, f"main a[href='/initiatives/{initiative.pk}/decisions/new/']")
    assert page.locator("h1").inner_text() == t("nl", "Record a decision")
    _type(page, "#id_title", TITLE)
    _type(page, "#id_text", "Elke dinsdag helpt een consulent je in de bibliotheek.")
    tab_to(page, "#id_decided_on")
    page.keyboard.type("05022026")
    _type(page, "#id_decided_by", "Het team met het bewonerspanel")
    tab_to(page, "#id_participation_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_status")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_status").input_value() == "in_progress"
    _type(page, "#id_percent_done", "40")
    _enter(page, "main form button[type='submit']")
    decision = Decision.objects.get(initiative=initiative)
    assert (decision.participation, decision.status, decision.percent_done) == (
        "co_decided",
        "in_progress",
        40,
    )
    assert str(decision.decided_on) == "2026-05-02"
    assert page.locator("h1").inner_text() == TITLE

    # A milestone, then marked done.
    _type(page, "#id_milestone-title", "Eerste spreekuur")
    tab_to(page, "#id_milestone-due_on")
    page.keyboard.type("06012026")
    _enter(page, f"form[action='/decisions/{decision.pk}/milestones/'] button")
    milestone = decision.milestones.get()
    _enter(
        page,
        f"form[action='/decisions/{decision.pk}/milestones/{milestone.pk}/'] button[name='done']",
    )
    milestone.refresh_from_db()
    assert milestone.done

    # Find the story and link it: partly taken up, with the reason.
    _type(page, "#id_q", "bibliotheek")
    _enter(page, "main form[role='search'] button")
    tab_to(page, f"input[name='items'][value='story:{story.pk}']")
    page.keyboard.press("Space")
    tab_to(page, "#id_outcome_0")
    page.keyboard.press("ArrowDown")
    _type(page, "#id_reason", REASON)
    _enter(page, f"form[action='/decisions/{decision.pk}/evidence/'] button")
    link = EvidenceLink.objects.get(decision=decision)
    assert (link.object_id, link.outcome, link.reason) == (story.pk, "partly", REASON)
    assert REASON in page.locator(f"#link-{link.pk}").inner_text()

    # The teller, in a browser of their own, sees what became of their story.
    teller = new_page()
    visit(teller, f"/my-story/{secret}/")
    switch_language(teller, "en")
    path = teller.locator("section[aria-labelledby='path-title']").inner_text()
    assert TITLE in path and REASON in path
    assert t("en", "Partly taken up").lower() in path
    assert t("en", "In progress").lower() in path

    # The public "You said, we did" page, reached from the initiative's public page.
    visit(teller, initiative.get_public_url())
    _enter(teller, f"main a[href='/p/{initiative.pk}/{initiative.slug}/decisions/']")
    main = teller.locator("main").inner_text()
    assert TITLE in main and "Stories: 1" in main
    assert story.text not in main  # counted, never shown
    switch_language(teller, "nl")
    assert TITLE in teller.locator("main").inner_text()
    _enter(teller, f"main a[href='/p/{initiative.pk}/{initiative.slug}/decisions/{decision.pk}/']")
    assert teller.locator("h1").inner_text() == TITLE
    assert "Eerste spreekuur" in teller.locator("main").inner_text()
