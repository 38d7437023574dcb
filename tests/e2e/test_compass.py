"""The compass in a real browser, in Dutch and in English: a facilitator opens an assessment
round; two staff members answer signed in and two participants without an account answer
through the round's link (one of them with the keyboard alone); after more answers arrive the
facilitator closes the round and sees the gap between staff and citizens, the hidden small
group, and the next steps with questions and methods."""

import pytest
from django.utils import translation
from django.utils.formats import number_format

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.services import participant_create
from constellate.accounts.tests.factories import member
from constellate.compass import services
from constellate.compass.models import Element, Response, Round
from constellate.core.registry import MethodCatalogue, registry
from constellate.initiatives.tests.factories import InitiativeMembershipFactory
from tests.e2e.browser import (
    focused,
    lands,
    login_as,
    press_until,
    sign_in,
    switch_language,
    t,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser

COVERED = ("share_power_risk", "power_shift", "openness")


@pytest.fixture
def catalogue(monkeypatch):
    """A method library as the library app would register it."""

    def for_elements(organisation, keys):
        return {
            key: [
                {
                    "key": "living_room",
                    "name": "Huiskamergesprek",
                    "purpose": "Talk where people already are.",
                    "url": "/",
                }
            ]
            for key in keys
        }

    monkeypatch.setattr(
        registry,
        "method_catalogue",
        MethodCatalogue(
            choices=lambda org: [],
            label=lambda k: None,
            url=lambda k: None,
            for_elements=for_elements,
        ),
    )


def _element_ids(organisation) -> dict[str, int]:
    return dict(
        Element.objects.filter(organisation=organisation, key__in=COVERED).values_list("key", "pk")
    )


def open_round_in_browser(page, lang, initiative) -> Round:
    with lands(page):
        page.get_by_role("navigation", name=t(lang, "Parts of this initiative")).get_by_role(
            "link", name=t(lang, "Compass")
        ).click()
    assert page.locator("h1").inner_text() == t(lang, "Compass")
    with lands(page):
        page.get_by_role("link", name=t(lang, "Open a round")).click()
    page.locator("#id_title").fill(f"Kompasronde {lang}")
    ids = _element_ids(initiative.organisation)
    for box in page.locator("input[name='elements']").all():
        if int(box.get_attribute("value")) not in ids.values():
            box.uncheck()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Open the round")).click()
    round_ = Round.objects.get(title=f"Kompasronde {lang}")
    assert set(round_.elements.values_list("key", flat=True)) == set(COVERED)
    assert (
        t(lang, "The round is open. Share its link with everyone involved.")
        in page.locator(".messages").inner_text()
    )
    assert page.locator("#round-link").input_value().endswith(round_.get_link_url())
    return round_


def rate(page, element_id: int, progress: int, importance: int) -> None:
    page.locator(f"#id_e{element_id}-progress_{progress - 1}").check()
    page.locator(f"#id_e{element_id}-importance_{importance - 1}").check()


def answer_signed_in(page, lang, round_, ids, progress):
    for key, element_id in ids.items():
        rate(page, element_id, progress if key != "openness" else 3, 4)
    page.locator(f"#element-{ids['openness']} summary").click()
    page.locator(f"#id_e{ids['openness']}-note").fill("Verslagen komen laat.")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Send my answers")).click()
    assert (
        t(
            lang,
            "Thank you! Your answers are saved. You can change them until the "
            "round closes on %(date)s.",
        ).split(".")[0]
        in page.locator(".messages").inner_text()
    )


def answer_through_the_link(new_page, lang, round_, ids):
    """A citizen without an account, with the mouse; also shows the personal link."""
    page = new_page()
    visit(page, round_.get_link_url())
    switch_language(page, lang)
    assert page.locator("h1").inner_text() == round_.title
    page.locator("input[name='group'][value='citizens']").check()
    for element_id in ids.values():
        rate(page, element_id, 2, 5)
    # A bad evidence link: the error summary names the element and nothing is saved.
    page.locator(f"#element-{ids['openness']} summary").click()
    page.locator(f"#id_e{ids['openness']}-evidence").fill("javascript:alert(1)")
    before = Response.objects.count()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Send my answers")).click()
    assert page.locator("#error-summary").is_visible()
    assert "http" in page.locator("#error-summary").inner_text()
    assert Response.objects.count() == before
    assert page.locator(f"#id_e{ids['power_shift']}-progress_1").is_checked(), "answers kept"
    page.locator(f"#id_e{ids['openness']}-evidence").fill("https://example.org/verslag")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Send my answers")).click()
    assert page.locator("#return-url").is_visible()
    assert page.get_by_role("button", name=t(lang, "Save my changes")).is_visible()
    return page


def answer_with_the_keyboard(new_page, lang, round_, ids):
    """A citizen without an account, with the keyboard alone."""
    page = new_page()
    visit(page, round_.get_link_url())
    switch_language(page, lang)
    tab_to(page, "input[name='group'][value='citizens']")
    page.keyboard.press("Space")
    for element_id in ids.values():
        # Tab into each radio group, then move with the arrow keys to the wanted point.
        tab_to(page, f"input[name='e{element_id}-progress']")
        press_until(
            page, "ArrowRight", f"document.querySelector('#id_e{element_id}-progress_0').checked"
        )
        tab_to(page, f"input[name='e{element_id}-importance']")
        press_until(
            page,
            "ArrowRight",
            f"document.querySelector('#id_e{element_id}-importance_4').checked",
        )
    # The optional note opens with Enter on its summary.
    tab_to(page, f"#element-{ids['power_shift']} summary")
    page.keyboard.press("Enter")
    tab_to(page, f"#id_e{ids['power_shift']}-note")
    page.keyboard.type("Wij worden niet gehoord.")
    tab_to(page, "form.response-form button[type='submit']")
    info = focused(page)
    assert info and info["tag"] == "button"
    with lands(page):
        page.keyboard.press("Enter")
    assert page.locator("#return-url").is_visible()
    assert page.locator("input[name='group'][value='citizens']").is_checked()


def more_answers(round_, organisation, initiative, ids):
    """Three more staff and three more citizens (so both groups reach five), and two partners
    (a group too small to show)."""
    for _ in range(3):
        user = member(organisation, OrgRole.FACILITATOR)
        InitiativeMembershipFactory(
            initiative=initiative, user=user, role=InitiativeRole.FACILITATOR
        )
        services.response_submit(
            round=round_,
            user=user,
            answers={pk: {"progress": 4, "importance": 4} for pk in ids.values()},
        )
    for group, n in (("citizens", 3), ("partners", 2)):
        for _ in range(n):
            participant, _secret = participant_create()
            services.response_submit(
                round=round_,
                participant=participant,
                group=group,
                answers={pk: {"progress": 2, "importance": 5} for pk in ids.values()},
            )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_round_from_opening_to_group_comparison_and_next_steps(
    page, new_page, facilitator, initiative, catalogue, lang
):
    organisation = initiative.organisation
    colleague = member(organisation, OrgRole.FACILITATOR, display_name="Sanne Colleague")
    InitiativeMembershipFactory(
        initiative=initiative, user=colleague, role=InitiativeRole.FACILITATOR
    )

    sign_in(page, facilitator, lang)
    visit(page, initiative.get_absolute_url())
    round_ = open_round_in_browser(page, lang, initiative)
    ids = _element_ids(organisation)

    # Staff 1: the facilitator answers from the round's page.
    with lands(page):
        page.locator("main").get_by_role("link", name=t(lang, "Answer this round")).click()
    answer_signed_in(page, lang, round_, ids, progress=5)

    # Staff 2: a colleague, from the dashboard, where the open round waits for an answer.
    other = new_page()
    login_as(other, colleague)
    visit(other, "/dashboard/")
    switch_language(other, lang)
    with lands(other):
        other.get_by_role("link", name=round_.title).click()
    answer_signed_in(other, lang, round_, ids, progress=4)
    visit(other, "/dashboard/")
    assert other.get_by_role("link", name=round_.title).count() == 0

    # Two participants without an account, each in a fresh browser through the link.
    answer_through_the_link(new_page, lang, round_, ids)
    answer_with_the_keyboard(new_page, lang, round_, ids)
    assert Response.objects.filter(round=round_, user__isnull=False).count() == 2
    assert (
        Response.objects.filter(round=round_, participant__isnull=False, group="citizens").count()
        == 2
    )

    # While the round is open, no figures show.
    visit(page, round_.get_absolute_url())
    assert page.locator("svg.compass-chart").count() == 0

    more_answers(round_, organisation, initiative, ids)
    with lands(page):
        page.get_by_role("button", name=t(lang, "Close the round now")).click()

    # The comparison: staff see themselves further than citizens, said in plain words.
    gaps = page.locator(".gap-list li")
    with translation.override(lang):
        power_name = Element.objects.get(organisation=organisation, key="share_power_risk").t[
            "name"
        ]
        expected = t(
            lang, "%(high_group)s rate “%(element)s” %(high)s on average, %(low_group)s %(low)s."
        ) % {
            "high_group": t(lang, "staff").capitalize(),
            "element": power_name,
            "high": number_format(4.2, 1),
            "low_group": t(lang, "citizens and service users"),
            "low": number_format(1.8, 1),
        }
    # Staff 5, 4, 4, 4, 4 against citizens 2, 1, 2, 2, 2: the largest gap comes first.
    assert expected in gaps.first.inner_text()
    assert gaps.count() == 3
    # The two partners are too few to show: their answers are left out, and the page says so.
    who = page.locator(".compass-who").inner_text()
    assert "2" in who and page.locator(".compass-who .message-info").is_visible()
    assert page.locator(".group-sizes li").count() == 2
    # One chart with one line per shown group, and the table with the same figures.
    chart = page.locator("svg.compass-chart")
    assert chart.count() == 3
    # One element per constellation in this round: one marker per shown group in each chart.
    assert page.locator("svg.compass-chart g.point").count() == 3 * 2
    assert page.locator("table.results-table").count() == 3
    # Next steps: questions and methods for the disputed elements.
    suggestions = page.locator(".compass-next").inner_text()
    assert power_name in suggestions and "Huiskamergesprek" in suggestions
    assert "Wij worden niet gehoord." in page.locator(".compass-notes").inner_text()

    # The printable report with its charts.
    visit(page, f"/compass/rounds/{round_.pk}/print/")
    assert page.locator("svg.compass-chart").count() == 3


def test_the_answer_form_works_on_a_phone_without_javascript(new_page, facilitator, initiative):
    """320 px wide, no JavaScript: the radio groups wrap, the note opens, the answers save."""
    from constellate.compass.tests.factories import open_round

    round_ = open_round(initiative, facilitator, title="Kompas op de telefoon")
    phone = new_page(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    visit(phone, round_.get_link_url())
    element = round_.elements.order_by("number").first()
    phone.locator("input[name='group'][value='others']").check()
    phone.locator(f"#id_e{element.pk}-progress_2").check()
    phone.locator(f"#id_e{element.pk}-importance_5").check()  # don't know
    phone.locator(f"#element-{element.pk} summary").click()
    phone.locator(f"#id_e{element.pk}-note").fill("Op de telefoon ingevuld.")
    with lands(phone):
        phone.locator("form.response-form button[type='submit']").click()
    rating = Response.objects.get(round=round_).ratings.get()
    assert (rating.progress, rating.importance, rating.note) == (
        3,
        None,
        "Op de telefoon ingevuld.",
    )
    assert phone.locator(f"#id_e{element.pk}-importance_5").is_checked()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_organisation_admin_adapts_the_compass(page, organisation, lang):
    admin = member(organisation, OrgRole.ADMIN, display_name="Beheer Houten")
    login_as(page, admin)
    visit(page, f"/org/{organisation.slug}/compass/")
    switch_language(page, lang)
    assert page.locator("section.compass-constellation").count() == 3
    page.locator("#id_language").fill("de")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Add the language")).click()
    element = Element.objects.get(organisation=organisation, key="empathy")
    with lands(page):
        page.locator(f"#element-{element.pk}").get_by_role("link", name=t(lang, "Edit")).click()
    with lands(page):
        page.get_by_role("navigation", name=t(lang, "Language of the texts")).locator(
            "a[lang='de']"
        ).click()
    page.locator("#id_name").fill("Von Empathie geleitet")
    page.locator("#id_constellation").select_option(str(element.constellation_id))
    with lands(page):
        page.get_by_role("button", name=t(lang, "Save changes")).click()
    element.refresh_from_db()
    assert element.texts["de"]["name"] == "Von Empathie geleitet"
    with lands(page):
        page.locator(f"#element-{element.pk}").get_by_role(
            "button", name=t(lang, "Move up")
        ).click()
    with lands(page):
        page.get_by_role("link", name=t(lang, "Add your own element")).click()
    page.locator("#id_name").fill("Eigen element")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Add element")).click()
    assert Element.objects.filter(organisation=organisation, is_standard=False).count() == 1
