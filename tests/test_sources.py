"""Sources on every page (issue 7): the box of official documents, the Sources page anchors, and the build check."""
from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)

import markdown
import pytest
from bs4 import BeautifulSoup

from handbook.frontmatter import SourceError, parse
from handbook.sources import (
    ENTRIES_MARKER,
    anchor,
    anchor_entries,
    box,
    box_marker,
    load_registry,
    page_sources,
    read_entries,
    read_links,
    take_markers,
)
from site_build import ROOT, mkdocs_build

LINKS = "[good]: https://example.org/good\n[other]: https://example.org/other\n[orphan]: https://example.org/orphan\n"
SOURCES_PAGE = (
    "---\ndescription: d\n---\n# Sources\n\n"
    "- [The good rules][good]. We use it for the rules.\n"
    "- [Other rules][other]. We use it\n  for other things.\n"
)


def entries():
    links = read_links(LINKS, "snippets/links.md")
    return read_entries(parse(SOURCES_PAGE, "docs/sources.md"), links), links


def page(front_matter: str):
    return parse(f"---\n{front_matter}---\n# Page\n", "docs/page.md")


def test_an_anchor_comes_from_the_reference_id():
    assert anchor("nrmp-code-applicants") == "src-nrmp-code-applicants"


def test_entries_are_the_list_items_that_start_with_a_reference_link():
    found, _ = entries()
    assert [(e.id, e.title, e.url) for e in found.values()] == [
        ("good", "The good rules", "https://example.org/good"),
        ("other", "Other rules", "https://example.org/other"),
    ]


def test_a_page_gets_its_sources_in_its_own_order():
    found, links = entries()
    assert [e.id for e in page_sources(page("sources: [other, good]\n"), found, links)] == ["other", "good"]
    assert page_sources(page("description: d\n"), found, links) == []


@pytest.mark.parametrize("front_matter, expected", [
    ("sources: [good, nope]\n", "docs/page.md:2: unknown source id 'nope': not a reference id in snippets/links.md"),
    ("sources:\n  - good\n  - orphan\n",
     "docs/page.md:4: source 'orphan' has no entry on docs/sources.md: add `- [Title][orphan]` there"),
    ("sources:\n  - good\n  - nope\n", "docs/page.md:4: unknown source id 'nope': not a reference id in snippets/links.md"),
    ("sources:\n  - good\n  - other\n  - good\n", "docs/page.md:5: source 'good' is listed twice"),
    ("sources: good\n", "docs/page.md:2: 'sources' must be a list"),
    ("sources: [good, good]\n", "docs/page.md:2: source 'good' is listed twice"),
])
def test_a_bad_sources_list_names_file_and_line(front_matter, expected):
    found, links = entries()
    with pytest.raises(SourceError) as error:
        page_sources(page(front_matter), found, links)
    assert str(error.value).startswith(expected)


def test_an_entry_for_an_undefined_reference_is_an_error():
    with pytest.raises(SourceError, match=r"docs/sources.md:9: 'missing' is not a reference id"):
        read_entries(parse(SOURCES_PAGE + "- [Gone][missing]\n", "docs/sources.md"), read_links(LINKS, "links.md"))


def test_a_reference_id_defined_twice_stops_at_its_second_line():
    with pytest.raises(SourceError) as error:
        read_links(LINKS + "[good]: https://example.org/again\n", "snippets/links.md")
    assert str(error.value) == "snippets/links.md:4: reference id 'good' is defined twice"


def test_a_second_entry_for_one_source_stops_at_its_line():
    with pytest.raises(SourceError) as error:
        read_entries(parse(SOURCES_PAGE + "- [Good again][good]\n", "docs/sources.md"), read_links(LINKS, "l.md"))
    assert str(error.value) == "docs/sources.md:9: 'good' has a second entry on this page"


def test_a_source_id_that_is_not_text_names_its_line():
    found, links = entries()
    with pytest.raises(SourceError) as error:
        page_sources(page("sources:\n  - good\n  - 12\n"), found, links)
    assert str(error.value) == "docs/page.md:4: source 12 is not a reference id"


def test_the_registry_reads_the_projects_links_and_sources_page(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets" / "links.md").write_text(LINKS, encoding="utf-8")
    (tmp_path / "docs" / "sources.md").write_text(SOURCES_PAGE, encoding="utf-8")
    registry = load_registry(tmp_path, tmp_path / "docs")
    assert registry.links["orphan"] == "https://example.org/orphan"
    assert [entry.title for entry in registry.entries.values()] == ["The good rules", "Other rules"]
    links = tmp_path / "snippets" / "links.md"
    links.write_text(LINKS.replace("example.org/orphan", "example.org/moved"), encoding="utf-8")
    os.utime(links, ns=(links.stat().st_atime_ns, links.stat().st_mtime_ns + 10**9))  # as `mkdocs serve` sees an edit
    assert load_registry(tmp_path, tmp_path / "docs").links["orphan"] == "https://example.org/moved"
    (tmp_path / "docs" / "sources.md").write_text(SOURCES_PAGE + "- [Gone][missing]\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"^docs/sources.md:9: 'missing'"):  # read again, with its project path
        load_registry(tmp_path, tmp_path / "docs")


def test_the_box_links_each_document_and_its_entry_under_one_heading():
    found, _ = entries()
    aside = box([found["other"], found["good"]], "../sources/")
    assert aside.tag == "aside" and aside.get("class") == "page-sources"
    assert aside.get("aria-labelledby") == "page-sources"
    heading, note, items = list(aside)
    assert (heading.tag, heading.get("id"), heading.text) == ("h2", "page-sources", "Official sources for this page")
    assert note.tag == "p" and note.text.startswith("Rules and numbers change every Match season.")
    assert items.tag == "ul" and [item.tag for item in items] == ["li", "li"]
    assert [[a.tag for a in item] for item in items] == [["a", "a"], ["a", "a"]]
    assert [[(a.get("href"), a.get("class"), a.text, a.tail) for a in item] for item in items] == [
        [("https://example.org/other", None, "Other rules", " · "),
         ("../sources/#src-other", "page-sources-entry", "why we cite it", None)],
        [("https://example.org/good", None, "The good rules", " · "),
         ("../sources/#src-good", "page-sources-entry", "why we cite it", None)],
    ]


def test_the_sources_page_anchors_the_first_item_that_starts_with_each_document():
    found, _ = entries()
    html = markdown.markdown(
        "[The good rules](https://example.org/good) in a paragraph is not an entry.\n\n"
        "- [The good rules](https://example.org/good) tight\n"
        "- See [Other](https://example.org/other)\n"
        "- [Good again](https://example.org/good)\n"
        "- [Unlisted](https://example.org/unlisted)\n"
        "- plain\n\n"
        "Then a loose list:\n\n"
        "- [Other rules](https://example.org/other)\n\n"
        "- *[Not a link first](https://example.org/x)*\n"
    )
    root = etree.fromstring(f"<div>{html}</div>")
    anchor_entries(root, found)
    assert [item.get("id") for item in root.iter("li")] == ["src-good", None, None, None, None, "src-other", None]
    assert [element.tag for element in root.iter() if element.get("id")] == ["li", "li"]


def test_the_markers_are_taken_out_and_read_except_inside_fenced_code():
    lines = ["# Page", "<!-- page-sources: good other -->", "```", "<!-- source-entries -->", "```",
             f"  {ENTRIES_MARKER}  "]
    assert take_markers(lines) == (["# Page", "```", "<!-- source-entries -->", "```"], ["good", "other"], True)
    assert take_markers(["# Page"]) == (["# Page"], None, False)
    found, _ = entries()
    assert box_marker([found["good"], found["other"]]) == "<!-- page-sources: good other -->"


def write_project(tmp_path, index: str, sources: str = SOURCES_PAGE) -> None:
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "links.md").write_text(LINKS, encoding="utf-8")
    (tmp_path / "docs" / "sources.md").write_text(sources, encoding="utf-8")
    (tmp_path / "docs" / "guide" / "index.md").write_text(index, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\n"
        f"hooks: [{ROOT / 'hooks' / 'sources.py'}]\n"
        "markdown_extensions:\n"
        "  - attr_list\n  - toc\n"
        "  - pymdownx.snippets: {base_path: [snippets], auto_append: [links.md]}\n"
        "  - handbook.sources_extension:\n"
        "      root: !relative $config_dir\n      docs_dir: !relative $docs_dir\n      page_dir: !relative\n"
        "validation: {links: {anchors: warn}}\n",
        encoding="utf-8",
    )


def build_project(tmp_path) -> subprocess.CompletedProcess:
    """A real `mkdocs build --strict` of a small project with the handbook's sources hook and extension."""
    return mkdocs_build(tmp_path / "site", project=tmp_path)


def test_a_real_build_puts_the_box_on_the_page_and_anchors_on_the_sources_page(tmp_path):
    write_project(tmp_path, "---\nsources: [other, good]\n---\n# Guide\n\nSome text.\n")
    result = build_project(tmp_path)
    assert result.returncode == 0, result.stderr
    guide = BeautifulSoup((tmp_path / "site" / "guide" / "index.html").read_text(encoding="utf-8"), "html.parser")
    box = guide.select_one("aside.page-sources")
    assert box.select_one("h2#page-sources").get_text(strip=True) == "Official sources for this page"
    assert [[a["href"] for a in li.select("a")] for li in box.select("li")] == [
        ["https://example.org/other", "../sources/#src-other"],
        ["https://example.org/good", "../sources/#src-good"],
    ]
    assert [a.get_text() for a in box.select("li > a:first-child")] == ["Other rules", "The good rules"]
    sources = BeautifulSoup((tmp_path / "site" / "sources" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert sources.select_one("li#src-other").a["href"] == "https://example.org/other"
    assert sources.select_one("li#src-good") is not None
    assert sources.select_one("aside.page-sources") is None  # the Sources page names no sources of its own here


@pytest.mark.parametrize("index, sources, expected", [
    ("---\nsources: [good, nope]\n---\n# Guide\n", SOURCES_PAGE, "docs/guide/index.md:2: unknown source id 'nope'"),
    ("---\nsources:\n  - orphan\n---\n# Guide\n", SOURCES_PAGE,
     "docs/guide/index.md:3: source 'orphan' has no entry on docs/sources.md"),
    ("# Guide\n", SOURCES_PAGE + "- [Twice][good]\n", "docs/sources.md:9: 'good' has a second entry on this page"),
])
def test_a_bad_source_id_stops_a_real_build_with_file_and_line(tmp_path, index, sources, expected):
    write_project(tmp_path, index, sources)
    result = build_project(tmp_path)
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr


def test_the_extension_ignores_a_marker_inside_fenced_code(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "links.md").write_text(LINKS, encoding="utf-8")
    (tmp_path / "sources.md").write_text(SOURCES_PAGE, encoding="utf-8")
    md = markdown.Markdown(extensions=["fenced_code", "handbook.sources_extension"], extension_configs={
        "handbook.sources_extension": {"root": str(tmp_path), "docs_dir": str(tmp_path), "page_dir": str(tmp_path)}})
    html = md.convert("Text.\n\n```\n<!-- page-sources: good -->\n```\n\n<!-- page-sources: good -->\n")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("aside.page-sources li a")[1]["href"] == "sources.md#src-good"
    assert "page-sources: good" in soup.select_one("code").get_text()


# --- The built handbook

BOXED = ["index.md", "faq.md", "glossary.md", "about.md", "sources.md"]


def built(site_dir, page_path: str) -> BeautifulSoup:
    folder = page_path.removesuffix(".md").removesuffix("index")
    html_path = site_dir / folder / "index.html"
    return BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_that_names_sources_shows_one_box_whose_entries_exist(site_dir):
    sources = built(site_dir, "sources.md")
    pages = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    named = {p: parse((ROOT / "docs" / p).read_text(encoding="utf-8"), p).data.get("sources") for p in pages}
    assert all(named[p] for p in BOXED + [p for p in pages if p.startswith("scenarios/")])
    for page_path, ids in named.items():
        boxes = built(site_dir, page_path).select("aside.page-sources")
        assert len(boxes) == (1 if ids else 0), page_path
        if not ids:
            continue
        entry_links = [a["href"].rsplit("#", 1)[1] for a in boxes[0].select("a.page-sources-entry")]
        assert entry_links == [anchor(source_id) for source_id in ids], page_path
        for source_id in ids:
            entry = sources.select_one(f"li#{anchor(source_id)}")
            assert entry is not None and entry.a["href"] == boxes[0].select("li > a:first-child")[ids.index(source_id)]["href"]


def test_the_pages_no_longer_repeat_check_the_current_version(site_dir):
    for page_path in BOXED:
        text = built(site_dir, page_path).select_one("article").get_text(" ")
        box_text = built(site_dir, page_path).select_one("aside.page-sources").get_text(" ")
        assert text.lower().count("current version") == box_text.lower().count("current version") == 1, page_path
