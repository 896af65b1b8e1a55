"""Hook: the season facts file (issue 7). Logic: handbook/season.py; rendering: the handbook.season_facts extension.

on_config        resolve the file next to mkdocs.yml, check it (file:line errors), warn when the season is over
Pages that name a fact the file does not have are found by the whole-site check (hooks/checks.py).
"""
from __future__ import annotations

import datetime
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger

from handbook.frontmatter import SourceError
from handbook.mkdocs_adapter import fail
from handbook.season import warnings
from handbook.season_facts import load_season

EXTENSION = "handbook.season_facts"
log = get_plugin_logger("season")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = os.path.dirname(config.config_file_path)
    options = config.mdx_configs.setdefault(EXTENSION, {})
    for key, default in (("file", "season.yml"), ("links", "snippets/links.md")):
        options[key] = os.path.join(root, options.get(key, default))
    config.watch.append(options["file"])  # `make serve` rebuilds when the season changes
    for path in (options["file"], options["links"]):
        if not os.path.isfile(path):
            raise fail(SourceError(os.path.relpath(path, root), 1, "file not found (the season facts need it)"))
    try:
        season = load_season(options["file"], options["links"])
    except SourceError as error:
        raise fail(error) from None
    for warning in warnings(season, datetime.date.today()):
        log.warning(warning)
    return config
