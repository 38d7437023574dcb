"""An idea round, keyboard only, with zero axe violations on every page: a participant on a
phone-sized screen joins through the activity's link and proposes an idea (in Dutch); the
facilitator publishes it from the moderation queue; another participant on a phone supports
it (in English); the facilitator gives the official response (in English), which the first
participant then reads on the idea (in Dutch)."""

import pytest

from constellate.deliberation.choices import IdeaModeration, IdeaStatus
from constellate.deliberation.models import Idea
from constellate.deliberation.tests.factories import idea_round_activity
from tests.e2e.browser import check_page, lands, login_as, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
TITLE = "Een leeshoek bij het raam"


def _join(page, activity, lang):
    visit(page, activity.get_join_url())
    switch_language(page, lang)
    tab_to(page, "main form button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")


def test_participants_propose_and_support_an_idea_and_the_team_responds(
    new_page, initiative, facilitator
):
    activity, idea_round = idea_round_activity(
        initiative=initiative, title="Ideeën voor de bibliotheek", is_public=True, joining_open=True
    )
    idea_round.question = "Hoe wordt de bibliotheek gezelliger?"
    idea_round.save()

    # A participant on a phone proposes an idea, in Dutch.
    alice = new_page(viewport=PHONE)
    _join(alice, activity, "nl")
    tab_to(alice, "main a[href$='/ideas/new/']")
    with lands(alice):
        alice.keyboard.press("Enter")
    tab_to(alice, "#id_title")
    alice.keyboard.type(TITLE)
    tab_to(alice, "#id_description")
    alice.keyboard.type("Met een paar stoelen en een lamp, zodat je rustig kunt lezen.")
    tab_to(alice, "main form button[type='submit']")
    with lands(alice):
        alice.keyboard.press("Enter")
    assert t("nl", "Thank you. The team checks your idea before others see it.") in (
        alice.inner_text("main")
    )
    idea = Idea.objects.get(title=TITLE)
    assert idea.moderation == IdeaModeration.PENDING

    # The facilitator publishes it from the moderation queue.
    staff = new_page()
    login_as(staff, facilitator)
    visit(staff, f"/activities/{activity.pk}/ideas/moderation/")
    switch_language(staff, "en")
    tab_to(staff, "main button[value='publish']")
    with lands(staff):
        staff.keyboard.press("Enter")
    idea.refresh_from_db()
    assert idea.moderation == IdeaModeration.PUBLISHED

    # Another participant on a phone supports it, in English.
    bob = new_page(viewport=PHONE)
    _join(bob, activity, "en")
    tab_to(bob, "main a.button[href$='/ideas/']")
    with lands(bob):
        bob.keyboard.press("Enter")
    assert TITLE in bob.inner_text("main")
    tab_to(bob, "main button[value='support']")
    with lands(bob):
        bob.keyboard.press("Enter")
    main = bob.inner_text("main")
    assert t("en", "Thank you for your support.") in main and "1 support" in main
    idea.refresh_from_db()
    assert idea.support_count == 1

    # The facilitator gives the official response.
    visit(staff, f"/activities/{activity.pk}/ideas/")
    tab_to(staff, f"main a[href$='/ideas/{idea.pk}/']")
    with lands(staff):
        staff.keyboard.press("Enter")
    tab_to(staff, "#id_status")
    staff.keyboard.press("ArrowDown")
    staff.keyboard.press("ArrowDown")
    assert staff.eval_on_selector("#id_status", "el => el.value") == IdeaStatus.TAKEN_UP
    tab_to(staff, "#id_response")
    staff.keyboard.type("We zetten de leeshoek in maart neer.")
    tab_to(staff, "main button[name='respond']")
    with lands(staff):
        staff.keyboard.press("Enter")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.TAKEN_UP

    # The first participant reads the response on the idea.
    visit(alice, f"/join/{activity.join_token}/ideas/")
    tab_to(alice, f"main a[href$='/ideas/{idea.pk}/']")
    with lands(alice):
        alice.keyboard.press("Enter")
    main = alice.inner_text("main")
    assert t("nl", "Response of the team") in main
    assert "We zetten de leeshoek in maart neer." in main
    assert t("nl", "Taken up") in main
    check_page(alice)
