"""A facilitator records two stakeholders and a contact, and makes a referral link shared by
one of them; a participant without an account (a fresh browser) suggests two more people
through that link with the keyboard alone; the register shows them as suggested, introduced by
the right stakeholder, and the follow-up waits on the facilitator's dashboard. In Dutch and in
English, every page checked by axe-core."""

import datetime

import pytest
from django.utils import timezone

from constellate.stakeholders.models import Stakeholder
from tests.e2e.browser import (
    check_page,
    lands,
    login_as,
    press_until,
    switch_language,
    t,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser


def add_stakeholder(page, lang, initiative, *, name, kind, entity="person", introduced_by=None):
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/")
    with lands(page):
        page.get_by_role("link", name=t(lang, "Add a stakeholder")).click()
    page.locator(f"input[name=entity][value={entity}]").check()
    page.locator("#id_name").fill(name)
    page.locator("#id_kind").select_option(kind)
    page.locator("#id_roles input[value=user]").check()
    page.locator("#id_strengths").fill("Kent de buurt\nSpreekt Arabisch")
    if introduced_by is not None:
        page.locator("#id_introduced_by").select_option(str(introduced_by.pk))
    with lands(page):
        page.get_by_role("button", name=t(lang, "Save")).click()
    assert page.locator("h1").inner_text() == name
    return Stakeholder.objects.get(name=name)


def suggest_with_keyboard(page, *, name, reason, group=False):
    if group:
        tab_to(page, "#id_entity_0")
        press_until(page, "ArrowDown", "document.querySelector('#id_entity_1').checked")
    tab_to(page, "#id_name")
    page.keyboard.type(name)
    tab_to(page, "#id_reason")
    page.keyboard.type(reason)
    tab_to(page, "main form button[type=submit]")
    with lands(page):
        page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_snowball_from_facilitator_to_referral_link_and_back(
    new_page, initiative, facilitator, lang
):
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/")
    switch_language(page, lang)
    with lands(page):
        page.locator("nav.tabs").get_by_role("link", name=t(lang, "Stakeholders")).click()

    yusuf = add_stakeholder(page, lang, initiative, name="Yusuf Amrani", kind="resident")
    brug = add_stakeholder(
        page,
        lang,
        initiative,
        name="Buurthuis De Brug",
        kind="ngo",
        entity="organisation",
        introduced_by=yusuf,
    )
    assert "Yusuf Amrani" in page.locator("main").inner_text()  # reached via

    # A contact with Yusuf, with a follow-up tomorrow.
    visit(page, f"/stakeholders/{yusuf.pk}/")
    follow_up = timezone.localdate() + datetime.timedelta(days=1)
    page.locator("#id_contact-kind").select_option("visit")
    page.locator("#id_contact-outcome").fill("Wil meedenken over het loket.")
    page.locator("#id_contact-next_step").fill("Uitnodiging voor de werkplaats brengen")
    page.locator("#id_contact-follow_up_on").fill(follow_up.isoformat())
    with lands(page):
        page.get_by_role("button", name=t(lang, "Record the contact")).click()
    assert "Uitnodiging voor de werkplaats brengen" in page.locator("main").inner_text()

    # A referral link that Yusuf shares.
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/referrals/")
    page.locator("#id_stakeholder").select_option(str(yusuf.pk))
    page.locator("#id_label").fill("Marktdag")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Make the link")).click()
    link = page.locator("main input[readonly]").first.input_value()
    assert "/suggest/" in link

    # Someone without an account, in a fresh browser, on a phone, keyboard only.
    guest = new_page(viewport={"width": 360, "height": 740})
    visit(guest, link)
    switch_language(guest, lang)
    assert guest.locator("h1").inner_text() == t(lang, "Who else should we talk to?")
    assert "Yusuf" not in guest.locator("main").inner_text()
    suggest_with_keyboard(guest, name="Oma Jet", reason="Kent iedereen in de flat")
    assert t(lang, "Thank you! We will get in touch with them. You can suggest someone else.") in (
        guest.locator("body").inner_text()
    )
    suggest_with_keyboard(guest, name="Repaircafé Houten", reason="Veel vrijwilligers", group=True)

    # The register shows both as suggested, introduced by Yusuf.
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/?status=suggested")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 2
    for n in range(2):
        text = rows.nth(n).inner_text()
        assert t(lang, "Suggested") in text and "Yusuf Amrani" in text
    assert {s.name for s in Stakeholder.objects.filter(introduced_by=yusuf)} == {
        "Buurthuis De Brug",
        "Oma Jet",
        "Repaircafé Houten",
    }
    assert Stakeholder.objects.get(name="Repaircafé Houten").entity == "group"
    assert brug.introduced_by_id == yusuf.pk

    # The follow-up waits on the dashboard.
    visit(page, "/dashboard/")
    assert "Uitnodiging voor de werkplaats brengen" in page.locator("main").inner_text()
    check_page(page)
