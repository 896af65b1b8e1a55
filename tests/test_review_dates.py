"""Front matter parsing and the last-reviewed line: without MkDocs, then on built pages."""
import datetime

import pytest

from handbook.frontmatter import SourceError, parse, read
from handbook.reviewed import human_date, insert_after_title, page_review, review_html
from site_build import ROOT, mkdocs_build, parse_html

GOOD = "---\ntitle: A\ndescription: One sentence.\nlast_reviewed: 2026-11-28\n---\n# A\n"


def test_review_dates_are_read_and_next_review_is_six_months_on():
    review = page_review(parse(GOOD, "docs/a.md"))
    assert review.last == datetime.date(2026, 11, 28)
    assert review.next_due == datetime.date(2027, 5, 28)


def test_review_line_reads_as_a_us_date():
    html = review_html(page_review(parse(GOOD, "docs/a.md")))
    assert "November 28, 2026" in html and 'datetime="2026-11-28"' in html and "May 2027" in html


def test_human_date_has_no_leading_zero():
    assert human_date(datetime.date(2027, 1, 4)) == "January 4, 2027"


def test_review_line_goes_under_the_title():
    assert insert_after_title("<h1>T</h1><p>x</p>", "<p>R</p>") == "<h1>T</h1><p>R</p><p>x</p>"
    assert insert_after_title("<p>No title</p>", "<p>R</p>") == "<p>R</p><p>No title</p>"


def test_review_line_markup_written_out():
    review = page_review(parse(GOOD, "docs/a.md"))
    assert review_html(review) == (
        '<p class="page-review" id="page-review">Last reviewed: <time datetime="2026-11-28">November 28, 2026</time>. '
        'Next review due: <time datetime="2027-05-28">May 2027</time>.</p>'
    )


@pytest.mark.parametrize("last, due", [
    ("2026-07-15", datetime.date(2027, 1, 15)),  # into the next year
    ("2026-06-30", datetime.date(2026, 12, 28)),  # December stays in the same year; day 31 or 30 becomes 28
    ("2026-08-31", datetime.date(2027, 2, 28)),  # February has no 31st
    ("2026-01-01", datetime.date(2026, 7, 1)),
])
def test_next_review_is_six_months_on_and_always_a_real_day(last, due):
    assert page_review(parse(GOOD.replace("2026-11-28", last), "docs/a.md")).next_due == due


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("---\ndescription: x\nlast_reviewed: soon\n---\n", 3, "'last_reviewed' must be a date written YYYY-MM-DD, not 'soon'"),
        ("---\ndescription: x\n---\n", 1, "'last_reviewed' must be a date written YYYY-MM-DD, not None"),
        ("---\nlast_reviewed: 2026-11-28\n---\n", 1, "front matter needs 'description': one sentence for search results"),
        ("---\nlast_reviewed: 2026-11-28\ndescription: '  '\n---\n", 3, "front matter needs 'description': one sentence for search results"),
        ("---\nlast_reviewed: 2026-11-28\ndescription: 'A \"quoted\" word.'\n---\n", 3, "'description' must not contain \" < > or &: use curly quotes “ ” instead"),
        ("---\nlast_reviewed: 2026-11-28\ndescription: Visas & you.\n---\n", 3, "'description' must not contain \" < > or &: use curly quotes “ ” instead"),
        ("---\ndescription: x\nlast_reviewed: [2026\n---\n", 4, "front matter is not valid YAML: did not find expected ',' or ']'"),
        ("---\ndescription: x\n", 1, "front matter starts with '---' but never ends with '---'"),
    ],
)
def test_bad_front_matter_names_file_and_line(text, line, message):
    with pytest.raises(SourceError) as caught:
        page_review(parse(text, "docs/bad.md"))
    assert str(caught.value) == f"docs/bad.md:{line}: {message}"


def test_a_description_with_capitals_and_curly_quotes_is_accepted():
    source = parse("---\ndescription: XL “Match” tips, explained.\nlast_reviewed: 2026-11-28\n---\n", "docs/a.md")
    assert page_review(source).last == datetime.date(2026, 11, 28)


def test_key_lines_are_file_lines():
    source = parse("---\na: 1\nfields:\n  - key: x\n    type: text\n---\nbody\n", "f.md")
    assert source.line_of("fields", 0, "type") == 5
    assert source.body_line == 7 and source.body == "body\n"


# --- on the built site ---------------------------------------------------------------------------------------------


def built_page(site_dir, source):
    """docs/faq.md -> site/faq/index.html; docs/index.md and docs/x/index.md keep their folder."""
    rel = source.relative_to(ROOT / "docs").with_suffix("")
    return site_dir / (rel.parent if rel.name == "index" else rel) / "index.html"


def review_line_under_title(html: str):
    """The element that follows the page's h1 when it is the last-reviewed line, else None."""
    after = parse_html(html).find("h1").find_next_sibling()
    return after if after is not None and after.get("id") == "page-review" else None


def test_every_built_page_shows_its_own_review_date_right_under_its_title(site_dir):
    wrong = []
    sources = sorted((ROOT / "docs").rglob("*.md"))
    assert len(sources) >= 15
    for source in sources:
        line = review_line_under_title(built_page(site_dir, source).read_text(encoding="utf-8"))
        want = read(source).data["last_reviewed"].isoformat()
        got = line.select_one("time")["datetime"] if line else "no review line right after the h1"
        if got != want or human_date(read(source).data["last_reviewed"]) not in line.get_text():
            wrong.append(f"{source.relative_to(ROOT)}: {got} != {want}")
    assert wrong == []


@pytest.mark.slow
def test_two_pages_with_different_dates_each_show_their_own(tmp_path):
    """A real build with the hook: the date comes from each page's front matter, not from anywhere else."""
    (tmp_path / "docs").mkdir()
    for name, day in [("index", "2025-03-09"), ("older", "2024-12-31")]:
        (tmp_path / "docs" / f"{name}.md").write_text(
            f"---\ndescription: A page.\nlast_reviewed: {day}\n---\n# Title of {name}\n\nBody text.\n\n## End {{ #end }}\n",
            encoding="utf-8",
        )
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nhooks: [{ROOT / 'hooks' / 'reviewed.py'}]\nmarkdown_extensions: [attr_list, toc]\n",
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path / "site", project=tmp_path)
    assert result.returncode == 0, result.stderr
    shown = {}
    for page in ("index.html", "older/index.html"):
        line = review_line_under_title((tmp_path / "site" / page).read_text(encoding="utf-8"))
        assert line is not None, f"{page}: the review line is not right after the h1"
        shown[page] = line.get_text(" ", strip=True)
    assert shown == {
        "index.html": "Last reviewed: March 9, 2025 . Next review due: September 2025 .",
        "older/index.html": "Last reviewed: December 31, 2024 . Next review due: June 2025 .",
    }
