"""Hook: turn pages marked `checklist: <id>` in front matter into saved checklists (issue 4).

Logic: handbook/checklist.py (parse, ids, checks) and handbook/checklist_html.py (markup); front end:
docs/assets/js/checklist.js and docs/assets/css/checklist.css.
"""
from handbook.checklist import parse, strip_explicit_ids
from handbook.checklist_html import enhance
from handbook.frontmatter import SourceError
from handbook.mkdocs_adapter import fail, read_page_source

_pending = {}  # page source path -> its Checklist, from on_page_markdown to on_page_content


def on_page_markdown(markdown, page, config, files):
    _pending.pop(page.file.src_uri, None)
    if "checklist" not in page.meta:
        return markdown
    try:
        checklist = parse(read_page_source(page, config))
    except SourceError as error:
        raise fail(error) from None
    _pending[page.file.src_uri] = checklist
    return strip_explicit_ids(markdown)


def on_page_content(html, page, config, files):
    checklist = _pending.pop(page.file.src_uri, None)
    if checklist is None:
        return html
    try:
        return enhance(html, checklist)
    except SourceError as error:
        raise fail(error) from None
