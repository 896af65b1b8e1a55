"""Plain-text views of a Markdown page, for readability scores and the originality check."""
from __future__ import annotations

import re

from .frontmatter import parse

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_ATTRS = re.compile(r"\{\s*[#.][^}]*\}")
_LINE_MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+\.\s+|>\s*|(?:!!!|\?\?\?\+?)\s+\w+\s*)")


def prose_sentences(markdown: str) -> list[str]:
    """The page's readable text, one sentence-like unit per line: headings and bullets count as sentences."""
    body = parse(markdown, "<page>").body
    body = _COMMENT.sub("", _FENCE.sub("", body))
    units = []
    for line in body.splitlines():
        if line.lstrip().startswith(("--8<--", "|", "[", "*[")):  # snippets, tables, link definitions, abbreviations
            continue
        text = _LINE_MARKUP.sub("", line)
        text = _TAG.sub("", _ATTRS.sub("", _LINK.sub(r"\1", text)))
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
