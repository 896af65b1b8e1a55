"""The handbook's edition: the newest last-reviewed date of any page.

The cover, the footer and the About page show it."""
from __future__ import annotations

import datetime
import pathlib
from dataclasses import dataclass

from .frontmatter import SourceError, read
from .reviewed import Review, human_date, page_review


def edition_date(docs_dir: str | pathlib.Path) -> datetime.date | None:
    """The newest `last_reviewed` among the Markdown pages under docs_dir; None when no page has one."""
    dates = []
    for path in sorted(pathlib.Path(docs_dir).rglob("*.md")):
        last = read(path).data.get("last_reviewed")
        if isinstance(last, datetime.date) and not isinstance(last, datetime.datetime):
            dates.append(last)
    return max(dates, default=None)


# ---------------------------------------------------------------------------------------------------------------------
# Freshness: which pages are due for review

DUE_SOON_DAYS = 31  # the About page lists a page a month before its review falls due


@dataclass(frozen=True)
class PageReview:
    path: str  # relative to docs_dir, e.g. rules/what-the-rules-allow.md
    title: str
    review: Review

    def overdue(self, today: datetime.date) -> bool:
        return self.review.next_due < today


def page_reviews(docs_dir: str | pathlib.Path) -> list[PageReview]:
    """Every page's review dates, soonest due first. A page with broken metadata is left to the page check."""
    docs = pathlib.Path(docs_dir)
    found = []
    for path in sorted(docs.rglob("*.md")):
        source = read(path)
        try:
            review = page_review(source)
        except SourceError:
            continue
        title = next((line[2:].split("{")[0].strip() for line in source.body.splitlines() if line.startswith("# ")),
                     path.stem)
        found.append(PageReview(path.relative_to(docs).as_posix(), title, review))
    return sorted(found, key=lambda page: (page.review.next_due, page.path))


def due_for_review(pages: list[PageReview], today: datetime.date) -> list[PageReview]:
    return [page for page in pages if page.review.next_due <= today + datetime.timedelta(days=DUE_SOON_DAYS)]


def due_list_markdown(pages: list[PageReview], today: datetime.date) -> str:
    """A Markdown list for the About page; its links are relative to the docs folder."""
    due = due_for_review(pages, today)
    if not due:
        return f"No page is due for review in the next {DUE_SOON_DAYS} days."
    lines = []
    for page in due:
        state = "overdue since" if page.overdue(today) else "due"
        lines.append(f"- [{page.title}]({page.path}): review {state} {human_date(page.review.next_due)}.")
    return "\n".join(lines)


def overdue_message(page: PageReview, docs_name: str = "docs") -> str:
    return (f"{docs_name}/{page.path}: review overdue since {page.review.next_due.isoformat()} (last reviewed "
            f"{page.review.last.isoformat()}); check the page against its sources, then update 'last_reviewed'")
