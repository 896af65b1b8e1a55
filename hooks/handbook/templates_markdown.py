"""Python-Markdown extension for the template shortcuts, listed in mkdocs.yml as `handbook.templates_markdown`.

- A line `<!-- templates-index -->` becomes the Templates index (handbook/templates_index.py).
- A page that shows templates gets "Jump to the template" links in its "In short" box.

Options: `templates_dir` (default snippets/templates) and `docs_dir` (default docs), relative to the working folder,
as pymdownx.snippets reads its base_path.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .markdown_lines import mentions, outside_fences
from .templates_embed import ids_on_page, load_templates
from .templates_index import INDEX_MARKER, embedding_pages, index_markdown
from .templates_model import Template

SUMMARY_TITLE = "In short"


class TemplatesExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "templates_dir": ["snippets/templates", "folder of the template sources"],
            "docs_dir": ["docs", "folder of the pages, to find which page shows each template"],
        }
        super().__init__(**kwargs)
        self.page_templates: list[str] = []

    def templates(self) -> dict[str, Template]:
        return load_templates(self.getConfig("templates_dir"))

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # After pymdownx.snippets (32) and season facts (31); before handbook.templates_embed (30) swaps the markers
        # for widgets.
        md.preprocessors.register(_IndexAndIds(md, self), "handbook_templates_index", 30.5)
        # After inline parsing (20), so the box's title is text; before the table of contents (5) and MkDocs' links (0).
        md.treeprocessors.register(_JumpLinks(md, self), "handbook_template_jump", 10)

    def reset(self) -> None:
        self.page_templates = []


class _IndexAndIds(Preprocessor):
    def __init__(self, md: Markdown, extension: TemplatesExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.page_templates = ids_on_page(lines)
        if not mentions(lines, "templates-index"):
            return lines  # only the Templates page has the index
        markers = [index for index, line in outside_fences(lines) if INDEX_MARKER.match(line)]
        if not markers:
            return lines
        index = index_markdown(self.extension.templates(), embedding_pages(self.extension.getConfig("docs_dir")))
        for at in reversed(markers):
            lines[at:at + 1] = index
        return lines


class _JumpLinks(Treeprocessor):
    def __init__(self, md: Markdown, extension: TemplatesExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        ids = self.extension.page_templates
        box = next((div for div in root.iter("div") if _is_summary(div)), None)
        if not ids or box is None:
            return
        # One template: "Jump to the template". Several: each link names its template (only then are they read).
        titles: dict[str, str] = {}
        if len(ids) > 1:
            templates = self.extension.templates()
            titles = {template_id: templates[template_id].title for template_id in ids}
        for template_id in ids:
            line = etree.SubElement(box, "p", {"class": "tpl-jump"})
            link = etree.SubElement(line, "a", {"href": f"#template-{template_id}"})
            link.text = f"Jump to the template: {titles[template_id]}" if titles else "Jump to the template"


def _is_summary(div: etree.Element) -> bool:
    if "admonition" not in div.get("class", "").split():
        return False
    title = div.find("p")
    return title is not None and "admonition-title" in title.get("class", "") and \
        "".join(title.itertext()).strip() == SUMMARY_TITLE


def makeExtension(**kwargs: Any) -> TemplatesExtension:  # noqa: N802 - the name Python-Markdown looks for
    return TemplatesExtension(**kwargs)
