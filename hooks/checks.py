"""Hook: run every source check once per build (handbook/check.py), before any page is read.

Once per build, not per page: `mkdocs build --dirty` and `mkdocs serve --dirtyreload` skip unchanged pages' events,
and the checks (such as "a template is on no page") need every page.
"""
from __future__ import annotations

import pathlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from handbook.check import check_project


def on_pre_build(*, config: MkDocsConfig) -> None:
    if errors := check_project(pathlib.Path(config.config_file_path).parent):
        raise PluginError("\n".join(str(error) for error in errors))
