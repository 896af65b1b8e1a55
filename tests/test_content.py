"""The handbook's words: its own (nothing pasted from the source article), and plain enough to read quickly."""
from __future__ import annotations

import os
import statistics

import pytest

from handbook.prose import copied_runs, flesch_kincaid_grade, prose_text, words
from site_build import ROOT

SEED = ROOT.parent / "shared" / "seed" / "000_7c2df4b2fcdfcb6a.txt"
PAGES = sorted((ROOT / "docs").rglob("*.md"))
WRITTEN = PAGES + sorted((ROOT / "snippets").rglob("*.md"))


@pytest.fixture(scope="module")
def seed_words():
    if not SEED.exists():
        message = f"the source article is missing at {SEED}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return words(SEED.read_text(encoding="utf-8"))


def test_no_passage_is_pasted_from_the_source_article(seed_words):
    pasted = {
        path.relative_to(ROOT).as_posix(): runs
        for path in WRITTEN
        if (runs := copied_runs(path.read_text(encoding="utf-8"), seed_words))
    }
    assert pasted == {}


def test_the_copy_check_catches_a_pasted_sentence(seed_words):
    sentence = " ".join(seed_words[200:215])
    assert copied_runs(f"Intro. {sentence}. Outro.", seed_words)


def test_median_reading_grade_is_8_or_below():
    grades = [
        flesch_kincaid_grade(text)
        for path in PAGES
        if len((text := prose_text(path.read_text(encoding="utf-8"))).split()) >= 80
    ]
    assert len(grades) >= 15
    assert statistics.median(grades) <= 8


def test_no_page_mentions_the_source_articles_advert():
    assert [p.name for p in WRITTEN if "smartpick" in p.read_text(encoding="utf-8").lower()] == []
