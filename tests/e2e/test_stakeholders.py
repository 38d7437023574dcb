"""The issue's whole path: a facilitator records two stakeholders (one of a target group) and a
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


def add_stakeholder(
    page, lang, initiative, *, name, kind, entity="person", introduced_by=None, group=""
):
    visit(page, f"/initiatives/{initiative.pk}/stakeholders/")
    with lands(page):
        page.get_by_role("link", name=t(lang, "Add a stakeholder")).click()
    page.locator(f"input[name=entity][value={entity}]").check()
    page.locator("#id_name").fill(name)
    page.locator("#id_kind").select_option(kind)
    page.locator("#id_target_group").select_option(group)
    page.locator("#id_roles input[value=user]").check()
    page.locator("#id_strengths").fill("Kent de buurt\nSpreekt Arabisch")
    if introduced_by is not None:
        page.locator("#id_introduced_by").select_option(str(introduced_by.pk))
    with lands(page):
        page.get_by_role("button", name=t(lang, "Save")).click()
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
    row = page.locator("#groups + .table-wrap table tr").filter(has=page.locator("th", has_text=group))
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
    with lands(page):
        page.locator("nav.tabs").get_by_role("link", name=t(lang, "Stakeholders")).click()

    yusuf = add_stakeholder(
        page, lang, initiative, name="Yusuf Amrani", kind="resident", group=J
    )
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
    hint = page.locator("#flags ~ ul.missing-list a").first
    with lands(page):
        hint.click()
    assert page.locator("main table tbody tr").count() == 1
    assert "Oma Jet" in page.locator("main table").inner_text()
    check_page(page)

    # The follow-up waits on the dashboard.
    visit(page, "/dashboard/")
    assert "Uitnodiging voor de werkplaats brengen" in page.locator("main").inner_text()
    check_page(page)
