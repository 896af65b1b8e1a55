"""A page while the handbook's scripts are still on their way, as on a slow phone (issue 10). The page is painted and
Material's own controls work before they arrive, and nothing moves when a feature starts (CLS 0)."""
from __future__ import annotations

import pytest
from playwright.sync_api import Route, expect

pytestmark = pytest.mark.browser

ENTRY_MODULE = "**/assets/js/handbook.js"
FEATURES = {  # a page with a feature: (the feature's module, which the entry module loads, something it shows)
    "/your-messages/letters-of-interest-and-intent/": ("template-filler.js", "#template-letter-of-interest-form"),
    "/your-messages/visa-conversations/": ("template-filler.js", "#template-spoken-visa-needs-actions"),
    "/action-plan/": ("checklist.js", "[data-checklist-panel]"),
    "/tools/decoder/": ("decoder.js", ".decoder-form"),
    "/tools/tracker/": ("tracker-ui.js", "[data-tracker-add]"),
    "/advisors/": ("advisor-links.js", ".advisor-copy >> nth=0"),
    "/about/": ("forget-all.js", "[data-forget-all-button]"),
}
WIDTHS = {"small phone": 320, "desktop": 1280}


def hold_back(page, url_pattern: str) -> list[Route]:
    """Requests for the file wait until the test lets them go (route.continue_())."""
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route(url_pattern, hold)
    return held


def wait_until_requested(page, held: list[Route]) -> Route:
    while not held:
        page.wait_for_timeout(20)
    return held[0]


def test_materials_controls_work_before_the_handbooks_script_arrives(page, server):
    held = hold_back(page, ENTRY_MODULE)
    # An async module: the page is ready (DOMContentLoaded) without it, and Material starts then.
    page.goto(server.origin + "/your-messages/letters-of-interest-and-intent/", wait_until="domcontentloaded",
              timeout=10_000)
    entry = wait_until_requested(page, held)
    page.get_by_title("Switch to dark mode").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("#template-letter-of-interest-form")).to_be_hidden()
    entry.continue_()
    expect(page.locator("#template-letter-of-interest-form")).to_be_visible()


def footer_top(page) -> float:
    """Where the page's footer starts, once the frames in progress are drawn: it moves if anything above it changes
    height."""
    page.evaluate("() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))")
    box = page.locator("footer.md-footer").bounding_box()
    assert box is not None, "the footer is not shown"
    return box["y"]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", FEATURES)
def test_the_page_does_not_move_when_a_feature_starts(page, server, path, width):
    page.set_viewport_size({"width": width, "height": 844})
    module, shown_by_feature = FEATURES[path]
    held = hold_back(page, f"**/assets/js/{module}")
    page.goto(server.origin + path, wait_until="domcontentloaded")
    feature_code = wait_until_requested(page, held)  # the page is painted and Material has started
    shown = page.locator(shown_by_feature)
    expect(shown).to_be_hidden()
    before = footer_top(page)
    feature_code.continue_()
    expect(shown).to_be_visible()
    assert footer_top(page) == before
