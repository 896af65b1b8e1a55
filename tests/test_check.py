"""One check of every source (`make check`, and once per build), so every build mode, `--dirty` too, is checked."""
from __future__ import annotations

import subprocess
import sys

from handbook.check import check_project
from site_build import ROOT, mkdocs_build


def check_command(root) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handbook.check", str(root)], capture_output=True, text=True)


def test_the_handbook_passes_every_check():
    result = check_command(ROOT)
    assert result.returncode == 0, result.stderr
    assert "all sources pass" in result.stderr


def test_one_run_lists_every_problem_with_file_and_line(project_copy):
    faq = project_copy / "docs" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("description: Short", "description: <b>Short", 1), encoding="utf-8")
    glossary = project_copy / "docs" / "glossary.md"
    lines = glossary.read_text(encoding="utf-8").splitlines()
    lines += ["", "## Again { #again }", "", "## Again too { #again }", "", "<!-- template: no-such-template -->"]
    glossary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = project_copy / "docs" / "your-messages" / "etiquette-and-thank-you.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- template: thank-you -->", ""), encoding="utf-8")

    result = check_command(project_copy)
    assert result.returncode == 1
    total = len(lines)
    for expected in (
        "docs/faq.md:2: 'description' must not contain",
        f"docs/glossary.md:{total - 2}: heading id '#again' is already used on this page (line {total - 4})",
        f"docs/glossary.md:{total}: no template 'no-such-template'",
        "snippets/templates/thank-you.md:1: template 'thank-you' is on no page",
    ):
        assert expected in result.stderr
    assert "4 problem(s) found" in result.stderr
    assert len(check_project(project_copy)) == 4  # the same checks, as the build hook runs them


def test_a_dirty_build_after_touching_one_page_works_and_shows_the_change(project_copy):
    site = project_copy / "site"
    first = mkdocs_build(site, project=project_copy)
    assert first.returncode == 0, first.stderr
    faq = project_copy / "docs" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\nA sentence added for the dirty build.\n", encoding="utf-8")
    # Strict mode counts MkDocs's own "a dirty build is being performed" warning, so it is off here; the log must
    # show no other warning.
    dirty = mkdocs_build(site, "--dirty", "--no-strict", project=project_copy)
    assert dirty.returncode == 0, dirty.stderr
    warnings = [line for line in dirty.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "'dirty' build" in warnings[0], warnings
    assert "A sentence added for the dirty build." in (site / "faq" / "index.html").read_text(encoding="utf-8")
    assert "is on no page" not in dirty.stderr


def test_a_dirty_build_still_stops_on_a_broken_source(project_copy):
    site = project_copy / "site"
    assert mkdocs_build(site, project=project_copy).returncode == 0
    page = project_copy / "docs" / "your-messages" / "etiquette-and-thank-you.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- template: thank-you -->", ""), encoding="utf-8")
    dirty = mkdocs_build(site, "--dirty", "--no-strict", project=project_copy)
    assert dirty.returncode != 0
    assert "snippets/templates/thank-you.md:1: template 'thank-you' is on no page" in dirty.stdout + dirty.stderr
