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


def test_the_newer_pages_fit_a_320px_screen(new_page, facilitator, initiative, settings):
    """Ideas, budgets, decisions, stories and COSMOS models, for the team and through an
    activity's link, in Dutch (the longer words), at 320 px."""
    from constellate.cosmos import services as cosmos
    from constellate.decisions.tests.factories import decision
    from constellate.deliberation.tests.factories import idea_round_activity, ideas
    from constellate.deliberation.tests.factories_budgets import budget_activity
    from constellate.demo.cosmos import SERVICE_MODEL, USER_JOURNEY
    from constellate.stories.tests.factories import gathering_activity, told_story

    rounds, idea_round = idea_round_activity(
        initiative=initiative, is_public=True, joining_open=True
    )
    (idea,) = ideas(idea_round, ["Een overdekte fietsenstalling bij het gemeentehuis"])
    budget, _budget, _projects = budget_activity(
        initiative=initiative,
        is_public=True,
        joining_open=True,
        projects=[("Speeltuinonderhoudsprogramma voor de wijk", 3000), ("Bankjes", 1500)],
    )
    gathering = gathering_activity(initiative=initiative)
    story, _secret = told_story(gathering, text="Het loket was dicht toen ik kwam.")
    made = decision(initiative, facilitator)
    aspects = cosmos.cosmos_ensure(initiative=initiative)
    cosmos.aspect_data_save(aspect=aspects["user_journey_model"], data=USER_JOURNEY, actor=None)
    cosmos.aspect_data_save(
        aspect=aspects["co_creation_of_service_model"], data=SERVICE_MODEL, actor=None
    )
    page = new_page(viewport=VIEWPORTS["320"], is_mobile=True, has_touch=True)

    # Through the links, without an account.
    check_small_page(page, "/")
    switch_language(page, "nl")
    for url in [
        f"/join/{rounds.join_token}/ideas/",
        f"/join/{rounds.join_token}/ideas/{idea.pk}/",
        f"{initiative.get_public_url()}decisions/",
    ]:
        check_small_page(page, url)

    # The team.
    login_as(page, facilitator)
    switch_language(page, "nl")
    pk = initiative.pk
    for url in [
        f"/initiatives/{pk}/ideas/",
        f"/activities/{rounds.pk}/ideas/",
        f"/initiatives/{pk}/budgets/",
        f"/activities/{budget.pk}/budget/",
        f"/initiatives/{pk}/decisions/",
        f"/decisions/{made.pk}/",
        f"/initiatives/{pk}/stories/",
        f"/stories/{story.pk}/curate/",
        f"/initiatives/{pk}/places/",
        f"/initiatives/{pk}/packages/new/",
        f"/initiatives/{pk}/cosmos/",
        f"/initiatives/{pk}/cosmos/user_journey_model/",
        f"/initiatives/{pk}/cosmos/co_creation_of_service_model/edit/3/",
        f"/initiatives/{pk}/cosmos/user_journey_model/walkthrough/2/",
    ]:
        check_small_page(page, url)
