"""The advisors' page in Chromium (issue 9): each Copy link button copies the row's clean absolute address."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def clipboard(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def test_copy_link_copies_the_clean_absolute_address(server, context, page, watch):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    page.goto(server.origin + "/advisors/?h=letter")  # as after a search: the query must not be copied
    status = page.locator(".advisor-copy-status")

    page.get_by_role("button", name="Copy the address of Talking about your visa").click()
    expect(status).to_have_text(f"Copied: {server.origin}/your-messages/visa-conversations/")
    assert clipboard(page) == f"{server.origin}/your-messages/visa-conversations/"

    thank_you = page.get_by_role("button", name="Copy the address of Thank-you email after an interview")
    thank_you.focus()
    page.keyboard.press("Enter")  # keyboard alone works
    address = f"{server.origin}/your-messages/etiquette-and-thank-you/#template-thank-you"
    expect(status).to_have_text(f"Copied: {address}")
    assert clipboard(page) == address

    page.goto(address)  # the copied address opens the page at the template
    expect(page.locator("#template-thank-you")).to_be_in_viewport()
    assert watch.problems() == []


def test_copy_buttons_are_big_enough_and_start_after_instant_navigation(server, page, watch):
    page.goto(server.origin + "/about/")
    page.locator("article a[href$='/advisors/']").first.click()  # Material swaps the page without reloading
    buttons = page.locator("[data-copy-link]")
    expect(buttons.first).to_be_visible()
    assert buttons.count() >= 40
    box = buttons.first.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert watch.problems() == []


def test_without_clipboard_the_address_is_shown_to_copy_by_hand(server, page):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined })")
    page.goto(server.origin + "/advisors/")
    page.get_by_role("button", name="Copy the address of Glossary").click()
    expect(page.locator(".advisor-copy-status")).to_have_text(
        f"Could not copy here. Select and copy this address: {server.origin}/glossary/")


def test_without_javascript_no_dead_button_shows(no_js_page, server):
    no_js_page.goto(server.origin + "/advisors/")
    expect(no_js_page.locator("[data-copy-link]").first).to_be_hidden()
    expect(no_js_page.locator("[data-advisor-links] td a[href*='#template-']").first).to_be_visible()
    # Nor an empty line kept for messages that only the script writes.
    expect(no_js_page.locator("[data-advisor-copy-status]")).to_be_hidden()
