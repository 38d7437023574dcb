"""A shared budget, keyboard only, with axe on every page: a participant on a phone-sized
screen joins through the activity's link (in Dutch), ticks projects with the space bar and
sees what is left as they go, tries to hand in a choice over the budget and reads by how
much, takes one project off and hands in within the budget. The facilitator publishes the
results (in English); the participant then reads them, with the counting rule explained,
in English."""

import pytest
from django.utils import translation

from constellate.deliberation.models import Ballot
from constellate.deliberation.services_budgets import euros, overspend_message
from constellate.deliberation.tests.factories_budgets import ballots, budget_activity
from tests.e2e.browser import (
    check_page,
    lands,
    login_as,
    no_horizontal_scroll,
    switch_language,
    t,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}


def _in(lang, function, **kwargs):
    with translation.override(lang):
        return function(**kwargs)


def test_a_participant_shares_a_budget_by_keyboard_and_reads_the_results(
    new_page, initiative, facilitator
):
    activity, budget, (bench, playground, party) = budget_activity(
        initiative=initiative,
        title="Buurtbudget Schoonoord",
        total=12_500,
        projects=[("Bankjes in het park", 3000), ("Speeltuin", 8000), ("Buurtfeest", 2500)],
        is_public=True,
        joining_open=True,
    )
    # Five neighbours chose before.
    ballots(budget, [[playground, party]] * 3 + [[bench, party]] * 2)

    # The participant, in Dutch, on a phone.
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    visit(page, activity.get_join_url())
    switch_language(page, "nl")
    tab_to(page, "main form button[type='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    tab_to(page, "main a[href$='/budget/']")
    with lands(page):
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Buurtbudget Schoonoord"
    no_horizontal_scroll(page)

    # Ticking all three: the summary (swapped in by htmx) says how much is too much.
    summary = page.locator("#budget-summary")
    for project in (bench, playground, party):
        tab_to(page, f"#project-{project.pk}")
        page.keyboard.press("Space")
    too_much = t("nl", "%(over)s too much.") % {"over": _in("nl", euros, amount=1000)}
    summary.get_by_text(too_much).wait_for()

    # Handing it in anyway: refused with the amount, nothing saved.
    tab_to(page, "main button[name='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    message = _in("nl", overspend_message, total=13_500, budget_total=12_500)
    assert message in page.inner_text("#budget-error")
    assert Ballot.objects.filter(budget=budget).count() == 5

    # Taking the playground off: what is left is shown, and the choice is handed in.
    tab_to(page, f"#project-{playground.pk}")
    page.keyboard.press("Space")
    left = t("nl", "Left: %(left)s.") % {"left": _in("nl", euros, amount=7000)}
    summary.get_by_text(left).wait_for()
    tab_to(page, "main button[name='submit']")
    with lands(page):
        page.keyboard.press("Enter")
    assert t("nl", "Your choice is saved. You can change it below.") in page.inner_text("main")
    assert Ballot.objects.filter(budget=budget).count() == 6
    assert page.locator(f"#project-{bench.pk}").is_checked()
    assert not page.locator(f"#project-{playground.pk}").is_checked()

    # The facilitator publishes the results, in English.
    staff = new_page()
    login_as(staff, facilitator)
    visit(staff, f"/activities/{activity.pk}/budget/")
    switch_language(staff, "en")
    tab_to(staff, "main button[name='published'][value='1']")
    with lands(staff):
        staff.keyboard.press("Enter")
    assert t("en", "The results are published.") in staff.inner_text("main")

    # The participant reads the results in English, with the counting rule explained.
    switch_language(page, "en")
    tab_to(page, "main a[href$='/budget/results/']")
    with lands(page):
        page.keyboard.press("Enter")
    no_horizontal_scroll(page)
    main = page.inner_text("main")
    assert t("en", "How the choices are counted") in main
    assert t("en", "Most supporters first") in main
    rows = page.locator("main tbody tr")
    # The party (6 supporters) is funded: 10,000 left. The bench and the playground have 3
    # each; the cheaper bench goes first and is funded: 7,000 left. The playground (8,000) no
    # longer fits.
    assert rows.nth(0).inner_text().startswith("Buurtfeest")
    assert "Bankjes in het park" in rows.nth(1).inner_text()
    assert t("en", "Funded") in rows.nth(1).inner_text()
    assert "Speeltuin" in rows.nth(2).inner_text()
    skipped = t("en", "Not funded: did not fit in the %(left)s that was left") % {
        "left": _in("en", euros, amount=7000)
    }
    assert skipped in rows.nth(2).inner_text()
    check_page(page)
