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
            watch.console_errors.clear(); watch.page_errors.clear(); watch.foreign_requests.clear()
    assert report == {}


def test_watch_sees_a_request_to_another_origin(server, page, watch):
    """The off-origin check can fail: a page that asks another origin for a file is caught."""
    page.goto(server.origin + "/")
    page.evaluate("() => { const i = new Image(); i.src = 'https://example.invalid/x.png'; }")
    page.wait_for_timeout(300)
    assert any("example.invalid" in url for url in watch.foreign_requests)
