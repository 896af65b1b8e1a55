"""Keystroke to updated preview on the largest template, in Debian's Chromium (budget: 5 ms). Used by scripts/bench.py,
which also weighs the template JS + CSS."""
from __future__ import annotations

import pathlib
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from browser import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from site_build import SiteServer, html_pages, page_url_path  # noqa: E402

KEYSTROKES = 200
BUDGET_MS = 5.0

# After each real key press: time from the keydown to the preview updated and laid out. The document-level input
# listener runs after the widget's own (on its form), so the preview is already changed when it fires.
# A capture listener also marks when the input event starts, to tell the widget's own share from the browser's.
_TIMER = """(field) => {
  window.__times = [];
  let down = 0, start = 0;
  const output = field.closest('.tpl').querySelector('[data-template-output]');
  field.addEventListener('keydown', () => { down = performance.now(); });
  document.addEventListener('input', () => { start = performance.now(); }, true);
  document.addEventListener('input', () => {
    output.getBoundingClientRect();
    const end = performance.now();
    window.__times.push([end - down, end - start]);
  });
}"""


def largest_template(site_dir: pathlib.Path) -> tuple[str, str]:
    """(URL path, template id) of the widget with the longest body."""
    from bs4 import BeautifulSoup

    best = (0, "", "")
    for page in html_pages(site_dir):
        for root in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("section.tpl"):
            size = len(root.select_one("[data-template-output]").get_text())  # type: ignore[union-attr]
            best = max(best, (size, page_url_path(site_dir, page), str(root["data-template"])))
    return best[1], best[2]


def keystroke_times(site_dir: pathlib.Path) -> tuple[str, list[tuple[float, float]]]:
    from playwright.sync_api import sync_playwright

    path, template_id = largest_template(site_dir)
    with SiteServer(site_dir) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        page.goto(server.origin + path)
        field = page.locator(f"#template-{template_id} input[type=text]").last
        field.wait_for()
        field.evaluate(_TIMER)
        field.press_sequentially("x" * KEYSTROKES)
        times = page.evaluate("() => window.__times")
        browser.close()
    return template_id, times


def _stats(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {"median": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1], "max": times[-1]}


def measure(site_dir: pathlib.Path) -> dict:
    template_id, times = keystroke_times(site_dir)
    return {
        "template": template_id,
        "keystroke_ms": _stats([total for total, _ in times]),  # key press to preview laid out
        "widget_ms": _stats([own for _, own in times]),  # the widget's handler plus that layout
    }


def report(site_dir: pathlib.Path) -> None:
    result = measure(site_dir)
    print(f"template fillers, largest template: {result['template']} ({KEYSTROKES} key presses)")
    for name, label in (("keystroke_ms", "key press to preview"), ("widget_ms", "of which the widget + layout")):
        figures = result[name]
        print(f"  {label}: median {figures['median']:.2f} ms, p95 {figures['p95']:.2f} ms, max {figures['max']:.2f} ms")
    verdict = "within" if result["keystroke_ms"]["median"] <= BUDGET_MS else "OVER"
    print(f"  median {verdict} the {BUDGET_MS:.0f} ms budget (p95 and max move with the machine's load)")
