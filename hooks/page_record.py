"""Hook: one PageRecord (handbook/page_record.py) per page for the handbook's extensions, then its news to MkDocs.

on_page_markdown  give each extension that adds features a fresh record (MkDocs makes a new Markdown instance per
                  page from mdx_configs)
on_page_content   tell MkDocs' link check the ids the widgets added, and the theme the page's feature stylesheets
                  (page.meta): the theme links them in the head (overrides/main.html), where they hold back the first
                  paint until the page can paint whole. Material's instant navigation merges a new page's head
                  links into the open page, so they also come with a page it swaps in.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.page_record import STYLESHEETS_META_KEY, PageRecord

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
    page.meta[STYLESHEETS_META_KEY] = record.stylesheets()
    return html
