"""axe-core on every page in both colour schemes, and in the states a reader brings about: zero violations allowed,
no rule disabled. Material's own findings are fixed by the overrides tested in test_theme_overrides.py."""
from __future__ import annotations

import json

import pytest
from axe import violations
from playwright.sync_api import expect

from browser import search_for, wait_until
from site_build import html_pages, page_url_path

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_violations(site_dir, server, page, watch, scheme):
    page.emulate_media(color_scheme=scheme)
    found = {}
    for built in html_pages(site_dir):
        path = page_url_path(site_dir, built)
        page.goto(server.origin + path, wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected, path
        if problems := violations(page):
            found[path] = problems
    assert found == {}
    assert watch.problems() == []


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, page):
    page.emulate_media(color_scheme=request.param)
    return page


def test_a_filled_template(server, scheme_page):
    scheme_page.goto(server.origin + "/your-messages/etiquette-and-thank-you/")
    root = scheme_page.locator("section.tpl[data-template-ready]").first
    expect(root).to_be_attached()  # .all() below does not wait: the widget must have started
    for control in root.locator("input[data-field][type=text]").all():
        control.fill("محمد الأحمد <b>test</b>")
    expect(root.locator("[data-template-output]")).to_contain_text("محمد الأحمد")
    assert violations(scheme_page) == []


def test_a_ticked_checklist_with_the_import_error_showing(server, scheme_page, tmp_path):
    scheme_page.goto(server.origin + "/action-plan/")
    boxes = scheme_page.locator("[data-task-id] input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "something else"}))
    with scheme_page.expect_file_chooser() as chooser:
        scheme_page.get_by_role("button", name="Import ticks").click()
    chooser.value.set_files(str(broken))
    expect(scheme_page.locator("[data-checklist-message]")).to_contain_text("Nothing was changed.")
    assert violations(scheme_page) == []


def test_the_search_dialog_with_results(server, scheme_page):
    scheme_page.goto(server.origin + "/", wait_until="networkidle")
    search_for(scheme_page, "visa")
    expect(scheme_page.locator(".md-search-result__meta")).to_contain_text("matching")
    expect(scheme_page.locator(".md-search-result__item").first).to_be_visible()
    # Material fades the results in: axe measures the colours a reader sees once they have settled.
    wait_until(scheme_page, "() => document.getAnimations().every((animation) => animation.playState !== 'running')")
    assert violations(scheme_page) == []


def test_the_mobile_navigation_drawer(server, scheme_page):
    scheme_page.set_viewport_size({"width": 390, "height": 844})
    scheme_page.goto(server.origin + "/faq/", wait_until="networkidle")
    scheme_page.locator("label.md-header__button[for='__drawer']").click()
    expect(scheme_page.locator(".md-sidebar--primary")).to_be_in_viewport()
    assert violations(scheme_page) == []
