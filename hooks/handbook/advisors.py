"""The advisors' page table: a deep link to every page, scenario and template, built from the nav and the template
folder, so a new page or template is listed without anyone remembering to add it (issue 9)."""
from __future__ import annotations

import pathlib
from dataclasses import dataclass
from html import escape

from .frontmatter import read
from .templates_embed import find_markers

SCENARIOS = "scenarios/"  # nav entries under this folder are the scenarios


@dataclass(frozen=True)
class Link:
    title: str
    target: str  # a docs-relative Markdown link: rules/what-the-rules-allow.md or faq.md#template-x
    where: str  # the nav section, or for a template the page that shows it


def nav_pages(nav: list | None, docs_dir: pathlib.Path, section: str = "") -> list[Link]:
    """Every page in a MkDocs nav (as written in mkdocs.yml), in order, with its nav title or else its heading."""
    links: list[Link] = []
    for entry in nav or []:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(value, list):
            links += nav_pages(value, docs_dir, title or section)
        elif isinstance(value, str) and value.endswith(".md"):
            links.append(Link(title or page_title(docs_dir / value), value, section or (title or "")))
    return links


def page_title(path: pathlib.Path) -> str:
    """The page's `# Heading`, without its attribute list."""
    for line in read(path).body.splitlines():
        if line.startswith("# "):
            return line[2:].split("{")[0].strip()
    return path.stem.replace("-", " ").capitalize()


def template_links(templates_dir: pathlib.Path, docs_dir: pathlib.Path) -> list[Link]:
    """Each template (snippets/templates/<id>.md, not _-prefixed files), linked on the first page that shows it."""
    shown_on: dict[str, str] = {}
    for page in sorted(docs_dir.rglob("*.md")):
        for _, template_id in find_markers(read(page).body.splitlines()):
            shown_on.setdefault(template_id, page.relative_to(docs_dir).as_posix())
    links = []
    for path in sorted(templates_dir.glob("*.md")):
        if path.name.startswith("_") or path.stem not in shown_on:
            continue  # an unused template already stops the build (hooks/templates.py)
        title = str(read(path).data.get("title") or path.stem)
        shown = shown_on[path.stem]
        links.append(Link(title, f"{shown}#template-{path.stem}", page_title(docs_dir / shown)))
    return links


def table_markdown(heading: str, heading_id: str, links: list[Link], where_label: str) -> str:
    """A titled Markdown table of links, each row with a copy button that advisor-links.js starts."""
    rows = [f"### {heading} {{ #{heading_id} }}", "", f"| Link | {where_label} | Copy |", "| --- | --- | --- |"]
    for link in links:
        label = escape(f"Copy the address of {link.title}")
        button = (f'<button type="button" class="md-button advisor-copy" data-copy-link aria-label="{label}" hidden>'
                  "Copy link</button>")
        rows.append(f"| [{_cell(link.title)}]({link.target}) | {_cell(link.where)} | {button} |")
    return "\n".join(rows)


def advisor_links_markdown(nav: list | None, docs_dir: pathlib.Path, templates_dir: pathlib.Path) -> str:
    """The whole block for `<!-- advisor-links -->`: sections, scenarios, templates."""
    pages = nav_pages(nav, docs_dir)
    scenarios = [p for p in pages if p.target.startswith(SCENARIOS) and not p.target.endswith("index.md")]
    sections = [p for p in pages if p not in scenarios]
    # The status line is there from the start, so that nothing moves when the script starts.
    return ('<div class="advisor-links" data-advisor-links markdown>\n'
            '<p class="advisor-copy-status" data-advisor-copy-status role="status"></p>\n\n') + "\n\n".join([
        table_markdown("Sections", "links-sections", sections, "Part"),
        table_markdown("Scenarios", "links-scenarios", scenarios, "Part"),
        table_markdown("Templates", "links-templates", template_links(templates_dir, docs_dir), "On the page"),
    ]) + "\n\n</div>"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell and link text."""
    return text.replace("|", "\\|").replace("[", "\\[").replace("]", "\\]")
