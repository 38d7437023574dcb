"""The guided COSMOS questionnaires, keyboard only, zero axe violations on every page: a
facilitator fills the user journey model step by step in Dutch (typing, radio lists with the
arrow keys, autosave without pressing Save, "Save and next", the warning before leaving with
unsaved answers), then the co-creation of service model in English (a stakeholder card with
kind and colour, a list of items added and reordered with the Move up button)."""

import pytest

from constellate.cosmos.models import CosmosAspect
from tests.e2e.browser import (
    is_focused,
    lands,
    login_as,
    press_until,
    switch_language,
    t,
    tab_to,
    visit,
)

pytestmark = pytest.mark.browser


def _saved_prefix(lang: str) -> str:
    return t(lang, "Saved at %(time)s").split("%")[0]


def _wait_for_autosave(page, lang: str) -> None:
    """The status line says "saved at" after a pause in typing, without pressing Save."""
    page.wait_for_function(
        "(prefix) => document.getElementById('cq-saved').textContent.startsWith(prefix)",
        arg=_saved_prefix(lang),
        timeout=10_000,
    )


def _enter(page, selector: str) -> None:
    tab_to(page, selector)
    with lands(page):
        page.keyboard.press("Enter")


def _choose(page, name: str, value: str) -> None:
    """Into the radio group with Tab, then to the answer with the arrow keys."""
    tab_to(page, f"input[name='{name}']")
    press_until(
        page,
        "ArrowDown",
        f"document.querySelector(\"input[name='{name}'][value='{value}']\").checked",
    )


def _data(initiative, aspect):
    return CosmosAspect.objects.get(initiative=initiative, aspect=aspect).data


def test_a_facilitator_fills_two_models_step_by_step_with_the_keyboard(
    page, initiative, facilitator
):
    login_as(page, facilitator)
    pk = initiative.pk

    # -- Dutch: the user journey model ---------------------------------------------------------
    visit(page, f"/initiatives/{pk}/cosmos/user_journey_model/")
    switch_language(page, "nl")
    _enter(page, "main a[href$='/user_journey_model/edit/']")
    assert page.url.endswith("/user_journey_model/edit/1/")
    count = t("nl", "Step %(number)s of %(total)s") % {"number": 1, "total": 7}
    assert page.locator("#cq-count").inner_text().startswith(count)

    tab_to(page, "#q-f-title")
    page.keyboard.type("Reis door de bijstand")
    _wait_for_autosave(page, "nl")
    assert _data(initiative, "user_journey_model")["model"] == {"title": "Reis door de bijstand"}

    # Leaving with an answer not yet saved asks first (the warning is dismissed: we stay).
    tab_to(page, "#q-f-title")
    page.keyboard.press("End")  # Tab selects the text; add to it
    page.keyboard.type(" in Houten")
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    tab_to(page, "main a[rel='next']")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/user_journey_model/edit/1/")
    _wait_for_autosave(page, "nl")
    assert _data(initiative, "user_journey_model")["model"]["title"] == (
        "Reis door de bijstand in Houten"
    )

    _enter(page, "button[name='action'][value='next']")
    assert page.url.endswith("/user_journey_model/edit/2/")
    _choose(page, "f-discovery_medium", "referral")
    _choose(page, "f-information_experience", "negative")
    tab_to(page, "#q-f-comments")
    page.keyboard.type("De brief was moeilijk te lezen.")
    _wait_for_autosave(page, "nl")
    # The picture beside the step follows the answers as they are saved, without a reload.
    page.wait_for_function(
        "() => document.querySelector('#cq-live-picture svg').textContent.includes('moeilijk')"
    )
    _enter(page, "button[name='action'][value='next']")
    discovering = _data(initiative, "user_journey_model")["discovering"]
    assert discovering["discovery_medium"] == "referral"
    assert discovering["information_experience"] == "negative"
    assert discovering["comments"] == "De brief was moeilijk te lezen."

    # Step 3 to 7 with Save and next; the last one ends on the model's summary.
    _choose(page, "f-access_method", "applied")
    _enter(page, "button[name='action'][value='next']")
    _choose(page, "f-participate_experience", "positive")
    _enter(page, "button[name='action'][value='next']")
    _enter(page, "button[name='action'][value='next']")
    _enter(page, "button[name='action'][value='next']")
    tab_to(page, "#q-f-instigate_role-government_department")
    page.keyboard.press("Space")
    _enter(page, "button[name='action'][value='next']")
    assert page.url.endswith(f"/initiatives/{pk}/cosmos/user_journey_model/")
    data = _data(initiative, "user_journey_model")
    assert data["accessing"]["access_method"] == "applied"
    assert data["using"]["participate_experience"] == "positive"
    assert data["instigating"]["instigate_role"] == ["government_department"]

    # -- English: the co-creation of service model ----------------------------------------------
    switch_language(page, "en")
    visit(page, f"/initiatives/{pk}/cosmos/co_creation_of_service_model/")
    _enter(page, "main a[href$='/co_creation_of_service_model/edit/']")
    tab_to(page, "#q-f-title")
    page.keyboard.type("Work and income")
    _wait_for_autosave(page, "en")

    # A stakeholder card: name, kind and colour, saved with the Save button.
    _enter(page, "nav.cq-steps a[href$='/edit/3/']")
    tab_to(page, "#q-f-label")
    page.keyboard.type("Town council")
    _choose(page, "f-type", "organisation")
    _choose(page, "f-colour", "#0074d9")
    # A web address without http(s): autosave refuses it and says why next to the field.
    tab_to(page, "#q-f-url")
    page.keyboard.type("www.gemeente.nl")
    page.wait_for_selector("#q-f-url-errors li")
    assert page.locator("#q-f-url").get_attribute("aria-invalid") == "true"
    assert _data(initiative, "co_creation_of_service_model")["policyDef"]["url"] is None
    page.keyboard.press("Home")
    page.keyboard.type("https://")
    _wait_for_autosave(page, "en")
    assert page.locator("#q-f-url-errors").count() == 0
    _enter(page, "button[name='action'][value='save']:not([tabindex])")
    assert _saved_prefix("en") in page.locator(".messages").inner_text()
    assert _data(initiative, "co_creation_of_service_model")["policyDef"] == {
        "label": "Town council",
        "type": "organisation",
        "colour": "#0074d9",
        "url": "https://www.gemeente.nl",
    }

    # A list: three items added, the third moved up with the button.
    _enter(page, "nav.cq-steps a[href$='/edit/11/']")
    for label in ("Website", "Library", "Phone line"):
        tab_to(page, "#q-l-items-new-label")
        page.keyboard.type(label)
        _enter(page, "button[value='add:items']")
        assert is_focused(page, "#q-l-items-new-label")
    _enter(page, "#q-l-items-2-up")
    assert is_focused(page, "#q-l-items-1-up")
    items = _data(initiative, "co_creation_of_service_model")["extsvc"]["items"]
    assert [i["label"] for i in items] == ["Website", "Phone line", "Library"]
    assert page.locator("#q-l-items-1-label").input_value() == "Phone line"
