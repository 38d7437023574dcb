"""Helpers shared by the browser tests: visiting pages, landing on pages after an action, and
checking each page.

Every page a test lands on goes through `check_page`: no console errors (a Content Security
Policy violation is reported as a console error) and no axe-core violations. Tests use these
helpers instead of bare `page.goto` so that no visited page escapes the checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from axe_playwright_python.sync_playwright import Axe  # the bundled axe-core and its loader
from django.utils import translation
from playwright.sync_api import Page, Response

from constellate.accounts.tests import factories

# WCAG 2.0, 2.1 and 2.2 A/AA, plus axe's best practices (landmarks, one main heading, heading
# order, unique landmark names) which catch what a screen-reader user trips over.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}

_axe = Axe()


def t(lang: str, message) -> str:
    """`message` (a msgid or a lazy translation) as the interface shows it in `lang`, whatever
    state the catalogues are in."""
    with translation.override(lang):
        return str(translation.gettext(message) if isinstance(message, str) else message)


# Console errors ------------------------------------------------------------------------------


def watch(page: Page, base_url: str, *, mirror: Page | None = None) -> Page:
    """Start collecting console errors, uncaught exceptions and CSP violations of `page`.
    A page without JavaScript needs a `mirror` page with JavaScript for axe-core."""
    page.e2e_base_url = base_url  # type: ignore[attr-defined]
    page.e2e_javascript = mirror is None  # type: ignore[attr-defined]
    page.e2e_mirror = mirror  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on(
        "console",
        lambda msg: (
            errors.append(f"console {msg.type}: {msg.text} ({msg.location.get('url')})")
            if msg.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda exc: errors.append(f"uncaught exception: {exc}"))
    page.e2e_errors = errors  # type: ignore[attr-defined]
    page.e2e_allowed_errors = []  # type: ignore[attr-defined]
    return page


def assert_no_console_errors(page: Page) -> None:
    errors: list[str] = page.e2e_errors  # type: ignore[attr-defined]
    allowed: list[re.Pattern[str]] = page.e2e_allowed_errors  # type: ignore[attr-defined]
    unexpected = [e for e in errors if not any(p.search(e) for p in allowed)]
    errors.clear()
    allowed.clear()
    assert not unexpected, f"Console errors on {page.url}:\n" + "\n".join(unexpected)


# Accessibility -------------------------------------------------------------------------------


def format_violations(violations: list[dict], url: str) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"\n* {v['id']} ({v.get('impact')}): {v['help']}\n  {v['helpUrl']}")
        for node in v["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    - {target}\n      {node['html'][:200]}\n      {summary[:400]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def check_a11y(page: Page) -> None:
    """Run axe-core on the page as it is now; fail with a readable list of violations."""
    target = page if page.e2e_javascript else _mirror(page)  # type: ignore[attr-defined]
    if not target.evaluate("() => typeof window.axe === 'object'"):
        target.evaluate(_axe.axe_script)
    violations = target.evaluate("o => axe.run(document, o).then(r => r.violations)", AXE_OPTIONS)
    assert not violations, format_violations(violations, page.url)


def _mirror(page: Page) -> Page:
    """axe-core needs timers, which do not run in a page without JavaScript. Its mirror is a
    page with JavaScript (but no page scripts) showing the same HTML at the same address."""
    mirror: Page = page.e2e_mirror  # type: ignore[attr-defined]
    html, url = page.content(), page.url

    def serve(route):
        if route.request.resource_type == "document":
            route.fulfill(body=html, content_type="text/html; charset=utf-8")
        elif route.request.resource_type == "script":
            route.abort()
        else:
            route.continue_()

    mirror.route("**/*", serve)
    try:
        mirror.goto(url)
    finally:
        mirror.unroute("**/*", serve)
    return mirror


def check_page(page: Page) -> None:
    """The checks every visited page must pass; on a phone-sized screen also: no sideways
    scrolling (WCAG 1.4.10)."""
    assert_no_console_errors(page)
    check_a11y(page)
    if page.viewport_size and page.viewport_size["width"] <= 480:
        no_horizontal_scroll(page)


# Navigation ----------------------------------------------------------------------------------


def visit(page: Page, url: str, *, status: int = 200) -> Response:
    """Go to `url` (relative to the live server), expect `status` and check the page."""
    if status >= 400:
        # The browser logs the failed main request itself as a console error.
        page.e2e_allowed_errors.append(  # type: ignore[attr-defined]
            re.compile(rf"status of {status}\b")
        )
    response = page.goto(url)
    assert response is not None
    assert response.status == status, f"{url}: expected HTTP {status}, got {response.status}"
    check_page(page)
    return response


@contextmanager
def lands(page: Page, *, status: int = 200) -> Iterator[None]:
    """Wrap an action that loads a new page (a click, Enter on a button): wait for the page,
    expect `status` after redirects, and check it."""
    if status >= 400:
        page.e2e_allowed_errors.append(  # type: ignore[attr-defined]
            re.compile(rf"status of {status}\b")
        )
    with page.expect_navigation() as navigation:
        yield
    response = navigation.value
    assert response is not None
    assert response.status == status, f"{page.url}: expected HTTP {status}, got {response.status}"
    check_page(page)


def html_lang(page: Page) -> str:
    return page.locator("html").get_attribute("lang") or ""


def switch_language(page: Page, lang: str) -> None:
    """Choose `lang` with the language switch in the page header (a link)."""
    if html_lang(page) == lang:
        return
    button = page.locator(f"header .language-switch a[hreflang='{lang}']")
    with lands(page):
        button.click()
    assert html_lang(page) == lang


def no_horizontal_scroll(page: Page) -> None:
    sizes = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], (
        f"{page.url} scrolls sideways: content is {sizes[0]}px wide in a {sizes[1]}px window"
    )


# Signing in ----------------------------------------------------------------------------------


def sign_in(page: Page, user, lang: str) -> None:
    """Sign in with the form, in `lang` chosen with the header's language switch."""
    visit(page, "/accounts/login/")
    switch_language(page, lang)
    assert page.locator("h1").inner_text() == t(lang, "Sign in")
    page.get_by_label(t(lang, "E-mail address")).fill(user.email)
    page.get_by_label(t(lang, "Password")).fill(factories.PASSWORD)
    with lands(page):
        page.locator("main form").get_by_role("button", name=t(lang, "Sign in")).click()
    assert page.url.endswith("/dashboard/")
    # Signing in applies the person's stored language; choose the one under test again.
    switch_language(page, lang)


def login_as(page: Page, user) -> None:
    """Give the page's browser context a session for `user`, as if they had signed in (for
    tests that are not about signing in)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": page.e2e_base_url, "httpOnly": True}]  # type: ignore[attr-defined]
    )


# Keyboard ------------------------------------------------------------------------------------

FOCUS_STYLE = """(selector) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name'),
    text: (el.innerText || el.value || '').trim().slice(0, 60),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
    shadow: s.boxShadow !== 'none',
    matches: selector ? el.matches(selector) : false,
  };
}"""


def focused(page: Page, selector: str = "") -> dict | None:
    """What has the focus: tag, id, name, text, whether it shows an outline or a shadow, and
    whether it matches `selector`."""
    return page.evaluate(FOCUS_STYLE, selector)


def is_focused(page: Page, selector: str) -> bool:
    info = focused(page, selector)
    return bool(info and info["matches"])


def _assert_visible_focus(info: dict | None, url: str) -> None:
    assert info is not None, f"Nothing has focus on {url}"
    assert info["outline"] or info["shadow"], f"Focus is not visible on {info} at {url}"


def assert_focus_visible(page: Page) -> None:
    _assert_visible_focus(focused(page), page.url)


def tab_to(page: Page, selector: str, *, max_presses: int = 150) -> None:
    """Press Tab until the element matching `selector` has focus, checking on the way that
    every element that receives focus shows it."""
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        info = focused(page, selector)
        if info is None:
            continue  # past the last stop, focus leaves the page before it wraps around
        _assert_visible_focus(info, page.url)
        if info["matches"]:
            return
    raise AssertionError(f"{selector} not reached with {max_presses} x Tab on {page.url}")


def press_until(page: Page, key: str, condition: str, *, max_presses: int = 30) -> None:
    """Press `key` until the JavaScript expression `condition` is true (for selects and radio
    groups, which change with the arrow keys)."""
    for _ in range(max_presses):
        if page.evaluate(f"() => {condition}"):
            return
        page.keyboard.press(key)
    assert page.evaluate(f"() => {condition}"), f"{condition} never became true on {page.url}"


# The canvas ----------------------------------------------------------------------------------


def add_canvas_row(page: Page, key: str, press: Callable[[], object] | None = None) -> None:
    """Use "Add a row" of canvas list `key` (by `press`, or a click). With JavaScript, htmx
    swaps in the question with one more row; without, the whole page comes back."""
    rows = page.locator(f"#question-{key} fieldset.canvas-row")
    before = rows.count()
    action = press or page.locator(f"button[name='add_row'][value='{key}']").click
    if page.e2e_javascript:  # type: ignore[attr-defined]
        action()
        rows.nth(before).wait_for()
        page.wait_for_load_state()
        check_page(page)
    else:
        with lands(page):
            action()
    assert rows.count() == before + 1, f"'Add a row' for {key} should add exactly one row"
