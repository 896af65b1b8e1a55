"""Walk a Markdown source line by line, skipping fenced code: an example inside a code block is never markup."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


def outside_fences(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(0-based index, line) for each line that is not inside, or the fence of, a fenced code block."""
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
