"""The interview-season tracker in Chromium, on the built site, used as a reader would (issue 12)."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from browser import low_contrast

pytestmark = pytest.mark.browser

KEY = "peds-img-handbook.tracker.v1"
TRACKER = "/tools/tracker/"
NOT_SAVED = "not saving your tracker"
BLOCKED_STORAGE = """Object.defineProperty(window, "localStorage", {configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});"""
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


# --- helpers: what a reader does and sees -----------------------------------------------------------------------------

def open_tracker(page, server) -> None:
    page.goto(server.origin + TRACKER)
    expect(page.locator("[data-tracker-add]")).to_be_visible()


def reload(page) -> None:
    page.reload()
    expect(page.locator("[data-tracker-add]")).to_be_visible()  # the tracker's code loads after the page


def day(page, offset: int) -> str:
    """The reader's local date `offset` days from today, YYYY-MM-DD, as the browser counts it."""
    return page.evaluate(
        """(offset) => { const d = new Date(); d.setDate(d.getDate() + offset);
        return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-"); }""",
        offset,
    )


def programs(page):
    return page.locator("[data-program]")


def add(page, name: str, **fields) -> None:
    """Add a program with the reader's mouse, and fill its fields by their names in the markup contract."""
    page.locator("[data-tracker-add]").click()
    row = programs(page).last
    row.locator("input[name=program]").fill(name)
    for field, value in fields.items():
        control = row.locator(f"[name={field.replace('_', '-')}]")
        if isinstance(value, bool):
            control.set_checked(value)
        elif control.evaluate("c => c.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(str(value))


def check(page, name: str):
    return page.locator(f"[data-tracker-checks] [data-check={name}]")


# The handbook section each check links to.
SECTIONS = {
    "thank-you-due": "/your-messages/etiquette-and-thank-you/#when-to-send",
    "second-letter-of-intent": "/your-messages/letters-of-interest-and-intent/#letter-of-intent",
    "single-program": "/strategy/ambiguous-messages/#never-rely-on-one",
    "no-visa-match": "/your-messages/visa-conversations/#research-programs",
    "one-program-type": "/strategy/ambiguous-messages/#broad-list",
    "rank-rose-after-praise": "/messages-from-programs/rank-you-highly/#true-order",
}


def expect_link_to_section(page, server, name: str) -> None:
    expect(check(page, name).get_by_role("link")).to_have_attribute("href", server.origin + SECTIONS[name])


def names(page) -> list[str]:
    return page.eval_on_selector_all("[data-program] input[name=program]", "inputs => inputs.map(i => i.value)")


def stored(page):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{KEY}'))")


def message(page):
    return page.locator("[data-tracker-message]")


def export(page, kind: str, tmp_path):
    with page.expect_download() as download:
        page.locator(f"[data-tracker-export={kind}]").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def import_file(page, path) -> None:
    page.locator("input[type=file][data-tracker-import]").set_input_files(str(path))


# --- saving -----------------------------------------------------------------------------------------------------------

def test_three_programs_survive_a_reload(server, page, watch):
    open_tracker(page, server)
    add(page, "Riverside Children's", type="community", visa="j1", rank=2)
    add(page, "مستشفى الأطفال — North", visa="both", rank=1)
    add(page, "St. Mary's \"Peds\", Ohio", visa="unknown")
    page.locator("select[name=my-visa]").select_option("j1")
    reload(page)
    expect(programs(page)).to_have_count(3)
    assert names(page) == ["Riverside Children's", "مستشفى الأطفال — North", "St. Mary's \"Peds\", Ohio"]
    expect(programs(page).nth(0).locator("select[name=type]")).to_have_value("community")
    expect(programs(page).nth(1).locator("select[name=visa]")).to_have_value("both")
    expect(programs(page).nth(0).locator("input[name=rank]")).to_have_value("2")
    expect(page.locator("select[name=my-visa]")).to_have_value("j1")
    assert stored(page)["version"] == 1
    assert watch.problems() == []


def test_removing_a_program_asks_first(server, page, watch):
    open_tracker(page, server)
    add(page, "Keep me")
    add(page, "Remove me")
    remove = programs(page).nth(1).get_by_role("button", name="Remove this program")
    remove.click()
    expect(programs(page)).to_have_count(2)  # the first press only asks
    programs(page).nth(1).get_by_role("button", name="Press again to remove it for good").click()
    expect(programs(page)).to_have_count(1)
    assert names(page) == ["Keep me"]
    reload(page)
    assert names(page) == ["Keep me"]
    assert watch.problems() == []


# --- deadlines and checks ---------------------------------------------------------------------------------------------

def test_thank_you_deadlines_show_due_and_overdue_and_go_to_the_calendar(server, page, watch, tmp_path):
    open_tracker(page, server)
    yesterday, last_week = day(page, -1), day(page, -7)
    add(page, "Lakeside", interview_date=yesterday)
    add(page, "Hillcrest", interview_date=last_week)
    row = programs(page).nth(0)
    expect(row.locator("[data-tracker-deadline]")).to_contain_text(f"Thank-you due {day(page, 0)} to {day(page, 1)}")
    expect(check(page, "thank-you-due")).to_contain_text("Lakeside")
    expect(check(page, "thank-you-overdue")).to_contain_text("Hillcrest")
    expect_link_to_section(page, server, "thank-you-due")

    ics = export(page, "ics", tmp_path).read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") == 2
    assert f"DTSTART;VALUE=DATE:{day(page, 0).replace('-', '')}" in ics
    assert "SUMMARY:Send thank-you note: Lakeside" in ics

    row.locator("input[name=thank-you-sent]").fill(day(page, 0))
    expect(check(page, "thank-you-due")).to_have_count(0)
    expect(row.locator("[data-tracker-deadline]")).to_have_text(f"Thank-you sent on {day(page, 0)}.")
    assert export(page, "ics", tmp_path).read_text(encoding="utf-8").count("BEGIN:VEVENT") == 1
    assert watch.problems() == []


def test_a_second_letter_of_intent_gives_a_warning(server, page, watch):
    open_tracker(page, server)
    add(page, "First", letter_of_intent=True)
    add(page, "Second")
    expect(check(page, "second-letter-of-intent")).to_have_count(0)
    programs(page).nth(1).locator("input[name=letter-of-intent]").check()
    warning = check(page, "second-letter-of-intent")
    expect(warning).to_contain_text("First, Second")
    expect(warning).to_contain_text("one program at most")
    expect_link_to_section(page, server, "second-letter-of-intent")
    programs(page).nth(0).locator("input[name=letter-of-intent]").uncheck()
    expect(warning).to_have_count(0)
    assert watch.problems() == []


def test_rank_list_checks_appear_and_clear_as_the_list_changes(server, page, watch):
    open_tracker(page, server)
    page.locator("select[name=my-visa]").select_option("h1b")
    add(page, "Only J-1", type="university", visa="j1", rank=1)
    expect(check(page, "single-program")).to_be_visible()
    expect(check(page, "no-visa-match")).to_be_visible()
    expect_link_to_section(page, server, "single-program")
    expect_link_to_section(page, server, "no-visa-match")

    add(page, "Also university", type="university", visa="h1b", rank=2)
    expect(check(page, "single-program")).to_have_count(0)
    expect(check(page, "no-visa-match")).to_have_count(0)
    expect(check(page, "one-program-type")).to_be_visible()
    expect_link_to_section(page, server, "one-program-type")

    add(page, "Community", type="community", visa="both", rank=3)
    expect(check(page, "one-program-type")).to_have_count(0)

    # A "we will rank you highly" message arrives while it is third; then the reader moves it to first.
    row = programs(page).nth(2)
    row.get_by_role("button", name="Log a message received").click()
    row.locator("select[name=message-kind]").select_option("rank-you-highly")
    expect(check(page, "rank-rose-after-praise")).to_have_count(0)
    row.locator("input[name=rank]").fill("1")
    reminder = check(page, "rank-rose-after-praise")
    expect(reminder).to_contain_text("Community moved up your list")
    expect_link_to_section(page, server, "rank-rose-after-praise")
    reload(page)
    expect(check(page, "rank-rose-after-praise")).to_be_visible()  # the log and its rank are saved
    assert watch.problems() == []


def test_every_check_link_leads_to_its_section(server, page, watch):
    open_tracker(page, server)
    add(page, "Solo", visa="none", rank=1, interview_date=day(page, -1))
    link = check(page, "single-program").get_by_role("link")
    link.click()
    expect(page.locator("#never-rely-on-one")).to_be_in_viewport()
    assert page.url.startswith(server.origin + "/strategy/ambiguous-messages/")
    assert watch.problems() == []


# --- files ------------------------------------------------------------------------------------------------------------

def fill_everything(page) -> None:
    add(page, '=HYPERLINK("http://evil.example","click")', type="community", interview_date="2026-12-01", visa="both",
        visa_source="+1 email from coordinator, Dec 2", img_evidence="@residents: 4 IMGs, see website",
        notes="-tab\there, \"quoted\"\nsecond line",
        thank_you_sent="2026-12-02", letter_of_interest=True, rank=1, rating_training="5", rating_img="3")
    add(page, "Children's, North — Δ 日本", visa="j1", rank=2)


def test_csv_export_and_import_round_trip_is_identical(server, page, watch, tmp_path):
    open_tracker(page, server)
    fill_everything(page)
    first = export(page, "csv", tmp_path).read_bytes()
    assert first.startswith(b"\xef\xbb\xbfProgram,Type,")
    assert b"\r\n" in first
    before = stored(page)

    page.evaluate(f"() => localStorage.removeItem('{KEY}')")
    reload(page)
    expect(programs(page)).to_have_count(0)
    (tmp_path / "again").mkdir()
    copy = tmp_path / "again" / "tracker.csv"
    copy.write_bytes(first)
    import_file(page, copy)
    expect(message(page)).to_contain_text("Imported 2 programs")
    expect(programs(page)).to_have_count(2)
    assert names(page) == ['=HYPERLINK("http://evil.example","click")', "Children's, North — Δ 日本"]
    expect(programs(page).nth(0).locator("textarea[name=notes]")).to_have_value('-tab\there, "quoted"\nsecond line')
    assert stored(page)["programs"] == before["programs"]
    assert export(page, "csv", tmp_path / "again").read_bytes() == first
    assert watch.problems() == []


def test_exported_cells_that_start_like_formulas_are_neutralised(server, page, watch, tmp_path):
    open_tracker(page, server)
    fill_everything(page)
    text = export(page, "csv", tmp_path).read_text(encoding="utf-8-sig")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = rows[1]
    assert cells[0] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert cells[4] == "'+1 email from coordinator, Dec 2"
    assert cells[5] == "'@residents: 4 IMGs, see website"
    assert cells[11] == "'-tab\there, \"quoted\"\nsecond line"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert watch.problems() == []


@pytest.mark.parametrize("content, reason", [
    ("Program,Type\r\nA,university\r\n", "column titles"),
    ("not,a,tracker\r\n\"unclosed", "never closed"),
    ('{"format": "peds-img-handbook.tracker", "version": 1, "myVisa": "j1", "programs": [{"name": "x"}]}', "Program 1"),
    ("{broken json", "not valid JSON"),
])
def test_a_malformed_import_changes_nothing_and_says_why(server, page, watch, tmp_path, content, reason):
    open_tracker(page, server)
    add(page, "Already here", rank=1)
    before = stored(page)
    broken = tmp_path / "broken.csv"
    broken.write_text(content, encoding="utf-8")
    import_file(page, broken)
    expect(message(page)).to_contain_text(reason)
    expect(message(page)).to_contain_text("Nothing was changed")
    assert names(page) == ["Already here"]
    assert stored(page) == before
    assert watch.problems() == []


def test_a_csv_row_with_a_bad_value_is_refused_by_line(server, page, watch, tmp_path):
    open_tracker(page, server)
    add(page, "Good")
    good = export(page, "csv", tmp_path).read_text(encoding="utf-8-sig")
    bad = tmp_path / "bad.csv"
    bad.write_text(good + "Second,hospital" + "," * 15 + "\r\n", encoding="utf-8")
    before = stored(page)
    import_file(page, bad)
    expect(message(page)).to_contain_text(
        "Program 2 (“Second”): the type “hospital” is not university or community")
    assert stored(page) == before
    assert watch.problems() == []


def test_json_backup_restores_everything(server, page, watch, tmp_path):
    open_tracker(page, server)
    page.locator("select[name=my-visa]").select_option("none")
    fill_everything(page)
    backup = export(page, "json", tmp_path)
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["format"] == "peds-img-handbook.tracker" and data["version"] == 1
    before = stored(page)
    page.evaluate(f"() => localStorage.removeItem('{KEY}')")
    reload(page)
    import_file(page, backup)
    expect(programs(page)).to_have_count(2)
    expect(page.locator("select[name=my-visa]")).to_have_value("none")
    assert stored(page) == before
    assert watch.problems() == []


# --- hostile text, storage faults, privacy ----------------------------------------------------------------------------

def test_script_payloads_in_every_field_stay_inert_text(server, page, watch, tmp_path):
    open_tracker(page, server)
    add(page, PAYLOAD, visa_source=PAYLOAD, img_evidence=PAYLOAD, notes=PAYLOAD, rank=1, letter_of_intent=True)
    add(page, "‏مرحبا " + PAYLOAD, letter_of_intent=True)
    reload(page)
    assert names(page) == [PAYLOAD, "‏مرحبا " + PAYLOAD]
    expect(check(page, "second-letter-of-intent")).to_contain_text(PAYLOAD)
    expect(page.locator(".tracker-chart--ratings tbody th").first).to_have_text(PAYLOAD)
    assert page.locator("[data-tracker] img, [data-tracker] script").count() == 0
    backup = export(page, "json", tmp_path)
    page.evaluate(f"() => localStorage.removeItem('{KEY}')")
    reload(page)
    import_file(page, backup)
    expect(programs(page)).to_have_count(2)
    assert page.locator("[data-tracker] img, [data-tracker] script").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert watch.problems() == []


def test_blocked_storage_works_for_the_visit_and_says_it_is_not_saved(context, page, server, watch):
    context.add_init_script(BLOCKED_STORAGE)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_tracker(page, server)
    expect(page.locator("[data-tracker-note]")).to_contain_text(NOT_SAVED)
    add(page, "For this visit", rank=1)
    expect(check(page, "single-program")).to_be_visible()
    page.get_by_role("link", name="FAQ").first.click()
    # Material's navigation.tracking may carry the tracker's section hash over to the new address.
    expect(page).to_have_url(re.compile(re.escape(server.origin + "/faq/") + r"(#[\w-]+)?$"))
    page.go_back()
    expect(page.locator("[data-tracker-add]")).to_be_visible()
    assert page.url.startswith(server.origin + TRACKER)
    expect(programs(page)).to_have_count(1)
    assert names(page) == ["For this visit"]
    assert watch.problems() == []


def test_a_corrupt_saved_value_is_kept_aside_and_the_tracker_starts_empty(page, server, watch):
    page.goto(server.origin + "/")
    page.evaluate(f"() => localStorage.setItem('{KEY}', '{{corrupt')")
    open_tracker(page, server)
    expect(page.locator("[data-tracker-note]")).to_contain_text("kept aside")
    expect(programs(page)).to_have_count(0)
    add(page, "Fresh start")
    kept = page.evaluate(f"() => Object.keys(localStorage).filter(k => k.startsWith('{KEY}.corrupt.'))"
                         ".map(k => localStorage.getItem(k))")
    assert kept == ["{corrupt"]
    reload(page)
    assert names(page) == ["Fresh start"]
    assert watch.problems() == []


def test_erase_all_on_the_about_page_clears_the_tracker(server, page, watch):
    open_tracker(page, server)
    add(page, "Private")
    page.goto(server.origin + "/about/")
    page.get_by_role("button", name="Delete everything this handbook saved in this browser").click()
    assert page.evaluate(f"() => localStorage.getItem('{KEY}')") is None
    open_tracker(page, server)
    expect(programs(page)).to_have_count(0)
    assert watch.problems() == []


# --- keyboard, no script, contrast ------------------------------------------------------------------------------------

def test_keyboard_only_use(server, page, watch):
    open_tracker(page, server)
    page.locator("[data-tracker-add]").focus()
    page.keyboard.press("Enter")
    name = page.get_by_role("textbox", name="Program name")
    expect(name).to_be_focused()  # focus moves into the new program
    page.keyboard.type("Typed by keyboard")
    page.keyboard.press("Tab")
    expect(page.get_by_role("combobox", name="Type")).to_be_focused()
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("ArrowDown")  # choose "Community"
    expect(page.get_by_role("combobox", name="Type")).to_have_value("community")
    reload(page)
    assert names(page) == ["Typed by keyboard"]
    sizes = page.eval_on_selector_all(
        "[data-tracker] button, [data-tracker] input:not([type=file]), [data-tracker] select",
        """els => els.map(e => { const b = (e.closest('label') || e).getBoundingClientRect();
        return [b.width, b.height]; })""")
    assert sizes and all(w >= 44 and h >= 44 for w, h in sizes), sizes
    assert watch.problems() == []


def test_without_javascript_the_page_explains_and_links_the_action_plan(no_js_page, server):
    page = no_js_page
    page.goto(server.origin + TRACKER)
    root = page.locator("[data-tracker]")
    expect(root).to_contain_text("The tracker needs JavaScript")
    expect(root.get_by_role("link", name="action plan")).to_have_attribute("href", "../../action-plan/")
    expect(page.locator("#checks")).to_be_visible()


PICKS = [".tracker-button", ".tracker-field span", ".tracker input[name=program]", ".tracker select",
         ".tracker-deadline", ".tracker-finding", ".tracker-finding a", ".tracker-chart td", ".tracker legend"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_controls_meet_aa_contrast(server, page, watch, scheme):
    page.emulate_media(color_scheme=scheme)
    open_tracker(page, server)
    add(page, "Contrast", interview_date=day(page, -1), rank=1, rating_feel="4")
    expect(check(page, "thank-you-due")).to_be_visible()
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    assert low_contrast(page, PICKS) == {}
    assert watch.problems() == []
