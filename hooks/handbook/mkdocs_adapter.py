"""The one place that knows how MkDocs names things: source paths and error types."""
from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

from .frontmatter import Source, SourceError, read


def display_path(abs_path: str, config) -> str:
    """A path relative to the project root, as people type it: docs/faq.md."""
    root = os.path.dirname(config.config_file_path)
    return os.path.relpath(abs_path, root).replace(os.sep, "/")


def read_page_source(page, config) -> Source:
    """The page's source with front-matter line numbers (parsed once per text: frontmatter.parse)."""
    path = page.file.abs_src_path
    return read(path, display_path(path, config))


def fail(error: SourceError) -> PluginError:
    return PluginError(str(error))
