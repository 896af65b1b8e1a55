"""Hook: show each page's last-reviewed date under its title. Logic: handbook/reviewed.py."""
from handbook.frontmatter import SourceError
from handbook.mkdocs_adapter import fail, read_page_source
from handbook.reviewed import insert_after_title, page_review, review_html


def on_page_content(html, page, config, files):
    try:
        review = page_review(read_page_source(page, config))
    except SourceError as error:
        raise fail(error) from None
    return insert_after_title(html, review_html(review))
