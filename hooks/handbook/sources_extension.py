"""Python-Markdown extension: the "Official sources for this page" box, and the `src-<id>` anchors on the Sources page.

The page's front matter never reaches Python-Markdown under MkDocs, so hooks/sources.py (which also checks every id
against the Sources page, with file:line) appends one marker line: `<!-- page-sources: id id -->` for the box, and
`<!-- source-entries -->` on the Sources page itself. Configured in mkdocs.yml with MkDocs' `!relative` paths:

    - handbook.sources_extension:
        root: !relative $config_dir
        docs_dir: !relative $docs_dir
        page_dir: !relative          # the folder of the page being rendered, to link to the Sources page
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from dataclasses import dataclass
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .sources import SOURCES_PAGE, anchor_entries, box, load_registry, take_markers


class SourcesExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "root": ["", "the project folder, which holds snippets/links.md"],
            "docs_dir": ["", "the docs folder, which holds sources.md"],
            "page_dir": ["", "the folder of the page being rendered"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        found = _Found()
        # Before raw HTML (20) stashes the marker comments; the tree step runs after inline links (20) and before
        # attr_list, toc and MkDocs' anchor check (8, 5), so the box heading is in the page's contents.
        md.preprocessors.register(_TakeMarkers(md, found), "handbook_sources_markers", 30)
        md.treeprocessors.register(_AddBox(md, found, self), "handbook_sources_box", 15)


@dataclass
class _Found:
    """What the preprocessor took from the marker lines, for the tree step of the same page."""
    box_ids: list[str] | None = None
    has_entries: bool = False


class _TakeMarkers(Preprocessor):
    def __init__(self, md: Markdown, found: _Found):
        super().__init__(md)
        self.found = found

    def run(self, lines: list[str]) -> list[str]:
        lines, self.found.box_ids, self.found.has_entries = take_markers(lines)
        return lines


class _AddBox(Treeprocessor):
    def __init__(self, md: Markdown, found: _Found, extension: SourcesExtension):
        super().__init__(md)
        self.found, self.extension = found, extension

    def run(self, root: etree.Element) -> None:
        if self.found.box_ids is None and not self.found.has_entries:
            return
        setting = self.extension.getConfig
        docs_dir = os.fspath(setting("docs_dir"))
        registry = load_registry(os.fspath(setting("root")), docs_dir)
        if self.found.has_entries:
            anchor_entries(root, registry.entries)
        if self.found.box_ids:
            sources_page = os.path.relpath(os.path.join(docs_dir, SOURCES_PAGE), os.fspath(setting("page_dir")))
            root.append(box([registry.entries[source_id] for source_id in self.found.box_ids],
                            sources_page.replace(os.sep, "/")))


def makeExtension(**kwargs: Any) -> SourcesExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return SourcesExtension(**kwargs)
