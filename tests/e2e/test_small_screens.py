"""Phones: at 320 px wide (WCAG 1.4.10 reflow) and at a common 375 x 667, pages do not scroll
sideways and the navigation and the language switch stay within reach."""

import pytest

from tests.e2e.browser import login_as, no_horizontal_scroll, switch_language, visit

pytestmark = pytest.mark.browser

VIEWPORTS = {"320": {"width": 320, "height": 640}, "375x667": {"width": 375, "height": 667}}


def assert_header_within_reach(page):
    """Every main navigation link and the language switch are on screen, not covered."""
    width = page.viewport_size["width"]
    controls = page.locator(
        "header .main-nav a, header .main-nav button, header .language-switch a"
    )
    assert controls.count() >= 2
    for control in controls.all():
        assert control.is_visible(), f"{control} is hidden at {width}px"
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (
            f"{control.inner_text()!r} sticks out of the {width}px screen: {box}"
        )
        assert box["height"] >= 24 or box["width"] >= 24, "a target of at least 24 px"
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y)?.closest('a, button')?.outerHTML",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top and control.evaluate("el => el.outerHTML") == on_top, (
            f"{control.inner_text()!r} is covered by something else"
        )


def check_small_page(page, url):
    visit(page, url)
    no_horizontal_scroll(page)
    assert_header_within_reach(page)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("viewport", VIEWPORTS.keys())
def test_pages_fit_a_phone_screen(
    new_page, facilitator, initiative, full_canvas, settings, viewport, lang
):
    from constellate.stakeholders.tests.factories import (
        ContactFactory,
        RelationFactory,
        StakeholderFactory,
    )

    # The network map's layout computed at once, as a worker would in the background.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    initiative.target_groups = ["Huurders blok C", "Jongeren met een uitkering"]
    initiative.save()
    hub = StakeholderFactory(
        initiative=initiative,
        name="Stichting Buurtwerk Houten-Zuid",
        target_group="Jongeren met een uitkering",
    )
    for _ in range(4):
        RelationFactory(source=StakeholderFactory(initiative=initiative), target=hub)
    ContactFactory(stakeholder=hub, next_step="Uitnodiging brengen voor de werkplaats")
    activity = initiative.activities.get()
    page = new_page(viewport=VIEWPORTS[viewport], is_mobile=True, has_touch=True)

    # A visitor: the language switch in the header works on a phone.
    check_small_page(page, "/")
    switch_language(page, lang)
    for url in ["/p/", initiative.get_public_url(), activity.get_join_url(), "/accounts/login/"]:
        check_small_page(page, url)

    # A facilitator.
    login_as(page, facilitator)
    switch_language(page, lang)
    for url in [
        "/dashboard/",
        initiative.get_absolute_url(),
        f"/initiatives/{initiative.pk}/canvas/",
        f"/initiatives/{initiative.pk}/canvas/edit/",
        f"/initiatives/{initiative.pk}/canvas/history/",
        f"/initiatives/{initiative.pk}/members/",
        f"/initiatives/{initiative.pk}/activities/new/",
        activity.get_absolute_url(),
        f"/initiatives/{initiative.pk}/stakeholders/",
        f"/initiatives/{initiative.pk}/stakeholders/map/",
        f"/initiatives/{initiative.pk}/stakeholders/referrals/",
        f"/initiatives/{initiative.pk}/stakeholders/contacts/",
        f"/stakeholders/{hub.pk}/",
        f"/initiatives/{initiative.pk}/missing/",
    ]:
        check_small_page(page, url)
