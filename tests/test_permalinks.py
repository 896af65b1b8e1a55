"""Permanent addresses (issue 9): every address in permalinks.yml resolves on the built site, every public address is
listed, and the checker catches a removed anchor while a redirect keeps a moved page working."""
from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from handbook.permalinks import broken, count, dump, load, merged, public_addresses, unlisted
from site_build import ROOT

MANIFEST = ROOT / "permalinks.yml"
TEMPLATES = sorted(p.stem for p in (ROOT / "snippets" / "templates").glob("*.md") if not p.name.startswith("_"))


@pytest.fixture(scope="module")
def manifest():
    listed = load(MANIFEST)
    urls, anchors = count(listed)
    assert urls >= 25 and anchors >= 200, "permalinks.yml is nearly empty: run `make permalinks`"
    return listed


def test_every_listed_address_still_resolves(manifest, site_dir):
    problems = broken(manifest, site_dir)
    assert problems == [], (
        "addresses in permalinks.yml no longer resolve. Keep each working: add a redirect in mkdocs.yml "
        "(plugins: redirects: redirect_maps) or leave the old id on an element in the page:\n" + "\n".join(problems))


def test_every_public_address_is_listed(manifest, site_dir):
    new = unlisted(manifest, site_dir)
    assert new == [], "new public addresses are not in permalinks.yml: run `make permalinks` and commit it:\n" + "\n".join(new)


def test_manifest_round_trip(manifest, site_dir):
    """Regenerating from the built site changes nothing: the committed file is exactly what `make permalinks` writes."""
    assert dump(merged(manifest, site_dir)) == MANIFEST.read_text(encoding="utf-8")
    assert load(MANIFEST) == manifest


def test_manifest_holds_every_template_and_the_checklist_phases(manifest):
    listed_templates = sorted({a.removeprefix("template-") for kinds in manifest.values() for a in kinds.get("templates", [])})
    assert listed_templates == TEMPLATES
    assert len(manifest["/action-plan/"]["phases"]) >= 5
    assert "dean-s-office" in manifest["/glossary/"]["sections"]


# ---------------------------------------------------------------------------------------------------------------------
# A small MkDocs project in a temporary folder: remove an anchor, move a page, with and without a redirect.

PAGE = "# Letters\n\n## Letter of intent { #letter-of-intent }\n\nText.\n\n## Thank-you notes { #thank-you }\n\nText.\n"


def build(project, redirects: dict[str, str] | None = None) -> pathlib.Path:
    maps = "".join(f"\n        {old}: {new}" for old, new in (redirects or {}).items()) or " {}"
    (project / "mkdocs.yml").write_text(
        "site_name: t\nsite_url: http://127.0.0.1:8000/\ntheme: material\nmarkdown_extensions: [attr_list, toc]\n"
        f"plugins:\n  - redirects:\n      redirect_maps:{maps}\n", encoding="utf-8")
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=project,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return site




@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n## About { #about }\n", encoding="utf-8")
    (tmp_path / "docs" / "guide" / "letters.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


def test_a_removed_anchor_fails_and_an_alias_anchor_fixes_it(project):
    manifest = merged({}, build(project))
    assert manifest["/guide/letters/"]["sections"] == ["letter-of-intent", "thank-you"]
    page = project / "docs" / "guide" / "letters.md"
    page.write_text(PAGE.replace("{ #letter-of-intent }", "{ #intent }"), encoding="utf-8")
    assert broken(manifest, build(project)) == ["/guide/letters/#letter-of-intent: no element with this id (section)"]
    page.write_text(page.read_text() + '\n<span id="letter-of-intent"></span>\n', encoding="utf-8")
    assert broken(manifest, build(project)) == []


def test_a_redirect_keeps_a_moved_page_and_its_anchors_working(project):
    manifest = merged({}, build(project))
    (project / "docs" / "letters").mkdir()
    shutil.move(project / "docs" / "guide" / "letters.md", project / "docs" / "letters" / "index.md")
    assert "/guide/letters/: no such page, and no redirect from it" in broken(manifest, build(project))
    site = build(project, {"guide/letters.md": "letters/index.md"})
    assert broken(manifest, site) == []
    assert "/letters/" in public_addresses(site) and "/guide/letters/" not in public_addresses(site)
    # `make permalinks` keeps the old address and adds the new one
    assert set(merged(manifest, site)) == {"/", "/guide/letters/", "/letters/"}


def test_make_permalinks_refuses_to_drop_a_broken_address(project):
    site = build(project)
    manifest_file = project / "permalinks.yml"
    script = [sys.executable, str(ROOT / "scripts" / "permalinks.py"), str(site), str(manifest_file)]
    first = subprocess.run(script, capture_output=True, text=True)
    assert first.returncode == 0 and "2 URLs and 3 anchors (2 URLs and 3 anchors added)" in first.stdout
    written = manifest_file.read_text(encoding="utf-8")
    (project / "docs" / "guide" / "letters.md").write_text(PAGE.replace("{ #thank-you }", "{ #thanks }"))
    second = subprocess.run(script[:2] + [str(build(project)), str(manifest_file)], capture_output=True, text=True)
    assert second.returncode == 1 and "/guide/letters/#thank-you: no element with this id" in second.stderr
    assert manifest_file.read_text(encoding="utf-8") == written
