"""Hook: point the template extension (handbook/templates_embed.py) at the project's template folder, and tell MkDocs
the anchors its widgets add.

The widgets themselves are a Markdown extension; the checks run once per build in hooks/checks.py.
"""
from __future__ import annotations

import pathlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

EXTENSION = "handbook.templates_embed"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = pathlib.Path(config.config_file_path).parent
    options = config.mdx_configs.setdefault(EXTENSION, {})
    options["folder"] = str(root / options.get("folder", "snippets/templates"))
    config.watch.append(options["folder"])  # `make serve` rebuilds when a template changes
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs makes a new Markdown instance per page from mdx_configs: a fresh set per page collects its widgets' ids.
    config.mdx_configs[EXTENSION]["anchors"] = set()
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs checks `page.md#template-<id>` links against the ids it saw in the Markdown; the widgets were stashed.
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= config.mdx_configs[EXTENSION]["anchors"]
    return html
