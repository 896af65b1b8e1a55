"""Python-Markdown extension: a checklist page's task lists become the markup that checklist.js enhances.

    markdown_extensions:
      - handbook.checklist_html   # options per page: checklist (its id; empty: none), path and first_line (messages)

A preprocessor reads the model (handbook/checklist.py) and removes each item's `{ #id }`; a treeprocessor that runs
after pymdownx.tasklist (25) and attr_list (8, which sets the phase headings' ids) labels each task item, adds the
progress bars and the panel, and wraps the page in the checklist root.

Without JavaScript the page stays a readable list of disabled, empty boxes; the panel (progress, buttons) and the
per-phase progress bars are `hidden` until the script shows them. No inline script, style or event handler.
"""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from .checklist import ID_LIMIT, ID_PATTERN, Checklist, normalise, parse, strip_explicit_ids
from .frontmatter import Source, SourceError
from .markdown_lines import strip_links
from .page_record import PageRecord

_BLOCK_TAGS = {"p", "ul", "ol", "div", "blockquote", "pre", "table", "details"}


def progress_html(label: str, total: int, phase_id: str = "") -> str:
    """A progress bar and its "0 of N done" text; the script fills in the real figures."""
    extra = " checklist-progress--overall" if not phase_id else ""
    return (
        f'<div class="checklist-progress{extra}" data-checklist-progress="{html.escape(phase_id)}" hidden>'
        f'<progress max="{total}" value="0" aria-label="{html.escape(label)}"></progress> '
        f'<span class="checklist-progress-text">0 of {total} done</span></div>'
    )


def panel_html(checklist: Checklist) -> str:
    total = len(checklist.items)
    return (
        '<div class="checklist-panel" data-checklist-panel hidden>'
        '<p class="checklist-intro">Ticks stay in this browser. '
        "Export them to a file to keep a copy or to move them to another device.</p>"
        + progress_html("All phases", total)
        + '<div class="checklist-actions">'
        '<button type="button" class="md-button" data-checklist-action="export">Export ticks</button>'
        '<button type="button" class="md-button" data-checklist-action="import">Import ticks</button>'
        '<input type="file" accept=".json,application/json" data-checklist-file hidden>'
        '<button type="button" class="md-button" data-checklist-action="reset"'
        ' aria-expanded="false">Reset\u2026</button>'
        "</div>"
        '<div class="checklist-confirm" data-checklist-confirm hidden>'
        f"<p>Untick all {total} items? Export first if you may want them back.</p>"
        '<button type="button" class="md-button"'
        ' data-checklist-action="reset-confirm">Yes, untick all</button>'
        '<button type="button" class="md-button" data-checklist-action="reset-cancel">Cancel</button>'
        "</div>"
        '<p class="checklist-note" data-checklist-note role="status"></p>'
        '<p class="checklist-message" data-checklist-message role="status"></p>'
        '<p class="sr-only" data-checklist-live aria-live="polite"></p>'
        "</div>"
    )


def plain_title(markdown: str) -> str:
    """A heading's words for a label: links reduced to text, emphasis and code marks removed."""
    return re.sub(r"[*_`]", "", strip_links(markdown)).strip() or normalise(markdown)


def enhance(root: etree.Element, checklist: Checklist, md: Markdown) -> None:
    """Label each task item with its stable id and phase, add progress bars and the panel, wrap it all in the root."""
    items = checklist.items
    task_items = [li for li in root.iter("li") if "task-list-item" in li.get("class", "").split()]
    if len(task_items) != len(items):
        raise SourceError(
            checklist.path, items[0].line,
            f"the page renders {len(task_items)} task-list items but its source has {len(items)}: keep every item a "
            "plain '- [ ]' line of a list under a '## Phase { #id }' (not inside a snippet, HTML block or admonition)",
        )
    phase_of = {item.id: phase.id for phase in checklist.phases for item in phase.items}
    for li, item in zip(task_items, items, strict=True):
        _label(li, item.id, phase_of[item.id])
    parents = {child: parent for parent in root.iter() for child in parent}
    for index, phase in enumerate(checklist.phases):
        heading = next((h for h in root.iter("h2") if h.get("id") == phase.id), None)
        if heading is None:
            raise SourceError(checklist.path, phase.line, f"phase heading '#{phase.id}' is missing from the page")
        parent = parents[heading]
        position = list(parent).index(heading)
        parent.insert(position + 1, _stashed(md, progress_html(plain_title(phase.title), len(phase.items), phase.id)))
        if index == 0:
            parent.insert(position, _stashed(md, panel_html(checklist)))
    wrapper = etree.Element("div", {
        "class": "checklist", "data-checklist": checklist.id, "data-checklist-total": str(len(items)),
        "data-checklist-id-pattern": f"^{ID_PATTERN}$", "data-checklist-id-limit": str(ID_LIMIT),
    })
    wrapper.extend(list(root))
    for child in list(root):
        root.remove(child)
    root.append(wrapper)


def _label(li: etree.Element, item_id: str, phase_id: str) -> None:
    """`<label><input> <span>item words</span></label>`; nested lists and later paragraphs stay outside the label."""
    li.set("class", f"{li.get('class')} checklist-item")
    li.set("id", f"task-{item_id}")
    li.set("data-task-id", item_id)
    li.set("data-phase", phase_id)
    container = li if (li.text or "").strip() or not len(li) else li[0]
    words = etree.Element("span", {"class": "checklist-text"})
    words.text = HTML_PLACEHOLDER_RE.sub("", container.text or "", count=1).lstrip(" ")  # tasklist's own checkbox
    for child in list(container):
        if child.tag in _BLOCK_TAGS:
            break
        container.remove(child)
        words.append(child)
    if len(words):
        words[-1].tail = (words[-1].tail or "").rstrip()
    else:
        words.text = words.text.rstrip()
    label = etree.Element("label", {"class": "checklist-label"})
    box = etree.SubElement(label, "input", {
        "type": "checkbox", "class": "checklist-box", "disabled": "disabled",
    })
    box.tail = " "
    label.append(words)
    container.text = None
    container.insert(0, label)


def _stashed(md: Markdown, block_html: str) -> etree.Element:
    """A paragraph holding only a stash placeholder: Python-Markdown swaps the whole <p> for the block's HTML."""
    paragraph = etree.Element("p")
    paragraph.text = md.htmlStash.store(block_html)
    return paragraph


class ChecklistPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: ChecklistExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.checklist = None
        list_id, path = self.extension.getConfig("checklist"), self.extension.getConfig("path")
        if not list_id:
            return lines
        text = "\n".join(lines)
        first_line = int(self.extension.getConfig("first_line"))
        self.extension.checklist = parse(Source(path, {"checklist": list_id}, text, first_line))
        return strip_explicit_ids(text).split("\n")


class ChecklistTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: ChecklistExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.checklist is not None:
            enhance(root, self.extension.checklist, self.md)
            self.extension.getConfig("record").add("checklist")


class ChecklistExtension(Extension):
    def __init__(self, **kwargs: Any):
        self.config = {
            "checklist": ["", "The page's checklist id (front matter `checklist:`); empty on other pages"],
            "path": ["page", "The page's source path, for error messages"],
            "first_line": [1, "The file's line number of the Markdown's first line (after the front matter)"],
            "record": [PageRecord(), "Notes the feature on the page (handbook/page_record.py)"],
        }
        self.checklist: Checklist | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After pymdownx.snippets (32) and season facts (31), so included text counts; before HTML blocks (20).
        md.preprocessors.register(ChecklistPreprocessor(md, self), "handbook_checklist", 29)
        # After tasklist (25) and attr_list (8); before toc (5), which only reads the headings.
        md.treeprocessors.register(ChecklistTreeprocessor(md, self), "handbook_checklist", 7)


def makeExtension(**kwargs: Any) -> ChecklistExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return ChecklistExtension(**kwargs)
