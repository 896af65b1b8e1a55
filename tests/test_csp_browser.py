"""The Content-Security-Policy in Chromium: the handbook works under it, and it blocks a script nobody approved."""
from __future__ import annotations

import pytest

from browser import search_for
from site_build import html_pages, page_url_path

pytestmark = pytest.mark.browser

# Records every violation the page reports, from the first script on, across instant-navigation page swaps.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} `
                              + `(${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def csp_page(context, page):
    context.add_init_script(RECORD_VIOLATIONS)
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_every_page_declares_the_policy_before_any_script(site_dir):
    from bs4 import BeautifulSoup

    for built in html_pages(site_dir):
        head = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").head
        metas = head.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, built
        policy = metas[0]["content"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy, built
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "http" not in policy, built
        first_script = head.find("script")
        assert first_script is None or metas[0].sourceline < first_script.sourceline, built


def test_no_page_reports_a_violation(site_dir, server, csp_page, watch):
    for built in html_pages(site_dir):
        path = page_url_path(site_dir, built)
        csp_page.goto(server.origin + path, wait_until="networkidle")
        assert violations(csp_page) == [], path
    assert watch.problems() == []


def test_features_run_under_the_policy(server, csp_page, watch):
    """Search, a template and the checklist, used as a reader would, with instant navigation between them."""
    csp_page.goto(server.origin + "/", wait_until="networkidle")
    search_for(csp_page, "email etiquette")
    result = csp_page.locator(".md-search-result__link[href*='etiquette-and-thank-you']").first
    result.click()
    csp_page.wait_for_url("**/etiquette-and-thank-you/**")
    template = csp_page.locator("section.tpl[data-template-ready]").first
    template.locator("[data-field]").first.fill("Dr. Okafor")
    csp_page.locator(".md-sidebar--primary a.md-nav__link[href$='action-plan/']").click()
    csp_page.wait_for_url("**/action-plan/")
    box = csp_page.locator("[data-task-id] input[type=checkbox]").first
    box.check()
    assert box.is_checked()
    assert violations(csp_page) == []
    assert watch.problems() == []


def test_an_injected_inline_script_is_blocked(server, csp_page):
    """The policy is enforced, not only declared: a script added to the page's HTML does not run, and is reported."""
    url = server.origin + "/faq/"

    def inject(route):
        original = route.fetch().text()
        route.fulfill(body=original.replace("</body>", "<script>window.__injected = true</script></body>"),
                      content_type="text/html")

    csp_page.route(url, inject)
    csp_page.goto(url, wait_until="networkidle")
    assert csp_page.evaluate("window.__injected") is None
    assert any(v.startswith("script-src") for v in violations(csp_page))
