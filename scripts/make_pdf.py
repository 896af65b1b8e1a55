"""`make pdf`: print the whole handbook and the handout to PDF (A4 and US Letter), then build the site with them.

1. build the site;
2. print the print page (the whole handbook) with Debian's Chromium, JavaScript off, as a reader's browser would
   print it before any script runs: letters with blanks, the checklist as empty boxes;
3. print the handout, and check it still fits one sheet;
4. build the site again: it now serves the PDFs in downloads/ and links to them.

The PDFs and a manifest naming the content they were printed from go to pdf/ (or HANDBOOK_PDF_DIR); a later build
serves them only while that content is unchanged (hooks/handbook/print_downloads.py).
"""
from __future__ import annotations

import argparse
import html
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, LAUNCH_ARGS  # noqa: E402  (one definition of how to start Chromium)
from handbook.print_downloads import EDITIONS, Edition, write_manifest  # noqa: E402

SITE_NAME_SELECTOR = ".book-cover-title"
MARGINS = {"top": "15mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}  # as handbook.css's @page
# Chromium fills .pageNumber and .totalPages; the footer has its own tiny page, so its styles are inline.
FOOTER = ('<div style="width:100%;margin:0 14mm;font:8px sans-serif;color:#444;display:flex;'
          'justify-content:space-between"><span>{title}</span>'
          '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')
PAGES = {"handbook": "print/index.html", "handout": "handout/index.html"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=pathlib.Path, default=ROOT / "site")
    parser.add_argument("--pdf-dir", type=pathlib.Path,
                        default=pathlib.Path(os.environ.get("HANDBOOK_PDF_DIR") or ROOT / "pdf"))
    args = parser.parse_args()
    started = time.perf_counter()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HANDBOOK_PDF_DIR=str(args.pdf_dir.resolve()))

    step(1, "building the site", lambda: build(args.site_dir, env))
    args.pdf_dir.mkdir(parents=True, exist_ok=True)
    pages = step(2, "printing the whole handbook and the handout", lambda: print_all(args.site_dir, args.pdf_dir))
    if pages["handout-a4.pdf"] != 1 or pages["handout-letter.pdf"] != 1:
        sys.exit(f"make pdf: the handout no longer fits one sheet ({pages}); shorten docs/handout.md")
    step(3, "building the site again, with the PDFs", lambda: build(args.site_dir, env))
    for edition in EDITIONS:
        size = (args.site_dir / "downloads" / edition.file).stat().st_size
        print(f"  {edition.file}: {pages[edition.file]} pages, {size / 1_000_000:.2f} MB")
    print(f"make pdf: done in {time.perf_counter() - started:.1f} s; the PDFs are in {args.site_dir / 'downloads'}")


def step(number: int, what: str, action):
    print(f"[{number}/3] {what}…", flush=True)
    began = time.perf_counter()
    result = action()
    print(f"[{number}/3] {what}: {time.perf_counter() - began:.1f} s", flush=True)
    return result


def build(site_dir: pathlib.Path, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site_dir)],
                   cwd=ROOT, env=env, check=True)


def print_all(site_dir: pathlib.Path, pdf_dir: pathlib.Path) -> dict[str, int]:
    """Print every edition into pdf_dir; return each file's page count. The manifest is written last."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    pages: dict[str, int] = {}
    with sync_playwright() as playwright, tempfile.TemporaryDirectory(dir=pdf_dir) as scratch:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_context(java_script_enabled=False).new_page()
        fingerprint = ""
        for document, path in PAGES.items():
            page.goto((site_dir / path).resolve().as_uri())
            fingerprint = fingerprint or page.get_attribute("[data-pdf-fingerprint]", "data-pdf-fingerprint") or ""
            for edition in (one for one in EDITIONS if one.document == document):
                target = pathlib.Path(scratch) / edition.file
                print_edition(page, edition, target)
                pages[edition.file] = len(PdfReader(target).pages)
        browser.close()
        for edition in EDITIONS:  # replace the old set only once the new one is complete
            (pathlib.Path(scratch) / edition.file).replace(pdf_dir / edition.file)
    write_manifest(pdf_dir, fingerprint, pages)
    return pages


def print_edition(page, edition: Edition, target: pathlib.Path) -> None:
    numbered = edition.document == "handbook"  # the handout is one sheet: no page numbers
    title = page.text_content(SITE_NAME_SELECTOR) if numbered else ""
    page.pdf(path=str(target), format=edition.paper, margin=MARGINS, print_background=True, outline=True,
             tagged=True, display_header_footer=numbered, header_template="<span></span>",
             footer_template=FOOTER.format(title=html.escape(title)))


if __name__ == "__main__":
    main()
