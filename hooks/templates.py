"""Hook: embed interactive template fillers (issue 3). Logic: handbook/templates_*.py.

on_config        load and check every template once, so a broken one stops the build even if no page uses it
on_page_markdown check the page's `<!-- template: <id> -->` markers and leave placeholders
on_page_content  swap the placeholders for the rendered widgets, and tell MkDocs the anchors they add
on_post_build    stop the build if a template is on no page
"""
import pathlib

from handbook.mkdocs_adapter import display_path, fail, read_page_source
from handbook.templates_embed import Embedder
from handbook.templates_model import TemplateErrors, load_folder

_embedder: Embedder | None = None


def on_config(config):
    global _embedder
    root = pathlib.Path(config.config_file_path).parent
    folder = root / "snippets" / "templates"
    config.watch.append(str(folder))  # `make serve` rebuilds when a template changes
    try:
        _embedder = Embedder(load_folder(folder, root))
    except TemplateErrors as errors:
        raise fail(errors) from None


def on_page_markdown(markdown, page, config, files):
    try:
        return _embedder.mark(markdown, read_page_source(page, config))
    except TemplateErrors as errors:
        raise fail(errors) from None


def on_page_content(html, page, config, files):
    path = display_path(page.file.abs_src_path, config)
    try:
        html = _embedder.fill(html, path)
    except TemplateErrors as errors:
        raise fail(errors) from None
    # MkDocs checks links to anchors against the ids it saw in the Markdown; the widgets arrive after that.
    page.present_anchor_ids |= _embedder.anchors(path)
    return html


def on_post_build(config):
    if errors := _embedder.unused():
        raise fail(errors)
