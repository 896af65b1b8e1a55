"""Unit tests for front matter parsing and the last-reviewed line, without MkDocs."""
import datetime

import pytest

from handbook.frontmatter import SourceError, parse
from handbook.reviewed import human_date, insert_after_title, page_review, review_html

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


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("---\ndescription: x\nlast_reviewed: soon\n---\n", 3, "'last_reviewed' must be a date"),
        ("---\ndescription: x\n---\n", 1, "'last_reviewed' must be a date"),
        ("---\nlast_reviewed: 2026-11-28\n---\n", 1, "needs 'description'"),
        ("---\nlast_reviewed: 2026-11-28\ndescription: 'A \"quoted\" word.'\n---\n", 3, "curly quotes"),
        ("---\ndescription: x\nlast_reviewed: [2026\n---\n", 4, "not valid YAML"),
        ("---\ndescription: x\n", 1, "never ends"),
    ],
)
def test_bad_front_matter_names_file_and_line(text, line, words):
    with pytest.raises(SourceError) as caught:
        page_review(parse(text, "docs/bad.md"))
    assert str(caught.value).startswith(f"docs/bad.md:{line}: ")
    assert words in str(caught.value)


def test_key_lines_are_file_lines():
    source = parse("---\na: 1\nfields:\n  - key: x\n    type: text\n---\nbody\n", "f.md")
    assert source.line_of("fields", 0, "type") == 5
    assert source.body_line == 7 and source.body == "body\n"
