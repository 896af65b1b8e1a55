"""Nothing on a page moves when a feature's script starts (issue 10: CLS 0). On a slow phone the page is painted before
the feature's code has arrived, so what that code shows or fills must have its space from the first paint."""
from __future__ import annotations

import pytest
from playwright.sync_api import Route, expect

pytestmark = pytest.mark.browser

FEATURES = {  # a page with a feature: (the feature's module, which the entry module loads, something it shows)
    "/your-messages/letters-of-interest-and-intent/": ("template-filler.js", "#template-letter-of-interest-form"),
    "/your-messages/visa-conversations/": ("template-filler.js", "#template-spoken-visa-needs-actions"),
    "/action-plan/": ("checklist.js", "[data-checklist-panel]"),
}
WIDTHS = {"small phone": 320, "desktop": 1280}


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
    held: list[Route] = []

    def hold(route: Route) -> None:  # the page is painted and Material has started; the feature's code is on its way
        held.append(route)

    page.route(f"**/assets/js/{module}", hold)
    page.goto(server.origin + path, wait_until="domcontentloaded")
    while not held:
        page.wait_for_timeout(20)
    shown = page.locator(shown_by_feature)
    expect(shown).to_be_hidden()
    before = footer_top(page)
    held[0].continue_()
    expect(shown).to_be_visible()
    assert footer_top(page) == before
