"""A facilitator runs a reflection session on a constellation with the keyboard alone, records
the group's answers and two actions, and closes it; the actions show on the initiative's
overview and on their owner's dashboard until the owner marks them done. A staff member takes
the competence check and sees their own result. In Dutch and in English, every page checked
by axe-core."""

import datetime

import pytest
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.compass.models import (
    ActionStatus,
    CompetenceCheck,
    ReflectionAction,
    ReflectionSession,
    SessionStatus,
)
from constellate.compass.tests.factories_reflection import make_action, make_session
from tests.e2e.browser import (
    check_page,
    html_lang,
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

SCENE_TITLES = {"nl": "Aan de keukentafel", "en": "The kitchen table"}


@pytest.fixture
def owner(organisation, initiative):
    from constellate.accounts.tests.factories import member
    from constellate.initiatives.tests.factories import InitiativeMembershipFactory

    user = member(
        organisation, OrgRole.REPORTER, display_name="Henk Jansen", email="henk@example.org"
    )
    InitiativeMembershipFactory(initiative=initiative, user=user, role=InitiativeRole.REPORTER)
    return user


def activate(page, selector):
    """Tab to a link or button and press Enter; a new page must load."""
    tab_to(page, selector)
    with lands(page):
        page.keyboard.press("Enter")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def checked(selector):
    return f"document.querySelector({selector!r}).checked"


def add_action_with_keyboard(page, description, owner, element_key=None):
    type_into(page, "#id_action-description", description)
    tab_to(page, "#id_action-owner")
    press_until(
        page, "ArrowDown", f"document.querySelector('#id_action-owner').value === '{owner.pk}'"
    )
    # The due date starts two weeks ahead; a year later with the arrow keys (the year is the
    # third part of the date field in the browser's day-month-year and month-day-year forms).
    before = page.locator("#id_action-due_on").input_value()
    tab_to(page, "#id_action-due_on")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowUp")
    assert page.locator("#id_action-due_on").input_value() == before.replace(
        before[:4], str(int(before[:4]) + 1), 1
    )
    if element_key:
        tab_to(page, "#id_action-element")
        press_until(
            page,
            "ArrowDown",
            "document.querySelector('#id_action-element').selectedOptions[0].text.startsWith('9.')",
        )
    activate(page, "form[action$='/actions/new/'] button[type='submit']")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_facilitator_runs_a_session_and_its_actions_reach_the_overview_and_the_owner(
    page, new_page, facilitator, initiative, owner, lang
):
    sign_in(page, facilitator, lang)
    visit(page, initiative.get_absolute_url())

    # The Reflection tab, then a new session on the Ethical Compass, by keyboard.
    activate(page, f"nav.tabs a[href='/initiatives/{initiative.pk}/reflection/']")
    assert page.locator("h1").inner_text() == t(lang, "Reflection")
    activate(page, f"main a[href='/initiatives/{initiative.pk}/reflection/new/']")
    tab_to(page, "input[name='constellation']")
    press_until(
        page,
        "ArrowDown",
        "[...document.querySelectorAll(\"input[name='constellation']\")]"
        ".findIndex(e => e.checked) === 1",
    )
    tab_to(page, "input[name='setting']")
    press_until(page, "ArrowDown", checked("input[name='setting'][value='online']"))
    type_into(page, "#id_participant_count", "8")
    type_into(page, "#id_participants", "Vijf bewoners, drie medewerkers")
    activate(page, "main form button[type='submit']")
    session = ReflectionSession.objects.get(initiative=initiative)
    assert session.constellation.key == "ethical_compass" and session.setting == "online"
    assert page.url.endswith(session.get_absolute_url())
    assert html_lang(page) == lang

    # The page shows the constellation's elements and its two scenes with their questions.
    main = page.locator("main").inner_text()
    assert SCENE_TITLES[lang] in main
    assert page.locator("ol.element-list > li").count() == 6
    assert page.locator("section.scene textarea").count() == 7

    # The group's answers and agreements, typed and saved with the keyboard.
    type_into(page, "#id_answer_0_0", "De vragenlijst staat het gesprek in de weg.")
    type_into(page, "#id_answer_1_2", "Jongeren zonder uitkering; via het jongerenwerk.")
    type_into(page, "#id_agreements", "Geen laptop op tafel. Naar de taalcafés gaan.")
    activate(page, "button[name='save']")
    assert t(lang, "Session saved.") in page.locator(".messages").inner_text()
    session.refresh_from_db()
    assert session.answers["0-0"] == "De vragenlijst staat het gesprek in de weg."

    # Two actions for Henk, one tied to element 9.
    add_action_with_keyboard(page, "Intakegesprekken zonder laptop proberen", owner, "empathy")
    assert t(lang, "Action added.") in page.locator(".messages").inner_text()
    add_action_with_keyboard(page, "Twee taalcafés bezoeken", owner)
    actions = list(ReflectionAction.objects.filter(session=session).order_by("pk"))
    assert [a.owner for a in actions] == [owner, owner]
    assert actions[0].element.number == 9
    assert actions[0].due_on > timezone.localdate() + datetime.timedelta(days=300)
    table = page.locator("#actions table").inner_text()
    assert "Intakegesprekken zonder laptop proberen" in table and "Henk Jansen" in table

    # Save and close: confirm, and the session becomes a read-only record.
    activate(page, "button[name='close']")
    assert page.locator("h1").inner_text() == t(lang, "Close the session?")
    activate(page, "main form button[type='submit']")
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED
    assert page.locator("main textarea").count() == 0
    assert "De vragenlijst staat het gesprek in de weg." in page.locator("main").inner_text()

    # Both actions on the initiative's overview.
    visit(page, initiative.get_absolute_url())
    overview = page.locator("main").inner_text()
    assert "Intakegesprekken zonder laptop proberen" in overview
    assert "Twee taalcafés bezoeken" in overview

    # And on Henk's dashboard, until he marks one done (htmx swaps it in place).
    henk = new_page()
    login_as(henk, owner)
    visit(henk, "/dashboard/")
    switch_language(henk, lang)
    panel = henk.locator("section[aria-labelledby='my-actions-title']")
    assert "Intakegesprekken zonder laptop proberen" in panel.inner_text()
    assert "Twee taalcafés bezoeken" in panel.inner_text()
    item = henk.locator(f"#my-action-{actions[1].pk}")
    item.get_by_role("button").click()
    henk.locator(f"#my-action-{actions[1].pk}.action-done").wait_for()
    check_page(henk)
    assert ReflectionAction.objects.get(pk=actions[1].pk).status == ActionStatus.DONE
    visit(henk, "/dashboard/")
    panel_text = henk.locator("main").inner_text()
    assert "Twee taalcafés bezoeken" not in panel_text
    assert "Intakegesprekken zonder laptop proberen" in panel_text

    # The overview no longer lists the done action.
    visit(page, initiative.get_absolute_url())
    overview = page.locator("main").inner_text()
    assert "Twee taalcafés bezoeken" not in overview
    assert "Intakegesprekken zonder laptop proberen" in overview


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_owner_marks_an_action_done_without_javascript(new_page, initiative, owner, lang):
    session = make_session(initiative, closed=True)
    action = make_action(session, owner=owner, description="Bewonerscommissie bellen")
    page = new_page(java_script_enabled=False)
    login_as(page, owner)
    visit(page, "/dashboard/")
    switch_language(page, lang)
    visit(page, f"/initiatives/{initiative.pk}/reflection/actions/")
    with lands(page):
        page.get_by_role(
            "button", name=f"{t(lang, 'Mark as done')} – Bewonerscommissie bellen"
        ).click()
    assert ReflectionAction.objects.get(pk=action.pk).status == ActionStatus.DONE
    assert "Bewonerscommissie bellen" in page.locator(".messages").inner_text()
    # The printable record of the closed session.
    visit(page, f"/reflection/{session.pk}/print/")
    assert "Bewonerscommissie bellen" in page.locator("main").inner_text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_staff_member_takes_the_competence_check_and_sees_their_own_result(
    page, organisation, facilitator, lang
):
    login_as(page, facilitator)
    visit(page, "/dashboard/")
    switch_language(page, lang)
    with lands(page):
        page.locator("section[aria-labelledby='skills-title'] a").first.click()
    assert page.locator("h1").inner_text() == t(lang, "Co-creation skills check")
    with lands(page):
        page.locator("main").get_by_role("link", name=t(lang, "Take the check")).click()
    fieldsets = page.locator("form.competence-form fieldset")
    assert fieldsets.count() == 9
    for n in range(fieldsets.count()):
        fieldsets.nth(n).locator("input[type='radio']").nth(n % 5).check()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Save my answers")).click()
    assert CompetenceCheck.objects.filter(user=facilitator).count() == 1
    assert page.locator("h2", has_text=t(lang, "Your result")).count() == 1
    results = page.locator("ol.competence-results > li")
    assert results.count() == 9
    first = results.first.inner_text()
    assert ("Luisteren met empathie" if lang == "nl" else "Listening with empathy") in first

    # The team overview waits for five people and says why.
    visit(page, f"/org/{organisation.slug}/competences/team/")
    assert page.locator(".message-info").count() == 1


def test_reflection_and_competence_pages_fit_a_small_phone_screen(
    new_page, organisation, facilitator, initiative, owner
):
    from constellate.accounts.tests.factories import member
    from constellate.compass.tests.factories_reflection import make_check, make_done

    session = make_session(initiative, participants="Vijf bewoners, drie medewerkers")
    make_action(session, owner=owner, description="Een lange beschrijving " * 6)
    make_done(make_action(session, owner=owner, description="Al gedaan"))
    closed = make_session(initiative, constellation="catalysts", closed=True)
    make_action(closed, owner=owner)
    for n in range(5):
        make_check(organisation, member(organisation, OrgRole.REPORTER), 1 + n)
    make_check(organisation, facilitator, 3)
    page = new_page(viewport={"width": 320, "height": 640})
    login_as(page, facilitator)
    for url in (
        session.get_absolute_url(),
        closed.get_absolute_url(),
        f"/reflection/{closed.pk}/print/",
        f"/initiatives/{initiative.pk}/reflection/",
        f"/initiatives/{initiative.pk}/reflection/actions/?show=all",
        f"/initiatives/{initiative.pk}/reflection/new/",
        initiative.get_absolute_url(),
        f"/org/{organisation.slug}/competences/",
        f"/org/{organisation.slug}/competences/check/",
        f"/org/{organisation.slug}/competences/team/",
    ):
        visit(page, url)  # checks axe and that nothing scrolls sideways
    henk = new_page(viewport={"width": 320, "height": 640})
    login_as(henk, owner)
    visit(henk, "/dashboard/")
    assert henk.locator("section[aria-labelledby='my-actions-title'] li").count() == 2
