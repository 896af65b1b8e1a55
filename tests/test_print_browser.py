"""Printing single pages in Chromium: no web chrome on any page, and a filled letter prints filled."""
from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect

from site_build import html_pages, page_url_path

pytestmark = pytest.mark.browser
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-top",
          ".md-footer__inner"]


def test_print_hides_header_sidebars_and_buttons_on_every_page(server, page, watch):
    page.emulate_media(media="print")
    for built in html_pages(server.site_dir):
        if built.name != "index.html" or built.parent.name == "404":
            continue
        page.goto(server.origin + page_url_path(server.site_dir, built))
        shown = [selector for selector in CHROME
                 if any(element.is_visible() for element in page.locator(selector).all())]
        assert shown == [], f"{built}: {shown} still print"
        assert page.locator(".md-content h1 >> visible=true").count() >= 1  # the content itself prints
    assert watch.problems() == []


def test_a_filled_template_prints_the_filled_letter(server, page, watch):
    from pypdf import PdfReader

    page.goto(server.origin + "/your-messages/etiquette-and-thank-you/")
    # Typed before the widget has started, the keys would reach the page, where "n" is Material's "next page" key.
    root = page.locator("[data-template=thank-you][data-template-ready]")
    field = root.locator("[data-field=full_name]")
    expect(field).to_be_visible()
    field.press_sequentially("Kwame Mensah")
    expect(root.locator("[data-template-output]")).to_contain_text("Kwame Mensah")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(page.pdf())).pages)
    assert "Kwame Mensah" in text
    assert "Open in mail app" not in text and "Remember my details on this device" not in text
    assert watch.problems() == []


def test_external_links_print_their_address(server, page):
    page.goto(server.origin + "/rules/what-the-rules-allow/")
    page.emulate_media(media="print")
    link = page.locator(".md-content a[href^='https://']").first
    after = link.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after


def test_a_printed_page_keeps_the_edition_and_permanent_address(server, page):
    page.goto(server.origin + "/rules/what-the-rules-allow/")
    page.emulate_media(media="print")
    edition = page.locator(".md-footer .handbook-edition")
    expect(edition).to_be_visible()
    expect(edition).to_contain_text("Edition of")
    expect(edition).to_contain_text("Permanent address:")
    expect(page.locator(".md-footer__inner")).to_be_hidden()  # the previous / next links stay off paper
