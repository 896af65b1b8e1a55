"""A reader on a shared computer can delete everything the handbook saved, in one click."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SAVED_KEYS = "() => Object.keys(localStorage).filter(k => k.startsWith('peds-img-handbook.') || k.includes('.__'))"


def test_one_button_deletes_every_saved_detail_and_tick(server, page, watch):
    page.goto(server.origin + "/your-messages/etiquette-and-thank-you/")
    page.locator("#template-thank-you-full_name").fill("Layla Haddad")
    page.locator("#template-thank-you-remember").check()
    page.goto(server.origin + "/action-plan/")
    page.locator("li[data-task-id] input").first.check()
    page.locator("[data-md-component='palette'] label").first.click()  # Material saves the colour scheme too
    page.evaluate("() => localStorage.setItem('peds-img-handbook.checklist.v1.corrupt.1', '{not json')")
    assert len(page.evaluate(SAVED_KEYS)) >= 4

    page.goto(server.origin + "/about/")
    page.get_by_role("button", name="Delete everything this handbook saved in this browser").click()
    expect(page.locator("[data-forget-all-message]")).to_contain_text("Nothing from this handbook is saved")
    assert page.evaluate(SAVED_KEYS) == []

    page.goto(server.origin + "/action-plan/")
    expect(page.locator("li[data-task-id] input:checked")).to_have_count(0)
    page.goto(server.origin + "/your-messages/etiquette-and-thank-you/")
    expect(page.locator("#template-thank-you-full_name")).to_have_value("")
    assert watch.problems() == []


def test_without_javascript_the_button_is_not_offered(no_js_page, server):
    no_js_page.goto(server.origin + "/about/")
    expect(no_js_page.locator("[data-forget-all-button]")).to_be_hidden()
