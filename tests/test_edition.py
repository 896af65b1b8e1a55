import datetime

from handbook.edition import edition_date


def test_edition_is_the_newest_review_date(tmp_path):
    (tmp_path / "a.md").write_text("---\nlast_reviewed: 2026-03-01\n---\n# A\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("---\nlast_reviewed: 2026-11-02\n---\n# B\n")
    (tmp_path / "c.md").write_text("# No front matter\n")
    assert edition_date(tmp_path) == datetime.date(2026, 11, 2)


def test_no_dated_page_means_no_edition(tmp_path):
    (tmp_path / "c.md").write_text("# No front matter\n")
    assert edition_date(tmp_path) is None
