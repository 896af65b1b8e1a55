"""Hook: show each page's last-reviewed date under its title. Logic: handbook/reviewed.py."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.frontmatter import SourceError
from handbook.mkdocs_adapter import fail, read_page_source
from handbook.reviewed import insert_after_title, page_review, review_html


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        review = page_review(read_page_source(page, config))
    except SourceError as error:
        raise fail(error) from None
    return insert_after_title(html, review_html(review))
