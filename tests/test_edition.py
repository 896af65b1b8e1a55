import datetime

from handbook.edition import due_list_markdown, edition_date, overdue_message, page_reviews


def test_edition_is_the_newest_review_date(tmp_path):
    (tmp_path / "a.md").write_text("---\nlast_reviewed: 2026-03-01\n---\n# A\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("---\nlast_reviewed: 2026-11-02\n---\n# B\n")
    (tmp_path / "c.md").write_text("# No front matter\n")
    assert edition_date(tmp_path) == datetime.date(2026, 11, 2)


def test_no_dated_page_means_no_edition(tmp_path):
    (tmp_path / "c.md").write_text("# No front matter\n")
    assert edition_date(tmp_path) is None


def page(folder, name, last_reviewed, title="# Title { #title }"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ndescription: One sentence.\nlast_reviewed: {last_reviewed}\n---\nIntro.\n{title}\n")


def test_pages_are_listed_soonest_due_first_with_their_titles(tmp_path):
    page(tmp_path, "rules/allowed.md", "2026-09-10", "# What the rules allow { #allowed }")
    page(tmp_path, "about.md", "2026-11-28", "# About")
    page(tmp_path, "untitled.md", "2026-09-10", "No heading at all.")
    (tmp_path / "broken.md").write_text("---\nlast_reviewed: 2026-01-01\n---\n# No description\n")
    reviews = page_reviews(tmp_path)
    assert [(p.path, p.title, p.review.next_due) for p in reviews] == [
        ("rules/allowed.md", "What the rules allow", datetime.date(2027, 3, 10)),
        ("untitled.md", "untitled", datetime.date(2027, 3, 10)),
        ("about.md", "About", datetime.date(2027, 5, 28)),
    ]


def test_the_about_page_lists_pages_due_within_a_month_and_says_which_are_overdue(tmp_path):
    page(tmp_path, "overdue.md", "2026-05-01", "# Overdue page")  # due 2026-11-01
    page(tmp_path, "due-today.md", "2026-06-15", "# Due today")  # due 2026-12-15
    page(tmp_path, "in-31-days.md", "2026-07-15", "# In a month")  # due 2027-01-15
    page(tmp_path, "in-32-days.md", "2026-07-16", "# Later")  # due 2027-01-16
    today = datetime.date(2026, 12, 15)
    assert due_list_markdown(page_reviews(tmp_path), today) == (
        "- [Overdue page](overdue.md): review overdue since November 1, 2026.\n"
        "- [Due today](due-today.md): review due December 15, 2026.\n"
        "- [In a month](in-31-days.md): review due January 15, 2027."
    )


def test_nothing_due_says_so(tmp_path):
    page(tmp_path, "fresh.md", "2026-11-28")
    assert due_list_markdown(page_reviews(tmp_path), datetime.date(2026, 11, 28)) == (
        "No page is due for review in the next 31 days."
    )


def test_an_overdue_page_is_named_with_both_dates_for_the_maintainer(tmp_path):
    page(tmp_path, "rules/allowed.md", "2026-04-30")
    [review] = page_reviews(tmp_path)
    assert review.overdue(datetime.date(2026, 10, 29)) and not review.overdue(datetime.date(2026, 10, 28))
    assert overdue_message(review) == (
        "docs/rules/allowed.md: review overdue since 2026-10-28 (last reviewed 2026-04-30); "
        "check the page against its sources, then update 'last_reviewed'"
    )
    assert overdue_message(review, "site-src").startswith("site-src/rules/allowed.md: ")
