"""The action-plan checklist in Chromium, on the built site, ticked and clicked as a reader would (issue 4)."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from browser import PageWatch, low_contrast

pytestmark = pytest.mark.browser

KEY = "peds-img-handbook.checklist.v1"
PLAN = "/action-plan/"
NOT_SAVED = "not saving your ticks"
KEPT_ASIDE = "kept aside, not deleted"

BLOCKED_STORAGE = """Object.defineProperty(window, "localStorage", {configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }});"""
FULL_STORAGE = """Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""


# --- helpers: what a reader sees ---------------------------------------------------------------------------------------

def open_plan(page, server) -> None:
    page.goto(server.origin + PLAN)
    expect(page.locator("[data-checklist-panel]")).to_be_visible()


def phases(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-checklist-progress]:not([data-checklist-progress=''])", "bars => bars.map(b => b.dataset.checklistProgress)"
    )


def items(page, phase: str | None = None) -> list[str]:
    selector = f"li[data-phase='{phase}']" if phase else "li[data-task-id]"
    return page.eval_on_selector_all(selector, "lis => lis.map(li => li.dataset.taskId)")


def box(page, task_id: str):
    return page.locator(f"#task-{task_id} input[type=checkbox]").first


def progress(page, phase: str = ""):
    return page.locator(f"[data-checklist-progress='{phase}'] .checklist-progress-text")


def bar_value(page, phase: str = "") -> tuple[int, int]:
    return tuple(page.eval_on_selector(f"[data-checklist-progress='{phase}'] progress", "p => [p.value, p.max]"))


def checked_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "li[data-task-id]", "lis => lis.filter(li => li.querySelector('input').checked).map(li => li.dataset.taskId)"
    )


def stored(page):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem('{KEY}'))")


def note(page):
    return page.locator("[data-checklist-note]")


def message(page):
    return page.locator("[data-checklist-message]")


def spread(page) -> list[str]:
    """Two items of the first phase, one of the third, the last of the fifth."""
    p = phases(page)
    assert len(p) == 5
    return items(page, p[0])[:2] + items(page, p[2])[:1] + items(page, p[4])[-1:]


def tick(page, ids) -> None:
    for task_id in ids:
        box(page, task_id).check()


def nav_link(page, name: str):
    return page.locator("nav.md-nav--primary").get_by_role("link", name=name, exact=True).first


def at(page, path: str) -> None:
    """Wait until the address is `path`; navigation.tracking may add the section in view as a #fragment."""
    page.wait_for_url(re.compile(re.escape(path) + r"(#.*)?$"), wait_until="commit")
    expect(page.locator("h1").first).to_be_visible()


def preload(page, server, values: dict[str, str]) -> None:
    """Put raw values into the site's storage, as an earlier visit or an older release would have left them."""
    page.goto(server.origin + "/404.html")
    page.evaluate("values => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }", values)


# --- persistence and progress --------------------------------------------------------------------------------------------

def test_ticks_in_several_phases_survive_reload_with_the_right_progress(server, page, watch):
    open_plan(page, server)
    chosen = spread(page)
    total, p = len(items(page)), phases(page)
    tick(page, chosen)
    expect(progress(page)).to_have_text(f"4 of {total} done")

    page.reload()
    expect(page.locator("[data-checklist-panel]")).to_be_visible()
    for task_id in chosen:
        expect(box(page, task_id)).to_be_checked()
    assert sorted(checked_ids(page)) == sorted(chosen)
    expect(progress(page, p[0])).to_have_text(f"2 of {len(items(page, p[0]))} done")
    expect(progress(page, p[1])).to_have_text(f"0 of {len(items(page, p[1]))} done")
    expect(progress(page, p[2])).to_have_text(f"1 of {len(items(page, p[2]))} done")
    expect(progress(page, p[4])).to_have_text(f"1 of {len(items(page, p[4]))} done")
    expect(progress(page)).to_have_text(f"4 of {total} done")
    assert bar_value(page) == (4, total) and bar_value(page, p[0]) == (2, len(items(page, p[0])))
    assert sorted(stored(page)["lists"]["action-plan"]["ticked"]) == sorted(chosen)
    assert stored(page)["version"] == 1
    expect(note(page)).to_be_hidden()
    assert watch.problems() == []


def test_unticking_is_saved_too(server, page, watch):
    open_plan(page, server)
    first, second = items(page)[:2]
    tick(page, [first, second])
    box(page, first).uncheck()
    page.reload()
    expect(box(page, second)).to_be_checked()
    expect(box(page, first)).not_to_be_checked()
    expect(progress(page)).to_have_text(f"1 of {len(items(page))} done")
    assert watch.problems() == []


def test_instant_navigation_away_and_back_keeps_the_state(server, page, watch):
    page.set_viewport_size({"width": 1280, "height": 900})  # wide enough for the site's navigation sidebar
    open_plan(page, server)
    chosen, total = spread(page)[:3], len(items(page))
    tick(page, chosen)
    page.evaluate("() => { window.__sameDocument = true; }")

    nav_link(page, "FAQ").click()
    at(page, "/faq/")
    expect(page.locator("h1").first).to_have_text(re.compile("question|FAQ", re.I))
    nav_link(page, "Action plan").click()
    at(page, PLAN)
    assert page.evaluate("() => window.__sameDocument === true"), "the site reloaded: instant navigation is off"

    expect(progress(page)).to_have_text(f"3 of {total} done")
    assert sorted(checked_ids(page)) == sorted(chosen)
    # The new page is started once: one more tick counts once, and is saved.
    extra = next(i for i in items(page) if i not in chosen)
    box(page, extra).check()
    expect(progress(page)).to_have_text(f"4 of {total} done")
    assert len(stored(page)["lists"]["action-plan"]["ticked"]) == 4

    page.go_back()
    at(page, "/faq/")
    page.go_forward()
    at(page, PLAN)
    expect(progress(page)).to_have_text(f"4 of {total} done")
    assert watch.problems() == []


# --- keyboard, screen reader, no script, print -------------------------------------------------------------------------

def test_keyboard_and_screen_reader_use(server, page, watch):
    open_plan(page, server)
    first_phase = phases(page)[0]
    task_id = items(page, first_phase)[0]
    words = page.locator(f"#task-{task_id} label").inner_text().strip()
    checkbox = page.get_by_role("checkbox", name=words, exact=True)
    expect(checkbox).to_have_count(1)  # the checkbox is named by its item's words

    checkbox.focus()
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    title = page.locator(f"h2#{first_phase}").evaluate("h => h.firstChild.textContent.trim()")
    total, in_phase = len(items(page)), len(items(page, first_phase))
    live = page.locator("[data-checklist-live]")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_have_text(f"{title}: 1 of {in_phase} done. All phases: 1 of {total} done.")
    expect(page.get_by_role("progressbar", name="All phases")).to_have_attribute("value", "1")
    expect(page.get_by_role("progressbar", name=title)).to_be_visible()

    page.keyboard.press("Space")
    expect(checkbox).not_to_be_checked()
    expect(live).to_have_text(f"{title}: 0 of {in_phase} done. All phases: 0 of {total} done.")
    assert watch.problems() == []


def test_without_javascript_it_is_a_plain_list_of_empty_boxes(no_js_page, server):
    page = no_js_page
    page.goto(server.origin + PLAN)
    boxes = page.locator("li[data-task-id] input[type=checkbox]")
    assert boxes.count() >= 15
    assert page.eval_on_selector_all(
        "li[data-task-id] input", "bs => bs.every(b => b.disabled && !b.checked)"
    )
    expect(page.locator("li[data-task-id]").first).to_be_visible()
    expect(page.locator("[data-checklist-panel]")).to_be_hidden()
    expect(page.locator("[data-checklist-progress]").first).to_be_hidden()
    expect(page.get_by_role("button", name="Export ticks")).to_be_hidden()


def test_print_shows_the_current_ticks_and_hides_the_buttons(server, page, watch):
    open_plan(page, server)
    chosen = spread(page)[:2]
    tick(page, chosen)
    page.emulate_media(media="print")
    for task_id in chosen:
        expect(box(page, task_id)).to_be_visible()
        expect(box(page, task_id)).to_be_checked()
    unticked = next(i for i in items(page) if i not in chosen)
    expect(box(page, unticked)).to_be_visible()
    expect(box(page, unticked)).not_to_be_checked()
    for name in ["Export ticks", "Import ticks", "Reset…"]:
        expect(page.get_by_role("button", name=name)).to_be_hidden()
    expect(progress(page)).to_be_visible()
    expect(progress(page)).to_have_text(f"2 of {len(items(page))} done")
    assert page.pdf()[:4] == b"%PDF"
    assert watch.problems() == []


CONTRAST_PICKS = [".checklist-panel .md-button", ".checklist-progress-text", ".checklist-intro", ".checklist-text", ".checklist-note"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_controls_meet_aa_contrast(server, page, watch, scheme):
    page.emulate_media(color_scheme=scheme)
    open_plan(page, server)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected
    assert low_contrast(page, CONTRAST_PICKS) == {}
    assert watch.problems() == []


# --- reset, export, import ------------------------------------------------------------------------------------------------

def export_file(page, tmp_path):
    with page.expect_download() as download:
        page.get_by_role("button", name="Export ticks").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def import_file(page, path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import ticks").click()
    chooser.value.set_files(str(path))


def test_export_reset_import_restores_the_ticks(server, page, watch, tmp_path):
    open_plan(page, server)
    chosen, total = spread(page)[:3], len(items(page))
    tick(page, chosen)

    path = export_file(page, tmp_path)
    assert re.fullmatch(r"action-plan-ticks-\d{4}-\d{2}-\d{2}\.json", path.name)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["checklist"]) == ("peds-img-handbook.checklist", 1, "action-plan")
    assert sorted(data["ticked"]) == sorted(chosen)

    page.get_by_role("button", name="Reset…").click()
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    expect(page.get_by_role("button", name="Reset…")).to_have_attribute("aria-expanded", "true")
    page.get_by_role("button", name="Yes, untick all").click()
    expect(progress(page)).to_have_text(f"0 of {total} done")
    assert checked_ids(page) == []
    assert stored(page)["lists"]["action-plan"]["ticked"] == []
    expect(page.get_by_role("button", name="Yes, untick all")).to_be_hidden()

    import_file(page, path)
    expect(message(page)).to_have_text("Imported 3 ticks.")
    expect(progress(page)).to_have_text(f"3 of {total} done")
    assert sorted(checked_ids(page)) == sorted(chosen)
    page.reload()
    expect(progress(page)).to_have_text(f"3 of {total} done")
    assert sorted(checked_ids(page)) == sorted(chosen)
    assert watch.problems() == []


def test_reset_asks_first_and_cancel_keeps_the_ticks(server, page, watch):
    open_plan(page, server)
    chosen = items(page)[:2]
    tick(page, chosen)
    page.get_by_role("button", name="Reset…").click()
    expect(page.get_by_text(re.compile(r"^Untick all \d+ items\?"))).to_be_visible()
    page.get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("button", name="Reset…")).to_be_focused()
    expect(page.get_by_role("button", name="Yes, untick all")).to_be_hidden()
    assert sorted(checked_ids(page)) == sorted(chosen)
    page.reload()
    assert sorted(checked_ids(page)) == sorted(chosen)
    assert watch.problems() == []


BROKEN_FILES = {
    "not-json": (b"{ this is not JSON", "not valid JSON"),
    "empty": (b"", "not valid JSON"),
    "another-file": (json.dumps({"name": "my CV", "ticked": ["a"]}).encode(), "not a checklist export"),
    "another-version": (json.dumps({"format": "peds-img-handbook.checklist", "version": 2, "checklist": "action-plan",
                                    "ticked": []}).encode(), "another version"),
    "another-checklist": (json.dumps({"format": "peds-img-handbook.checklist", "version": 1, "checklist": "other-list",
                                      "ticked": []}).encode(), "another checklist"),
    "markup-as-id": (json.dumps({"format": "peds-img-handbook.checklist", "version": 1, "checklist": "action-plan",
                                 "ticked": ['<img src=x id="injected">']}).encode(), "damaged"),
    "ticks-not-a-list": (json.dumps({"format": "peds-img-handbook.checklist", "version": 1, "checklist": "action-plan",
                                     "ticked": "all"}).encode(), "damaged"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_FILES))
def test_a_broken_import_changes_nothing_and_says_so(server, page, watch, tmp_path, case):
    content, words = BROKEN_FILES[case]
    open_plan(page, server)
    chosen = items(page)[:2]
    tick(page, chosen)
    before = stored(page)
    path = tmp_path / f"{case}.json"
    path.write_bytes(content)
    import_file(page, path)
    expect(message(page)).to_contain_text(words)
    expect(message(page)).to_contain_text("Nothing was changed.")
    assert sorted(checked_ids(page)) == sorted(chosen)
    expect(progress(page)).to_have_text(f"2 of {len(items(page))} done")
    assert stored(page) == before
    assert page.locator("#injected").count() == 0
    assert watch.problems() == []


def test_an_import_keeps_ticks_for_unknown_ids_aside(server, page, watch, tmp_path):
    open_plan(page, server)
    known = items(page)[1]
    path = tmp_path / "from-a-later-edition.json"
    path.write_text(json.dumps({
        "format": "peds-img-handbook.checklist", "version": 1, "checklist": "action-plan",
        "ticked": [known, "an-item-from-next-year"], "aside": ["an-older-item"],
    }), encoding="utf-8")
    import_file(page, path)
    expect(message(page)).to_have_text(
        "Imported 1 ticks. 2 ticks match no item on this page; they were kept aside, not dropped."
    )
    assert checked_ids(page) == [known]
    entry = stored(page)["lists"]["action-plan"]
    assert entry["ticked"] == [known] and sorted(entry["aside"]) == ["an-item-from-next-year", "an-older-item"]

    box(page, items(page)[0]).check()  # later saves keep them too
    page.reload()
    assert sorted(stored(page)["lists"]["action-plan"]["aside"]) == ["an-item-from-next-year", "an-older-item"]
    data = json.loads(export_file(page, tmp_path).read_text(encoding="utf-8"))
    assert sorted(data["aside"]) == ["an-item-from-next-year", "an-older-item"]
    assert watch.problems() == []


# --- two tabs ---------------------------------------------------------------------------------------------------------------

def test_two_tabs_stay_in_sync(context, server):
    first, second = context.new_page(), context.new_page()
    watches = [PageWatch(first, server.origin), PageWatch(second, server.origin)]
    open_plan(first, server)
    open_plan(second, server)
    a, b = items(first)[:2]
    total = len(items(first))

    box(first, a).check()
    expect(box(second, a)).to_be_checked()
    expect(progress(second)).to_have_text(f"1 of {total} done")

    box(second, a).uncheck()
    box(second, b).check()
    expect(box(first, a)).not_to_be_checked()
    expect(box(first, b)).to_be_checked()
    expect(progress(first)).to_have_text(f"1 of {total} done")
    assert [w.problems() for w in watches] == [[], []]


# --- storage faults -------------------------------------------------------------------------------------------------------

def assert_usable(page, ticks: int = 2) -> list[str]:
    """Tick items and see them ticked and counted: the list works for this visit."""
    chosen = items(page)[:ticks]
    tick(page, chosen)
    for task_id in chosen:
        expect(box(page, task_id)).to_be_checked()
    expect(progress(page)).to_have_text(f"{ticks} of {len(items(page))} done")
    return chosen


def test_blocked_storage_still_works_for_the_visit_and_says_ticks_are_not_saved(context, page, server, watch):
    context.add_init_script(BLOCKED_STORAGE)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_plan(page, server)
    assert page.evaluate("() => { try { localStorage; return false; } catch { return true; } }")
    expect(note(page)).to_contain_text(NOT_SAVED)
    chosen = assert_usable(page)
    # The visit keeps them across instant navigation.
    nav_link(page, "FAQ").click()
    at(page, "/faq/")
    nav_link(page, "Action plan").click()
    at(page, PLAN)
    expect(progress(page)).to_have_text(f"2 of {len(items(page))} done")
    assert sorted(checked_ids(page)) == sorted(chosen)
    expect(note(page)).to_contain_text(NOT_SAVED)
    assert watch.problems() == []


def test_full_storage_keeps_the_list_working_and_shows_the_note(context, page, server, watch):
    open_plan(page, server)
    earlier = items(page)[-1]
    box(page, earlier).check()  # saved while storage still had room
    context.add_init_script(FULL_STORAGE)
    page.reload()
    expect(box(page, earlier)).to_be_checked()
    expect(note(page)).to_be_hidden()  # nothing has failed yet
    box(page, items(page)[0]).check()
    expect(note(page)).to_contain_text(NOT_SAVED)
    expect(box(page, items(page)[0])).to_be_checked()
    expect(progress(page)).to_have_text(f"2 of {len(items(page))} done")
    assert stored(page)["lists"]["action-plan"]["ticked"] == [earlier]
    assert watch.problems() == []


def test_a_corrupt_value_is_kept_aside_and_the_list_starts_empty(page, server, watch):
    preload(page, server, {KEY: "{corrupt"})
    open_plan(page, server)
    expect(note(page)).to_contain_text(KEPT_ASIDE)
    assert checked_ids(page) == []
    chosen = assert_usable(page)
    kept = page.evaluate(
        f"() => Object.keys(localStorage).filter(k => k.startsWith('{KEY}.corrupt.')).map(k => localStorage.getItem(k))"
    )
    assert kept == ["{corrupt"]
    page.reload()
    assert sorted(checked_ids(page)) == sorted(chosen)
    expect(note(page)).to_be_hidden()
    assert watch.problems() == []


def test_a_corrupt_value_is_never_overwritten_when_it_cannot_be_kept_aside(context, page, server, watch):
    preload(page, server, {KEY: "{corrupt"})
    context.add_init_script(FULL_STORAGE)
    open_plan(page, server)
    expect(note(page)).to_contain_text(NOT_SAVED)
    assert_usable(page)
    assert page.evaluate(f"() => localStorage.getItem('{KEY}')") == "{corrupt"
    assert watch.problems() == []


def test_a_value_from_an_older_version_is_kept_aside_and_saving_goes_on(page, server, watch):
    old_value = json.dumps({"version": 0, "done": ["check-current-rules"]})
    preload(page, server, {KEY: old_value, "peds-img-handbook.checklist.v0": old_value})
    open_plan(page, server)
    expect(note(page)).to_contain_text(KEPT_ASIDE)
    chosen = assert_usable(page)
    kept = page.evaluate(
        f"() => Object.keys(localStorage).filter(k => k.startsWith('{KEY}.unreadable-v0.')).map(k => localStorage.getItem(k))"
    )
    assert [json.loads(value) for value in kept] == [json.loads(old_value)]
    assert page.evaluate("() => localStorage.getItem('peds-img-handbook.checklist.v0')") == old_value
    page.reload()
    assert sorted(checked_ids(page)) == sorted(chosen)
    expect(note(page)).to_be_hidden()
    assert watch.problems() == []


# --- finer storage faults: each tells a guarded write from an unguarded one ----------------------------------------------

def storage_that_refuses(rule: str) -> str:
    """An init script: setItem throws a quota error whenever `rule` (a JS expression of key and value) is true."""
    return f"""{{ const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {{
    if ({rule}) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return setItem.call(this, key, value); }}; }}"""


def kept_aside(page) -> dict[str, str]:
    return page.evaluate(
        f"() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('{KEY}.'))"
        ".map(k => [k, localStorage.getItem(k)]))"
    )


def test_when_only_the_keep_aside_write_fails_the_corrupt_value_is_not_overwritten(context, page, server, watch):
    preload(page, server, {KEY: "{corrupt"})
    context.add_init_script(storage_that_refuses("key.includes('.corrupt.')"))
    open_plan(page, server)
    expect(note(page)).to_contain_text(NOT_SAVED)
    assert_usable(page)  # every tick tries to save again: each must leave the reader's old value alone
    assert page.evaluate(f"() => localStorage.getItem('{KEY}')") == "{corrupt"
    assert kept_aside(page) == {}
    assert watch.problems() == []


def test_two_corruptions_in_a_row_keep_both_copies(context, page, server, watch):
    # The clock stands still, so both copies are kept aside in the same millisecond.
    context.add_init_script("Date.now = () => 1767225600000;")
    preload(page, server, {KEY: "{first corrupt value"})
    open_plan(page, server)
    expect(note(page)).to_contain_text(KEPT_ASIDE)
    page.evaluate(f"() => localStorage.setItem('{KEY}', '{{second corrupt value')")
    page.reload()
    expect(note(page)).to_contain_text(KEPT_ASIDE)
    assert_usable(page)
    assert sorted(kept_aside(page).values()) == ["{first corrupt value", "{second corrupt value"]
    assert watch.problems() == []


def test_storage_full_only_for_large_values(context, page, server, watch):
    """Small saves fit, a large one does not: the last value that fitted stays, and the page says ticks are not saved."""
    context.add_init_script(storage_that_refuses("String(value).length > 120"))
    open_plan(page, server)
    first = items(page)[:2]
    tick(page, first)  # {"version":1,"lists":{"action-plan":{"ticked":[two ids],"aside":[]}}} fits in 120 characters
    expect(progress(page)).to_have_text(f"2 of {len(items(page))} done")
    expect(note(page)).to_be_hidden()
    assert stored(page)["lists"]["action-plan"]["ticked"] == first

    more = items(page)[2:6]
    tick(page, more)
    expect(note(page)).to_contain_text(NOT_SAVED)
    expect(progress(page)).to_have_text(f"6 of {len(items(page))} done")
    assert stored(page)["lists"]["action-plan"]["ticked"] == first

    assert watch.problems() == []


def test_a_large_corrupt_value_that_cannot_be_kept_aside_is_not_replaced_by_a_small_one(context, page, server, watch):
    large = "{" + "x" * 500
    preload(page, server, {KEY: large})
    context.add_init_script(storage_that_refuses("String(value).length > 120"))
    open_plan(page, server)
    expect(note(page)).to_contain_text(NOT_SAVED)
    assert_usable(page)  # a small value would fit: it must not take the old one's place
    assert page.evaluate(f"() => localStorage.getItem('{KEY}')") == large
    assert kept_aside(page) == {}
    assert watch.problems() == []
