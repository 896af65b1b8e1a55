"""Checklist markup: the rendered task lists become labelled, id-carrying items; nothing inline (issue 4)."""
import json
import os
import pathlib
import re
import shutil
import subprocess

import markdown
import pytest
from bs4 import BeautifulSoup

from handbook import checklist as cl
from handbook.frontmatter import SourceError, parse, read
from site_build import ROOT

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "checklist"


EXTENSIONS = ["attr_list", "md_in_html", "toc", "admonition", "pymdownx.superfences", "pymdownx.tasklist",
              "handbook.checklist_html"]


def convert(source, extensions=EXTENSIONS) -> str:
    """Python-Markdown alone, no MkDocs: the page's options as the checklist hook sets them from its front matter."""
    md = markdown.Markdown(extensions=extensions, extension_configs={
        "pymdownx.tasklist": {"custom_checkbox": False},
        "handbook.checklist_html": {"checklist": source.data["checklist"], "path": source.path,
                                    "first_line": source.body_line},
    })
    return md.convert(source.body)


def render(name: str = "plan.md") -> tuple[cl.Checklist, BeautifulSoup]:
    source = read(FIXTURES / name, f"docs/{name}")
    return cl.parse(source), BeautifulSoup(convert(source), "html.parser")


def test_each_item_carries_its_stable_id_phase_and_a_labelled_disabled_checkbox():
    plan, soup = render()
    items = soup.select("li[data-task-id]")
    assert [li["data-task-id"] for li in items] == [item.id for item in plan.items]
    for li, item in zip(items, plan.items, strict=True):
        assert li["id"] == f"task-{item.id}"
        assert li["data-phase"] == next(p.id for p in plan.phases if item in p.items)
        box = li.select_one("label > input[type=checkbox]")
        assert box is not None and box.has_attr("disabled") and not box.has_attr("checked")
        assert box.find_parent("label").get_text(" ", strip=True)  # the label's words name the box
        assert "{" not in li.get_text()  # no explicit id shows as text


def test_links_in_items_stay_links_inside_the_label():
    _, soup = render()
    link = soup.select_one("#task-check-visa-policies label a")
    assert link is not None and link["href"] == "visa.md" and link.get_text() == "Talking about your visa"
    reference = soup.select_one("#task-send-thank-you-note-within-48-hours-see-etiquette label a")
    assert reference is not None and reference["href"] == "etiquette.md"


def test_nested_lists_stay_outside_the_parent_label():
    _, soup = render()
    parent = soup.select_one("#task-send-thank-you-note-within-48-hours-see-etiquette")
    assert parent.select_one("label ul") is None
    assert parent.select_one("ul #task-nested-step label input") is not None


def test_progress_and_panel_are_hidden_until_the_script_runs():
    plan, soup = render()
    root = soup.select_one("div.checklist[data-checklist]")
    assert root["data-checklist"] == "test-plan" and root["data-checklist-total"] == "5"
    panel = root.select_one("[data-checklist-panel]")
    assert panel.has_attr("hidden")
    assert panel.find_next("h2")["id"] == "before"  # the panel stands just before the first phase
    bars = root.select("[data-checklist-progress]")
    assert [bar["data-checklist-progress"] for bar in bars] == ["", "before", "during"]
    assert all(bar.has_attr("hidden") for bar in bars)
    assert [bar.select_one("progress")["max"] for bar in bars] == ["5", "3", "2"]
    assert soup.select_one("h2#before").find_next_sibling()["data-checklist-progress"] == "before"
    assert soup.select_one("[data-checklist-live]")["aria-live"] == "polite"


def test_markup_has_no_inline_script_style_or_handler():
    _, soup = render()
    assert soup.find("script") is None and soup.find("style") is None
    for tag in soup.find_all(True):
        assert "style" not in tag.attrs
        assert not [name for name in tag.attrs if name.startswith("on")], tag.name


def test_a_rendered_item_count_that_differs_from_the_source_stops_the_build():
    page = "---\nchecklist: plan\n---\n# P\n\n## Before { #before }\n\n- [ ] One.\n\n<div>\n- [ ] Raw HTML.\n</div>\n"
    source = parse(page, "docs/plan.md")
    with pytest.raises(SourceError, match=re.escape("docs/plan.md:8: the page renders 1 task-list items but its source has 2")):
        convert(source, [name for name in EXTENSIONS if name != "md_in_html"])


def test_the_panel_says_what_a_reader_needs_in_these_words():
    plan, soup = render()
    panel = soup.select_one("[data-checklist-panel]")
    assert panel.select_one(".checklist-intro").get_text() == (
        "Ticks stay in this browser. Export them to a file to keep a copy or to move them to another device."
    )
    assert [b.get_text() for b in panel.select("button")] == [
        "Export ticks", "Import ticks", "Reset\u2026", "Yes, untick all", "Cancel",
    ]
    assert panel.select_one("[data-checklist-confirm] p").get_text() == (
        "Untick all 5 items? Export first if you may want them back."
    )
    overall = panel.select_one(".checklist-progress")
    assert overall["class"] == ["checklist-progress", "checklist-progress--overall"]
    assert overall.select_one("progress")["aria-label"] == "All phases"
    assert overall.get_text(" ", strip=True) == "0 of 5 done"
    phase_bar = soup.select_one("[data-checklist-progress='before']")
    assert phase_bar["class"] == ["checklist-progress"]
    assert phase_bar.select_one("progress")["aria-label"] == "Before interview season"


def test_an_item_reads_as_its_words_in_a_labelled_box():
    _, soup = render()
    item = soup.select_one("#task-email-coordinator-about-dates")
    label = item.select_one("label.checklist-label")
    assert label.select_one("input.checklist-box[type=checkbox][disabled]") is not None
    assert label.select_one("span.checklist-text").get_text() == "Email the coordinator about dates."



def test_a_page_without_a_checklist_id_is_left_alone():
    source = parse("# P\n\n## Before { #before }\n\n- [ ] One. { #one }\n", "docs/p.md")
    md = markdown.Markdown(extensions=EXTENSIONS)
    soup = BeautifulSoup(md.convert(source.body), "html.parser")
    assert soup.select_one(".checklist, [data-task-id]") is None and soup.select_one("li.task-list-item") is not None


def test_the_page_script_checks_saved_ids_with_the_python_rule():
    """The id rule is defined once, in Python; the page carries it to checklist.js, which must agree on every case."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is missing; `make test` installs Debian's nodejs")
        pytest.skip("node is missing")
    _, soup = render()
    root = soup.select_one("[data-checklist]")
    samples = ["plan-step-3", "a", "a" * cl.ID_LIMIT, "a" * (cl.ID_LIMIT + 1), "Plan", "plan--x", "-plan", "plan-",
               "plan_x", "plan x", "plän", "", "x<script>", "9-9"]
    script = (
        "import { validator } from './docs/assets/js/checklist.js';"
        "const [pattern, limit, samples] = JSON.parse(process.argv[1]);"
        "const { isId } = validator(pattern, Number(limit));"
        "console.log(JSON.stringify(samples.map(isId)));"
    )
    argument = json.dumps([root["data-checklist-id-pattern"], root["data-checklist-id-limit"], samples])
    result = subprocess.run([node, "--input-type=module", "-e", script, argument], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    javascript = json.loads(result.stdout)
    python = [cl.is_valid_id(sample) for sample in samples]
    assert javascript == python
    assert python.count(True) == 4  # the samples test both sides of the rule


# The markup checklist.js and the print styles read, written out by hand for a two-phase page.
SMALL_PAGE = """---
checklist: small
---
# Plan

## Before *interviews* { #before }

- [ ] Email the **coordinator** { #email-coordinator }
- [ ] Check visas
    - a nested note

## `Match` week { #match }

- [ ] Breathe.
"""

SMALL_PANEL = (
    '<div class="checklist-panel" data-checklist-panel hidden>'
    '<p class="checklist-intro">Ticks stay in this browser. Export them to a file to keep a copy or to move them to '
    'another device.</p>'
    '<div class="checklist-progress checklist-progress--overall" data-checklist-progress="" hidden>'
    '<progress max="3" value="0" aria-label="All phases"></progress> '
    '<span class="checklist-progress-text">0 of 3 done</span></div>'
    '<div class="checklist-actions">'
    '<button type="button" class="md-button" data-checklist-action="export">Export ticks</button>'
    '<button type="button" class="md-button" data-checklist-action="import">Import ticks</button>'
    '<input type="file" accept=".json,application/json" data-checklist-file hidden>'
    '<button type="button" class="md-button" data-checklist-action="reset" aria-expanded="false">Reset…</button>'
    '</div>'
    '<div class="checklist-confirm" data-checklist-confirm hidden>'
    '<p>Untick all 3 items? Export first if you may want them back.</p>'
    '<button type="button" class="md-button" data-checklist-action="reset-confirm">Yes, untick all</button>'
    '<button type="button" class="md-button" data-checklist-action="reset-cancel">Cancel</button>'
    '</div>'
    '<p class="checklist-note" data-checklist-note role="status"></p>'
    '<p class="checklist-message" data-checklist-message role="status"></p>'
    '<p class="sr-only" data-checklist-live aria-live="polite"></p>'
    '</div>'
)


def test_the_checklist_markup_written_out_for_a_small_page():
    page_html = convert(parse(SMALL_PAGE, "docs/small.md"))
    assert SMALL_PANEL in page_html
    assert ('<div class="checklist-progress" data-checklist-progress="before" hidden><progress max="2" value="0" '
            'aria-label="Before interviews"></progress> <span class="checklist-progress-text">0 of 2 done</span></div>'
            ) in page_html
    assert 'data-checklist-progress="match" hidden><progress max="1" value="0" aria-label="Match week">' in page_html
    # Python-Markdown writes attributes in alphabetical order.
    assert ('<li class="task-list-item checklist-item" data-phase="before" data-task-id="email-coordinator" '
            'id="task-email-coordinator"><label class="checklist-label"><input class="checklist-box" '
            'disabled="disabled" type="checkbox" /> <span class="checklist-text">Email the <strong>coordinator</strong>'
            '</span></label></li>') in page_html
    # The nested list stays outside the label.
    assert ('<li class="task-list-item checklist-item" data-phase="before" data-task-id="check-visas" '
            'id="task-check-visas"><label class="checklist-label"><input class="checklist-box" disabled="disabled" '
            'type="checkbox" /> <span class="checklist-text">Check visas</span></label><ul>\n<li>a nested note</li>'
            ) in page_html
    assert '<span class="checklist-text">Breathe.</span>' in page_html
