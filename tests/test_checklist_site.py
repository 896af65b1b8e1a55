"""The built action plan is a checklist, and a bad checklist source stops a real MkDocs build (issue 4)."""
import subprocess

import pytest
from bs4 import BeautifulSoup

from site_build import ROOT, mkdocs_build

PHASE_WORDS = ["before interview", "during interview", "after interview", "before the rank", "after submitting"]


@pytest.fixture(scope="module")
def plan(site_dir):
    return BeautifulSoup((site_dir / "action-plan" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_action_plan_has_at_least_15_items_over_the_five_phases_in_order(plan):
    root = plan.select_one("div.checklist[data-checklist]")
    items = root.select("li[data-task-id]")
    assert len(items) >= 15 and root["data-checklist-total"] == str(len(items))
    phases = [bar["data-checklist-progress"] for bar in root.select("[data-checklist-progress]")][1:]
    titles = [plan.select_one(f"h2#{phase}").get_text().lower() for phase in phases]
    assert len(titles) == 5
    for title, words in zip(titles, PHASE_WORDS, strict=True):
        assert words in title
    assert all(any(li["data-phase"] == phase for li in items) for phase in phases)


def test_action_plan_items_have_unique_ids_links_and_no_leftover_markup(plan):
    items = plan.select("li[data-task-id]")
    ids = [li["data-task-id"] for li in items]
    assert len(set(ids)) == len(ids)
    for li in items:
        assert li["id"] == "task-" + li["data-task-id"]
        label = li.select_one("label.checklist-label")
        assert label.select_one("input[type=checkbox][disabled]") is not None
        assert label.select_one("a[href]") is not None, f"{li['id']} links to no handbook section"
        assert "{" not in label.get_text() and "[" not in label.get_text()


def test_checklist_stylesheet_is_on_the_page(plan):
    assert any(link["href"].endswith("assets/css/checklist.css") for link in plan.select("link[rel=stylesheet]"))


def build_project(tmp_path, body: str) -> subprocess.CompletedProcess:
    """A real `mkdocs build --strict` of a one-page project that uses the handbook's checklist hook."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(body, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\n"
        f"hooks: [{ROOT / 'hooks' / 'checks.py'}, {ROOT / 'hooks' / 'checklist.py'}]\n"
        "markdown_extensions: [attr_list, toc, {pymdownx.tasklist: {custom_checkbox: false}}, handbook.checklist_html]\n",
        encoding="utf-8",
    )
    return mkdocs_build(tmp_path / "site", project=tmp_path)


FRONT = "---\ndescription: A plan.\nlast_reviewed: 2026-11-28\nchecklist: plan\n---\n"
GOOD = FRONT + "# Plan\n\n## Before { #before }\n\n- [ ] One. { #one }\n- [ ] Two.\n"


def test_the_hook_builds_a_good_checklist(tmp_path):
    result = build_project(tmp_path, GOOD)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="task-one"' in html and 'id="task-two"' in html and "{ #one }" not in html


@pytest.mark.parametrize("body, expected", [
    (GOOD + "- [ ] Again. { #one }\n", "docs/index.md:12: duplicate checklist id 'one' (also at line 10)"),
    (GOOD + "- [ ] Bad. { #Bad }\n", "docs/index.md:12: malformed item id"),
    (FRONT + "# Plan\n\n- [ ] Loose.\n", "docs/index.md:8: checklist item outside any phase"),
    (FRONT + "# Plan\n\nNo items.\n", "docs/index.md:4: checklist page has no"),
])
def test_a_bad_checklist_stops_the_build_with_file_and_line(tmp_path, body, expected):
    result = build_project(tmp_path, body)
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr
