"""The sources box as a reader meets it: visible, reachable by keyboard, readable in both schemes, easy to tap."""
import re

import pytest
from playwright.sync_api import expect

from browser import low_contrast

pytestmark = pytest.mark.browser
PAGE = "scenarios/asked-where-else/"


def test_a_reader_follows_a_source_to_its_entry_on_the_sources_page(server, page, watch):
    page.goto(server.site_url + PAGE)
    box = page.get_by_role("complementary", name="Official sources for this page")
    expect(box).to_be_visible()
    expect(box.get_by_role("link", name="Match Code of Conduct for Programs")).to_have_attribute(
        "href", "https://www.nrmp.org/policy/match-code-of-conduct-programs/")
    entry_links = box.locator("a.page-sources-entry")
    expect(entry_links).to_have_count(3)
    expect(entry_links.last).to_have_attribute("href", re.compile(r"sources/#src-nrmp-code-programs$"))
    entry_links.last.focus()
    page.keyboard.press("Enter")
    # Material's navigation.tracking may then rewrite the hash to the nearest heading, so check where the reader is.
    expect(page).to_have_url(re.compile(r"/sources/"))
    entry = page.locator("li#src-nrmp-code-programs")
    expect(entry).to_be_in_viewport()
    expect(entry).to_contain_text("what programs may not ask you")
    assert watch.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_box_is_readable_and_its_links_are_easy_to_tap(server, page, watch, scheme):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(server.site_url + PAGE)
    box = page.locator("aside.page-sources")
    box.scroll_into_view_if_needed()
    assert low_contrast(page, [".page-sources h2", ".page-sources p", ".page-sources li a", ".page-sources-entry"]) == {}
    for link in box.locator("li a").all():
        size = link.bounding_box()
        assert size["height"] >= 44, link.text_content()
    assert watch.problems() == []
