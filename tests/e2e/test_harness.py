"""The checks the browser tests rely on do catch what they are meant to catch."""

import pytest

from tests.e2e.browser import assert_no_console_errors, check_a11y, visit

pytestmark = pytest.mark.browser


def test_check_a11y_fails_with_a_readable_list_of_violations(page):
    page.set_content(
        '<html lang="nl"><head><title>Proef</title></head><body><main><h1>Proef</h1>'
        '<img src="data:,"><a href="/ergens"></a></main></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        check_a11y(page)
    report = str(failure.value)
    assert "image-alt" in report and "link-name" in report
    assert '<a href="/ergens"></a>' in report, "the report shows the offending element"


def test_a_content_security_policy_violation_fails_the_page_check(page):
    visit(page, "/")
    page.evaluate(
        """() => {
          const style = document.createElement('style');
          style.textContent = 'body { color: red; }';
          document.head.append(style);
        }"""
    )
    page.wait_for_timeout(100)
    with pytest.raises(AssertionError, match="Content Security Policy"):
        assert_no_console_errors(page)


def test_check_a11y_also_checks_pages_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    visit(page, "/p/")
    page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
    with pytest.raises(AssertionError, match="image-alt"):
        check_a11y(page)
