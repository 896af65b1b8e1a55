"""The one place that knows how MkDocs names things: source paths and error types."""
from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from .frontmatter import Source, SourceError, parse, read


def display_path(abs_path: str, config: MkDocsConfig) -> str:
    """A path relative to the project root, as people type it: docs/faq.md."""
    root = os.path.dirname(config.config_file_path)
    return os.path.relpath(abs_path, root).replace(os.sep, "/")


def read_page_source(page: Page, config: MkDocsConfig) -> Source:
    """The page's source with front-matter line numbers (parsed once per text: frontmatter.parse)."""
    path = page.file.abs_src_path
    if path is None:  # a page a plugin generated, with no file on disk
        return parse(page.file.content_string, page.file.src_uri)
    return read(path, display_path(path, config))


def fail(error: SourceError) -> PluginError:
    return PluginError(str(error))
