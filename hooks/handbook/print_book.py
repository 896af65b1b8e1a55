"""The whole handbook as one document: a cover, a table of contents, then every page in navigation order.

The print page shows it and `make pdf` prints it. Each page's HTML is rewritten so that it can live beside the others:
its ids get the page's prefix (two pages may both have `#next-steps`), links to other pages of the book become links
within the document, headings move one level down inside a navigation section, folded boxes open, and the `data-*`
hooks that scripts start from are dropped, so the book stays what it is in the PDF: letters with blanks and lists
with empty boxes. What only a script would show (a `hidden` form, button or progress bar) is left out: nothing could
show it in the book, and it was a quarter of the print page's bytes.
"""
from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin, urlsplit

import lxml.etree

from .html_tree import parse_html

# Attributes that name ids of the same page.
# A page's own landmarks (its sources box, a template shown on two pages) would repeat, with the same names, dozens of
# times in one book: there they are plain blocks.
_NOT_LANDMARKS = {"aside": "div", "section": "div"}
_ID_ATTRS = ("id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "headers", "form", "list")
_URL_ATTRS = ("href", "src")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BASE = "http://book.invalid/"  # any absolute base: resolves a page's relative links to site paths


@dataclass(frozen=True)
class Chapter:
    url: str  # the page's address within the site, as MkDocs names it: "" or "rules/what-the-rules-allow/"
    html: str  # the page's rendered content
    section: str | None  # the navigation section it sits in; None for a page at the top of the navigation


@dataclass(frozen=True)
class Book:
    html: str
    titles: list[str]  # each chapter's title, in order


def anchor_for(url: str) -> str:
    """The id a chapter gets in the book: "rules/what-the-rules-allow/" -> "book-rules-what-the-rules-allow"."""
    slug = url.strip("/").replace("/", "-") or "start"
    return f"book-{slug}"


def make_book(chapters: list[Chapter], *, title: str, edition: str, site_url: str, book_url: str) -> Book:
    """The cover, contents and chapters. book_url is the address of the page that shows the book ("print/")."""
    in_book = {chapter.url: anchor_for(chapter.url) for chapter in chapters}
    parts, entries, titles = [], [], []
    current_section: str | None = None
    for chapter in chapters:
        if chapter.section != current_section:
            if current_section is not None:
                parts.append("</section>")
            current_section = chapter.section
            if current_section is not None:
                section_id = "book-section-" + _slug(current_section)
                parts.append(f'<section class="book-section" aria-labelledby="{section_id}">'
                             f'<h1 id="{section_id}">{escape(current_section)}</h1>')
                entries.append((0, section_id, current_section))
        rewritten = _rewrite(chapter, in_book, book_url, shift=0 if chapter.section is None else 1)
        titles.append(rewritten.title)
        entries.append((0 if chapter.section is None else 1, in_book[chapter.url], rewritten.title))
        top = " book-chapter--top" if chapter.section is None else ""
        parts.append(f'<article class="book-chapter{top}">{rewritten.html}</article>')
    if current_section is not None:
        parts.append("</section>")
    html = _cover(title, edition, site_url) + _contents(entries) + "\n".join(parts)
    return Book(f'<div class="book">{html}</div>', titles)


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _cover(title: str, edition: str, site_url: str) -> str:
    return (
        '<div class="book-cover">'
        f'<p class="book-cover-title">{escape(title)}</p>'
        f'<p class="book-cover-edition">Edition of {escape(edition)}</p>'
        f'<p class="book-cover-address">Read it online at <a href="{escape(site_url)}">{escape(site_url)}</a></p>'
        "<p>Free to read, print and share. Not legal or immigration advice.</p>"
        "</div>"
    )


def _contents(entries: list[tuple[int, str, str]]) -> str:
    """Sections with their pages nested, as links to the chapters."""
    out, open_sublist = ['<nav class="book-contents" aria-labelledby="book-contents-title">',
                         '<p class="book-contents-title" id="book-contents-title">Contents</p><ol>'], False
    for depth, target, text in entries:
        link = f'<a href="#{target}">{escape(text)}</a>'
        if depth == 1:
            out.append(("" if open_sublist else "<ol>") + f"<li>{link}</li>")
            open_sublist = True
            continue
        if open_sublist:
            out.append("</ol></li>")
            open_sublist = False
        elif len(out) > 2:
            out.append("</li>")
        out.append(f"<li>{link}")
    out.append("</ol></li>" if open_sublist else "</li>")
    out.append("</ol></nav>")
    return "".join(out)


@dataclass(frozen=True)
class _Rewritten:
    html: str
    title: str


def _rewrite(chapter: Chapter, in_book: dict[str, str], book_url: str, shift: int) -> _Rewritten:
    """The chapter's HTML with only attributes, heading levels, landmarks and permalink anchors changed."""
    document = parse_html(f"<html><body>{chapter.html}</body></html>")
    assert document is not None  # only a text of mere white space has no root
    content = next(document.iter("body"))
    for permalink in [a for a in content.iter("a") if "headerlink" in (a.get("class") or "").split()]:
        _drop(permalink)  # the ¶ permalink: a web page's tool, noise on paper
    for script_only in [element for element in content.iter(lxml.etree.Element) if element.get("hidden") is not None]:
        _drop(script_only)  # one inside another hidden element goes with it either way
    rewriter = _ChapterRewriter(chapter.url, in_book, book_url, shift)
    title_heading = next(content.iter("h1"), None)
    for element in content.iter(lxml.etree.Element):
        if element is content:
            continue
        if element.tag == "details" and "open" not in element.attrib:
            element.set("open", "")  # paper cannot be clicked: a folded box ("Check before sending") prints open
        rewriter.rewrite(element)
    title = ""
    if title_heading is not None:
        # The page's title carries the chapter's anchor, which links from other pages land on.
        title = " ".join("".join(title_heading.itertext()).split())
        title_heading.set("id", rewriter.prefix)
    html = escape(content.text or "", quote=False) + "".join(
        lxml.etree.tostring(child, method="html", encoding="unicode") for child in content)
    return _Rewritten(html, title)


def _drop(element: lxml.etree._Element) -> None:
    """Remove the element and what it holds, but keep the text after it."""
    parent, previous = element.getparent(), element.getprevious()
    if parent is None:
        return
    if element.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


class _ChapterRewriter:
    """Moves one element of a page into the book: ids get the page's prefix, links to pages of the book point within
    it, headings move down by `shift`, landmarks become plain blocks, and the `data-*` hooks of scripts go."""

    def __init__(self, page_url: str, in_book: dict[str, str], book_url: str, shift: int):
        self.page_url, self.in_book, self.book_url, self.shift = page_url, in_book, book_url, shift
        self.prefix = in_book[page_url]

    def rewrite(self, element: lxml.etree._Element) -> None:
        element.tag = self._book_tag(str(element.tag))  # an HTML element: its tag is a str
        for name, value in list(element.attrib.items()):
            if name.startswith("data-"):
                del element.attrib[name]  # scripts start from these; the book is printed as it is
            elif name in _ID_ATTRS:
                element.set(name, " ".join(f"{self.prefix}--{one}" for one in value.split()))
            elif name in _URL_ATTRS:
                element.set(name, self._url(value))

    def _book_tag(self, tag: str) -> str:
        if tag in _HEADINGS:
            return f"h{min(int(tag[1]) + self.shift, 6)}"
        return _NOT_LANDMARKS.get(tag, tag)

    def _url(self, value: str) -> str:
        if value.startswith("#"):
            return f"#{self.prefix}--{value[1:]}" if value[1:] else f"#{self.prefix}"
        site_path = _site_path(self.page_url, value)
        if site_path is None:
            return value  # another site: printed with its address
        path, fragment = site_path
        if path in self.in_book:
            anchor = self.in_book[path]
            return f"#{anchor}--{fragment}" if fragment else f"#{anchor}"
        return _relative(path, self.book_url) + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=4096)
def _site_path(page_url: str, value: str) -> tuple[str, str] | None:
    """(site path, fragment) of a link on the page at page_url; None for another site. Cached: the same links (the
    glossary, the sources) recur on many pages, and urllib's parsing is slow."""
    resolved = urlsplit(urljoin(_BASE + page_url, value))
    if not (resolved.scheme + "://" + resolved.netloc + "/").startswith(_BASE):
        return None
    return resolved.path.lstrip("/"), resolved.fragment


def _relative(path: str, from_url: str) -> str:
    """A site path as a link from the page at from_url: "assets/x.css" from "print/" is "../assets/x.css"."""
    relative = posixpath.relpath("/" + path, "/" + from_url)
    return relative + "/" if path.endswith("/") and not relative.endswith("/") else relative
