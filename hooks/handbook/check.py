"""Every source check of the handbook, in one pass over docs/ and snippets/: `make check`, and once per MkDocs build.

Front matter (description, review date), checklists, season facts, template sources, template markers, templates on
no page, duplicate heading ids on a page, and unknown `{{ school.<key> }}` words. Each problem is
`file:line: message`; one run lists them all.

    python -m handbook.check [project root]
"""
from __future__ import annotations

import functools
import pathlib
import sys
from collections.abc import Callable

from .checklist import parse as parse_checklist
from .frontmatter import Source, SourceError, read
from .institution import unknown_school_keys
from .markdown_lines import heading_ids, outside_fences
from .reviewed import page_review
from .season import Season, check_page
from .season_facts import load_season
from .templates_embed import check_markers, load_templates, unused
from .templates_model import Template, TemplateErrors

SEASON_FILE, LINKS_FILE, TEMPLATES_FOLDER = "season.yml", "snippets/links.md", "snippets/templates"


def check_project(root: str | pathlib.Path) -> list[SourceError]:
    """Every problem in the project's sources, in file order."""
    root = pathlib.Path(root)
    errors: list[SourceError] = []
    templates: dict[str, Template] = {}
    if (root / TEMPLATES_FOLDER).is_dir():
        try:
            templates = load_templates(root / TEMPLATES_FOLDER)
        except TemplateErrors as caught:
            errors += caught.errors
    season: Season | None = None
    if (root / SEASON_FILE).is_file():  # the season hook says so when mkdocs.yml needs a missing one
        try:
            season = load_season(str(root / SEASON_FILE), str(root / LINKS_FILE))
        except SourceError as error:
            errors.append(error)
    embedded: set[str] = set()
    for file in _markdown_files(root):
        shown = file.relative_to(root).as_posix()
        try:
            source = read(file, shown)
        except SourceError as error:
            errors.append(error)
            continue
        # Each check on its own, so one problem does not hide another on the same page.
        checks: list[Callable[[Source], object]] = [page_review, parse_checklist] if shown.startswith("docs/") else []
        if season is not None:
            checks.append(functools.partial(check_page, season=season))
        for check in checks:
            try:
                check(source)
            except SourceError as error:
                errors.append(error)
        page_templates, marker_errors = check_markers(source, templates)
        embedded.update(page_templates)
        errors += marker_errors + _duplicate_heading_ids(source) + _unknown_school_words(source)
    if templates and not any(error.path.startswith(TEMPLATES_FOLDER) for error in errors):
        errors += unused(templates, embedded)
    return errors


def _markdown_files(root: pathlib.Path) -> list[pathlib.Path]:
    """Pages and shared snippets; template sources are checked by their own model."""
    snippets = [file for file in sorted((root / "snippets").rglob("*.md")) if TEMPLATES_FOLDER not in file.as_posix()]
    return sorted((root / "docs").rglob("*.md")) + snippets


def _unknown_school_words(source: Source) -> list[SourceError]:
    """`{{ school.<key> }}` with a key the build cannot fill would show as typed."""
    return [SourceError(source.path, source.body_line + index, message)
            for index, line in outside_fences(source.body.splitlines()) for message in unknown_school_keys(line)]


def _duplicate_heading_ids(source: Source) -> list[SourceError]:
    errors: list[SourceError] = []
    seen: dict[str, int] = {}
    for index, heading_id in heading_ids(source.body.splitlines()):
        line = source.body_line + index
        if heading_id in seen:
            errors.append(SourceError(source.path, line, f"heading id '#{heading_id}' is already used on this page "
                                                         f"(line {seen[heading_id]}); each id links to one place"))
        seen.setdefault(heading_id, line)
    return errors


def main(argv: list[str]) -> int:
    errors = check_project(argv[1] if len(argv) > 1 else ".")
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{len(errors)} problem(s) found" if errors else "all sources pass", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
