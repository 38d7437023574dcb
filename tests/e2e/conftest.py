"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's
live server. One browser per test session; a fresh browser context (cookies, viewport,
JavaScript on or off) per page fixture."""

import os
from pathlib import Path

import pytest

from tests.e2e.browser import watch

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: the browser tests need it."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " Install it in the CI image (apt-get install chromium).")
        pytest.skip(message + " Run `apt-get install chromium` to enable them.")
    from playwright.sync_api import sync_playwright

    # Sync Playwright keeps an asyncio event loop running in this thread; Django's ORM refuses
    # to run beside a running loop unless told it is safe (the tests create data while the
    # browser is open). Only while the browser runs, so unit tests keep Django's check.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """A factory of pages, each in its own browser context: `new_page(viewport=...,
    java_script_enabled=False)`. Every page is watched for console errors."""
    contexts = []

    def make(**context_options):
        context_options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=live_server.url, **context_options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        mirror = None
        if not context_options.get("java_script_enabled", True):
            mirror_context = browser.new_context(viewport=context_options["viewport"])
            contexts.append(mirror_context)
            mirror = mirror_context.new_page()
        return watch(context.new_page(), live_server.url, mirror=mirror)

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def organisation(db):
    from constellate.accounts.tests.factories import OrganisationFactory

    return OrganisationFactory(name="Gemeente Houten", slug="houten")


@pytest.fixture
def facilitator(organisation):
    from constellate.accounts.tests.factories import member

    return member(organisation, display_name="Fatima de Vries", email="fatima@example.org")


@pytest.fixture
def initiative(organisation, facilitator):
    """A public initiative led by the facilitator, with one activity open to join."""
    from constellate.accounts.roles import InitiativeRole
    from constellate.initiatives.tests.factories import (
        ActivityFactory,
        InitiativeFactory,
        InitiativeMembershipFactory,
    )

    initiative = InitiativeFactory(
        organisation=organisation,
        title="Houten: samen werk en inkomen herontwerpen",
        slug="werk-en-inkomen",
        summary="Bewoners en de gemeente maken samen de dienst werk en inkomen beter.",
    )
    InitiativeMembershipFactory(initiative=initiative, user=facilitator, role=InitiativeRole.LEAD)
    ActivityFactory(
        initiative=initiative,
        title="Verhalen ophalen in de wijk",
        purpose="Hoe ervaart u het loket? Vertel het ons.",
        is_public=True,
        joining_open=True,
    )
    return initiative


@pytest.fixture
def private_initiative(organisation):
    from constellate.initiatives.choices import Visibility
    from constellate.initiatives.tests.factories import InitiativeFactory

    return InitiativeFactory(
        organisation=organisation, title="Interne verkenning", visibility=Visibility.PRIVATE
    )


FULL_CANVAS = {
    "context": {
        "place": "Houten, wijk Noord",
        "target_group": "Mensen met een bijstandsuitkering",
        "policy": "Participatiewet",
        "service": "Werk en inkomen",
    },
    "goals": [{"goal": "Kortere wachttijd", "why": "Mensen wachten weken", "driver": "need"}],
    "values": [{"value": "Gelijkwaardigheid", "meaning": "Iedere stem telt even zwaar"}],
    "resources": [{"kind": "people", "description": "Twee consulenten"}],
    "barriers": [
        {
            "kind": "legal",
            "description": "Privacyregels",
            "contradiction": "Delen versus beschermen",
        }
    ],
    "tools": ["personas", "journey_map"],
    "tools_note": "In de eerste werksessie.",
}


@pytest.fixture
def full_canvas(initiative, facilitator):
    from constellate.initiatives import services

    version, _conflict = services.canvas_save(
        initiative=initiative, data=FULL_CANVAS, author=facilitator
    )
    return version
