"""Hook: tell the checklist extension (handbook/checklist_html.py) which checklist the page is, from its front matter.

MkDocs hands Markdown the page without its front matter, and makes a new Markdown instance per page from
`mdx_configs`, so the page's options are set here just before it renders. The checks run in hooks/checks.py.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.mkdocs_adapter import read_page_source

EXTENSION = "handbook.checklist_html"


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    options = config.mdx_configs.setdefault(EXTENSION, {})
    options["checklist"] = page.meta.get("checklist") or ""
    source = read_page_source(page, config)
    options["path"], options["first_line"] = source.path, source.body_line
    return markdown
