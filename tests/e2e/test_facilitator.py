"""A facilitator plans an initiative end to end in a real browser, in Dutch and in English."""

import datetime

import pytest
from django.utils import timezone

from constellate.initiatives.models import Activity, Initiative
from tests.e2e.browser import add_canvas_row, html_lang, lands, sign_in, t

pytestmark = pytest.mark.browser


def create_initiative(page, lang, title):
    with lands(page):
        page.get_by_role("link", name=t(lang, "Start a new initiative")).click()
    assert page.locator("h1").inner_text() == t(lang, "New initiative")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Samen met bewoners de dienst werk en inkomen verbeteren.")
    page.locator("#id_service_area").select_option("work_income")
    page.locator("#id_place").fill("Houten")
    page.locator("#id_target_groups").fill("Werkzoekenden\nJongeren zonder werk")
    page.locator("input[name='languages'][value='nl']").check()
    page.locator("input[name='visibility'][value='public']").check()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Create initiative")).click()
    assert page.url.endswith("/canvas/edit/"), "a new initiative continues with its canvas"
    assert page.locator("h1").inner_text() == t(lang, "Edit the canvas")
    return Initiative.objects.get(title=title)


def fill_first_canvas(page, lang):
    page.locator("#id_context-place").fill("Houten, wijk Noord")
    page.locator("#id_context-target_group").fill("Mensen met een bijstandsuitkering")
    page.locator("#id_goals-0-goal").fill("Kortere wachttijd")
    page.locator("#id_goals-0-why").fill("Mensen wachten nu weken op antwoord")
    page.locator("#id_goals-0-driver").select_option("need")
    # A second goal needs a second row.
    add_canvas_row(page, "goals")
    assert page.locator("#id_goals-0-goal").input_value() == "Kortere wachttijd", (
        "adding a row keeps what was typed"
    )
    assert page.locator("#id_context-place").input_value() == "Houten, wijk Noord"
    assert page.locator("#id_goals-1-goal").is_visible()
    page.locator("#id_goals-1-goal").fill("Meer vertrouwen in de gemeente")
    page.locator("#id_goals-1-why").fill("Bewoners voelen zich niet gehoord")
    page.locator("#id_goals-1-driver").select_option("inequality")
    page.locator("#id_values-0-value").fill("Gelijkwaardigheid")
    page.locator("#id_values-0-meaning").fill("Iedere stem telt even zwaar")
    page.locator("#id_resources-0-kind").select_option("people")
    page.locator("#id_resources-0-description").fill("Twee consulenten, een dag per week")
    page.locator("#id_barriers-0-kind").select_option("legal")
    page.locator("#id_barriers-0-description").fill("Privacyregels bij het delen van verhalen")
    page.locator("#id_barriers-0-contradiction").fill("Open delen tegenover mensen beschermen")
    page.locator("input[name='tools-tools'][value='personas']").check()
    page.locator("input[name='tools-tools'][value='journey_map']").check()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Save the canvas")).click()


def add_activity(page, lang, *, title, kind, opens_on, closes_on, phase, setting):
    with lands(page):
        page.locator("main").get_by_role("link", name=t(lang, "Add an activity")).click()
    assert page.locator("h1").inner_text() == t(lang, "New activity")
    page.locator("#id_title").fill(title)
    page.locator("#id_kind").select_option(kind)
    page.locator("#id_purpose").fill("Ervaringen en ideeën van bewoners verzamelen.")
    page.locator("#id_opens_on").fill(opens_on.isoformat())
    page.locator("#id_closes_on").fill(closes_on.isoformat())
    page.locator(f"input[name='phases'][value='{phase}']").check()
    page.locator(f"input[name='setting'][value='{setting}']").check()
    page.locator("#id_location").fill("Wijkcentrum De Schakel")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Add activity")).click()
    assert page.locator("h1").inner_text() == title
    assert t(lang, "Activity added.") in page.locator(".messages").inner_text()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_facilitator_plans_an_initiative_from_canvas_to_parallel_activities(
    page, facilitator, lang
):
    sign_in(page, facilitator, lang)
    initiative = create_initiative(page, lang, f"Werk en inkomen samen ({lang})")

    # Version 1 of the canvas, with a second goal added through "Add a row".
    fill_first_canvas(page, lang)
    assert page.url.endswith(f"/initiatives/{initiative.pk}/canvas/")
    assert html_lang(page) == lang
    message = page.locator(".messages").inner_text()
    assert t(lang, "Canvas saved as version %(n)d.") % {"n": 1} in message
    canvas = page.locator("main").inner_text()
    for text in [
        "Kortere wachttijd",
        "Meer vertrouwen in de gemeente",
        "Gelijkwaardigheid",
        "Twee consulenten, een dag per week",
        "Open delen tegenover mensen beschermen",
    ]:
        assert text in canvas

    # Version 2: edit again and add a second value.
    with lands(page):
        page.locator("main").get_by_role("link", name=t(lang, "Edit the canvas")).click()
    assert page.locator("#id_goals-1-goal").input_value() == "Meer vertrouwen in de gemeente"
    add_canvas_row(page, "values")
    page.locator("#id_values-1-value").fill("Openheid")
    page.locator("#id_values-1-meaning").fill("We laten zien wat we met elke bijdrage doen")
    with lands(page):
        page.get_by_role("button", name=t(lang, "Save the canvas")).click()
    assert (
        t(lang, "Canvas saved as version %(n)d.") % {"n": 2}
        in page.locator(".messages").inner_text()
    )

    # Two activities that overlap in time and serve different phases.
    with lands(page):
        page.get_by_role("navigation", name=t(lang, "Parts of this initiative")).get_by_role(
            "link", name=t(lang, "Overview")
        ).click()
    today = timezone.localdate()
    add_activity(
        page,
        lang,
        title="Verhalen ophalen",
        kind="story_gathering",
        opens_on=today - datetime.timedelta(days=7),
        closes_on=today + datetime.timedelta(days=30),
        phase="co_initiation",
        setting="door_to_door",
    )
    with lands(page):
        page.locator("nav.breadcrumbs").get_by_role("link", name=initiative.title).click()
    add_activity(
        page,
        lang,
        title="Ontwerpwerkplaats",
        kind="workshop",
        opens_on=today + datetime.timedelta(days=5),
        closes_on=today + datetime.timedelta(days=60),
        phase="co_design",
        setting="place",
    )
    assert Activity.objects.filter(initiative=initiative).count() == 2

    # Both show on the initiative page: side by side on the timeline and in the table.
    with lands(page):
        page.locator("nav.breadcrumbs").get_by_role("link", name=initiative.title).click()
    timeline = page.locator("svg.timeline")
    assert timeline.get_attribute("role") == "img"
    bars = timeline.locator("g.bar")
    assert bars.count() == 2
    assert sorted(bars.locator("title").all_text_contents()) == [
        "Ontwerpwerkplaats",
        "Verhalen ophalen",
    ]
    assert "p1" in (bars.nth(0).get_attribute("class") or "") + (
        bars.nth(1).get_attribute("class") or ""
    ), "each bar is coloured by its first phase"
    rows = page.locator("table.activity-table tbody tr")
    assert rows.count() == 2
    table = page.locator("table.activity-table").inner_text()
    assert "Verhalen ophalen" in table and "Ontwerpwerkplaats" in table
    assert t(lang, "Co-initiation") in table and t(lang, "Co-design") in table

    # The history compares version 1 with version 2 and marks the added value.
    with lands(page):
        page.locator("main").get_by_role("link", name=t(lang, "Open the canvas")).click()
    with lands(page):
        page.get_by_role("link", name=t(lang, "History and comparison")).click()
    assert page.locator("table tbody tr").count() == 2
    assert page.locator("input[name='a'][value='1']").is_checked()
    assert page.locator("input[name='b'][value='2']").is_checked()
    with lands(page):
        page.get_by_role("button", name=t(lang, "Compare")).click()
    heading = t(lang, "Version %(a)s compared with version %(b)s") % {"a": 1, "b": 2}
    assert page.locator("h1").inner_text() == heading
    added = page.locator("#cmp-values").locator("xpath=..").locator("li.diff-added")
    assert added.count() == 1
    assert "Openheid" in added.inner_text()
    assert added.locator("ins .visually-hidden").inner_text().strip() == t(lang, "Added:")
    assert page.locator("li.diff-removed").count() == 0
