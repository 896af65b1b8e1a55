"""The "last reviewed" line every page shows, read from its front matter."""
from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

from .frontmatter import Source

REVIEW_INTERVAL_MONTHS = 6  # Match rules change every year; twice a year catches each season's update.


@dataclass(frozen=True)
class Review:
    last: datetime.date
    next_due: datetime.date


def page_review(source: Source) -> Review:
    """Check a page's required metadata and return its review dates."""
    description = source.data.get("description")
    if not isinstance(description, str) or not description.strip():
        raise source.error("front matter needs 'description': one sentence for search results", "description")
    if any(char in description for char in '"<>&'):
        # Material writes the description into an HTML attribute without escaping it.
        raise source.error("'description' must not contain \" < > or &: use curly quotes “ ” instead", "description")
    last = source.data.get("last_reviewed")
    if not isinstance(last, datetime.date) or isinstance(last, datetime.datetime):
        raise source.error(
            f"'last_reviewed' must be a date written YYYY-MM-DD, not {last!r}", "last_reviewed"
        )
    return Review(last, _add_months(last, REVIEW_INTERVAL_MONTHS))


def human_date(day: datetime.date) -> str:
    """January 14, 2027: the US style readers will meet in program emails."""
    return f"{day:%B} {day.day}, {day.year}"


def review_html(review: Review) -> str:
    return (
        '<p class="page-review" id="page-review">'
        f'Last reviewed: <time datetime="{review.last.isoformat()}">{html.escape(human_date(review.last))}</time>. '
        f'Next review due: <time datetime="{review.next_due.isoformat()}">{review.next_due:%B %Y}</time>.'
        "</p>"
    )


_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def insert_after_title(page_html: str, fragment: str) -> str:
    """Place the fragment right under the page's first heading, or at the top when there is none."""
    match = _H1_END.search(page_html)
    if not match:
        return fragment + page_html
    return page_html[: match.end()] + fragment + page_html[match.end():]


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, 28))
