"""The template fillers in Chromium, on the built site, typed into and clicked as a reader would."""
from __future__ import annotations

import datetime
import functools
import json
import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser import wait_until
from handbook.reviewed import human_date
from site_build import html_pages, page_url_path

pytestmark = pytest.mark.browser

PROFILE_KEY = "peds-img-handbook.profile.v1"
# Names in many scripts: accents, Arabic (right to left), Chinese, Devanagari.
SAMPLES = ["Zoë Đặng-Müller", "محمد الأحمد", "王小明", "अनन्या शर्मा", "Seán Ó Briain", "Łukasz Żółć"]
THANKS = "/your-messages/etiquette-and-thank-you/"
LETTERS = "/your-messages/letters-of-interest-and-intent/"


@functools.cache
def pages_with_widgets(site_dir) -> dict[str, list[str]]:
    """URL path -> the template ids on that page."""
    found = {}
    for built in html_pages(site_dir):
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        ids = [root["data-template"] for root in soup.select("section.tpl[data-template]")]
        if ids:
            found[page_url_path(site_dir, built)] = ids
    return found


def open_page(page, server, path: str) -> None:
    page.goto(server.origin + path)
    page.wait_for_selector("section.tpl[data-template-ready]", state="attached")


def text_of(page, root_selector: str, part: str) -> str | None:
    """The exact text the reader gets: textContent, as Copy and Download use it."""
    return page.eval_on_selector(root_selector, f"(root) => root.querySelector('{part}')?.textContent ?? null")


def clipboard(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def fill_widget(page, root: str, key_values: dict[str, str]) -> dict[str, str]:
    """Type a distinctive value into every field with the keyboard; return what the preview should show per field."""
    shown = {}
    for control in page.locator(f"{root} [data-field]").all():
        key = control.get_attribute("data-field")
        kind = control.evaluate("(c) => c.type")
        if kind == "select-one":
            options = control.locator("option").all_inner_texts()
            shown[key] = options[-1]
            control.select_option(options[-1])
        elif kind == "date":
            control.fill("2027-01-14")
            shown[key] = "January 14, 2027"
        else:
            value = key_values.setdefault(key, f"{SAMPLES[len(key_values) % len(SAMPLES)]} {key}")
            control.fill("")
            control.press_sequentially(value)
            shown[key] = value
    return shown


@pytest.fixture
def clip(context, server):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)


def test_every_widget_fills_copies_mails_and_downloads_what_it_shows(site_dir, server, page, watch, clip):
    assert len(pages_with_widgets(site_dir)) >= 10
    checked = 0
    for path, ids in pages_with_widgets(site_dir).items():
        open_page(page, server, path)
        values: dict[str, str] = {}  # one value per key, so fields shared through the profile agree
        for template_id in ids:
            root = f"#template-{template_id}"
            fields = page.locator(f"{root} [data-field][required]").count()
            if not values:  # the page's first widget starts empty; later ones share its profile fields
                status = page.locator(f"{root} [data-template-status]").inner_text()
                assert status.startswith(f"{fields} of {fields} required fields still empty"), status
            shown = fill_widget(page, root, values)
            body = text_of(page, root, "[data-template-output]")
            subject = text_of(page, root, "[data-template-subject]")
            where = f"{path} {template_id}"
            for key, value in shown.items():
                assert value in (subject or "") + body, f"{where}: {key} not in the preview"
            assert page.locator(f"{root} mark.tpl-slot").count() == 0, where
            assert "{{" not in body and not re.search(r"\[[A-Z][^\]]*\]", body), where
            status = page.locator(f"{root} [data-template-status]").inner_text()
            assert status.startswith(f"All {fields} required fields filled · {len(body.split())} words"), where

            if page.locator(f"{root} [data-template-confirm]").count():
                page.locator(f"{root} [data-template-confirm]").check()
            page.click(f"{root} [data-action=copy]")
            expect_message(page, root, "Copied.")
            assert clipboard(page) == body, where
            if subject is not None:
                page.click(f"{root} [data-action=copy-subject]")
                expect_message(page, root, "Subject copied.")
                assert clipboard(page) == subject, where
            mail = page.locator(f"{root} [data-action=mail]")
            if mail.count():
                parts = urllib.parse.urlsplit(mail.get_attribute("href"))
                query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
                assert parts.scheme == "mailto" and query["body"] == [body.replace("\n", "\r\n")], where
                assert query.get("subject") == ([subject] if subject is not None else None), where
            with page.expect_download() as download:
                page.click(f"{root} [data-action=download]")
            saved = open(download.value.path(), encoding="utf-8").read()
            assert download.value.suggested_filename == f"{template_id}.txt"
            assert saved == (f"Subject: {subject}\n\n" if subject is not None else "") + body + "\n", where
            checked += 1
    assert checked >= 12
    assert watch.problems() == []


def expect_message(page, root: str, text: str) -> None:
    wait_until(
        page, "([root, text]) => document.querySelector(root + ' [data-template-message]').textContent.startsWith(text)",
        arg=[root, text],
    )


def test_date_field_reads_as_a_us_date(server, page, watch):
    open_page(page, server, THANKS)
    root = "#template-thank-you"
    date = page.locator(f"{root} input[type=date]").first
    date.fill("2027-01-04")
    assert page.locator(f"{root} output.tpl-date").first.inner_text() == "January 4, 2027"
    assert "January 4, 2027" in text_of(page, root, "[data-template-output]") + text_of(page, root, "[data-template-subject]")
    assert watch.problems() == []


@pytest.mark.parametrize("day", [datetime.date(2026, 12, 31), datetime.date(2027, 2, 28), datetime.date(2027, 9, 9)])
def test_the_widget_writes_a_date_as_the_pages_do(server, page, day):
    """The US date style has two definitions, the pages' (Python: human_date) and the widget's (template-filler.js):
    they must agree, or a letter would date a day one way and the handbook's review line another."""
    open_page(page, server, THANKS)
    page.locator("#template-thank-you input[type=date]").first.fill(day.isoformat())
    assert page.locator("#template-thank-you output.tpl-date").first.inner_text() == human_date(day)


def test_html_typed_into_a_field_stays_inert_text(server, page, watch, clip):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, server, THANKS)
    root = "#template-thank-you"
    payload = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>'
    for control in page.locator(f"{root} input[type=text]").all():
        control.fill(payload)
    # The preview updates on each input event: wait until it shows the typed text.
    expect(page.locator(f"{root} [data-template-output]")).to_contain_text(payload)
    expect(page.locator(f"{root} [data-template-subject]")).to_contain_text(payload)
    body = text_of(page, root, "[data-template-output]")
    assert payload in body and payload in text_of(page, root, "[data-template-subject]")
    assert page.locator(f"{root} img, {root} [data-template-output] script").count() == 0
    page.click(f"{root} [data-action=copy]")
    expect_message(page, root, "Copied.")
    assert clipboard(page) == body
    assert dialogs == [] and page.evaluate("() => window.__pwned") is None
    assert watch.problems() == []


def name_field(template_id: str) -> str:
    return f"#template-{template_id}-full_name"


def test_profile_carries_to_a_template_on_another_page(server, page, watch):
    open_page(page, server, THANKS)
    page.locator(name_field("thank-you")).press_sequentially("Nguyễn Thị Hoa")
    page.evaluate("() => { window.__samePage = true; }")
    # Material's instant navigation swaps the page without a reload; the profile stays in memory, not in storage.
    page.locator(f'.md-nav--primary a[href$="{LETTERS.strip("/").split("/")[-1]}/"]').first.click()
    page.wait_for_url(re.compile(re.escape(LETTERS) + r"(#.*)?$"))  # navigation.tracking may add a #section
    page.wait_for_selector("#template-letter-of-intent[data-template-ready]", state="attached")
    assert page.evaluate("() => window.__samePage") is True
    for template_id in ("letter-of-interest", "letter-of-intent"):
        assert page.input_value(name_field(template_id)) == "Nguyễn Thị Hoa"
        assert "Nguyễn Thị Hoa" in text_of(page, f"#template-{template_id}", "[data-template-output]")
    assert page.evaluate(f"() => localStorage.getItem('{PROFILE_KEY}')") is None
    assert watch.problems() == []


def test_profile_is_shared_live_between_widgets_on_one_page(server, page, watch):
    open_page(page, server, LETTERS)
    page.locator(name_field("letter-of-interest")).press_sequentially("Aisha Bello")
    assert page.input_value(name_field("letter-of-intent")) == "Aisha Bello"
    assert "Aisha Bello" in text_of(page, "#template-letter-of-intent", "[data-template-output]")
    assert watch.problems() == []


def test_remember_survives_a_reload_and_forget_clears(server, page, watch):
    open_page(page, server, THANKS)
    page.locator(name_field("thank-you")).press_sequentially("Olúwaseun Adébáyọ̀")
    page.reload()
    page.wait_for_selector("#template-thank-you[data-template-ready]", state="attached")
    assert page.input_value(name_field("thank-you")) == "", "without 'remember' nothing is kept"

    page.locator(name_field("thank-you")).press_sequentially("Olúwaseun Adébáyọ̀")
    page.check("#template-thank-you-remember")
    page.reload()
    page.wait_for_selector("#template-thank-you[data-template-ready]", state="attached")
    assert page.input_value(name_field("thank-you")) == "Olúwaseun Adébáyọ̀"
    assert page.is_checked("#template-thank-you-remember")
    assert "Olúwaseun Adébáyọ̀" in text_of(page, "#template-thank-you", "[data-template-output]")
    saved = json.loads(page.evaluate(f"() => localStorage.getItem('{PROFILE_KEY}')"))
    assert saved == {"fields": {"full_name": "Olúwaseun Adébáyọ̀"}}

    forget(page, "thank-you")
    assert page.input_value(name_field("thank-you")) == ""
    assert not page.is_checked("#template-thank-you-remember")
    assert page.locator("#template-thank-you mark.tpl-slot[data-slot=full_name]").count() >= 1
    assert page.evaluate(f"() => localStorage.getItem('{PROFILE_KEY}')") is None
    page.reload()
    page.wait_for_selector("#template-thank-you[data-template-ready]", state="attached")
    assert page.input_value(name_field("thank-you")) == ""
    assert watch.problems() == []


def forget(page, template_id: str) -> None:
    """Forget asks first; confirm it."""
    page.click(f"#template-{template_id}-forget")
    page.click(f"#template-{template_id} [data-action=forget-yes]")


BLOCKED_STORAGE = {
    "getter throws": "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});",
    "methods throw": "for (const m of ['getItem', 'setItem', 'removeItem']) Storage.prototype[m] = () => { throw new DOMException('blocked', 'SecurityError'); };",
}


@pytest.mark.parametrize("how", sorted(BLOCKED_STORAGE))
def test_blocked_storage_leaves_the_widget_usable(server, context, page, watch, clip, how):
    context.add_init_script(BLOCKED_STORAGE[how])
    open_page(page, server, THANKS)
    root = "#template-thank-you"
    page.locator(name_field("thank-you")).press_sequentially("Chen Jing 陈静")
    page.click("#template-thank-you-remember")  # the box cannot stay ticked: nothing would be remembered
    expect_message(page, root, "This browser does not let the handbook save.")
    assert not page.is_checked("#template-thank-you-remember")
    assert "Chen Jing 陈静" in text_of(page, root, "[data-template-output]")
    page.click(f"{root} [data-action=copy]")
    expect_message(page, root, "Copied.")
    assert clipboard(page) == text_of(page, root, "[data-template-output]")
    forget(page, "thank-you")
    assert page.input_value(name_field("thank-you")) == ""
    assert watch.problems() == []


def test_corrupt_saved_profile_is_kept_aside_not_lost(server, context, page, watch):
    context.add_init_script(f"localStorage.getItem('{PROFILE_KEY}') === null && localStorage.setItem('{PROFILE_KEY}', '{{not json');")
    open_page(page, server, THANKS)
    assert page.input_value(name_field("thank-you")) == ""
    kept = page.evaluate("() => Object.keys(localStorage).filter((k) => k.includes('.unreadable.')).map((k) => localStorage.getItem(k))")
    assert kept == ["{not json"]
    assert watch.problems() == []


def test_letter_of_intent_confirmation_blocks_copy_and_mail_until_ticked(server, page, watch, clip):
    open_page(page, server, LETTERS)
    root = "#template-letter-of-intent"
    page.evaluate("() => navigator.clipboard.writeText('nothing copied yet')")
    page.click(f"{root} [data-action=copy]")
    expect_message(page, root, "First tick the box")
    assert clipboard(page) == "nothing copied yet"
    assert page.evaluate("() => document.activeElement.id") == "template-letter-of-intent-confirm"
    mail_went = page.eval_on_selector(
        f"{root} [data-action=mail]", "(a) => a.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))")
    assert mail_went is False
    page.check(f"{root} [data-template-confirm]")
    page.click(f"{root} [data-action=copy]")
    expect_message(page, root, "Copied.")
    assert clipboard(page) == text_of(page, root, "[data-template-output]")
    assert watch.problems() == []


def test_without_javascript_the_letter_reads_and_prints_with_blanks(no_js_page, server):
    page = no_js_page
    page.goto(server.origin + THANKS)
    root = page.locator("#template-thank-you")
    assert not root.locator("[data-template-form]").is_visible()
    assert not root.locator("[data-template-actions]").is_visible()
    assert root.locator("mark.tpl-slot").first.is_visible()
    assert "[Your full name]" in root.locator("[data-template-output]").inner_text()
    page.emulate_media(media="print")
    slot = root.locator("mark.tpl-slot").first
    assert slot.evaluate("(m) => getComputedStyle(m).color") == "rgba(0, 0, 0, 0)"
    assert slot.evaluate("(m) => getComputedStyle(m).borderBottomStyle") == "solid"
    # A small caption under the blank says what goes there (issue 15).
    assert slot.evaluate("(m) => getComputedStyle(m, '::after').content") == '"Your full name"'


def test_printing_a_filled_template_prints_the_letter_not_the_form(server, page, watch):
    open_page(page, server, THANKS)
    root = "#template-thank-you"
    page.locator(name_field("thank-you")).press_sequentially("Kwame Mensah")
    page.emulate_media(media="print")
    assert not page.locator(f"{root} [data-template-form]").is_visible()
    assert not page.locator(f"{root} [data-template-actions]").is_visible()
    filled = page.locator(f"{root} mark.tpl-filled").first
    assert filled.is_visible() and filled.inner_text() == "Kwame Mensah"
    assert filled.evaluate("(m) => getComputedStyle(m).color") != "rgba(0, 0, 0, 0)"
    assert watch.problems() == []


def test_an_empty_optional_field_drops_out_of_the_letter(server, page, watch):
    """Letter of interest: "recent update" is optional. Left empty, no "[label]" may reach the copied letter."""
    open_page(page, server, "/your-messages/letters-of-interest-and-intent/")
    root = "#template-letter-of-interest"
    for control in page.locator(f"{root} [data-field][required]").all():
        if control.get_attribute("type") == "date":
            control.fill("2027-01-14")
        elif control.evaluate("c => c.tagName") == "SELECT":
            control.select_option(index=1)
        else:
            control.fill("Zeynep")
    body = text_of(page, root, "[data-template-output]")
    assert "[" not in body and "]" not in body
    assert "\n\n\n" not in body, "the empty optional paragraph left a blank gap"
    assert all(line == line.rstrip() for line in body.splitlines()), "a line ends with a stray space"
    assert page.locator(f"{root} [data-template-status]").inner_text().startswith("All ")
    optional = page.locator(f"{root} [data-field]:not([required])").first
    optional.fill("I passed USMLE Step 3 in December.")
    assert "\n\nI passed USMLE Step 3 in December.\n\n" in text_of(page, root, "[data-template-output]")
    assert watch.problems() == []
