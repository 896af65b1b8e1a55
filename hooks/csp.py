"""Hook: give every page a Content-Security-Policy that allows only its own origin. Logic: handbook/csp.py."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.csp import apply


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return apply(output)


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return apply(output_content)  # 404.html is a template, not a page
