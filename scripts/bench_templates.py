"""Measure the template fillers' budgets (issue 3) on the built site, in Debian's Chromium.

- keystroke to updated preview on the largest template: budget 5 ms;
- template JS + CSS, gzipped, as the browser fetches them: budget 8 KB.

Usage: .venv/bin/python scripts/bench_templates.py [SITE_DIR]   (builds into a temporary folder when none is given)
scripts/bench.py can import `measure(site_dir)`.
"""
from __future__ import annotations

import gzip
import pathlib
import statistics
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from browser import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from site_build import SiteServer, build, html_pages, page_url_path  # noqa: E402

FILES = ["assets/js/template-filler.js", "assets/js/store.js", "assets/js/boot.js", "assets/css/template-filler.css"]
KEYSTROKES = 200
BUDGET_MS, BUDGET_BYTES = 5.0, 8 * 1024

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


def gzip_sizes(site_dir: pathlib.Path) -> dict[str, int]:
    return {name: len(gzip.compress((site_dir / name).read_bytes(), compresslevel=9)) for name in FILES}


def largest_template(site_dir: pathlib.Path) -> tuple[str, str]:
    """(URL path, template id) of the widget with the longest body."""
    from bs4 import BeautifulSoup

    best = (0, "", "")
    for page in html_pages(site_dir):
        for root in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("section.tpl"):
            size = len(root.select_one("[data-template-output]").get_text())
            best = max(best, (size, page_url_path(site_dir, page), root["data-template"]))
    return best[1], best[2]


def keystroke_times(site_dir: pathlib.Path) -> tuple[str, list[float]]:
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
    sizes = gzip_sizes(site_dir)
    template_id, times = keystroke_times(site_dir)
    return {
        "template": template_id,
        "keystroke_ms": _stats([total for total, _ in times]),  # key press to preview laid out
        "widget_ms": _stats([own for _, own in times]),  # the widget's handler plus that layout
        "gzip_bytes": sizes,
        "gzip_total": sum(sizes.values()),
    }


def main() -> None:
    if len(sys.argv) > 1:
        site_dir = pathlib.Path(sys.argv[1])
    else:
        site_dir = pathlib.Path(tempfile.mkdtemp(prefix="bench-site-"))
        build(site_dir)
    result = measure(site_dir)
    print(f"Template fillers, largest template: {result['template']} ({KEYSTROKES} key presses)")
    for name, label in (("keystroke_ms", "key press to preview"), ("widget_ms", "of which the widget + layout")):
        figures = result[name]
        print(f"  {label}: median {figures['median']:.2f} ms, p95 {figures['p95']:.2f} ms, max {figures['max']:.2f} ms")
    print(f"  budget: {BUDGET_MS:.0f} ms for a typical key press (the median; p95 and max move with the machine's load)")
    for name, size in result["gzip_bytes"].items():
        print(f"  {name}: {size} B gzip")
    print(f"  template JS + CSS: {result['gzip_total']} B gzip = {result['gzip_total'] / 1024:.2f} KB (budget 8 KB)")
    within = result["keystroke_ms"]["median"] <= BUDGET_MS and result["gzip_total"] <= BUDGET_BYTES
    print("  within budget" if within else "  OVER BUDGET")


if __name__ == "__main__":
    main()
