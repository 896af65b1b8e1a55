"""The PDF editions, the download links to them, the handout's QR code, and the page markers that place them.

`make pdf` (scripts/make_pdf.py) builds the site with PRINTING_ENV set: that build links to the PDFs, and make_pdf.py
then prints them into its downloads/ folder, or fails and throws the build away, so a published link never breaks. It
also keeps a copy with a manifest naming the content they were printed from: a later plain build serves them only
while that content is the content being built. A PDF of an older edition, or printed for another address, is never
served, and a plain build without PDFs shows no link.
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
MARGINS = {"top": "15mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}  # as handbook.css's @page
PRINTING_ENV = "HANDBOOK_PRINTING"  # "1" only in make_pdf.py's build, which it prints into before publishing it


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


def printed_editions(folder: pathlib.Path, content_fingerprint: str) -> dict[str, pathlib.Path]:
    """The PDFs in folder that were printed from this content; empty when there are none, or they are stale."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("fingerprint") != content_fingerprint:
        return {}
    pages = manifest.get("pages") or {}
    found = {edition.file: folder / edition.file for edition in EDITIONS}
    if not all(path.is_file() and int(pages.get(name, 0)) > 0 for name, path in found.items()):
        return {}
    return found


def download_links(document: str, downloads_url: str) -> str:
    """One link per paper size. Only call it for a site that serves the PDFs: the build cannot know their page
    counts or sizes, because they are printed from the built site."""
    items = [f'<li><a href="{escape(downloads_url + edition.file)}" download>{LINK_TEXT[document]}, '
             f"{PAPER_NAMES[edition.paper]})</a></li>"
             for edition in EDITIONS if edition.document == document]
    return f'<ul class="pdf-download">{"".join(items)}</ul>'


def qr_code_svg(address: str) -> str:
    """The address as an inline SVG QR code, made at build time with no network; the address is its title."""
    code = segno.make(address, error="m")
    return code.svg_inline(scale=4, border=4, title=address, svgclass="qr-code", lineclass=None, omitsize=True)


# --- markers: `<!-- handbook: NAME -->` on a line of its own places a generated block --------------------------------

MARKER = re.compile(r"^[ \t]*<!--\s*handbook:\s*(?P<name>\S*?)\s*-->[ \t]*$")


def marker_names(source: Source, known: set[str]) -> list[str]:
    """The page's markers, checked: an unknown name stops the build with its line."""
    if "handbook:" not in source.body:
        return []  # most pages place no block
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
