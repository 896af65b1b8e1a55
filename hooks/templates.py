"""Hook: point the template extension (handbook/templates_embed.py) at the project's template folder.

The widgets themselves are a Markdown extension; the checks run once per build in hooks/checks.py.
"""
from __future__ import annotations

import pathlib

from mkdocs.config.defaults import MkDocsConfig

EXTENSION = "handbook.templates_embed"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = pathlib.Path(config.config_file_path).parent
    options = config.mdx_configs.setdefault(EXTENSION, {})
    options["folder"] = str(root / options.get("folder", "snippets/templates"))
    config.watch.append(options["folder"])  # `make serve` rebuilds when a template changes
    return config

