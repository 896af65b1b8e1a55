"""Turn a checklist page's rendered task lists into the markup that checklist.js enhances.

Without JavaScript the page stays a readable list of disabled, empty boxes; the panel (progress, buttons) and
the per-phase progress bars are `hidden` until the script shows them. No inline script, style or event handler.
"""
from __future__ import annotations

import html
import re

from .checklist import Checklist, Phase, normalise
from .frontmatter import SourceError

_TASK_ITEM = re.compile(
    r'<li class="task-list-item">(?P<p>\s*<p>)?\s*<input type="checkbox" disabled(?P<checked> checked)?\s*/?>[ \t]?'
    r"(?P<text>.*?)(?=</p>|<p>|<p |<ul|<ol|<div|</li>)",
    re.DOTALL,
)


def enhance(page_html: str, checklist: Checklist) -> str:
    """Label each item's checkbox, give it its stable id, add progress bars and the panel, wrap it all in the root."""
    items = checklist.items
    phase_of = {item.id: phase.id for phase in checklist.phases for item in phase.items}
    found = len(_TASK_ITEM.findall(page_html))
    if found != len(items):
        raise SourceError(
            checklist.path, items[0].line,
            f"the page renders {found} task-list items but its source has {len(items)}: keep every item a plain "
            "'- [ ]' line of a list under a '## Phase { #id }' (not inside a snippet, HTML block or admonition)",
        )
    ids = iter(items)

    def label(match: re.Match) -> str:
        item = next(ids)
        safe = html.escape(item.id)
        return (
            f'<li class="task-list-item checklist-item" id="task-{safe}" data-task-id="{safe}"'
            f' data-phase="{html.escape(phase_of[item.id])}">{match.group("p") or ""}'
            '<label class="checklist-label"><input type="checkbox" class="checklist-box" disabled> '
            f'<span class="checklist-text">{match.group("text").rstrip()}</span></label>'
        )

    page_html = _TASK_ITEM.sub(label, page_html)
    for index, phase in enumerate(checklist.phases):
        page_html = _after_heading(page_html, phase, checklist, panel=panel_html(checklist) if index == 0 else "")
    return (
        f'<div class="checklist" data-checklist="{html.escape(checklist.id)}" data-checklist-total="{len(items)}">'
        f"{page_html}</div>"
    )


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
        '<button type="button" class="checklist-button" data-checklist-action="export">Export ticks</button>'
        '<button type="button" class="checklist-button" data-checklist-action="import">Import ticks</button>'
        '<input type="file" accept=".json,application/json" data-checklist-file hidden>'
        '<button type="button" class="checklist-button" data-checklist-action="reset"'
        ' aria-expanded="false">Reset\u2026</button>'
        "</div>"
        '<div class="checklist-confirm" data-checklist-confirm hidden>'
        f"<p>Untick all {total} items? Export first if you may want them back.</p>"
        '<button type="button" class="checklist-button"'
        ' data-checklist-action="reset-confirm">Yes, untick all</button>'
        '<button type="button" class="checklist-button" data-checklist-action="reset-cancel">Cancel</button>'
        "</div>"
        '<p class="checklist-note" data-checklist-note role="status"></p>'
        '<p class="checklist-message" data-checklist-message role="status"></p>'
        '<p class="checklist-sr-only" data-checklist-live aria-live="polite"></p>'
        "</div>"
    )


def plain_title(markdown: str) -> str:
    """A heading's words for a label: links reduced to text, emphasis and code marks removed."""
    text = re.sub(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?", r"\1", markdown)
    return re.sub(r"[*_`]", "", text).strip() or normalise(markdown)


def _after_heading(page_html: str, phase: Phase, checklist: Checklist, panel: str) -> str:
    heading = re.compile(rf'<h2 id="{re.escape(phase.id)}"[^>]*>.*?</h2>', re.DOTALL).search(page_html)
    if not heading:
        raise SourceError(checklist.path, phase.line, f"phase heading '#{phase.id}' is missing from the rendered page")
    block = progress_html(plain_title(phase.title), len(phase.items), phase.id)
    return page_html[: heading.start()] + panel + heading.group(0) + block + page_html[heading.end():]
