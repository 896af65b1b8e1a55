"""The strict build is clean, and every page carries what a reader and a search engine need."""
import re

import pytest
from bs4 import BeautifulSoup

from site_build import html_pages


def test_strict_build_has_no_warnings(build_log):
    # An overdue review is a reminder, not a fault (issue 9): the About page lists it, and the build still passes.
    warnings = [line for line in build_log.splitlines()
                if ("WARNING" in line or "ERROR" in line) and ": review overdue since " not in line]
    assert warnings == []


def content_pages(site_dir):
    """Every handbook page, not the 404 page."""
    return [p for p in html_pages(site_dir) if p.name != "404.html"]


def test_the_handbook_has_its_pages(site_dir):
    assert len(content_pages(site_dir)) >= 15


@pytest.mark.parametrize("check", ["title", "description", "reviewed"])
def test_every_page_has_title_description_and_review_date(site_dir, check):
    missing = []
    for page in content_pages(site_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if check == "title":
            ok = soup.title and soup.title.string.strip() and soup.find("h1")
        elif check == "description":
            meta = soup.find("meta", attrs={"name": "description"})
            ok = meta and len(meta.get("content", "").strip()) > 20
        else:
            review = soup.select_one("#page-review time[datetime]")
            ok = review and re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datetime"])
        if not ok:
            missing.append(page.relative_to(site_dir).as_posix())
    assert missing == []


# The twelve questions applicants ask most (shared/sources.md) and the source article's four, by their FAQ anchors.
FAQ_ANSWERS = [
    "thank-you-notes", "interest-vs-intent", "ranked-to-match", "asked-to-commit", "asked-where-else", "first-choice",
    "visa-timing", "second-looks", "update-letters", "offer-outside-match", "no-post-interview-communication",
    "does-it-change-rank-lists",
    "letter-of-intent", "pre-match-offer", "visa-without-hurting", "rank-you-highly-guarantee",
]


def test_the_faq_answers_every_common_question(site_dir):
    soup = BeautifulSoup((site_dir / "faq" / "index.html").read_text(encoding="utf-8"), "html.parser")
    unanswered = []
    for anchor in FAQ_ANSWERS:
        heading = soup.find("h2", id=anchor)
        answer = heading and heading.find_next_sibling(["p", "ul", "ol"])
        if not heading or not heading.get_text().rstrip("¶ ").endswith("?") or not answer or len(answer.get_text()) < 20:
            unanswered.append(anchor)
    assert unanswered == []
