"""The message decoder in Chromium, on the built site: paste, read the kinds, follow the links; payloads stay text."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DECODER = "/tools/decoder/"
INPUT = "textarea[data-decoder-input]"
RESULT = "[data-decoder-result]"
MIXED = ("Thank you for visiting us. We really enjoyed meeting you. Our committee placed you in the top "
         "group of our list. If you rank us first, we can guarantee you a position. "
         "Which other programs are you considering?")


def open_decoder(page, server):
    page.goto(server.origin + DECODER)
    expect(page.locator(INPUT)).to_be_visible()


def kinds_shown(page) -> list[str]:
    return page.eval_on_selector_all(f"{RESULT} > [data-kind]", "(els) => els.map((el) => el.dataset.kind)")


def test_pasting_a_message_shows_each_kind_its_phrases_and_links(page, server, watch):
    open_decoder(page, server)
    page.fill(INPUT, MIXED)  # one input event, as a paste gives; results follow without pressing anything
    findings = page.locator(f"{RESULT} > [data-kind]")
    expect(findings).to_have_count(4)
    assert kinds_shown(page) == ["soft-interest", "rank-highly", "pre-match", "improper-question"]

    pre_match = page.locator(f"{RESULT} > [data-kind='pre-match']")
    expect(pre_match.locator("mark")).to_have_text(["If you rank us first", "we can guarantee"])
    expect(pre_match).to_contain_text("What it does not mean:")
    expect(page.locator("[data-decoder-status]")).to_contain_text("Found 4 kinds")

    # The advice names the reader's school office (generic here), linked to the glossary; then the kind's links.
    expect(pre_match.locator(".school-office-mention")).to_have_text("your dean's office")
    links = pre_match.locator(".decoder-links a[href]")
    assert [link.inner_text() for link in links.all()] == [
        "Read: What to do about pre-match language", "Reply template: Confirm the position goes through the Match"]
    links.nth(1).click()
    expect(page).to_have_url(server.origin + "/messages-from-programs/pre-match-language/#template-confirm-nrmp-match")
    expect(page.locator("section#template-confirm-nrmp-match")).to_be_in_viewport()
    assert watch.problems() == []


def test_the_decode_button_runs_it_and_clear_empties_it(page, server, watch):
    open_decoder(page, server)
    # Text set without an input event (as some assistive tools do): only the button decodes it.
    page.eval_on_selector(INPUT, "(el) => { el.value = 'Where else did you interview? Please RSVP for our second look.'; }")
    page.click("[data-decoder-run]")
    expect(page.locator(f"{RESULT} > [data-kind]")).to_have_count(2)
    assert kinds_shown(page) == ["improper-question", "second-look"]
    page.click("[data-decoder-clear]")
    expect(page.locator(f"{RESULT} > *")).to_have_count(0)
    expect(page.locator(INPUT)).to_be_focused()
    assert watch.problems() == []


def test_a_message_with_no_known_kind_says_so(page, server, watch):
    open_decoder(page, server)
    page.fill(INPUT, "We cannot guarantee a position to any applicant. Please rank programs in your true order.")
    none = page.locator(f"{RESULT} > [data-kind]")
    expect(none).to_have_count(1)
    expect(none).to_have_attribute("data-kind", "none")
    expect(none).to_contain_text("No known kind found")
    expect(none.locator("a[href*='messages-from-programs']")).to_have_count(1)
    assert watch.problems() == []


def test_payloads_and_any_script_stay_plain_text(page, server, watch):
    open_decoder(page, server)
    payload = ('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> '
               "محمد: we can guarantee you a spot \u202e<b>bold</b> 王小明")
    page.fill(INPUT, payload)
    finding = page.locator(f"{RESULT} > [data-kind='pre-match']")
    expect(finding.locator("mark")).to_have_text(["we can guarantee"])
    assert page.locator(f"{RESULT} img, {RESULT} script, {RESULT} b").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert page.input_value(INPUT) == payload  # the reader's text is untouched
    assert watch.problems() == []


def test_nothing_is_stored_and_nothing_leaves_the_page(page, server, watch):
    open_decoder(page, server)
    before = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
    page.fill(INPUT, MIXED)
    expect(page.locator(f"{RESULT} > [data-kind]")).to_have_count(4)
    assert page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]") == before
    page.reload()
    expect(page.locator(INPUT)).to_have_value("")
    assert watch.problems() == []


def test_keyboard_only_use(page, server, watch):
    open_decoder(page, server)
    page.focus(INPUT)
    page.keyboard.type("Are we your first choice?")
    page.keyboard.press("Tab")
    expect(page.locator("[data-decoder-run]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"{RESULT} > [data-kind='improper-question']")).to_be_visible()
    box = page.locator("[data-decoder-run]").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert watch.problems() == []


def test_it_works_again_after_instant_navigation(page, server, watch):
    open_decoder(page, server)
    page.click("article a[href$='messages-from-programs/']")
    expect(page).to_have_url(re.compile(re.escape(server.origin) + r"/messages-from-programs/(#[\w-]*)?$"))
    page.click("article a[href$='tools/decoder/']")
    expect(page.locator(INPUT)).to_be_visible()
    page.fill(INPUT, "You will be ranked to match.")
    expect(page.locator(f"{RESULT} > [data-kind]")).to_have_count(1)  # started once: one set of results
    assert kinds_shown(page) == ["rank-highly"]
    assert watch.problems() == []


def test_without_javascript_the_guide_still_explains_each_kind(no_js_page, server):
    no_js_page.goto(server.origin + DECODER)
    expect(no_js_page.locator("[data-decoder-needs-js]")).to_be_visible()
    expect(no_js_page.locator(INPUT)).to_be_hidden()
    expect(no_js_page.locator("[data-decoder-guide] section[data-decoder-kind]")).to_have_count(7)
