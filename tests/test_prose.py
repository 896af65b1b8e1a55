"""The readability and originality helpers, tested on text whose answer was worked out by hand, so a broken counter
cannot keep the readability gate green."""
import pytest

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
