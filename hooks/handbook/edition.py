"""The handbook's edition: the newest last-reviewed date of any page.

The cover, the footer and the About page show it."""
from __future__ import annotations

import datetime
import pathlib

from .frontmatter import read


def edition_date(docs_dir: str | pathlib.Path) -> datetime.date | None:
    """The newest `last_reviewed` among the Markdown pages under docs_dir; None when no page has one."""
    dates = []
    for path in sorted(pathlib.Path(docs_dir).rglob("*.md")):
        last = read(path).data.get("last_reviewed")
        if isinstance(last, datetime.date) and not isinstance(last, datetime.datetime):
            dates.append(last)
    return max(dates, default=None)
