"""Hook: check each page's `sources:` front matter against the Sources page, then hand it to the Markdown extension.

Whole-site check: an id must be a reference id in snippets/links.md and have an entry on docs/sources.md; otherwise
the build stops with file:line. The box itself is built by handbook/sources_extension.py (logic: handbook/sources.py).
"""
from __future__ import annotations

import pathlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.frontmatter import SourceError
from handbook.mkdocs_adapter import fail, read_page_source
from handbook.sources import ENTRIES_MARKER, SOURCES_PAGE, Registry, box_marker, load_registry, page_sources


def on_config(config: MkDocsConfig) -> None:
    root = pathlib.Path(config.config_file_path).parent
    config.watch.append(str(root / "snippets"))  # `make serve` rebuilds when links.md changes
    _registry(config)  # a broken Sources page stops the build even before any page names a source


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    registry = _registry(config)
    try:
        entries = page_sources(read_page_source(page, config), registry.entries, registry.links)
    except SourceError as error:
        raise fail(error) from None
    markers = [box_marker(entries)] if entries else []
    if page.file.src_uri == SOURCES_PAGE:
        markers.append(ENTRIES_MARKER)
    return "\n\n".join([markdown.rstrip("\n"), *markers]) + "\n"


def _registry(config: MkDocsConfig) -> Registry:
    try:
        return load_registry(pathlib.Path(config.config_file_path).parent, config.docs_dir)
    except SourceError as error:
        raise fail(error) from None
