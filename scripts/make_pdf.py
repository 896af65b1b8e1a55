"""`make pdf`: build the site with the whole handbook and the handout as PDFs (A4 and US Letter), in one build.

1. build the site into a staging folder, with PRINTING_ENV set: its pages link to the PDFs they are about to get;
2. print the print page (the whole handbook) and the handout into its downloads/, with one Debian Chromium, two
   paper sizes at once, JavaScript off, as a reader's browser would print them before any script runs: letters with
   blanks, the checklist as empty boxes; qpdf then compacts each PDF (object streams) to about half its size;
3. check the handout still fits one sheet, keep a copy of the PDFs, and only then put the staging folder in place
   of the site. On any failure the staging folder is thrown away and the site is left as it was: no broken link.

The copy, with a manifest naming the content it was printed from, goes to pdf/ (or HANDBOOK_PDF_DIR); a later plain
build serves it only while that content is unchanged (hooks/handbook/print_downloads.py).
"""
from __future__ import annotations

import argparse
import asyncio
import html
import os
import pathlib
import shutil
import sys
import time
from collections.abc import Awaitable
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page, PdfMargins

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, LAUNCH_ARGS  # noqa: E402  (one definition of how to start Chromium)
from handbook.print_downloads import (  # noqa: E402
    DOWNLOADS,
    EDITIONS,
    MANIFEST,
    MARGINS,
    PRINTING_ENV,
    Edition,
    write_manifest,
)
from site_build import mkdocs_command, mkdocs_environment  # noqa: E402  (and of how to build the site)

STEPS = 3
SITE_NAME_SELECTOR = ".book-cover-title"
FINGERPRINT = "data-pdf-fingerprint"
# Chromium fills .pageNumber and .totalPages; the footer has its own tiny page, so its styles are inline.
FOOTER = ('<div style="width:100%;margin:0 14mm;font:8px sans-serif;color:#444;display:flex;'
          'justify-content:space-between"><span>{title}</span>'
          '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')
QPDF = "/usr/bin/qpdf"  # Debian's qpdf: `make pdf` installs it with Chromium
PAGES = {"handbook": "print/index.html", "handout": "handout/index.html"}
T = TypeVar("T")
Printed = tuple[dict[str, int], str]  # each file's page count, and the fingerprint of the content printed


class PrintFailed(Exception):
    """A PDF could not be made, or came out wrong: the site is not published."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=pathlib.Path, default=ROOT / "site")
    parser.add_argument("--pdf-dir", type=pathlib.Path,
                        default=pathlib.Path(os.environ.get("HANDBOOK_PDF_DIR") or ROOT / "pdf"))
    args = parser.parse_args()
    site_dir, pdf_dir = args.site_dir.resolve(), args.pdf_dir.resolve()
    staging = site_dir.with_name(site_dir.name + ".new")
    started = time.perf_counter()
    try:
        asyncio.run(make(staging, site_dir, pdf_dir))
    except (PrintFailed, OSError) as error:  # OSError: a folder that cannot be written, a full disk
        sys.exit(f"make pdf: {error}")
    finally:
        if staging.exists():  # not published: whatever failed, the site keeps its last complete state
            shutil.rmtree(staging, ignore_errors=True)
            print(f"make pdf: failed; {site_dir} is unchanged", file=sys.stderr)
    print(f"make pdf: done in {time.perf_counter() - started:.1f} s; the PDFs are in {site_dir / DOWNLOADS}")


async def make(staging: pathlib.Path, site_dir: pathlib.Path, pdf_dir: pathlib.Path) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        # Chromium starts while MkDocs builds: the build keeps one core busy, the launch mostly waits.
        launching = asyncio.create_task(playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS))
        try:
            await step(1, "building the site, with links to its PDFs", build(staging))
            browser = await launching
            try:
                pages, fingerprint = await step(2, "printing the whole handbook and the handout, A4 and Letter at once",
                                                print_all(browser, staging))
            finally:
                await browser.close()
        finally:
            if not launching.done():
                launching.cancel()
    await step(3, "checking the PDFs and publishing the site",
               asyncio.to_thread(publish, staging, site_dir, pdf_dir, pages, fingerprint))


async def step(number: int, what: str, action: Awaitable[T]) -> T:
    print(f"[{number}/{STEPS}] {what}…", flush=True)
    began = time.perf_counter()
    result = await action
    print(f"[{number}/{STEPS}] {what}: {time.perf_counter() - began:.1f} s", flush=True)
    return result


async def build(site_dir: pathlib.Path) -> None:
    build = await asyncio.create_subprocess_exec(*mkdocs_command(site_dir, "-q"), cwd=ROOT,
                                                 env=mkdocs_environment(**{PRINTING_ENV: "1"}))
    if await build.wait() != 0:
        raise PrintFailed(f"mkdocs build failed (exit status {build.returncode}; its messages are above)")


async def print_all(browser: Browser, site_dir: pathlib.Path) -> Printed:
    """Print every edition into the site's downloads/, one paper size per browser context, both at once (Chromium
    lays out each context in its own renderer process). Return each file's page count and the content's fingerprint."""
    downloads = site_dir / DOWNLOADS
    downloads.mkdir(exist_ok=True)
    papers = dict.fromkeys(edition.paper for edition in EDITIONS)
    results = await asyncio.gather(*(print_paper(browser, paper, site_dir, downloads) for paper in papers))
    pages = {name: count for counts, _ in results for name, count in counts.items()}
    return pages, results[0][1]


async def print_paper(browser: Browser, paper: str, site_dir: pathlib.Path, downloads: pathlib.Path) -> Printed:
    """Print both documents on one paper size, in a context of their own; return page counts and the fingerprint.
    Each PDF is compacted while Chromium prints the next one."""
    context = await browser.new_context(java_script_enabled=False)
    page = await context.new_page()
    compacting: list[asyncio.Task[tuple[str, int]]] = []
    fingerprint = ""
    for document, path in PAGES.items():
        await page.goto((site_dir / path).as_uri())
        fingerprint = fingerprint or await page.get_attribute(f"[{FINGERPRINT}]", FINGERPRINT) or ""
        for edition in (one for one in EDITIONS if one.document == document and one.paper == paper):
            began = time.perf_counter()
            target = downloads / edition.file
            await print_edition(page, edition, target)
            compacting.append(asyncio.create_task(compact(target, began)))
    await context.close()
    return dict(await asyncio.gather(*compacting)), fingerprint


async def compact(pdf: pathlib.Path, began: float) -> tuple[str, int]:
    """Rewrite a printed PDF with qpdf's object streams: Chromium writes the tags (one object per text run) and link
    annotations uncompressed, half of the file. Nothing on the page changes. Return its name and page count."""
    printed_size = pdf.stat().st_size
    compacted = pdf.with_suffix(".compact.pdf")
    qpdf = await asyncio.create_subprocess_exec(QPDF, "--object-streams=generate", "--warning-exit-0", str(pdf),
                                                str(compacted))
    if await qpdf.wait() != 0:
        raise PrintFailed(f"qpdf could not rewrite {pdf.name} (exit status {qpdf.returncode}; its messages are above)")
    compacted.replace(pdf)
    pages = await asyncio.to_thread(page_count, pdf)
    print(f"  {pdf.name}: {pages} page{'' if pages == 1 else 's'}, {pdf.stat().st_size / 1_000_000:.2f} MB "
          f"({printed_size / 1_000_000:.2f} MB as printed), {time.perf_counter() - began:.1f} s", flush=True)
    return pdf.name, pages


def page_count(pdf: pathlib.Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


async def print_edition(page: Page, edition: Edition, target: pathlib.Path) -> None:
    numbered = edition.document == "handbook"  # the handout is one sheet: no page numbers
    title = await page.text_content(SITE_NAME_SELECTOR) if numbered else ""
    # Chromium builds the outline (bookmarks) from the tags, so tagged=True is what makes outline=True work.
    margin = cast("PdfMargins", MARGINS)  # the same four lengths; Playwright's type also allows numbers
    await page.pdf(path=str(target), format=edition.paper, margin=margin, print_background=True, outline=True,
                   tagged=True, display_header_footer=numbered, header_template="<span></span>",
                   footer_template=FOOTER.format(title=html.escape(title or "")))


def publish(staging: pathlib.Path, site_dir: pathlib.Path, pdf_dir: pathlib.Path, pages: dict[str, int],
            fingerprint: str) -> None:
    """Check the set, keep a copy for later plain builds, and swap the staging folder in for the site."""
    if pages.get("handout-a4.pdf") != 1 or pages.get("handout-letter.pdf") != 1:
        raise PrintFailed(f"the handout no longer fits one sheet ({pages}); shorten docs/handout.md")
    if not fingerprint:
        raise PrintFailed(f"the print page has no {FINGERPRINT}: did hooks/print_book.py place the book?")
    pdf_dir.mkdir(parents=True, exist_ok=True)
    (pdf_dir / MANIFEST).unlink(missing_ok=True)  # the old manifest must not vouch for half-copied files
    for edition in EDITIONS:
        shutil.copyfile(staging / DOWNLOADS / edition.file, pdf_dir / edition.file)
    write_manifest(pdf_dir, fingerprint, pages)
    shutil.rmtree(site_dir, ignore_errors=True)
    staging.rename(site_dir)


if __name__ == "__main__":
    main()
