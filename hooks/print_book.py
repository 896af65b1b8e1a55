"""Hook: the whole handbook on one print page, the handout's QR code, and the PDF download links (issue 8).

Logic: handbook/print_book.py (the book) and handbook/print_downloads.py (PDFs, links, QR code, markers);
scripts/make_pdf.py prints the PDFs. Pages place generated blocks with `<!-- handbook: NAME -->` lines.

on_nav          remember the navigation: the book follows its order
on_env          every page is rendered by now: make the book once, give the print page its chapters' feature
                stylesheets (their classes style the printed letters and lists), and see whether the site serves PDFs
on_page_context swap each marker for its block
on_post_build   copy the matching PDFs into the site (in `make pdf`'s own build, make_pdf.py prints them there)
"""
from __future__ import annotations

import os
import pathlib
import shutil
from collections.abc import Iterator
from html import escape

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from handbook.edition import edition_date
from handbook.frontmatter import SourceError
from handbook.mkdocs_adapter import fail, read_page_source
from handbook.page_record import STYLESHEETS_META_KEY
from handbook.print_book import Book, Chapter, make_book
from handbook.print_downloads import (
    DOWNLOADS,
    PRINTING_ENV,
    download_links,
    fingerprint,
    marker_names,
    place,
    printed_editions,
    qr_code_svg,
)
from handbook.reviewed import human_date

PRINT_PAGE, HANDOUT_PAGE = "print.md", "handout.md"
# Not chapters of the book: the pages about the book, and the interactive tools, which mean nothing on paper.
NOT_IN_BOOK = {PRINT_PAGE, HANDOUT_PAGE, "tools/decoder.md", "tools/tracker.md"}
MARKERS = {"book", "handbook-pdf", "handout-pdf", "qr-code"}
_build: dict = {}  # this build's navigation, book, PDF fingerprint and printed PDFs


def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    _build.clear()
    _build["nav"] = nav
    return nav


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    pages = list(_book_pages(_build["nav"].items, None))
    # A dirty build (`mkdocs serve --dirty`) renders only changed pages: the book then has only those.
    chapters = [Chapter(page.url, page.content or "", section) for page, section in pages]
    edition = edition_date(config.docs_dir)
    print_page = _page(files, PRINT_PAGE, config)
    book = make_book(chapters, title=config.site_name, edition=human_date(edition) if edition else "no date",
                     site_url=config.site_url or "", book_url=print_page.url)
    in_book = [page for page, _ in pages]
    print_page.meta[STYLESHEETS_META_KEY] = sorted(
        {css for page in [print_page, *in_book] for css in page.meta.get(STYLESHEETS_META_KEY, [])})
    handout = _page(files, HANDOUT_PAGE, config)
    content = fingerprint(config.site_url or "", book.html, handout.content or "")
    printing = os.environ.get(PRINTING_ENV) == "1"
    printed = {} if printing else printed_editions(_pdf_folder(config), content)
    _build.update(book=book, fingerprint=content, printed=printed, serves_pdfs=printing or bool(printed))
    return env


def on_page_context(context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
                    ) -> TemplateContext:
    try:
        source = read_page_source(page, config)
        for name in marker_names(source, MARKERS):
            page.content = place(page.content or "", name, _block(name, page, config), source.path)
    except SourceError as error:
        raise fail(error) from None
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    target = pathlib.Path(config.site_dir) / DOWNLOADS
    printed: dict[str, pathlib.Path] = _build.get("printed", {})
    if printed:
        target.mkdir(exist_ok=True)
    for name, path in printed.items():
        shutil.copyfile(path, target / name)


# --- helpers ------------------------------------------------------------------------------------------------------

def _book_pages(items: list[StructureItem], section: str | None) -> Iterator[tuple[Page, str | None]]:
    """(page, the top-level section it sits in) for every page in navigation order; the NOT_IN_BOOK pages excluded."""
    for item in items:
        if isinstance(item, Section):
            yield from _book_pages(item.children, section or item.title)
        elif isinstance(item, Page) and item.file.src_uri not in NOT_IN_BOOK:
            yield item, section


def _page(files: Files, src_uri: str, config: MkDocsConfig) -> Page:
    """A page the book needs (the print page, the handout): its absence stops the build with a message."""
    file = files.get_file_from_path(src_uri)
    if file is None or file.page is None:
        raise PluginError(f"{config.docs_dir}/{src_uri} is missing: hooks/print_book.py places the book and the "
                          "handout's PDF link on it (remove the hook from mkdocs.yml to build without them)")
    return file.page


def _block(name: str, page: Page, config: MkDocsConfig) -> str:
    book: Book = _build["book"]
    site_url = config.site_url or ""
    downloads_url = "../" * page.url.count("/") + DOWNLOADS + "/"
    if name == "book":
        return f'<div class="book-root" data-pdf-fingerprint="{_build["fingerprint"]}">{book.html}</div>'
    if name == "qr-code":
        return (f'<figure class="qr">{qr_code_svg(site_url)}'
                f'<figcaption><a href="{escape(site_url)}">{escape(site_url)}</a></figcaption></figure>')
    document = name.removesuffix("-pdf")
    if _build["serves_pdfs"]:
        return download_links(document, downloads_url)
    if page.file.src_uri != PRINT_PAGE:
        return ""  # on the home and About pages, no PDF means no link
    return ('<p class="pdf-download pdf-download--none">This copy of the site has no PDF file. '
            "Use your browser’s Print command on this page, and choose “Save as PDF”. "
            "(Whoever hosts the site can add the PDF with <code>make pdf</code>.)</p>")


def _pdf_folder(config: MkDocsConfig) -> pathlib.Path:
    """Where `make pdf` leaves the PDFs: pdf/ beside mkdocs.yml, or HANDBOOK_PDF_DIR."""
    root = pathlib.Path(config.config_file_path).parent
    return pathlib.Path(os.environ.get("HANDBOOK_PDF_DIR") or root / "pdf")
