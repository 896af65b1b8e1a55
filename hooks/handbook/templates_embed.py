"""Python-Markdown extension: a line of its own, `<!-- template: <id> -->`, becomes that template's widget.

    markdown_extensions:
      - handbook.templates_embed:
          folder: snippets/templates   # relative to the working directory; the templates hook makes it absolute

The widget's HTML goes into Python-Markdown's HTML stash, so Markdown never touches it (even inside an admonition). The
option `record` (handbook/page_record.py) notes the feature and the `template-<id>` ids the widgets add. The page's
markers are checked with the page file's real line numbers by `check_markers` (run for the whole site by
handbook/check.py).
"""
from __future__ import annotations

import functools
import pathlib
import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .frontmatter import Source, SourceError
from .institution import Institution
from .markdown_lines import outside_fences
from .page_record import PageRecord
from .school_office import institution_of, institution_option
from .templates_model import Template, TemplateErrors, load_folder
from .templates_render import render

MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*template:\s*(?P<id>\S*?)\s*-->[ \t]*$")


def find_markers(lines: list[str]) -> list[tuple[int, str]]:
    """(0-based line index, id) of each marker outside fenced code, so a page can show the syntax in an example."""
    if not any("template:" in line for line in lines):
        return []  # most pages: no need to track fences line by line
    return [(index, match.group("id")) for index, line in outside_fences(lines) if (match := MARKER.match(line))]


def ids_on_page(lines: list[str]) -> list[str]:
    """The templates a page shows, in order."""
    return [template_id for _, template_id in find_markers(lines)]


def check_markers(source: Source, templates: dict[str, Template]) -> tuple[list[str], list[SourceError]]:
    """The template ids the page embeds, and one error per unknown or repeated marker (at the page file's line)."""
    errors: list[SourceError] = []
    seen: dict[str, int] = {}
    for index, template_id in find_markers(source.body.splitlines()):
        line = source.body_line + index
        if template_id not in templates:
            known = ", ".join(sorted(templates)) or "none"
            errors.append(SourceError(source.path, line, f"no template '{template_id}'; known templates: {known}"))
        elif template_id in seen:
            errors.append(SourceError(
                source.path, line, f"template '{template_id}' is already on this page (line {seen[template_id]}); "
                "embed each template once per page"))
        else:
            seen[template_id] = line
    return list(seen), errors


def unused(templates: dict[str, Template], embedded: set[str]) -> list[SourceError]:
    """Every template must be live on at least one page."""
    return [SourceError(template.path, 1,
                        f"template '{template_id}' is on no page; add `<!-- template: {template_id} -->` to one")
            for template_id, template in sorted(templates.items()) if template_id not in embedded]


def load_templates(folder: str | pathlib.Path) -> dict[str, Template]:
    """Every template in the folder, read once per version of the folder's files. Raises TemplateErrors."""
    folder = pathlib.Path(folder).resolve()  # one cache entry, whether a caller names it relative or absolute
    versions = tuple((file.name, file.stat().st_mtime_ns) for file in sorted(folder.iterdir()) if file.is_file())
    return _load_once(folder, versions)


@functools.lru_cache(maxsize=4)
def _load_once(folder: pathlib.Path, _versions: tuple[tuple[str, int], ...]) -> dict[str, Template]:
    return load_folder(folder, folder.parent.parent)  # messages name snippets/templates/<file>, from the project root


@functools.lru_cache(maxsize=64)
def widget_html(template: Template, institution: Institution | None = None) -> str:
    return render(template, institution)


class TemplateMarkerPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, folder: str, record: PageRecord, institution: Institution | None):
        super().__init__(md)
        self.folder = folder
        self.record = record
        self.institution = institution

    def run(self, lines: list[str]) -> list[str]:
        markers = dict(find_markers(lines))
        if not markers:
            return lines
        templates = load_templates(self.folder)
        out: list[str] = []
        for index, line in enumerate(lines):
            template_id = markers.get(index)
            if template_id is None:
                out.append(line)
                continue
            if template_id not in templates:
                raise TemplateErrors([SourceError("page", index + 1, f"no template '{template_id}'")])
            indent = line[: len(line) - len(line.lstrip())]
            # A block of its own (blank lines around it), so the whole paragraph is swapped for the widget.
            out += ["", indent + self.md.htmlStash.store(widget_html(templates[template_id], self.institution)), ""]
            self.record.add("templates", f"template-{template_id}")
        return out


class TemplatesExtension(Extension):
    def __init__(self, **kwargs: Any):
        self.config = {
            "folder": ["snippets/templates", "The folder of template sources"],
            "record": [PageRecord(), "Notes the feature and the widgets' ids (handbook/page_record.py)"],
            "institution": institution_option("A branded copy's school, named in the notes (hooks/site_markers.py)"),
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After pymdownx.snippets (32) and season facts (31); before HTML blocks (20) would keep the comment as is.
        preprocessor = TemplateMarkerPreprocessor(md, self.getConfig("folder"), self.getConfig("record"),
                                                  institution_of(self))
        md.preprocessors.register(preprocessor, "handbook_templates", 30)


def makeExtension(**kwargs: Any) -> TemplatesExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return TemplatesExtension(**kwargs)
