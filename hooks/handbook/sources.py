"""Sources on every page (issue 7): front matter `sources: [id, ...]` becomes one box of official documents.

An id is a reference-link id from snippets/links.md (`[id]: https://...`). The Sources page lists each document once,
as a list item that starts with its link, `- [Title][id] ...`; that item is the entry for `id`, it gives the box its
title, and it gets the anchor `src-<id>` so every box can link to it.
"""
from __future__ import annotations

import functools
import os
import pathlib
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from dataclasses import dataclass

from .frontmatter import Source, SourceError, read
from .markdown_lines import outside_fences

LINKS_FILE = "snippets/links.md"  # relative to the project root
SOURCES_PAGE = "sources.md"  # relative to the docs folder

ANCHOR_PREFIX = "src-"
BOX_HEADING_ID = "page-sources"
BOX_HEADING = "Official sources for this page"
BOX_NOTE = ("Rules and numbers change every Match season. "
            "Open each document and check its current version before you act.")

_DEFINITION = re.compile(r"^\[(?P<id>[^\]]+)\]:\s*(?P<url>\S+)\s*$")
_ENTRY = re.compile(r"^[-*+]\s+\[(?P<title>[^\]]+)\]\[(?P<id>[^\]]+)\]")
# Lines the hook appends to a page's Markdown for the extension: the box's ids, and "this page holds the entries".
_BOX_MARKER = re.compile(r"^<!--\s*page-sources:(?P<ids>[^>]*)-->\s*$")
ENTRIES_MARKER = "<!-- source-entries -->"
_ENTRIES_MARKER = re.compile(r"^<!--\s*source-entries\s*-->\s*$")


def anchor(source_id: str) -> str:
    """The Sources page anchor of a source: `src-` and its reference id, so an id names its entry everywhere."""
    return ANCHOR_PREFIX + source_id


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Registry:
    links: dict[str, str]  # reference id -> address
    entries: dict[str, Entry]  # reference id -> its entry on the Sources page


def load_registry(root: str | pathlib.Path, docs_dir: str | pathlib.Path) -> Registry:
    """Read links.md and the Sources page (again only when one of them changed, for `mkdocs serve`)."""
    links_file, sources_file = pathlib.Path(root) / LINKS_FILE, pathlib.Path(docs_dir) / SOURCES_PAGE
    return _load(str(root), str(links_file), os.stat(links_file).st_mtime_ns,
                 str(sources_file), os.stat(sources_file).st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _load(root: str, links_file: str, links_mtime: int, sources_file: str, sources_mtime: int) -> Registry:
    links = read_links(pathlib.Path(links_file).read_text(encoding="utf-8"), os.path.relpath(links_file, root))
    source = read(sources_file, os.path.relpath(sources_file, root).replace(os.sep, "/"))
    return Registry(links, read_entries(source, links))


def read_links(text: str, path: str) -> dict[str, str]:
    """Reference id -> address, from links.md. A repeated id is an error: each address is defined once."""
    links: dict[str, str] = {}
    for index, line in enumerate(text.splitlines()):
        if match := _DEFINITION.match(line):
            if match["id"] in links:
                raise SourceError(path, index + 1, f"reference id '{match['id']}' is defined twice")
            links[match["id"]] = match["url"]
    return links


def read_entries(source: Source, links: dict[str, str]) -> dict[str, Entry]:
    """The entries of the Sources page: each list item that starts with a reference link `[Title][id]`."""
    entries: dict[str, Entry] = {}
    for index, line in outside_fences(source.body.splitlines()):
        if not (match := _ENTRY.match(line)):
            continue
        line_number, source_id = source.body_line + index, match["id"]
        if source_id not in links:
            raise SourceError(source.path, line_number, f"'{source_id}' is not a reference id in snippets/links.md")
        if source_id in entries:
            raise SourceError(source.path, line_number, f"'{source_id}' has a second entry on this page")
        entries[source_id] = Entry(source_id, match["title"], links[source_id])
    return entries


def page_sources(source: Source, entries: dict[str, Entry], links: dict[str, str]) -> list[Entry]:
    """The entries a page's front matter `sources:` names, in its order. Raises SourceError at the offending line."""
    ids = source.data.get("sources")
    if ids is None:
        return []
    if not isinstance(ids, list) or not ids:
        raise source.error("'sources' must be a list of reference ids from snippets/links.md, e.g. [ecfmg-evsp]",
                           "sources")
    found: list[Entry] = []
    for position, source_id in enumerate(ids):
        if not isinstance(source_id, str):
            raise source.error(f"source {source_id!r} is not a reference id", "sources", position)
        if source_id not in links:
            raise source.error(f"unknown source id '{source_id}': not a reference id in snippets/links.md",
                               "sources", position)
        if source_id not in entries:
            raise source.error(f"source '{source_id}' has no entry on docs/sources.md: add `- [Title][{source_id}]`"
                               " there", "sources", position)
        if entries[source_id] in found:
            raise source.error(f"source '{source_id}' is listed twice", "sources", position)
        found.append(entries[source_id])
    return found


def box_marker(entries: list[Entry]) -> str:
    return f"<!-- page-sources: {' '.join(entry.id for entry in entries)} -->"


def take_markers(lines: list[str]) -> tuple[list[str], list[str] | None, bool]:
    """Remove the marker lines (outside fenced code). Returns the other lines, the box's ids (None when there is no
    box) and whether the page holds the source entries."""
    box_ids: list[str] | None = None
    has_entries, dropped = False, set[int]()
    for index, line in outside_fences(lines):
        if match := _BOX_MARKER.match(line.strip()):
            box_ids, dropped = match["ids"].split(), dropped | {index}
        elif _ENTRIES_MARKER.match(line.strip()):
            has_entries, dropped = True, dropped | {index}
    return [line for index, line in enumerate(lines) if index not in dropped], box_ids, has_entries


def box(entries: list[Entry], sources_page_href: str) -> etree.Element:
    """<aside> with a heading, one note to check current versions, and per source: its title linked to the document,
    then a link to its entry on the Sources page (which says what the handbook uses it for)."""
    aside = etree.Element("aside", {"class": "page-sources", "aria-labelledby": BOX_HEADING_ID})
    etree.SubElement(aside, "h2", {"id": BOX_HEADING_ID}).text = BOX_HEADING
    etree.SubElement(aside, "p").text = BOX_NOTE
    items = etree.SubElement(aside, "ul")
    for entry in entries:
        item = etree.SubElement(items, "li")
        document = etree.SubElement(item, "a", {"href": entry.url})
        document.text, document.tail = entry.title, " · "
        etree.SubElement(item, "a", {"href": f"{sources_page_href}#{anchor(entry.id)}",
                                     "class": "page-sources-entry"}).text = "why we cite it"
    return aside


def anchor_entries(root: etree.Element, entries: dict[str, Entry]) -> None:
    """Give each list item that starts with an entry's link the id `src-<id>` (the first such item per source)."""
    by_url = {entry.url: entry.id for entry in entries.values()}
    anchored: set[str] = set()
    for item in root.iter("li"):
        first = item[0] if len(item) else None
        if first is not None and first.tag == "p" and len(first):  # a loose list wraps the item in <p>
            first, leading_text = first[0], (first.text or "")
        else:
            leading_text = item.text or ""
        if first is None or first.tag != "a" or leading_text.strip():
            continue
        source_id = by_url.get(first.get("href", ""))
        if source_id and source_id not in anchored:
            item.set("id", anchor(source_id))
            anchored.add(source_id)
