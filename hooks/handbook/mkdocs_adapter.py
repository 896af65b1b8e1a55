"""The one place that knows how MkDocs names things: source paths and error types."""
from __future__ import annotations

import functools
import os

from mkdocs.exceptions import PluginError

from .frontmatter import Source, SourceError, read


def display_path(abs_path: str, config) -> str:
    """A path relative to the project root, as people type it: docs/faq.md."""
    root = os.path.dirname(config.config_file_path)
    return os.path.relpath(abs_path, root).replace(os.sep, "/")


def read_page_source(page, config) -> Source:
    """The page's source with front-matter line numbers. Three hooks ask for it; the file is read and parsed once
    per version (the modification time keeps `mkdocs serve` rebuilds fresh)."""
    path = page.file.abs_src_path
    return _read_once(path, os.stat(path).st_mtime_ns, display_path(path, config))


@functools.lru_cache(maxsize=256)
def _read_once(path: str, mtime_ns: int, shown_as: str) -> Source:
    return read(path, shown_as)


def fail(error: SourceError) -> PluginError:
    return PluginError(str(error))
