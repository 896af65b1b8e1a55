"""Permanent addresses (issue 9): every address in permalinks.yml resolves on the built site, every public address is
listed, and the checker catches a removed anchor while a redirect keeps a moved page working."""
from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

import pytest

from handbook.permalinks import (
    HEADER,
    broken,
    count,
    dump,
    file_for,
    load,
    merged,
    public_addresses,
    resolve,
    scan_html,
    unlisted,
    url_path,
)
from site_build import ROOT, mkdocs_build

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
    result = mkdocs_build(site, "--no-strict", project=project)
    assert result.returncode == 0, result.stderr
    return site




@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n## About { #about }\n", encoding="utf-8")
    (tmp_path / "docs" / "guide" / "letters.md").write_text(PAGE, encoding="utf-8")
    return tmp_path


@pytest.mark.slow  # builds sites with MkDocs; the hand-made site below runs the same checks fast
def test_a_removed_anchor_fails_and_an_alias_anchor_fixes_it(project):
    manifest = merged({}, build(project))
    assert manifest["/guide/letters/"]["sections"] == ["letter-of-intent", "thank-you"]
    page = project / "docs" / "guide" / "letters.md"
    page.write_text(PAGE.replace("{ #letter-of-intent }", "{ #intent }"), encoding="utf-8")
    assert broken(manifest, build(project)) == ["/guide/letters/#letter-of-intent: no element with this id (section)"]
    page.write_text(page.read_text() + '\n<span id="letter-of-intent"></span>\n', encoding="utf-8")
    assert broken(manifest, build(project)) == []


@pytest.mark.slow  # builds sites with MkDocs; the hand-made site below runs the same checks fast
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


@pytest.mark.slow  # builds sites with MkDocs; the hand-made site below runs the same checks fast
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


# --- the checker on a hand-made site, without MkDocs -------------------------------------------------------------

LETTERS_HTML = """<html><head><title>Letters</title></head><body>
<h1 id="letters">Letters</h1>
<h2 id="intent">Letter of intent</h2>
<section class="tpl" id="template-thank-you"><h3 id="template-thank-you-title">Thank you</h3>
  <section class="tpl-part" id="part"><h4 id="deep">In a part of the template</h4></section></section>
<section id="wrapper"><h3 id="after">After the template</h3></section>
<section class="other" id="template-look-alike"></section>
<h2 ID="before-interview-season">Before interview season</h2><li data-phase="before-interview-season">x</li>
<p id="">no id</p><a href="#intent">link</a>
</body></html>"""


def redirect_page(target: str) -> str:
    return f'<html><head><meta http-equiv="Refresh" content="0; url={target}"></head><body></body></html>'


@pytest.fixture
def site(tmp_path):
    pages = {"index.html": '<h2 id="about">About</h2>', "guide/letters/index.html": LETTERS_HTML,
             "404.html": '<h1 id="not-found">Not found</h1>', "old/index.html": redirect_page("../guide/letters/"),
             "older/index.html": redirect_page("../old/"), "loop/index.html": redirect_page("../loop/"),
             "files/a%20b.html": '<h2 id="space">A file with a space</h2>', "flat.html": redirect_page("guide/letters/")}
    for name, html in pages.items():
        file = tmp_path / "site" / name.replace("%20", " ")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html, encoding="utf-8")
    return tmp_path / "site"


def test_a_page_scan_sorts_its_anchors_into_sections_templates_and_phases():
    scan = scan_html(LETTERS_HTML)
    assert scan.anchors == {"sections": ["intent", "after"], "templates": ["template-thank-you"],
                            "phases": ["before-interview-season"]}
    assert scan.ids == {"letters", "intent", "template-thank-you", "template-thank-you-title", "part", "deep",
                        "wrapper", "after", "template-look-alike", "before-interview-season"}
    assert scan.redirect is None
    assert scan_html(redirect_page("../guide/letters/")).redirect == "../guide/letters/"
    assert scan_html('<meta http-equiv="refresh" content="5">').redirect is None
    assert scan_html('<meta name="x" content="0; url=/a/">').redirect is None


def test_addresses_and_files_map_both_ways(site):
    assert url_path(site, site / "index.html") == "/"
    assert url_path(site, site / "guide" / "letters" / "index.html") == "/guide/letters/"
    assert url_path(site, site / "files" / "a b.html") == "/files/a b.html"
    assert file_for(site, "/guide/letters/") == site / "guide" / "letters" / "index.html"
    assert file_for(site, "/files/a%20b.html") == site / "files" / "a b.html"


def test_the_public_addresses_leave_out_redirects_and_the_404_page(site):
    assert public_addresses(site) == {
        "/": {"sections": ["about"]},
        "/files/a b.html": {"sections": ["space"]},
        "/guide/letters/": {"sections": ["intent", "after"], "templates": ["template-thank-you"],
                            "phases": ["before-interview-season"]},
    }


def test_redirects_are_followed_to_the_page_a_reader_lands_on(site):
    assert resolve(site, "/older/")[0] == "/guide/letters/"
    assert resolve(site, "/flat.html")[0] == "/guide/letters/"
    assert resolve(site, "/loop/") is None and resolve(site, "/nowhere/") is None


def test_the_checker_reports_each_missing_page_and_anchor_with_its_kind(site):
    manifest = {"/old/": {"sections": ["intent", "gone"], "templates": ["template-gone"]},
                "/": {"sections": ["about"], "phases": ["after-the-match"]}, "/removed/": {"sections": ["x"]}}
    assert broken(manifest, site) == [
        "/old/ (now /guide/letters/)#gone: no element with this id (section)",
        "/old/ (now /guide/letters/)#template-gone: no element with this id (template)",
        "/#after-the-match: no element with this id (phase)",
        "/removed/: no such page, and no redirect from it",
    ]


def test_new_addresses_are_listed_and_merged_without_dropping_any(site):
    manifest = {"/guide/letters/": {"sections": ["intent", "old-id"]}, "/removed/": {"sections": ["x"]}}
    assert unlisted(manifest, site) == [  # in the order of the site's files
        "/files/a b.html", "/guide/letters/#after", "/guide/letters/#template-thank-you",
        "/guide/letters/#before-interview-season", "/"]
    result = merged(manifest, site)
    assert list(result) == ["/", "/files/a b.html", "/guide/letters/", "/removed/"]
    assert result["/guide/letters/"] == {"sections": ["intent", "old-id", "after"],
                                         "templates": ["template-thank-you"], "phases": ["before-interview-season"]}
    assert manifest["/guide/letters/"] == {"sections": ["intent", "old-id"]}  # the caller's manifest is not changed
    assert count(result) == (4, 8)
    assert unlisted(result, site) == []


def test_the_manifest_file_is_read_back_as_written(tmp_path):
    manifest = {"/a/": {"sections": ["x", "y"], "templates": ["template-z"]}, "/b/": {"phases": ["p"]}}
    text = dump(manifest)
    assert text.startswith(HEADER + "/a/:\n  sections: [x, y]\n")
    (tmp_path / "permalinks.yml").write_text(text + "/c/:\n/d/:\n  sections:\n", encoding="utf-8")
    assert load(tmp_path / "permalinks.yml") == manifest | {"/c/": {}, "/d/": {"sections": []}}
    assert load(tmp_path / "missing.yml") == {}
    (tmp_path / "empty.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert load(tmp_path / "empty.yml") == {}


def test_a_refresh_without_an_address_or_with_url_twice_is_read_as_written():
    assert scan_html('<meta http-equiv="refresh">').redirect is None
    assert scan_html('<meta http-equiv="refresh" content="0; url=/a/?next=url=b">').redirect == "/a/?next=url=b"


def test_redirects_to_a_file_and_to_the_home_page_land_there(tmp_path):
    for name, html in {"index.html": "<h2 id='a'>A</h2>", "page.html": "<h2 id='b'>B</h2>",
                       "old/index.html": redirect_page("../page.html"), "home/index.html": redirect_page("../"),
                       "Xray/index.html": "<h2 id='x'>X</h2>"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")
    assert resolve(tmp_path, "/old/")[0] == "/page.html"
    assert resolve(tmp_path, "/home/")[0] == "/"
    assert resolve(tmp_path, "/Xray/")[0] == "/Xray/" and file_for(tmp_path, "/Xray/") == tmp_path / "Xray" / "index.html"
    # every listed address is checked, also after one that is gone
    assert broken({"/gone/": {}, "/home/": {"sections": ["nope"]}}, tmp_path) == [
        "/gone/: no such page, and no redirect from it", "/home/ (now /)#nope: no element with this id (section)"]


def test_the_manifest_keeps_its_order_long_lines_and_any_script():
    manifest = {"/é/": {"sections": ["café"]}, "/b/": {"sections": [f"section-number-{n}" for n in range(5)]}}
    text = dump(manifest).removeprefix(HEADER)
    assert text == ("/é/:\n  sections: [café]\n/b/:\n  sections: [section-number-0, section-number-1, "
                    "section-number-2, section-number-3, section-number-4]\n")
