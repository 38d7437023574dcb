"""The canvas's "Add a row", with and without JavaScript: one clean new row, focused, and
nothing typed lost."""

import pytest

from tests.e2e.browser import add_canvas_row, focused, is_focused, login_as, visit

pytestmark = pytest.mark.browser

NEW_ROW_FIELD = {
    "goals": "goal",
    "values": "value",
    "resources": "description",
    "barriers": "description",
}


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
@pytest.mark.parametrize("key", ["goals", "barriers"])
def test_add_a_row_gives_one_clean_row_with_the_focus(
    new_page, facilitator, initiative, key, javascript
):
    page = new_page(java_script_enabled=javascript)
    login_as(page, facilitator)
    visit(page, f"/initiatives/{initiative.pk}/canvas/edit/")
    field = NEW_ROW_FIELD[key]
    page.locator(f"#id_{key}-0-{field}").fill("Eerste regel")
    page.locator("#id_context-place").fill("Houten")

    add_canvas_row(page, key)

    assert page.locator(f"#id_{key}-0-{field}").input_value() == "Eerste regel"
    assert page.locator("#id_context-place").input_value() == "Houten"
    # A list whose row has a select with a default (the goal's driver) must not greet the
    # new, untouched row with "This field is required".
    errors = page.locator(f"#question-{key} .errors").all_inner_texts()
    assert not errors, f"an untouched new row must not report errors: {errors}"
    assert page.locator("#error-summary").count() == 0, "no error summary for a new row"
    assert is_focused(page, f"#id_{key}-1-{field}"), (
        f"the new row should have the focus, not {focused(page)}"
    )
