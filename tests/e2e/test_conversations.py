"""A conversation with opinion groups, in Dutch and English: a participant joins through the
activity's link and votes on every statement with the keyboard alone (one statement at a
time; htmx swaps in the next one and puts the focus back on the buttons), adds a statement of
their own, and a facilitator then sees the opinion groups on the report, with the map and
the tables. Zero axe violations on every page."""

import pytest

from constellate.deliberation.choices import StatementStatus
from constellate.deliberation.models import OpinionResult, Statement, Vote
from constellate.deliberation.tests.factories import conversation_activity, planted_votes
from tests.e2e.browser import check_page, lands, login_as, switch_language, t, tab_to, visit

pytestmark = pytest.mark.browser


def _wait_for_progress(page, text: str) -> None:
    page.locator(".vote-progress", has_text=text).wait_for()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_participants_vote_by_keyboard_and_the_facilitator_sees_the_groups(
    new_page, initiative, facilitator, settings, lang
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    activity, conversation = conversation_activity(
        initiative=initiative, title="Gesprek over het loket", is_public=True, joining_open=True
    )
    conversation.topic = "Hoe kan het loket beter?"
    conversation.save()
    # Twenty people voted before: two planted groups.
    made, _groups = planted_votes(conversation, sizes=(10, 10), n_statements=5)
    total = len(made)

    page = new_page()
    visit(page, activity.get_join_url())
    switch_language(page, lang)
    tab_to(page, "main form button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    tab_to(page, "main a[href$='/conversation/']")
    with lands(page):
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Hoe kan het loket beter?"
    progress = t(lang, "Statement %(n)s of %(m)s") % {"n": 1, "m": total}
    assert page.inner_text(".vote-progress") == progress

    # One statement at a time: agree with the first half, disagree with the rest.
    tab_to(page, "main button[value='1']")
    for n in range(total):
        if n > 0:
            # After a vote the focus is back on "Agree" for the next statement.
            page.locator("main button[value='1']:focus").wait_for()
        if n >= 2:
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.value") == "-1"
        page.keyboard.press("Enter")
        if n + 1 < total:
            _wait_for_progress(page, f"{n + 2} ")
    page.locator(
        ".message",
        has_text=t(lang, "You voted on every statement. Thank you! New statements may come later."),
    ).wait_for()
    check_page(page)
    assert Vote.objects.filter(conversation=conversation).count() == 20 * total + total

    # Their own votes, which only they see (and may change).
    tab_to(page, "main a[href$='/conversation/mine/']")
    with lands(page):
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == t(lang, "Your votes")
    assert page.locator("main li.card").count() == total
    tab_to(page, "main a[href$='/conversation/']")
    with lands(page):
        page.keyboard.press("Enter")

    # Adding a statement of one's own: it waits for the team.
    tab_to(page, "main a[href$='/conversation/add/']")
    with lands(page):
        page.keyboard.press("Enter")
    tab_to(page, "#id_text")
    page.keyboard.type("Het loket moet ook op zaterdag open")
    tab_to(page, "main form button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    assert t(lang, "Thank you. The team checks your statement before others see it.") in (
        page.inner_text("main")
    )
    assert Statement.objects.get(text__startswith="Het loket moet ook op zaterdag").status == (
        StatementStatus.PENDING
    )

    # The facilitator sees the groups (computed by the task after the votes).
    assert OpinionResult.objects.filter(conversation=conversation).exists()
    staff = new_page()
    login_as(staff, facilitator)
    visit(staff, f"/activities/{activity.pk}/conversation/report/")
    switch_language(staff, lang)
    assert staff.locator("h1").inner_text() == t(lang, "Opinion groups")
    main = staff.inner_text("main")
    assert t(lang, "Group %(letter)s") % {"letter": "A"} in main
    assert t(lang, "Group %(letter)s") % {"letter": "B"} in main
    assert staff.locator("svg.opinion-map").count() == 1
    assert staff.locator("section.opinion-group table").count() == 2
    # The moderation queue holds the new statement; accepting it by keyboard.
    visit(staff, f"/activities/{activity.pk}/conversation/moderation/")
    tab_to(staff, "main button[value='accept']")
    with lands(staff):
        staff.keyboard.press("Enter")
    assert Statement.objects.get(text__startswith="Het loket moet ook op zaterdag").status == (
        StatementStatus.ACCEPTED
    )
