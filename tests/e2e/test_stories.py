"""Assisted entry, in Dutch and in English: a community reporter enters a story told by phone
with the teller's consent. (A participant telling a story on a phone is part of
test_story_path.py.) Keyboard only, zero axe violations on every page."""

import pytest

from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.stories.models import Story
from tests.e2e.browser import lands, press_until, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
TEXT = {
    "nl": "Bij het loket moest ik drie keer mijn verhaal doen.",
    "en": "At the desk I had to tell my story three times.",
}


def _press_enter_on(page, selector: str, status: int = 200) -> None:
    tab_to(page, selector)
    with lands(page, status=status):
        page.keyboard.press("Enter")


def _choose(page, radio_id: str) -> None:
    """Into the radio group with Tab, then to the wanted answer with the arrow keys."""
    name = radio_id.removeprefix("id_").rsplit("_", 1)[0]
    tab_to(page, f"input[name='{name}']")
    page.keyboard.press("Space")
    press_until(page, "ArrowDown", f"document.getElementById('{radio_id}').checked")


@pytest.fixture
def story_storage_e2e(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "stories": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "stories"), "base_url": "/no-public-url/"},
        },
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_reporter_enters_a_story_for_someone_and_the_team_reads_it(
    new_page, organisation, facilitator, initiative, lang
):
    """A community reporter enters a story told by phone, with the teller's consent; the
    lead finds it under the Stories tab. Keyboard only, zero axe violations."""
    from constellate.accounts.roles import InitiativeRole, OrgRole
    from constellate.accounts.tests.factories import member
    from constellate.initiatives.tests.factories import InitiativeMembershipFactory
    from tests.e2e.browser import login_as

    activity = ActivityFactory(
        initiative=initiative,
        title="Verhalen van het loket",
        kind=ActivityKind.STORY_GATHERING,
        purpose="Wat gebeurde er de laatste keer dat u hulp vroeg?",
    )
    reporter = member(organisation, OrgRole.REPORTER, display_name="Rik Verslag")
    InitiativeMembershipFactory(initiative=initiative, user=reporter, role=InitiativeRole.REPORTER)
    page = new_page()
    login_as(page, reporter)
    visit(page, f"/initiatives/{initiative.pk}/stories/")
    switch_language(page, lang)
    _press_enter_on(page, f"main a[href='/activities/{activity.pk}/stories/new/']")
    assert page.locator("h1").inner_text() == t(lang, "Enter a story for someone")
    _choose(page, "id_channel_1")  # by phone
    tab_to(page, "#id_text")
    page.keyboard.type(TEXT[lang])
    _choose(page, "id_audience_0")  # the team only
    _choose(page, "id_analysis_0")
    _choose(page, "id_quotes_1")
    _press_enter_on(page, "main form button[type='submit']")  # refused: no agreement yet
    assert page.locator(".error-summary").is_visible()
    assert not Story.all_objects.exists()
    tab_to(page, "#id_teller_agreed")
    page.keyboard.press("Space")
    _press_enter_on(page, "main form button[type='submit']")
    assert page.locator("h1").inner_text() == t(lang, "Story saved")
    assert "/my-story/" in page.locator("#story-link").input_value()

    story = Story.objects.get()
    assert story.channel == "phone" and story.recorded_by == reporter

    lead = new_page()
    login_as(lead, facilitator)
    visit(lead, f"/initiatives/{initiative.pk}/")
    switch_language(lead, lang)
    with lands(lead):
        lead.get_by_role("navigation", name=t(lang, "Parts of this initiative")).get_by_role(
            "link", name=t(lang, "Stories")
        ).click()
    _press_enter_on(lead, f"main a[href='/stories/{story.pk}/']")
    assert TEXT[lang] in lead.locator("main").inner_text()
