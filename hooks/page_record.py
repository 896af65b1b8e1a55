"""Hook: one PageRecord (handbook/page_record.py) per page for the handbook's extensions, then its news to MkDocs.

on_page_markdown  give each extension that adds features a fresh record (MkDocs makes a new Markdown instance per
                  page from mdx_configs)
on_page_content   tell MkDocs' link check the ids the widgets added, and link each feature's stylesheet at the top of
                  the content: a stylesheet in the body holds back only what follows it, so nothing shifts when it
                  loads, and Material's instant navigation carries it with the content it swaps in. The page's head
                  also preloads them (overrides/main.html reads page.meta): otherwise Chromium paints the page above
                  the link first and the rest later, and Lighthouse then counts Material's start-up as blocking time
"""
from __future__ import annotations

import html as html_text

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from handbook.page_record import PageRecord

# The page.meta key overrides/main.html reads: the feature stylesheets to preload in the head.
PRELOAD_KEY = "handbook_feature_stylesheets"
EXTENSIONS = ("handbook.templates_embed", "handbook.checklist_html", "handbook.decoder_markdown",
              "handbook.feature_roots")


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    record = PageRecord()
    for extension in EXTENSIONS:
        config.mdx_configs.setdefault(extension, {})["record"] = record
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    record: PageRecord = config.mdx_configs[EXTENSIONS[0]]["record"]
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= record.anchors
    page.meta[PRELOAD_KEY] = record.stylesheets()
    links = "".join(f'<link rel="stylesheet" href="{html_text.escape(get_relative_url(css, page.url))}">\n'
                    for css in record.stylesheets())
    return links + html
