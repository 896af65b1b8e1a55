"""A checklist page's model: phases (## sections) holding task-list items, each with a stable id.

Source format (a page whose front matter has `checklist: <id>`):

    ## Before interview season { #before-interview-season }
    - [ ] Check which visas each program sponsors. { #check-visa-policies }
    - [ ] An item without an explicit id gets one from its normalised text.

An item's id never depends on its position, so reordering the list keeps every tick.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from .frontmatter import Source, SourceError
from .markdown_lines import HEADING, HEADING_ID, outside_fences, strip_links

# An item id: the one rule, also given to checklist.js on the page (checklist_html.py), which checks saved and
# imported ids with it.
ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_LIMIT = 80  # characters
MAX_ID_LENGTH = 60  # derived ids are cut at a word boundary below this

_ID = re.compile(rf"^{ID_PATTERN}$")
_ITEM = re.compile(r"^(?P<indent> *)(?:[-*+]|\d+[.)]) +\[(?P<mark>[ xX])\](?: +|$)(?P<text>.*)$")
_LIST_OR_BLOCK = re.compile(r"^ *(?:[-*+] |\d+[.)] |#{1,6}(?: |$)|>|```|~~~|!!!|\?\?\?)")
_TRAILING_ATTRS = re.compile(r"[ \t]*\{(?P<inside>[^{}]*)\}[ \t]*$")
_EXPLICIT_ID = re.compile(rf"^[ \t]*#(?P<id>{ID_PATTERN})[ \t]*$")


@dataclass(frozen=True)
class Item:
    id: str
    text: str  # the item's Markdown, explicit id removed
    line: int  # the item's first line in the file
    explicit: bool


@dataclass
class Phase:
    id: str
    title: str
    line: int
    items: list[Item] = field(default_factory=list)


@dataclass
class Checklist:
    id: str
    path: str
    phases: list[Phase]

    @property
    def items(self) -> list[Item]:
        return [item for phase in self.phases for item in phase.items]


# ---------------------------------------------------------------------------------------------------------------------
# Ids


def normalise(markdown: str) -> str:
    """The words a reader sees, lowercased: links reduced to their text, markup and punctuation gone."""
    text = strip_links(markdown)
    text = re.sub(r"<[^>]*>", " ", text)  # inline HTML tags
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("'", "").replace("\u2019", "")  # "program's" and "programs" stay one word
    return " ".join(re.findall(r"[a-z0-9]+", text))


_DROPPED_WORDS = {"a", "an", "the"}  # so "Email the coordinator" and "Email coordinator" agree


def derive_id(markdown: str) -> str:
    """A stable id from an item's text: the same under case, whitespace, punctuation and link changes."""
    words = [word for word in normalise(markdown).split() if word not in _DROPPED_WORDS]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_ID_LENGTH:
            break
        slug = candidate
    return slug or (words[0][:MAX_ID_LENGTH] if words else "")


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and len(value) <= ID_LIMIT and bool(_ID.match(value))


# ---------------------------------------------------------------------------------------------------------------------
# Parsing


def checklist_id(source: Source) -> str | None:
    """The page's checklist id from front matter, or None when the page is no checklist."""
    value = source.data.get("checklist")
    if value is None:
        return None
    if not is_valid_id(value):
        raise source.error(
            f"'checklist' must be an id of lowercase letters, digits and hyphens, not {value!r}", "checklist"
        )
    return value


def parse(source: Source) -> Checklist | None:
    """Read a checklist page. Raises SourceError (file:line) on anything a reader's ticks could not rely on."""
    list_id = checklist_id(source)
    if list_id is None:
        return None
    path, lines = source.path, source.body.splitlines()
    phases: list[Phase] = []
    current: Phase | None = None
    seen: dict[str, int] = {}

    for index, line, paragraph_end in _content_lines(lines):
        number = source.body_line + index
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group("level"))
            if level == 2:
                current = _phase(heading.group("title") or "", number, path)
                phases.append(current)
            elif level == 1:
                current = None
            continue
        item = _ITEM.match(line)
        if not item:
            continue
        if item.group("mark") != " ":
            raise SourceError(path, number, "a checklist item starts unticked: write '- [ ]', not '- [x]'")
        if current is None:
            raise SourceError(path, number, "checklist item outside any phase: put it under a '## Phase { #id }'")
        text_lines = [item.group("text")] + [lines[i].strip() for i in range(index + 1, paragraph_end)]
        for offset, text_line in enumerate(text_lines[:-1]):
            if _TRAILING_ATTRS.search(text_line):
                raise SourceError(path, number + offset,
                                  "put an item's { #id } at the end of the item, on its last line")
        text, explicit = split_explicit_id(text_lines[-1], path, number + len(text_lines) - 1)
        text = " ".join(text_lines[:-1] + [text]).strip()
        if not text:
            raise SourceError(path, number, "checklist item has no text")
        item_id = explicit or derive_id(text)
        if not item_id:
            raise SourceError(path, number, "cannot derive an id from this item's text: add { #an-id }")
        if item_id in seen:
            raise SourceError(
                path, number,
                f"duplicate checklist id '{item_id}' (also at line {seen[item_id]}): "
                "give one item an explicit { #id }",
            )
        seen[item_id] = number
        current.items.append(Item(item_id, text, number, bool(explicit)))

    checklist = Checklist(list_id, path, [phase for phase in phases if phase.items])
    if not checklist.items:
        raise SourceError(path, source.line_of("checklist"), "checklist page has no '- [ ]' items")
    _check_phase_ids(checklist)
    return checklist


def split_explicit_id(text: str, path: str, line: int) -> tuple[str, str | None]:
    """Split `Item text { #some-id }` into its text and id; a malformed `{ ... }` stops the build."""
    attrs = _TRAILING_ATTRS.search(text)
    if not attrs:
        return text, None
    explicit = _EXPLICIT_ID.match(attrs.group("inside"))
    if not explicit:
        raise SourceError(
            path, line,
            f"malformed item id '{attrs.group(0).strip()}': write {{ #lowercase-words-with-hyphens }}",
        )
    return text[: attrs.start()], explicit.group("id")


def strip_explicit_ids(markdown: str) -> str:
    """The Markdown with each item's `{ #id }` removed, so it does not show as text. Fenced code is left alone."""
    lines = markdown.splitlines(keepends=True)
    for _index, line, paragraph_end in _content_lines([line.rstrip("\r\n") for line in lines]):
        if _ITEM.match(line):
            last = paragraph_end - 1
            body = lines[last].rstrip("\r\n")
            attrs = _TRAILING_ATTRS.search(body)
            if attrs and _EXPLICIT_ID.match(attrs.group("inside")):
                lines[last] = body[: attrs.start()] + lines[last][len(body):]
    return "".join(lines)


def _content_lines(lines: list[str]) -> Iterator[tuple[int, str, int]]:
    """(index, line, end of its paragraph) for each line outside fenced code and HTML comments."""
    in_comment = False
    for index, line in outside_fences(lines):
        if in_comment:
            in_comment = "-->" not in line
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
            continue
        yield index, line, _paragraph_end(lines, index)


def _paragraph_end(lines: list[str], index: int) -> int:
    """One past the last line of the paragraph that starts at `index` (continuation lines included)."""
    end = index + 1
    while end < len(lines) and lines[end].strip() and not _LIST_OR_BLOCK.match(lines[end]):
        end += 1
    return end


def _phase(title: str, line: int, path: str) -> Phase:
    match = HEADING_ID.match(title)
    if not match:
        raise SourceError(path, line, f"phase heading '{title}' needs an explicit id: ## {title} {{ #an-id }}")
    if not _ID.match(match.group("id")):
        raise SourceError(path, line, f"malformed phase id '#{match.group('id')}': use lowercase words and hyphens")
    return Phase(match.group("id"), match.group("title"), line)


def _check_phase_ids(checklist: Checklist) -> None:
    seen: dict[str, int] = {}
    for phase in checklist.phases:
        if phase.id in seen:
            raise SourceError(checklist.path, phase.line,
                              f"duplicate phase id '{phase.id}' (also at line {seen[phase.id]})")
        seen[phase.id] = phase.line
