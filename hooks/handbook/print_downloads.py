"""The PDF editions, the download links to them, the handout's QR code, and the page markers that place them.

`make pdf` (scripts/make_pdf.py) prints the editions into a folder with a manifest naming the content they were printed
from. A build serves them, and shows links to them, only when that content is the content being built: a PDF of an
older edition, or printed for another address, is never served, and a build without PDFs shows no broken link.
"""
from __future__ import annotations

import hashlib
import json
import pathlib
import re
from dataclasses import dataclass
from html import escape

import segno

from .frontmatter import Source, SourceError
from .markdown_lines import outside_fences

DOWNLOADS = "downloads"  # the folder of the built site that serves the PDFs
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Edition:
    file: str  # its name in downloads/
    document: str  # "handbook" or "handout"
    paper: str  # "A4" or "Letter", as Playwright names the format


EDITIONS = (
    Edition("handbook-a4.pdf", "handbook", "A4"),
    Edition("handbook-letter.pdf", "handbook", "Letter"),
    Edition("handout-a4.pdf", "handout", "A4"),
    Edition("handout-letter.pdf", "handout", "Letter"),
)
PAPER_NAMES = {"A4": "A4 paper", "Letter": "US Letter paper"}
LINK_TEXT = {"handbook": "Download the whole handbook (PDF", "handout": "Download the handout (PDF"}


def fingerprint(*contents: str) -> str:
    """Names the exact content the PDFs are printed from; the site's address is part of it (the PDFs print it)."""
    digest = hashlib.sha256()
    for content in contents:
        digest.update(content.encode("utf-8") + b"\0")
    return digest.hexdigest()[:20]


def write_manifest(folder: pathlib.Path, content_fingerprint: str, pages: dict[str, int]) -> None:
    manifest = {"fingerprint": content_fingerprint, "pages": pages}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Printed:
    path: pathlib.Path
    pages: int

    @property
    def size(self) -> str:
        return f"{self.path.stat().st_size / 1_000_000:.1f} MB"


def printed_editions(folder: pathlib.Path, content_fingerprint: str) -> dict[str, Printed]:
    """The PDFs in folder that were printed from this content; empty when there are none, or they are stale."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("fingerprint") != content_fingerprint:
        return {}
    pages = manifest.get("pages") or {}
    found = {edition.file: Printed(folder / edition.file, int(pages.get(edition.file, 0))) for edition in EDITIONS}
    if not all(printed.path.is_file() and printed.pages > 0 for printed in found.values()):
        return {}
    return found


def download_links(document: str, printed: dict[str, Printed], downloads_url: str) -> str:
    """One link per paper size, or "" when this copy of the site has no PDF of the document."""
    items = []
    for edition in EDITIONS:
        if edition.document != document or edition.file not in printed:
            continue
        one = printed[edition.file]
        pages = "1 page" if one.pages == 1 else f"{one.pages} pages"
        items.append(f'<li><a href="{escape(downloads_url + edition.file)}" download>{LINK_TEXT[document]}, '
                     f"{PAPER_NAMES[edition.paper]}, {pages}, {one.size})</a></li>")
    return f'<ul class="pdf-download">{"".join(items)}</ul>' if items else ""


def qr_code_svg(address: str) -> str:
    """The address as an inline SVG QR code, made at build time with no network; the address is its title."""
    code = segno.make(address, error="m")
    return code.svg_inline(scale=4, border=4, title=address, svgclass="qr-code", lineclass=None, omitsize=True)


# --- markers: `<!-- handbook: NAME -->` on a line of its own places a generated block --------------------------------

MARKER = re.compile(r"^[ \t]*<!--\s*handbook:\s*(?P<name>\S*?)\s*-->[ \t]*$")


def marker_names(source: Source, known: set[str]) -> list[str]:
    """The page's markers, checked: an unknown name stops the build with its line."""
    names = []
    for index, line in outside_fences(source.body.splitlines()):
        if match := MARKER.match(line):
            name = match.group("name")
            if name not in known:
                raise SourceError(source.path, source.body_line + index,
                                  f"unknown marker 'handbook: {name}'; known: {', '.join(sorted(known))}")
            names.append(name)
    return names


def place(html: str, name: str, fragment: str, path: str) -> str:
    """Put fragment where the marker landed in the page's HTML; a marker Markdown swallowed fails loudly."""
    comment = f"<!-- handbook: {name} -->"
    if comment not in html:
        raise SourceError(path, 1, f"marker 'handbook: {name}' did not reach the page's HTML; "
                                   "put it on a line of its own, with blank lines around it")
    return html.replace(comment, fragment)
