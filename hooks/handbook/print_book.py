"""The whole handbook as one document: a cover, a table of contents, then every page in navigation order.

The print page shows it and `make pdf` prints it. Each page's HTML is rewritten so that it can live beside the others:
its ids get the page's prefix (two pages may both have `#next-steps`), links to other pages of the book become links
within the document, headings move one level down inside a navigation section, folded boxes open, and the `data-*`
hooks that scripts start from are dropped, so the book stays what it is in the PDF: letters with blanks and lists
with empty boxes.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Attributes that name ids of the same page.
# A page's own landmarks (its sources box, a template shown on two pages) would repeat, with the same names, dozens of
# times in one book: there they are plain blocks.
_NOT_LANDMARKS = {"aside": "div", "section": "div"}
_ID_ATTRS = ("id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "headers", "form", "list")
_URL_ATTRS = ("href", "src")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
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
    rewriter = _ChapterRewriter(chapter.url, in_book, book_url, shift)
    rewriter.feed(chapter.html)
    rewriter.close()
    return _Rewritten("".join(rewriter.out), " ".join("".join(rewriter.title).split()))


class _ChapterRewriter(HTMLParser):
    """Copies a page's HTML token by token, changing only attributes, heading levels, landmarks and permalink
    anchors."""

    def __init__(self, page_url: str, in_book: dict[str, str], book_url: str, shift: int):
        super().__init__(convert_charrefs=False)
        self.page_url, self.in_book, self.book_url, self.shift = page_url, in_book, book_url, shift
        self.prefix = in_book[page_url]
        self.out: list[str] = []
        self.title: list[str] = []
        self._skip_depth = 0  # inside a dropped element (a heading's permalink)
        self._in_title = False
        self._seen_title = False

    # --- tokens ---------------------------------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        if self._skip_depth:
            self._skip_depth += tag not in _VOID
            return
        attributes = dict(attrs)
        if tag == "a" and "headerlink" in (attributes.get("class") or "").split():
            self._skip_depth = 1  # the ¶ permalink: a web page's tool, noise on paper
            return
        if tag == "h1" and not self._seen_title:
            self._seen_title = self._in_title = True
            # The page's title carries the chapter's anchor, which links from other pages land on.
            attrs = [(name, value) for name, value in attrs if name != "id"]
            self.out.append(self._start(self._book_tag(tag), attrs, chapter_id=self.prefix))
            return
        if tag == "details" and "open" not in attributes:
            # Paper cannot be clicked: a folded box ("Check before sending") prints open.
            attrs = [*attrs, ("open", None)]
        self.out.append(self._start(self._book_tag(tag), attrs))

    def handle_startendtag(self, tag, attrs):
        if not self._skip_depth:
            self.out.append(self._start(tag, attrs, close=True))

    def handle_endtag(self, tag):
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if tag == "h1" and self._in_title:
            self._in_title = False
        self.out.append(f"</{self._book_tag(tag)}>")

    def handle_data(self, data):
        if self._skip_depth:
            return
        if self._in_title:
            self.title.append(data)
        self.out.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def handle_comment(self, data):
        if not self._skip_depth:
            self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    # --- helpers --------------------------------------------------------------------------------------------------

    def _book_tag(self, tag: str) -> str:
        if tag in _HEADINGS:
            return f"h{min(int(tag[1]) + self.shift, 6)}"
        return _NOT_LANDMARKS.get(tag, tag)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], close: bool = False,
               chapter_id: str | None = None) -> str:
        parts = [tag] + ([f'id="{chapter_id}"'] if chapter_id else [])
        for name, value in attrs:
            if name.startswith("data-"):
                continue  # scripts start from these; the book is printed as it is
            if value is None:
                parts.append(name)
                continue
            if name in _ID_ATTRS:
                value = " ".join(f"{self.prefix}--{one}" for one in value.split())
            elif name in _URL_ATTRS:
                value = self._url(value)
            parts.append(f'{name}="{escape(value)}"')
        return f"<{' '.join(parts)}{' /' if close else ''}>"

    def _url(self, value: str) -> str:
        if value.startswith("#"):
            return f"#{self.prefix}--{value[1:]}" if value[1:] else f"#{self.prefix}"
        resolved = urlsplit(urljoin(_BASE + self.page_url, value))
        if not (resolved.scheme + "://" + resolved.netloc + "/").startswith(_BASE):
            return value  # another site: printed with its address
        path = resolved.path.lstrip("/")
        if path in self.in_book:
            anchor = self.in_book[path]
            return f"#{anchor}--{resolved.fragment}" if resolved.fragment else f"#{anchor}"
        return _relative(path, self.book_url) + (f"#{resolved.fragment}" if resolved.fragment else "")


def _relative(path: str, from_url: str) -> str:
    """A site path as a link from the page at from_url: "assets/x.css" from "print/" is "../assets/x.css"."""
    relative = posixpath.relpath("/" + path, "/" + from_url)
    return relative + "/" if path.endswith("/") and not relative.endswith("/") else relative
