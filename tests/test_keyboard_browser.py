"""One whole task with the keyboard alone: skip link, search, a template filled and copied, two ticks exported.
At every stop the focused element is visible and shows a focus ring that can be measured."""
from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from browser import search_for

pytestmark = pytest.mark.browser

# What the reader sees of the focused element: its name, whether it is shown, and the width of its focus indicator.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const isShown = (node) => {
    const box = node.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && getComputedStyle(node).visibility !== 'hidden';
  };
  // Material hides some radio inputs and shows their focus on the label that stands for them.
  const label = !isShown(el) && el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
  const seen = label && isShown(label) ? label : el;
  const style = getComputedStyle(seen);
  const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  return {
    name: (el.getAttribute('aria-label') || el.textContent || el.name || el.id || el.tagName).trim().slice(0, 60),
    tag: el.tagName.toLowerCase(),
    id: el.id,
    inHidden: !!el.closest('[hidden], [aria-hidden="true"]'),
    shown: isShown(seen),
    ring: Math.max(outline, style.boxShadow === 'none' ? 0 : 1),
    dateInput: el.type === 'date',
    inTemplate: !!el.closest('section.tpl'),
    field: el.dataset.field || null,
    action: el.dataset.action || el.dataset.checklistAction || null,
    task: el.closest('[data-task-id]')?.dataset.taskId || null,
  };
}"""


class Keyboard:
    """Presses keys and checks, after each one, that focus is somewhere a sighted keyboard user can see it."""

    def __init__(self, page):
        self.page = page

    def focused(self) -> dict | None:
        return self.page.evaluate(FOCUSED)

    def press(self, key: str) -> dict | None:
        before = self.focused()
        self.page.keyboard.press(key)
        now = self.focused()
        if now is None:
            return now
        assert not now["inHidden"] and now["shown"], f"focus on a hidden control after {key}: {now}"
        # Tab inside a date input moves between its month, day and year; Chromium marks the current part itself.
        within_date = now["dateInput"] and before is not None and before["id"] == now["id"]
        assert within_date or now["ring"] >= 1, f"no visible focus indicator after {key}: {now}"
        return now

    def tab_until(self, wanted, limit: int = 150, key: str = "Tab") -> dict:
        for _ in range(limit):
            now = self.press(key)
            if now is not None and wanted(now):
                return now
        raise AssertionError(f"Tab never reached the control; focus ended on {self.focused()}")


def choose_search_result(page, keys, path: str) -> None:
    """Arrow down through the results to the page's own result, then open it with Enter."""
    expect(page.locator(f".md-search-result__link[href*='{path}']:visible").first).to_be_visible(timeout=20_000)
    for _ in range(20):
        keys.press("ArrowDown")
        if path in (page.evaluate("document.activeElement.getAttribute('href')") or ""):
            page.keyboard.press("Enter")  # focus is checked once the new page is in, not mid-swap
            page.wait_for_url(f"**{path}**")
            expect(page.locator(".md-content h1")).to_be_focused()  # the swap is done when focus moves there
            arrived = keys.focused()
            assert arrived is not None and arrived["tag"] == "h1" and arrived["shown"] and not arrived["inHidden"]
            return
    raise AssertionError(f"the arrow keys never reached the result for {path}")


@pytest.fixture
def keys(context, server, page):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    return Keyboard(page)


def test_a_whole_task_with_the_keyboard_alone(server, page, keys, watch, tmp_path):
    page.goto(server.origin + "/", wait_until="networkidle")

    # Search, and choose a result with the arrow keys.
    search_for(page, "email etiquette")
    expect(page.locator("input.md-search__input")).to_be_focused()
    choose_search_result(page, keys, "/your-messages/etiquette-and-thank-you/")

    # Back up to the skip link, which appears when focused, and use it.
    skip = keys.tab_until(lambda f: f["name"] == "Skip to content", key="Shift+Tab")
    assert skip["tag"] == "a"
    keys.press("Enter")
    expect(page).to_have_url(re.compile(r"#"))

    template = page.locator("section.tpl[data-template='thank-you']")
    expect(template).to_have_attribute("data-template-ready", "true")

    # Tab into the template and type each field, on to the Copy button.
    current = keys.tab_until(lambda f: f["inTemplate"] and f["field"] is not None)
    typed = {}
    while current["action"] != "copy":
        if current["field"] and current["tag"] == "input" and current["field"] not in typed:
            is_date = page.evaluate("document.activeElement.type") == "date"
            page.keyboard.type("01142027" if is_date else f"محمد {current['field']}")
            typed[current["field"]] = True
        current = keys.press("Tab")
        assert current is not None and current["inTemplate"], "Tab left the template before reaching Copy"
    assert len(typed) >= 5, typed
    copy = current
    assert copy["name"].startswith("Copy")
    keys.press("Enter")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "محمد interviewer_name" in copied and "محمد program_feature" in copied

    # The action plan, reached through search too; tick two items and export.
    search_for(page, "action plan")
    choose_search_result(page, keys, "/action-plan/")
    ticked = []
    for _ in range(2):
        box = keys.tab_until(lambda f: f["task"] is not None and f["tag"] == "input" and f["task"] not in ticked)
        keys.press("Space")
        ticked.append(box["task"])
    keys.tab_until(lambda f: f["action"] == "export", key="Shift+Tab")  # the buttons sit above the list
    with page.expect_download() as download:
        keys.press("Enter")
    path = tmp_path / "ticks.json"
    download.value.save_as(path)
    assert sorted(json.loads(path.read_text())["ticked"]) == sorted(ticked)
    assert watch.problems() == []
