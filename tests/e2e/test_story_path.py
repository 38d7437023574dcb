"""Issue 5's whole path, in Dutch and in English, keyboard only, zero axe violations on every
page: a participant on a phone tells a story with a sound recording and gives consent; a
curator codes it with a theme, marks a quote and writes an insight; a package holds the story
and the insight; a conversation of change records an action that rests on the story; the
teller opens their private link on the phone and sees that path; then withdraws, after which
the story is gone from every page, the team's export, the package, the insight and the
conversation (which say what was withdrawn), and its recording is deleted."""

import os

import pytest

from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.stories import services
from constellate.stories.models import (
    ChangeAction,
    ChangeConversation,
    Insight,
    Package,
    Quote,
    Story,
    StoryCoding,
    StoryMedia,
    Theme,
)
from constellate.stories.tests.conftest import tiny_wav
from tests.e2e.browser import lands, login_as, press_until, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
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
PACKAGE = {"nl": "Verhalen over het loket", "en": "Stories about the desk"}
CONVERSATION = {"nl": "Gesprek in de wijk", "en": "Conversation in the neighbourhood"}
ACTION = {"nl": "Het loket langer open", "en": "Keep the desk open longer"}
PLACE = "Buurthuis De Linde"


def _enter(page, selector: str, status: int = 200) -> None:
    tab_to(page, selector)
    with lands(page, status=status):
        page.keyboard.press("Enter")


def _type(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def _choose(page, radio_id: str) -> None:
    """Into the radio group with Tab, then to the wanted answer with the arrow keys."""
    name = radio_id.removeprefix("id_").rsplit("_", 1)[0]
    tab_to(page, f"input[name='{name}']")
    page.keyboard.press("Space")
    press_until(page, "ArrowDown", f"document.getElementById('{radio_id}').checked")


def _tick(page, selector: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.locator(selector).is_checked()


def _export(page, initiative) -> str:
    """The team's CSV export, downloaded with the keyboard from the Stories list."""
    visit(page, f"/initiatives/{initiative.pk}/stories/")
    tab_to(page, f"main a[href='/initiatives/{initiative.pk}/stories/export.csv']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    with open(download.value.path(), encoding="utf-8-sig") as f:
        return f.read()


@pytest.fixture
def story_storage_e2e(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "stories": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "stories"), "base_url": "/no-public-url/"},
        },
    }


def _tell_on_a_phone(teller, activity, lang) -> str:
    """The participant's part: join, tell with a recording, consent, scales; the private link."""
    visit(teller, activity.get_join_url())
    switch_language(teller, lang)
    _enter(teller, "main form button[type='submit']")
    _enter(teller, "main a[href$='/story/']")
    assert teller.locator("h1").inner_text() == t(lang, "Tell your story")
    assert activity.purpose in teller.locator("main").inner_text()
    _type(teller, "#id_text", TEXT[lang])
    teller.locator("#id_media").set_input_files(
        {"name": "opname.wav", "mimeType": "audio/wav", "buffer": tiny_wav()}
    )
    _enter(teller, "main form button[type='submit']")
    assert teller.locator("h1").inner_text() == t(lang, "Your choices")
    _choose(teller, "id_audience_2")  # everyone, also on public pages
    _choose(teller, "id_analysis_0")  # yes
    _choose(teller, "id_quotes_0")  # yes
    _choose(teller, "id_place_1")  # the one place the initiative keeps
    _enter(teller, "main form button[type='submit']")
    assert teller.locator("h1").inner_text() == t(lang, "About your story")
    _choose(teller, "id_scale_feeling_1")  # bad
    _enter(teller, "main form button[type='submit']")
    assert teller.locator("h1").inner_text() == t(lang, "Thank you for your story")
    link = teller.locator("#story-link").input_value()
    assert "/my-story/" in link
    return link


def _curate(page, initiative, story, lang) -> tuple[Insight, Quote]:
    """The curator's part: a theme, the story coded, a quote, an insight on the quote."""
    _enter(page, f"main a[href='/initiatives/{initiative.pk}/curation/']")
    assert page.locator("h1").inner_text() == t(lang, "Curation workspace")
    _enter(page, f"main a[href='/stories/{story.pk}/curate/']")
    assert page.locator("main audio").count() == 1
    _enter(page, f"main a[href$='/curation/themes/new/?story={story.pk}']")
    _type(page, "#id_name", THEME[lang])
    _tick(page, "#id_kind_0")
    _enter(page, "main form button[type='submit']")
    theme = Theme.objects.get(initiative=initiative)
    _tick(page, f"input[name='themes'][value='{theme.pk}']")
    _enter(page, "form[action$='/curate/themes/'] button[type='submit']")
    assert StoryCoding.objects.filter(story=story, theme=theme).exists()
    tab_to(page, "#id_first")
    press_until(page, "ArrowDown", "document.getElementById('id_first').value === '2'")
    tab_to(page, "#id_last")
    press_until(page, "ArrowDown", "document.getElementById('id_last').value === '3'")
    _enter(page, "form[action$='/curate/quotes/'] button[type='submit']")
    quote = Quote.objects.get(story=story)
    assert quote.text == QUOTE[lang]
    _enter(page, f"main a[href$='/insights/new/?quote={quote.pk}']")
    _type(page, "#id_title", INSIGHT[lang])
    _type(page, "#id_text", "Mensen staan voor een dichte deur." if lang == "nl" else "Closed.")
    _enter(page, "main form button[type='submit']")
    insight = Insight.objects.get(initiative=initiative)
    assert QUOTE[lang] in page.locator(f"#insight-{insight.pk}").inner_text()
    return insight, quote


def _mobilise(page, initiative, story, insight, lang) -> tuple[Package, ChangeAction]:
    """A published package with the story and the insight; a conversation of change about it
    with an action resting on the story."""
    visit(page, f"/initiatives/{initiative.pk}/packages/")
    _enter(page, f"main a[href='/initiatives/{initiative.pk}/packages/new/']")
    assert page.locator("h1").inner_text() == t(lang, "Make a package")
    _type(page, "#id_title", PACKAGE[lang])
    _choose(page, "id_visibility_1")  # public
    _tick(page, f"input[name='stories'][value='{story.pk}']")
    _tick(page, f"input[name='insights'][value='{insight.pk}']")
    _enter(page, "main form button[name='save']")
    package = Package.objects.get(initiative=initiative)
    _enter(page, f"form[action='/packages/{package.pk}/publish/'] button")
    package.refresh_from_db()
    assert package.is_published
    assert TEXT[lang] in page.locator("main").inner_text()
    # The place the teller shared, on a map drawn on the server, with its table.
    assert page.locator("svg.place-map circle").count() == 1
    row = page.locator("table.place-map-table tbody tr")
    assert row.count() == 1 and PLACE in row.inner_text()
    assert row.locator(f"a[href='#package-story-{story.pk}']").count() == 1

    _enter(page, f"main a[href='/initiatives/{initiative.pk}/change-conversations/']")
    _enter(page, f"main a[href='/initiatives/{initiative.pk}/change-conversations/new/']")
    _type(page, "#id_title", CONVERSATION[lang])
    _type(page, "#id_held_on", "06012026")
    tab_to(page, "#id_package")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_package").input_value() == str(package.pk)
    _type(page, "#id_other_groups", "Bewoners")
    _enter(page, "main form button[type='submit']")
    conversation = ChangeConversation.objects.get(initiative=initiative)
    tab_to(page, "#actions-section summary")
    page.keyboard.press("Enter")
    _type(page, "#id_action-what", ACTION[lang])
    _tick(page, f"input[name='action-stories'][value='{story.pk}']")
    _enter(
        page, f"form[action='/change-conversations/{conversation.pk}/actions/'] button[name='save']"
    )
    action = ChangeAction.objects.get(conversation=conversation)
    assert list(action.stories.all()) == [story]
    return package, action


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_story_goes_from_its_teller_to_a_change_and_is_gone_when_withdrawn(
    new_page, initiative, facilitator, story_storage_e2e, lang
):
    activity = ActivityFactory(
        initiative=initiative,
        title="Verhalen van het loket",
        kind=ActivityKind.STORY_GATHERING,
        purpose="Wat gebeurde er de laatste keer dat u hulp vroeg?",
        is_public=True,
        joining_open=True,
    )
    services.place_save(initiative=initiative, name=PLACE, latitude=52.0283, longitude=5.1683)
    teller = new_page(**PHONE)
    link = _tell_on_a_phone(teller, activity, lang)
    story = Story.objects.get(activity=activity)
    assert story.place.name == PLACE
    media = StoryMedia.objects.get(story=story)
    assert media.medium == "audio" and os.path.exists(media.file.path)

    page = new_page(locale="en-US")
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/places/")  # the team's places
    switch_language(page, lang)
    assert PLACE in page.locator("main table").inner_text()
    visit(page, f"/initiatives/{initiative.pk}/stories/")
    assert TEXT[lang].split(".")[0] in page.locator("main table").inner_text()
    insight, _quote = _curate(page, initiative, story, lang)
    package, action = _mobilise(page, initiative, story, insight, lang)
    assert TEXT[lang] in _export(page, initiative)
    # The public reaches the package from the initiative's public page.
    public = new_page()
    visit(public, initiative.get_public_url())
    switch_language(public, lang)
    public_url = f"{initiative.get_public_url()}packages/{package.pk}/"
    _enter(public, f"main a[href='{public_url}']")
    assert TEXT[lang] in public.locator("main").inner_text()
    assert public.locator("svg.place-map circle").count() == 1

    # The teller, on the phone, sees the path of the story.
    visit(teller, link)
    path = teller.locator("section[aria-labelledby='path-title']").inner_text()
    for step in (INSIGHT[lang], PACKAGE[lang], CONVERSATION[lang], ACTION[lang], t(lang, "Open")):
        assert step in path

    # Then withdraws it.
    _enter(teller, "main a[href$='/withdraw/']")
    assert teller.locator("h1").inner_text() == t(lang, "Withdraw your story?")
    tab_to(teller, "#id_confirm")
    teller.keyboard.press("Space")
    _enter(teller, "main form button[type='submit']")
    assert teller.locator("h1").inner_text() == t(lang, "Your story is withdrawn")
    assert TEXT[lang] not in teller.content()
    assert not os.path.exists(media.file.path)
    assert not StoryMedia.objects.filter(pk=media.pk).exists()

    # Gone from every page the team and the public have, and from the export.
    visit(page, f"/initiatives/{initiative.pk}/stories/")
    assert TEXT[lang].split(".")[0] not in page.locator("main").inner_text()
    visit(page, f"/stories/{story.pk}/", status=404)
    visit(page, f"/stories/{story.pk}/curate/", status=404)
    for url in (f"/packages/{package.pk}/", f"/packages/{package.pk}/print/"):
        visit(page, url)
        assert TEXT[lang] not in page.locator("main").inner_text()
        assert page.locator("svg.place-map").count() == 0  # the place left the map at once
    assert page.locator("nav").count() == 0  # the printable report has no navigation
    visit(public, public_url)
    assert TEXT[lang] not in public.locator("main").inner_text()
    visit(page, f"/initiatives/{initiative.pk}/insights/")
    insight_text = page.locator(f"#insight-{insight.pk}").inner_text()
    assert QUOTE[lang] not in insight_text
    assert t(lang, "This insight has no evidence.") not in insight_text
    visit(page, f"/change-conversations/{action.conversation_id}/")
    main = page.locator("main").inner_text()
    assert ACTION[lang] in main and TEXT[lang] not in main
    assert list(action.stories.all()) == []
    # With no story left the list offers no download; the address gives only the headings.
    export = page.request.get(f"/initiatives/{initiative.pk}/stories/export.csv")
    assert export.ok and TEXT[lang] not in export.text()
    assert export.text().count("\n") == 1
