"""The issue's whole path, with the keyboard alone: a facilitator records two stakeholders (one of a target group) and a
contact, and makes a referral link shared by one of them; a participant without an account
(a fresh browser, on a phone) suggests two more people through that link with the keyboard
alone, saying which group one of them belongs to; the register shows them as suggested,
introduced by the right stakeholder; the network map and the who-is-missing view change
accordingly; the follow-up waits on the facilitator's dashboard. In Dutch and in English,
every page checked by axe-core."""

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


C, J = "Huurders blok C", "Jongeren"


def choose(page, selector: str, value: str) -> None:
    """Pick an option of a select with the keyboard: Tab to it, Home, then arrows."""
    tab_to(page, selector)
    page.keyboard.press("Home")
    press_until(page, "ArrowDown", f"document.querySelector({selector!r}).value === {value!r}")


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def submit(page, selector: str = "main form[method='post'] button[type='submit']") -> None:
    tab_to(page, selector)
    with lands(page):
        page.keyboard.press("Enter")


def add_stakeholder(
    page, lang, initiative, *, name, kind, entity="person", introduced_by=None, group=""
):
    """The facilitator adds a stakeholder with the keyboard alone."""
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/")
    tab_to(page, f"main a[href='/initiatives/{initiative.pk}/stakeholders/new/']")
    with lands(page):
        page.keyboard.press("Enter")
    tab_to(page, "input[name=entity]")
    press_until(page, "ArrowDown", f"document.querySelector('input[value={entity}]').checked")
    type_into(page, "#id_name", name)
    choose(page, "#id_kind", kind)
    if group:
        choose(page, "#id_target_group", group)
    tab_to(page, "#id_roles input[value=user]")
    page.keyboard.press("Space")
    type_into(page, "#id_strengths", "Kent de buurt")
    page.keyboard.press("Enter")
    page.keyboard.type("Spreekt Arabisch")
    if introduced_by is not None:
        choose(page, "#id_introduced_by", str(introduced_by.pk))
    submit(page)
    assert page.locator("h1").inner_text() == name
    return Stakeholder.objects.get(name=name)


def suggest_with_keyboard(page, *, name, reason, group=False, target_group_index=None):
    if group:
        tab_to(page, "#id_entity_0")
        press_until(page, "ArrowDown", "document.querySelector('#id_entity_1').checked")
    tab_to(page, "#id_name")
    page.keyboard.type(name)
    tab_to(page, "#id_reason")
    page.keyboard.type(reason)
    if target_group_index is not None:
        # Into the radio group with Tab, then to the group with the arrow keys.
        tab_to(page, "#id_target_group_0")
        press_until(
            page,
            "ArrowDown",
            f"document.querySelector('#id_target_group_{target_group_index}').checked",
        )
    tab_to(page, "main form button[type=submit]")
    with lands(page):
        page.keyboard.press("Enter")


def map_list(page, lang, initiative) -> str:
    """The network map page's list view (the same information as the picture)."""
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/map/")
    assert page.locator("figure.network-map svg").count() == 1
    check_page(page)
    return page.locator("main table").inner_text()


def missing_row(page, lang, initiative, group) -> str:
    visit(page, f"/initiatives/{initiative.pk}/missing/")
    row = page.locator("#groups + .table-wrap table tr").filter(
        has=page.locator("th", has_text=group)
    )
    check_page(page)
    return row.inner_text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_snowball_from_facilitator_to_referral_link_and_back(
    new_page, initiative, facilitator, settings, lang
):
    # The map's layout task runs at once, as a worker would run it in the background.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    initiative.target_groups = [C, J]
    initiative.save()
    page = new_page()
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/")
    switch_language(page, lang)
    tab_to(page, f"nav.tabs a[href='/initiatives/{initiative.pk}/stakeholders/']")
    with lands(page):
        page.keyboard.press("Enter")

    yusuf = add_stakeholder(page, lang, initiative, name="Yusuf Amrani", kind="resident", group=J)
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
    choose(page, "#id_contact-kind", "visit")
    type_into(page, "#id_contact-outcome", "Wil meedenken over het loket.")
    type_into(page, "#id_contact-next_step", "Uitnodiging voor de werkplaats brengen")
    # The browser's own date control: its segments depend on the browser's locale, so the
    # date is set directly; the rest of the form is filled and sent with the keyboard.
    page.locator("#id_contact-follow_up_on").fill(follow_up.isoformat())
    submit(page, "form[action$='/contacts/new/'] button[type='submit']")
    assert "Uitnodiging voor de werkplaats brengen" in page.locator("main").inner_text()

    # Before the referrals: two on the map; the visit counts for the young people, and
    # nobody of block C is known yet.
    before = map_list(page, lang, initiative)
    assert "Yusuf Amrani" in before and "Oma Jet" not in before
    young = missing_row(page, lang, initiative, J)
    assert young.split("\t")[1] == "1" and t(lang, "Reached") in young
    block_c = missing_row(page, lang, initiative, C)
    assert t(lang, "Missing") in block_c and block_c.split("\t")[-1] == "0"

    # A referral link that Yusuf shares.
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/referrals/")
    choose(page, "#id_stakeholder", str(yusuf.pk))
    type_into(page, "#id_label", "Marktdag")
    submit(page)
    link = page.locator("main input[readonly]").first.input_value()
    assert "/suggest/" in link

    # Someone without an account, in a fresh browser, on a phone, keyboard only.
    guest = new_page(viewport={"width": 360, "height": 740})
    visit(guest, link)
    switch_language(guest, lang)
    assert guest.locator("h1").inner_text() == t(lang, "Who else should we talk to?")
    assert "Yusuf" not in guest.locator("main").inner_text()
    suggest_with_keyboard(
        guest, name="Oma Jet", reason="Kent iedereen in de flat", target_group_index=1
    )
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
    assert Stakeholder.objects.get(name="Oma Jet").target_group == C

    # The map now holds the two new people, reached via Yusuf.
    after = map_list(page, lang, initiative)
    assert "Oma Jet" in after and "Repaircafé Houten" in after
    oma = page.locator("main table tr").filter(has=page.locator("th", has_text="Oma Jet"))
    assert "Yusuf Amrani" in oma.inner_text()

    # Who is missing: block C is still missing, but now someone of it is known to reach.
    block_c = missing_row(page, lang, initiative, C)
    assert t(lang, "Missing") in block_c
    assert block_c.split("\t")[-1].startswith("1 ")
    tab_to(page, "#flags ~ ul.missing-list a")
    with lands(page):
        page.keyboard.press("Enter")
    assert page.locator("main table tbody tr").count() == 1
    assert "Oma Jet" in page.locator("main table").inner_text()
    check_page(page)

    # The follow-up waits on the dashboard.
    visit(page, "/dashboard/")
    assert "Uitnodiging voor de werkplaats brengen" in page.locator("main").inner_text()
    check_page(page)
