"""Open every built page in Chromium: nothing breaks and nothing is fetched from another origin."""
import pytest

from site_build import html_pages, page_url_path

pytestmark = pytest.mark.browser


def test_every_page_loads_cleanly_and_stays_on_origin(site_dir, server, page, watch):
    report = {}
    for built in html_pages(site_dir):
        path = page_url_path(site_dir, built)
        page.goto(server.origin + path, wait_until="networkidle")
        assert page.locator("h1").first.is_visible(), path
        if watch.problems():
            report[path] = watch.problems()
            watch.console_errors.clear()
            watch.page_errors.clear()
            watch.foreign_requests.clear()
    assert report == {}


def test_watch_sees_a_request_to_another_origin(server, page, watch):
    """The off-origin check can fail: a page that asks another origin for a file is caught."""
    page.goto(server.origin + "/")
    # The watch listens on the context too, and was registered first: when this event arrives, it has seen it.
    with page.context.expect_event("request", lambda request: "example.invalid" in request.url):
        page.evaluate("() => { const i = new Image(); i.src = 'https://example.invalid/x.png'; }")
    assert any("example.invalid" in url for url in watch.foreign_requests)


def test_site_links_swap_pages_without_a_full_reload(server, page, watch):
    """Instant navigation: the sitemap matches the served address, so a nav click keeps the same JS context."""
    page.goto(server.origin + "/", wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-sidebar--primary a.md-nav__link[href$='faq/']").click()
    page.wait_for_url("**/faq/")
    assert page.locator("h1").first.inner_text().strip() != ""
    assert page.evaluate("window.__sameDocument === true"), "the click reloaded the whole page"
    assert watch.problems() == []


BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


def test_pages_work_when_the_browser_blocks_storage(server, context, page, watch):
    """Cookies blocked: Material's own storage helpers must not throw (overrides/partials/javascripts/base.html)."""
    context.add_init_script(BLOCK_STORAGE)
    page.goto(server.origin + "/", wait_until="networkidle")
    page.locator("label[for='__palette_1'], [data-md-component='palette'] label").first.click()
    page.locator(".md-sidebar--primary a.md-nav__link[href$='glossary/']").click()
    page.wait_for_url("**/glossary/")
    assert watch.problems() == []
