"""Python-Markdown extension: a line `<!-- name -->` on its own becomes a block the build computed for the whole site.

The build (hooks/site_markers.py) fills two mappings, marker name -> content:

- `html`: ready HTML, stored in the HTML stash, so it works inside an admonition or a snippet, at any indent
  (the school's office card);
- `markdown`: Markdown put in place of the marker, so its `.md` links are checked and rewritten like any other
  (the advisors' table, the edition, the pages due for review). Its links are relative to the docs folder: use
  such a marker on a top-level page. A wrong link stops a strict build.

An empty value removes the marker (the generic handbook has no office card). Other comments, and markers inside
fenced code, stay as they are.
"""
from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .markdown_lines import mentions, outside_fences

_MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*(?P<name>[a-z][a-z0-9-]*)\s*-->[ \t]*$")
# After pymdownx.snippets (32) has inlined snippets, before superfences (25) and raw HTML (20) take the lines.
PRIORITY = 28


class MarkerPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, html: dict[str, str], markdown: dict[str, str]):
        super().__init__(md)
        self.html, self.markdown = html, markdown

    def run(self, lines: list[str]) -> list[str]:
        if not mentions(lines, "<!--"):
            return lines  # no comment, so no marker: most pages
        replacements: dict[int, list[str]] = {}
        for index, line in outside_fences(lines):
            match = _MARKER.match(line)
            if match and match.group("name") in self.html.keys() | self.markdown.keys():
                replacements[index] = self._expand(match.group("indent"), match.group("name"))
        out: list[str] = []
        for index, line in enumerate(lines):
            out += replacements.get(index, [line])
        return out

    def _expand(self, indent: str, name: str) -> list[str]:
        if name in self.html:
            content = self.html[name]
            return ["", indent + self.md.htmlStash.store(content), ""] if content else [""]
        return ["", *(indent + line if line else "" for line in self.markdown[name].splitlines()), ""]


class MarkersExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "html": [{}, "marker name -> HTML put in its place"],
            "markdown": [{}, "marker name -> Markdown put in its place"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        html, markdown = self.getConfig("html"), self.getConfig("markdown")
        md.preprocessors.register(MarkerPreprocessor(md, dict(html), dict(markdown)), "handbook_markers", PRIORITY)


def makeExtension(**kwargs: Any) -> MarkersExtension:
    return MarkersExtension(**kwargs)
