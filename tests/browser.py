"""Launch Debian's Chromium through Playwright, and watch a page for errors and off-site requests."""
from __future__ import annotations

import pathlib
import time
from typing import TYPE_CHECKING, Any

from gates import require

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page, Request

CHROMIUM = pathlib.Path("/usr/bin/chromium")
# Playwright's own browser download is blocked here, and Chromium's background services would try the network.
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def require_chromium() -> None:
    """Skip locally without Chromium, but fail under CI: a browser test must never pass by not running."""
    require(CHROMIUM.exists(), f"{CHROMIUM} is missing; `make test` installs it with apt-get")


class PageWatch:
    """What a reader's browser would report: console errors, uncaught exceptions, requests to other origins."""

    def __init__(self, page: Page, origin: str) -> None:
        self.page, self.origin = page, origin
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.context.on("request", self._on_request)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(message.text)

    def _on_request(self, request: Request) -> None:
        url = request.url
        if not (url.startswith(self.origin + "/") or url.startswith(("data:", "blob:", "about:"))):
            self.foreign_requests.append(url)

    def problems(self) -> list[str]:
        return (
            [f"console error: {m}" for m in self.console_errors]
            + [f"uncaught: {m}" for m in self.page_errors]
            + [f"request to another origin: {u}" for u in self.foreign_requests]
        )


# WCAG contrast of each selector's first element against the first opaque background behind it.
_CONTRAST = """(selectors) => {
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c.length < 4 || c[3] > 0) return c; }
    return [255, 255, 255];
  };
  const ratio = (el) => {
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  return Object.fromEntries(selectors.map((s) => [s, ratio(document.querySelector(s))]));
}"""


def low_contrast(page: Page, selectors: list[str], minimum: float = 4.5) -> dict[str, float]:
    """The selectors whose text falls below the AA contrast ratio (4.5:1 for body text)."""
    return {selector: ratio for selector, ratio in page.evaluate(_CONTRAST, selectors).items() if ratio < minimum}


def search_for(page: Page, query: str) -> None:
    """Open Material's search with its "/" shortcut and type a query, as a reader would, pressing "/" again if the
    dialog closed under them: Material closes it on a late hash change (after the skip link, say) and while its index
    still says "Initializing search"."""
    from playwright.sync_api import expect

    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing", timeout=20_000)
    dialog_open = page.locator("#__search")
    for _ in range(3):
        page.keyboard.press("/")
        page.keyboard.press("Control+A")  # a query from an earlier search stays in the box
        page.keyboard.type(query)
        try:
            expect(dialog_open).to_be_checked(timeout=2_000)
            expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            page.keyboard.press("Escape")
    raise AssertionError(f"the search dialog would not stay open for {query!r}")


def wait_until(page: Page, predicate: str, arg: Any = None, timeout: float = 30.0, interval: float = 0.02) -> Any:
    """Poll a JavaScript function until it returns something truthy, and return that. A stand-in for
    `page.wait_for_function`, whose in-page polling evaluates a string: the handbook's Content-Security-Policy forbids
    that, so its polls fail silently until the timeout. Each poll here is one `page.evaluate`, which CSP allows."""
    deadline = time.monotonic() + timeout
    while not (value := page.evaluate(predicate, arg)):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {predicate}")
        time.sleep(interval)
    return value
