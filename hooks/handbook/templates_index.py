"""The Templates page: every template, grouped by the moment a reader needs it, each linked to the widget itself.

It is written from the template sources and the pages' markers at build time, so a new template cannot be missing.
Links are relative to the docs folder: the page that holds the index sits at its top level (templates.md).
"""
from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass

from .frontmatter import read
from .templates_embed import find_markers
from .templates_model import MOMENTS, Template
from .templates_render import KIND_NAMES

INDEX_MARKER = re.compile(r"^[ \t]*<!--\s*templates-index\s*-->[ \t]*$")
_TITLE = re.compile(r"^#[ \t]+(?P<title>.+?)(?:[ \t]*\{[^}]*\})?[ \t]*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class PageRef:
    path: str  # relative to the docs folder, as Markdown links it: your-messages/etiquette-and-thank-you.md
    title: str


def embedding_pages(docs_dir: str | pathlib.Path) -> dict[str, list[PageRef]]:
    """Template id -> the pages that show it, in path order."""
    docs_dir = pathlib.Path(docs_dir)
    found: dict[str, list[PageRef]] = {}
    for file in sorted(docs_dir.rglob("*.md")):
        source = read(file, file.as_posix())
        ids = [template_id for _, template_id in find_markers(source.body.splitlines())]
        if ids:
            page = PageRef(file.relative_to(docs_dir).as_posix(), page_title(source.body) or file.stem)
            for template_id in ids:
                found.setdefault(template_id, []).append(page)
    return found


def page_title(body: str) -> str | None:
    """The page's `# Title`, without an attribute list."""
    for line in body.splitlines():
        if match := _TITLE.match(line):
            return match.group("title")
    return None


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def index_markdown(templates: dict[str, Template], pages: dict[str, list[PageRef]]) -> list[str]:
    """Markdown lines: a `##` section per moment that has templates, a list item per template, in title order."""
    lines: list[str] = []
    for moment, heading in MOMENTS.items():
        group = sorted((t for t in templates.values() if t.moment == moment), key=lambda t: t.title)
        if not group:
            continue
        lines += [f"## {heading} {{ #{moment} }}", "", '<div class="tpl-index" markdown>', ""]
        for template in group:
            lines += _entry(template, pages.get(template.id, []))
        lines += ["", "</div>", ""]
    return lines


def _entry(template: Template, pages: list[PageRef]) -> list[str]:
    anchor = f"#template-{template.id}"
    title = f"[{template.title}]({pages[0].path}{anchor})" if pages else template.title
    lines = [f"- {title}", f"  <span class=\"tpl-index-kind\">{KIND_NAMES[template.kind]}.</span> "
             f"{first_sentence(template.use_when)}"]
    if len(pages) > 1:
        others = ", ".join(f"[{page.title}]({page.path}{anchor})" for page in pages[1:])
        lines[-1] += f" Also on: {others}."
    return lines
