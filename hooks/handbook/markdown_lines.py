"""Walk a Markdown source line by line, skipping fenced code: an example inside a code block is never markup."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
HEADING = re.compile(r"^(?P<level>#{1,6})(?: +(?P<title>.*?))?[ #]*$")
HEADING_ID = re.compile(r"^(?P<title>.*?)[ \t]*\{[^{}]*?#(?P<id>[^\s{}]+)[^{}]*\}$")  # ## Title { #id }


def mentions(lines: Iterable[str], *texts: str) -> bool:
    """Whether any line holds any of the texts: a cheap test that lets most pages skip a line-by-line parse."""
    return any(text in line for line in lines for text in texts)


def outside_fences(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(0-based index, line) for each line that is not inside, or the fence of, a fenced code block."""
    listed = list(lines)
    if not mentions(listed, "```", "~~~"):
        return enumerate(listed)  # most pages have no fence: a dozen scans per page each skip the line-by-line walk
    return _walk_fences(listed)


def _walk_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    fence: str | None = None
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group("fence")
        else:
            yield index, line


_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])?")  # [text](url), [text][ref], [text], ![alt](src)


def strip_links(markdown: str) -> str:
    """Markdown with each link or image reduced to its words."""
    return _LINK.sub(r"\1", markdown)


def heading_ids(lines: list[str]) -> list[tuple[int, str]]:
    """(0-based index, id) of each heading outside fenced code that sets its own `{ #id }`."""
    found = []
    for index, line in outside_fences(lines):
        heading = HEADING.match(line)
        explicit = HEADING_ID.match(heading.group("title") or "") if heading else None
        if explicit:
            found.append((index, explicit.group("id")))
    return found
