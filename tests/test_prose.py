"""The readability and originality helpers, tested on text whose answer was worked out by hand, so a broken counter
cannot keep the readability gate green."""
import pytest

from handbook import prose
from handbook.prose import copied_runs, flesch_kincaid_grade, words

# Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59, syllables from the CMU dictionary.
KNOWN_GRADES = [
    # 6 words, 6 syllables: 2.34 + 11.8 - 15.59
    ("The cat sat on the mat.", -1.45),
    # 6 words, 4+2+4+5+3+3 = 21 syllables: 2.34 + 41.3 - 15.59
    ("Residency programs evaluate international applicants carefully.", 28.05),
    # "thank-you" is two words: 6 words, 7 syllables ("today" has two): 2.34 + 13.77 - 15.59
    ("Send your thank-you note today.", 0.52),
    # "FREIDA" is not in the CMU dictionary: the hyphenation fallback splits it frei-da. 3 words, 2+1+2 = 5 syllables:
    # 1.17 + 19.67 - 15.59
    ("FREIDA lists programs.", 5.25),
]


@pytest.mark.parametrize("sentence, grade", KNOWN_GRADES)
def test_grade_of_a_sentence_worked_out_by_hand(sentence, grade):
    assert flesch_kincaid_grade([sentence]) == pytest.approx(grade, abs=0.01)


def test_grade_of_the_three_sentences_together():
    # 18 words in 3 sentences, 34 syllables: 0.39 * 6 + 11.8 * 34 / 18 - 15.59
    assert flesch_kincaid_grade([sentence for sentence, _ in KNOWN_GRADES[:3]]) == pytest.approx(9.04, abs=0.01)


def test_text_without_words_has_grade_zero():
    assert flesch_kincaid_grade(["... !!!"]) == 0.0


def test_words_are_lowercase_letters_digits_and_apostrophes():
    assert words("Don't send 2 NOTES, send one.") == ["don't", "send", "2", "notes", "send", "one"]


def test_a_ten_word_run_from_the_source_is_found_and_nine_are_not():
    source = words("one two three four five six seven eight nine ten eleven")
    assert copied_runs("Zero one two three four five six seven eight nine ten.", source) == [
        "one two three four five six seven eight nine ten"
    ]
    assert copied_runs("Zero one two three four five six seven eight nine.", source) == []
    assert copied_runs("two three four five six seven eight nine ten eleven", source, run_length=10) == [
        "two three four five six seven eight nine ten eleven"
    ]


def test_the_counters_load_their_dictionaries_on_first_use(monkeypatch):
    monkeypatch.setattr(prose, "_cache", {})
    words = ("unsponsored", "nonimmigrant", "applicant")
    # by ear: un-spon-sored (the hyphenation fallback), non-im-mi-grant (likewise), ap-pli-cant (CMU dictionary)
    assert [prose._syllables(word) for word in words] == [3, 4, 3]
    assert set(prose._cache) == {"cmu", "pyphen"}
    assert [prose._syllables(word) for word in words] == [3, 4, 3]  # the same from the dictionaries already loaded


# --- Which text of a built page is paragraph prose

PAGE = """<html><body>
<nav><p>Menu text is not prose.</p></nav>
<p>Outside the article.</p>
<article class="md-content__inner">
<h1>Thank-you notes</h1>
<p class="page-review">Last reviewed: November 28, 2026.</p>
<p>Send a short note. Keep it <a href="#x">to <em>three</em> lines</a>.<br>Thank the coordinator too.</p>
<div class="admonition note"><p class="admonition-title">Note</p><p>Dr. Lee works in the U.S. now. She reads every note.</p></div>
<ul><li><p>A list item is not a paragraph.</p></li></ul>
<table><tr><td><p>Nor is a table cell.</p></td></tr></table>
<section class="tpl" id="template-thanks"><p>Dear Dr. Okafor, thank you.</p></section>
<form><p>Form help.</p></form>
<p>   </p>
<p>We wrote. We waited. We called. Then we heard back.</p>
</article>
</body></html>"""


def test_only_the_article_paragraphs_a_reader_reads_are_prose():
    assert prose.paragraphs(PAGE) == [
        "Send a short note. Keep it to three lines. Thank the coordinator too.",
        "Dr. Lee works in the U.S. now. She reads every note.",
        "We wrote. We waited. We called. Then we heard back.",
    ]


@pytest.mark.parametrize("paragraph, expected", [
    ("Dr. Lee works in the U.S. now. She reads every note.", ["Dr. Lee works in the U.S. now.", "She reads every note."]),
    ("Ask first, e.g. by email. Then wait!", ["Ask first, e.g. by email.", "Then wait!"]),
    ("Is it allowed? “Yes,” she said. (See rule 4.) 2027 is next.",
     ["Is it allowed?", "“Yes,” she said.", "(See rule 4.)", "2027 is next."]),
    ("Version 2.5 is out. 3 programs replied.", ["Version 2.5 is out.", "3 programs replied."]),
    ("Wait. then go.", ["Wait. then go."]),  # no capital after it: no new sentence
])
def test_sentences_end_at_a_full_stop_that_is_no_abbreviation(paragraph, expected):
    assert prose.sentences(paragraph) == expected


def test_three_sentences_in_a_row_with_the_same_opening_word_are_flagged():
    assert prose.has_three_same_openings(["We wrote.", "we waited.", "We called."])
    assert not prose.has_three_same_openings(["We wrote.", "We waited.", "Then we called.", "We heard."])
    assert not prose.has_three_same_openings(["We wrote.", "We waited."])
    assert prose.opening_word("“Dear” is how to start.") == "dear" and prose.opening_word("...") == ""


def test_a_built_site_is_measured_page_by_page(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "index.html").write_text(
        "<article><p>Programs may ask about visas. Programs must not ask where else you rank.</p></article>",
        encoding="utf-8")
    (tmp_path / "assets" / "demo").mkdir(parents=True)
    (tmp_path / "assets" / "demo" / "index.html").write_text("<article><p>Not a page.</p></article>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<article><p>Not found.</p></article>", encoding="utf-8")

    site = prose.measure_site(tmp_path)
    assert [page.path for page in site.pages] == ["/guide/", "/"]  # in file path order
    guide, home = site.pages
    assert home.sentences == [
        "Send a short note.", "Keep it to three lines.", "Thank the coordinator too.",
        "Dr. Lee works in the U.S. now.", "She reads every note.",
        "We wrote.", "We waited.", "We called.", "Then we heard back.",
    ]
    assert site.repeated_openings == [("/", "We wrote. We waited. We called. Then we heard back.")]
    assert (home.word_count, guide.word_count) == (35, 13)
    # 48 words in 11 sentences
    assert site.mean_sentence_words == pytest.approx(48 / 11)
    assert site.graded_pages == []  # fewer than 80 words each: too little prose to grade
