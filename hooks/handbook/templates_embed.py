"""Pages name a template with a line of its own, `<!-- template: <id> -->`; this swaps in the widget.

Two steps, because Markdown must not touch the widget's HTML: `mark` checks each marker (with the page file's real
line numbers) and leaves a placeholder comment; `fill` puts the rendered widget where the placeholder landed.
"""
from __future__ import annotations

import re

from .frontmatter import Source, SourceError
from .markdown_lines import outside_fences
from .templates_model import Template, TemplateErrors
from .templates_render import render

MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*template:\s*(?P<id>\S*?)\s*-->[ \t]*$")
_PLACEHOLDER = re.compile(r"(?:<p>\s*)?<!--handbook-template:(?P<id>[a-z0-9-]+)-->(?:\s*</p>)?")
_PLACEHOLDER_LINE = re.compile(r"^[ \t]*<!--handbook-template:(?P<id>[a-z0-9-]+)-->[ \t]*$")


def find_markers(text: str) -> list[tuple[int, str]]:
    """(0-based line index, id) of each marker outside fenced code, so a page can show the syntax in an example."""
    return [(index, match.group("id")) for index, line in outside_fences(text.splitlines()) if (match := MARKER.match(line))]


def ids_on_page(lines: list[str]) -> list[str]:
    """The templates a page shows, in order: from its markers as written, or as `mark` left them for Markdown."""
    return [match.group("id") for _, line in outside_fences(lines)
            if (match := MARKER.match(line) or _PLACEHOLDER_LINE.match(line))]


class Embedder:
    """One per build: renders each template once and remembers which pages embed which template."""

    def __init__(self, templates: dict[str, Template]):
        self.templates = templates
        self.pages: dict[str, list[str]] = {template_id: [] for template_id in templates}
        self._html: dict[str, str] = {}

    def mark(self, markdown: str, source: Source) -> str:
        """Check the page's markers and replace each with a placeholder comment. Raises TemplateErrors."""
        errors, seen = [], {}
        for index, template_id in find_markers(source.body):
            line = source.body_line + index
            if template_id not in self.templates:
                known = ", ".join(sorted(self.templates)) or "none"
                errors.append(SourceError(source.path, line, f"no template '{template_id}'; known templates: {known}"))
            elif template_id in seen:
                errors.append(SourceError(
                    source.path, line, f"template '{template_id}' is already on this page (line {seen[template_id]}); "
                    "embed each template once per page"))
            else:
                seen[template_id] = line
        if errors:
            raise TemplateErrors(errors)
        for template_id in seen:
            self.pages[template_id].append(source.path)
        lines = markdown.splitlines(keepends=True)
        for index, template_id in find_markers(markdown):
            indent = MARKER.match(lines[index]).group("indent")
            lines[index] = f"{indent}<!--handbook-template:{template_id}-->\n"
        return "".join(lines)

    def fill(self, html: str, path: str) -> str:
        """Swap each placeholder for its widget. A placeholder that Markdown swallowed fails loudly, not silently."""
        expected = [template_id for template_id, pages in self.pages.items() if path in pages]
        html = _PLACEHOLDER.sub(lambda m: self._widget(m.group("id")), html)
        missing = [template_id for template_id in expected if f'data-template="{template_id}"' not in html]
        if missing:
            raise TemplateErrors([SourceError(path, 1, f"template '{template_id}' did not reach the page's HTML; "
                                                       "put its marker on a line of its own, with blank lines around it")
                                  for template_id in missing])
        return html

    def anchors(self, path: str) -> set[str]:
        """The ids the page's widgets add, so that links to `page.md#template-<id>` can be checked like any other."""
        return {f"template-{template_id}" for template_id, pages in self.pages.items() if path in pages}

    def unused(self) -> TemplateErrors | None:
        """Every template must be live on at least one page."""
        errors = [SourceError(self.templates[template_id].path, 1,
                              f"template '{template_id}' is on no page; add `<!-- template: {template_id} -->` to one")
                  for template_id, pages in sorted(self.pages.items()) if not pages]
        return TemplateErrors(errors) if errors else None

    def _widget(self, template_id: str) -> str:
        if template_id not in self._html:
            self._html[template_id] = render(self.templates[template_id])
        return self._html[template_id]
