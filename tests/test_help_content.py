"""Readers are sent to help that exists: the "Who can help" page, never to "an advisor at ECFMG" (no such service)."""
from __future__ import annotations

import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from handbook.print_book import anchor_for
from site_build import html_pages

# "an advisor at ECFMG", "your ECFMG advisor", "ECFMG's advisers", "advising from ECFMG", across line breaks.
NON_EXISTENT_HELP = re.compile(
    r"\bECFMG(?:['’]s)?\s+advis|\badvis\w*\s+(?:at|from|with|in)\s+(?:the\s+)?ECFMG\b", re.IGNORECASE
)
HELP_PAGE = "help/who-can-help/index.html"
BOOK_PAGE = "print/index.html"


def visible_text(page) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return soup.get_text(" ")


@pytest.mark.parametrize("text", [
    "Ask your dean's office, an advisor at ECFMG (the body that certifies IMGs)",
    "talk to your dean's office or ECFMG\n advisor",
    "your ECFMG advisor, or an immigration lawyer",
    "ECFMG's advisers can tell you",
    "advising from the ECFMG",
])
def test_the_check_catches_each_way_of_naming_an_ecfmg_advisor(text):
    assert NON_EXISTENT_HELP.search(text)


@pytest.mark.parametrize("text", [
    "ECFMG runs the IMG Advisors Network, a group of volunteer advisors",
    "ECFMG acts as the dean's office for IMGs in ERAS",
])
def test_the_check_leaves_real_help_alone(text):
    assert not NON_EXISTENT_HELP.search(text)


def test_no_page_sends_readers_to_an_advisor_at_ecfmg(site_dir):
    found = {
        page.relative_to(site_dir).as_posix(): match.group(0)
        for page in html_pages(site_dir)
        if (match := NON_EXISTENT_HELP.search(visible_text(page)))
    }
    assert found == {}


def test_who_can_help_names_each_kind_of_help(site_dir):
    soup = BeautifulSoup((site_dir / HELP_PAGE).read_text(encoding="utf-8"), "html.parser")
    sections = {heading["id"]: heading.get_text(" ", strip=True) for heading in soup.select("article h2[id]")}
    for section, words in {
        "nrmp": "NRMP", "ecfmg-eras": "ERAS documents only", "j-1": "Training Program Liaison",
        "h-1b": "immigration lawyer", "volunteer-advisors": "Volunteer", "your-school": "school",
    }.items():
        assert words.lower() in sections.get(section, "").lower(), f"section #{section} is missing or mislabelled"
    school = soup.find("h2", id="your-school").find_next_sibling()
    assert "admonition" in school.get("class", []), "the school-office snippet opens the #your-school section"
    assert "anonymous" in soup.find("h2", id="nrmp").find_parent("article").get_text()


def test_the_shared_help_box_leads_to_who_can_help_from_every_depth(site_dir):
    boxes = 0
    for page in html_pages(site_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for box in soup.select("article .admonition"):
            if box.select_one(".admonition-title").get_text(strip=True) != "Who can help":
                continue
            boxes += 1
            link = box.find("a", string="Who can help")
            assert link, f"{page.relative_to(site_dir)}: the help box has no link to the page"
            if page == site_dir / BOOK_PAGE:  # the whole book on one page: the link goes to the book's chapter
                assert link["href"] == "#" + anchor_for("help/who-can-help/"), link["href"]
                continue
            target = (page.parent / urllib.parse.urlsplit(link["href"]).path).resolve()
            assert target in {(site_dir / HELP_PAGE).resolve(), (site_dir / HELP_PAGE).parent.resolve()}, link["href"]
    assert boxes >= 5
