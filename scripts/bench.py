"""Benchmark: build time, and the handbook's own JS + CSS per page type as shipped. Run with `make bench`.

Prints one table. Budgets (issue 10): hooks and extensions on vs off <= 1.15x the build time (median of pairs, each pair
taken back to back); handbook JS + CSS per page, minified then gzipped: template pages <= 6 KB, the checklist page
<= 5 KB, other pages <= 2 KB. Then the template fillers' keystroke figures (bench_templates.py), and Lighthouse
against vanilla Material (bench_lighthouse.py).
"""
from __future__ import annotations

import gzip
import pathlib
import tempfile
import urllib.parse

from bench_build import RUNS, build_ratio

import bench_lighthouse
import bench_templates
from browser import CHROMIUM, LAUNCH_ARGS
from site_build import SiteServer

PAGE_TYPES = {  # page type: (a page of that type, budget in KB)
    "template page": ("/your-messages/letters-of-interest-and-intent/", 6.0),
    "checklist page": ("/action-plan/", 5.0),
    "other page": ("/faq/", 2.0),
    "home page": ("/", 2.0),
}
BUILD_RATIO_BUDGET = 1.15
OWN_ASSETS = ("/assets/css/", "/assets/js/")  # the handbook's own; Material's are under assets/stylesheets|javascripts


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def own_assets(site: pathlib.Path, pages: list[str]) -> dict[str, list[pathlib.Path]]:
    """Per page, the handbook's own CSS and JS files a browser fetches for it (feature modules included, which the
    entry module loads only where the page has the feature), as shipped in site/."""
    from playwright.sync_api import Request, sync_playwright

    found: dict[str, list[pathlib.Path]] = {}
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        for page_path in pages:
            page = browser.new_page()
            fetched: list[str] = []

            def note(request: Request, fetched: list[str] = fetched) -> None:
                fetched.append(urllib.parse.urlsplit(request.url).path)

            page.on("request", note)
            page.goto(server.origin + page_path, wait_until="networkidle")
            found[page_path] = [site / path.lstrip("/") for path in dict.fromkeys(fetched)
                                if path.startswith(OWN_ASSETS)]
            page.close()
        browser.close()
    return found


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = pathlib.Path(temp)
        with_s, without_s, ratio = build_ratio(folder)
        rows.append((f"build time, hooks + extensions on / off (median of {RUNS} pairs)",
                     f"{with_s:.2f} s / {without_s:.2f} s = {ratio:.2f}x", f"<= {BUILD_RATIO_BUDGET}x",
                     "ok" if ratio <= BUILD_RATIO_BUDGET else "OVER"))
        site = folder / "with"
        assets = own_assets(site, [page for page, _ in PAGE_TYPES.values()])
        for page_type, (page, budget) in PAGE_TYPES.items():
            files = assets[page]
            weight = sum(gzip_size(file.read_bytes()) for file in files) / 1024
            rows.append((f"{page_type} JS + CSS, minified + gzip ({len(files)} files)", f"{weight:.2f} KB",
                         f"<= {budget:.0f} KB", "ok" if weight <= budget else "OVER"))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in [("figure", "measured", "budget", ""), *rows]:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        bench_templates.report(site)
        bench_lighthouse.report(site, folder / "without")


if __name__ == "__main__":
    main()
