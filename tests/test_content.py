"""The handbook's words: its own (nothing pasted from the source article), and plain enough to read quickly."""
from __future__ import annotations

import pytest
from gates import require

from handbook.prose import (
    MAX_MEDIAN_GRADE,
    MEAN_SENTENCE_WORDS,
    copied_runs,
    has_three_same_openings,
    measure_page,
    measure_site,
    paragraphs,
    sentences,
    words,
)
from site_build import ROOT

SEED = ROOT.parent / "shared" / "seed" / "000_7c2df4b2fcdfcb6a.txt"
WRITTEN = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "snippets").rglob("*.md"))


@pytest.fixture(scope="module")
def seed_words():
    require(SEED.exists(), f"the source article is missing at {SEED}")
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


# --- Prose that reads naturally (issue 7, item 8), measured over the built pages' paragraphs: `make readability`


def test_the_built_pages_meet_the_three_prose_targets(site_dir):
    site = measure_site(site_dir)
    assert len(site.graded_pages) >= 25
    low, high = MEAN_SENTENCE_WORDS
    assert low <= site.mean_sentence_words <= high
    assert site.repeated_openings == []
    assert site.median_grade <= MAX_MEDIAN_GRADE


def test_only_paragraph_prose_is_measured():
    html = (
        '<header><p>Site header.</p></header><article class="md-content__inner"><h1>Title</h1>'
        '<p class="page-review">Last reviewed: today.</p><p>First <a href="#">linked</a> words.<br>More.</p>'
        '<div class="admonition tip"><p class="admonition-title">In short</p><p>Tip text.</p></div>'
        '<ul><li>A bullet.</li><li><p>A loose bullet.</p></li></ul><section id="template-x"><p>Dear Dr.</p></section>'
        '<aside class="page-sources"><p>Check sources.</p></aside><table><tr><td><p>Cell.</p></td></tr></table>'
        '<p>Last &amp; <code>code</code> kept as text &lt;script&gt;.</p></article>'
    )
    assert paragraphs(html) == ["First linked words. More.", "Tip text.", "Last & code kept as text <script>."]


def test_sentences_split_at_full_stops_but_not_inside_abbreviations():
    assert sentences("Ask the U.S. embassy, e.g. by email. Then wait! Is it 9 a.m. there? “Yes.” Done.") == [
        "Ask the U.S. embassy, e.g. by email.", "Then wait!", "Is it 9 a.m. there?", "“Yes.”", "Done.",
    ]


def test_three_sentences_in_a_row_starting_alike_are_found():
    assert has_three_same_openings(["They say A.", "they say B.", "They say C."])
    assert not has_three_same_openings(["They say A.", "They say B.", "Then C.", "They say D."])
    page = measure_page("/x/", "<article><p>It is. It was. It will be.</p><p>One. Two words here.</p></article>")
    assert page.repeated_openings == ["It is. It was. It will be."]
    assert page.word_count == 11 and len(page.sentences) == 5


def test_no_page_mentions_the_source_articles_advert():
    assert [p.name for p in WRITTEN if "smartpick" in p.read_text(encoding="utf-8").lower()] == []
