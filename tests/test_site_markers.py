"""Edition, freshness and the advisors' page (issue 9): the footer and About page show the edition, an overdue review
warns without failing a strict build, and the advisors' table lists every page, scenario and template."""
from __future__ import annotations

import datetime
import subprocess

import markdown
import pytest

from handbook.edition import edition_date
from handbook.reviewed import human_date
from site_build import ROOT, html_pages, mkdocs_build, parse_html

TEMPLATES = sorted(p.stem for p in (ROOT / "snippets" / "templates").glob("*.md") if not p.name.startswith("_"))


def render(text: str, **config) -> str:
    return markdown.markdown(text, extensions=["admonition", "pymdownx.superfences", "handbook.md_markers"],
                             extension_configs={"handbook.md_markers": config})


def test_a_marker_becomes_its_block_even_inside_an_admonition():
    html = render('!!! tip "Ask"\n    Ask your office.\n\n    <!-- school-office -->\n',
                  html={"school-office": '<div class="card">Office</div>'})
    assert '<div class="admonition tip">' in html and '<div class="card">Office</div>' in html
    assert "<p><div" not in html


def test_markers_in_code_and_unknown_comments_stay_as_they_are():
    html = render("```\n<!-- edition -->\n```\n\n<!-- something-else -->\n", markdown={"edition": "Edition 1"})
    assert "&lt;!-- edition --&gt;" in html and "Edition 1" not in html and "<!-- something-else -->" in html


def test_an_empty_block_leaves_nothing():
    assert render("Text.\n\n<!-- school-office -->\n", html={"school-office": ""}).strip() == "<p>Text.</p>"


def test_every_page_footer_shows_the_edition_and_its_own_address(site_dir, server):
    edition = edition_date(ROOT / "docs")
    pages = html_pages(site_dir)
    for page in pages:
        line = parse_html(page.read_text(encoding="utf-8")).select_one("footer .handbook-edition")
        assert line.select_one("time")["datetime"] == edition.isoformat() and human_date(edition) in line.get_text()
        if page.name != "404.html":
            address = server.site_url + page.relative_to(site_dir).as_posix().removesuffix("index.html")
            assert line.select_one("a")["href"] == address, page


def test_the_about_page_shows_the_edition_and_the_review_list(site_dir):
    about = parse_html((site_dir / "about" / "index.html").read_text(encoding="utf-8"))
    edition = about.select_one("#edition").find_next("p")
    assert human_date(edition_date(ROOT / "docs")) in edition.get_text()
    assert about.select_one("#due-for-review").find_next("p").get_text().startswith("No page is due")


def small_project(tmp_path, pages: dict[str, str]) -> subprocess.CompletedProcess:
    """A real strict build of a project using the handbook's site-markers hook and extension."""
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nstrict: true\nhooks: [{ROOT / 'hooks' / 'site_markers.py'}]\n"
        "markdown_extensions: [attr_list, toc, handbook.md_markers]\n", encoding="utf-8")
    return mkdocs_build(tmp_path / "site", project=tmp_path, INSTITUTION=None)


def front(reviewed: str) -> str:
    return f"---\ndescription: A page.\nlast_reviewed: {reviewed}\n---\n"


def test_an_overdue_page_warns_but_the_strict_build_passes_and_about_lists_it(tmp_path):
    today = datetime.date.today()
    result = small_project(tmp_path, {
        "index.md": front(today.isoformat()) + "# Home\n\n<!-- due-for-review -->\n",
        "old.md": front("2020-01-15") + "# An old page\n",
    })
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert "WARNING -  docs/old.md: review overdue since 2020-07-15 (last reviewed 2020-01-15)" in log
    assert "docs/index.md: review overdue" not in log
    home = parse_html((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    item = next(li for li in home.select("[role=main] li") if "review overdue" in li.get_text())
    assert item.select_one("a")["href"] == "old/" and "review overdue since July 15, 2020" in item.get_text()


def test_a_fresh_project_has_no_overdue_warning(tmp_path):
    result = small_project(tmp_path, {"index.md": front(datetime.date.today().isoformat()) + "# Home\n"})
    assert result.returncode == 0 and "review overdue" not in result.stdout + result.stderr


# ---------------------------------------------------------------------------------------------------------------------
# The advisors' page


@pytest.fixture(scope="module")
def advisors(site_dir):
    return parse_html((site_dir / "advisors" / "index.html").read_text(encoding="utf-8"))


def nav_scenarios() -> list[str]:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    scenarios = next(entry["Scenarios"] for entry in nav if isinstance(entry, dict) and "Scenarios" in entry)
    return [next(iter(e.values())) for e in scenarios if isinstance(e, dict)]


def rows(advisors, table_id: str):
    table = advisors.select_one(f"#{table_id}").find_next("table")
    return [(row.select_one("a")["href"], row.select_one("button[data-copy-link]")) for row in table.select("tbody tr")]


def test_the_advisors_page_lists_every_template_with_a_copy_button(advisors):
    listed = rows(advisors, "links-templates")
    assert sorted(href.split("#template-")[1] for href, _ in listed) == TEMPLATES
    assert all(button is not None and "Copy the address of" in button["aria-label"] for _, button in listed)


def test_the_advisors_page_lists_every_scenario_in_the_nav(advisors):
    listed = [href for href, _ in rows(advisors, "links-scenarios")]
    expected = [f"../{path.removesuffix('.md')}/" for path in nav_scenarios()]
    assert len(expected) >= 9 and listed == expected


def test_the_advisors_page_lists_every_other_page(advisors, site_dir):
    sections = {"../advisors/" if href == "./" else href for href, _ in rows(advisors, "links-sections")}  # itself
    scenarios = {href for href, _ in rows(advisors, "links-scenarios")}
    pages = {"../" + p.relative_to(site_dir).as_posix().removesuffix("index.html")
             for p in html_pages(site_dir) if p.name != "404.html"}
    assert sections | scenarios == pages and not sections & scenarios
