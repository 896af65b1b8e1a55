"""Python-Markdown extension: `{{ season.<key> }}` in a page becomes that fact from season.yml (logic: season.py).

    markdown_extensions:
      - handbook.season_facts:
          file: season.yml          # relative to the working directory; the season hook makes it absolute
          links: snippets/links.md  # where each fact's source id must be defined
"""
from __future__ import annotations

import functools
import os
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .season import Season, link_ids, load, substitute


def load_season(file: str, links: str) -> Season:
    """The checked season file, read once per version of it and of the links file."""
    return _load_once(file, os.stat(file).st_mtime_ns, links, os.stat(links).st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_once(file: str, _file_version: int, links: str, _links_version: int) -> Season:
    with open(links, encoding="utf-8") as handle:
        known_links = link_ids(handle.read())
    with open(file, encoding="utf-8") as handle:
        return load(handle.read(), os.path.basename(file), known_links)


class SeasonFactsPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, file: str, links: str):
        super().__init__(md)
        self.file, self.links = file, links

    def run(self, lines: list[str]) -> list[str]:
        # Read here, not when the extension loads: MkDocs loads extensions to validate mkdocs.yml before the season
        # hook has made the paths absolute.
        return substitute("\n".join(lines), load_season(self.file, self.links)).split("\n")


class SeasonFactsExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "file": ["season.yml", "The season data file"],
            "links": ["snippets/links.md", "The reference-link definitions the facts' sources must name"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After pymdownx.snippets (32), so a snippet may name a fact too; before HTML blocks and code fences are read.
        preprocessor = SeasonFactsPreprocessor(md, self.getConfig("file"), self.getConfig("links"))
        md.preprocessors.register(preprocessor, "handbook_season_facts", 31)


def makeExtension(**kwargs: Any) -> SeasonFactsExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return SeasonFactsExtension(**kwargs)
