"""Mobilising stories, in Dutch and in English, keyboard only: a lead builds a package with a
story and an insight and publishes it, records a conversation of change about it with an
action linked to the story, and the teller (a fresh browser with only the private link) sees
the path of their story, then withdraws it, after which the package and the conversation no
longer hold it and say so. Zero axe violations on every page."""

import pytest

from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.stories import services_curation
from constellate.stories.models import ChangeAction, ChangeConversation, Package
from constellate.stories.tests.factories import told_story
from tests.e2e.browser import lands, login_as, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser

TEXT = {
    "nl": "Het buurthuis was de enige plek waar ik hulp kreeg.",
    "en": "The community centre was the only place where I got help.",
}
INSIGHT = {"nl": "Het buurthuis vangt op", "en": "The community centre catches people"}
PACKAGE = {"nl": "Verhalen over het buurthuis", "en": "Stories about the community centre"}
CONVERSATION = {"nl": "Gesprek in de wijk", "en": "Conversation in the neighbourhood"}
ACTION = {"nl": "Het buurthuis langer open", "en": "Keep the community centre open longer"}


def _enter(page, selector: str) -> None:
    tab_to(page, selector)
    with lands(page):
        page.keyboard.press("Enter")


def _type(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_package_and_a_conversation_of_change_reach_the_teller(
    new_page, initiative, facilitator, lang
):
    activity = ActivityFactory(
        initiative=initiative,
        title="Verhalen uit de wijk",
        kind=ActivityKind.STORY_GATHERING,
        purpose="Waar vond u hulp?",
    )
    story, secret = told_story(activity, text=TEXT[lang])
    insight = services_curation.insight_save(
        initiative=initiative,
        actor=facilitator,
        title=INSIGHT[lang],
        text="Mensen vinden hulp dichtbij." if lang == "nl" else "People find help nearby.",
        stories=[story],
    )
    page = new_page(locale="en-US")
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/packages/")
    switch_language(page, lang)

    # A package with the story and the insight, then published.
    _enter(page, f"main a[href='/initiatives/{initiative.pk}/packages/new/']")
    assert page.locator("h1").inner_text() == t(lang, "Make a package")
    _type(page, "#id_title", PACKAGE[lang])
    tab_to(page, f"input[name='stories'][value='{story.pk}']")
    page.keyboard.press("Space")
    tab_to(page, f"input[name='insights'][value='{insight.pk}']")
    page.keyboard.press("Space")
    _enter(page, "main form button[name='save']")
    package = Package.objects.get(initiative=initiative)
    assert page.locator("h1").inner_text() == PACKAGE[lang]
    _enter(page, f"form[action='/packages/{package.pk}/publish/'] button")
    package.refresh_from_db()
    assert package.is_published
    assert TEXT[lang] in page.locator("main").inner_text()
    assert INSIGHT[lang] in page.locator("main").inner_text()

    # The printable report: no navigation, the same content.
    visit(page, f"/packages/{package.pk}/print/")
    assert page.locator("nav").count() == 0
    assert TEXT[lang] in page.locator("main").inner_text()
    visit(page, f"/packages/{package.pk}/")

    # A conversation of change about the package.
    _enter(page, f"main a[href='/initiatives/{initiative.pk}/change-conversations/']")
    _enter(page, f"main a[href='/initiatives/{initiative.pk}/change-conversations/new/']")
    assert page.locator("h1").inner_text() == t(lang, "Record a conversation of change")
    _type(page, "#id_title", CONVERSATION[lang])
    _type(page, "#id_held_on", "06012026")
    tab_to(page, "#id_package")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_package").input_value() == str(package.pk)
    _type(page, "#id_other_groups", "Bewoners")
    _enter(page, "main form button[type='submit']")
    conversation = ChangeConversation.objects.get(initiative=initiative)
    assert conversation.package == package
    assert str(conversation.held_on) == "2026-06-01"

    # An action linked to the story.
    tab_to(page, "#actions-section summary")
    page.keyboard.press("Enter")
    _type(page, "#id_action-what", ACTION[lang])
    tab_to(page, f"input[name='action-stories'][value='{story.pk}']")
    page.keyboard.press("Space")
    _enter(
        page, f"form[action='/change-conversations/{conversation.pk}/actions/'] button[name='save']"
    )
    action = ChangeAction.objects.get(conversation=conversation)
    assert list(action.stories.all()) == [story]
    assert ACTION[lang] in page.locator(f"#action-{action.pk}").inner_text()

    # The teller, in a browser of their own, opens the private link.
    teller = new_page()
    visit(teller, f"/my-story/{secret}/")
    switch_language(teller, lang)
    path = teller.locator("section[aria-labelledby='path-title']").inner_text()
    assert INSIGHT[lang] in path
    assert PACKAGE[lang] in path
    assert CONVERSATION[lang] in path
    assert ACTION[lang] in path
    assert t(lang, "Open") in path

    # The teller withdraws: the story leaves the package and the conversation, which say so.
    _enter(teller, "main a[href$='/withdraw/']")
    tab_to(teller, "#id_confirm")
    teller.keyboard.press("Space")
    _enter(teller, "main form button[type='submit']")
    visit(page, f"/packages/{package.pk}/")
    main = page.locator("main").inner_text()
    assert TEXT[lang] not in main
    assert t(lang, "Places") in main  # the page still works
    package.refresh_from_db()
    assert package.stories_withdrawn == 1
    visit(page, f"/change-conversations/{conversation.pk}/")
    assert list(action.stories.all()) == []
    assert ACTION[lang] in page.locator("main").inner_text()
    conversation.refresh_from_db()
    assert conversation.stories_withdrawn == 1
