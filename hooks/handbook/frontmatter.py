"""Split a Markdown source into YAML front matter and body, keeping line numbers for error messages."""
from __future__ import annotations

import functools
import pathlib
from dataclasses import dataclass, field

import yaml

Path = tuple  # a key path into the front matter, e.g. ("fields", 0, "type")


class SourceError(Exception):
    """A problem in a source file, reported as `file:line: what is wrong`."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


# LibYAML's C loader where it is built in: several times faster. Line numbers are worked out only for a message.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Source:
    path: str  # as shown in messages, e.g. docs/faq.md
    data: dict
    body: str
    body_line: int  # the file's line number of the body's first line
    yaml_text: str = ""  # the front matter, read again with line records only when a message needs a line
    yaml_line: int = 2  # the file's line number of the YAML's first line
    _lines: dict[Path, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path, int]:
        """The file's line of every front-matter key and list item."""
        if self._lines is None:
            self._lines = {}
            _record_lines(yaml.compose(self.yaml_text, Loader=FAST_LOADER), (), self._lines, offset=self.yaml_line)
        return self._lines

    @lines.setter
    def lines(self, value: dict[Path, int]) -> None:
        self._lines = value

    def line_of(self, *key: object) -> int:
        """The line of a front-matter key, or of its nearest parent; line 1 when the key is absent."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1

    def error(self, message: str, *key: object) -> SourceError:
        return SourceError(self.path, self.line_of(*key), message)


def parse(text: str, path: str) -> Source:
    """Parse `---` fenced front matter. A file without it has empty data and a body from line 1."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return Source(path, {}, text, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise SourceError(path, 1, "front matter starts with '---' but never ends with '---'")
    yaml_text = "".join(lines[1:end])
    data = _load(yaml_text, path, first_line=2, what="front matter is")
    if not isinstance(data, dict):
        raise SourceError(path, 2, "front matter must be a mapping of keys to values")
    return Source(path, data, "".join(lines[end + 1:]), end + 2, yaml_text, 2)


def parse_yaml(text: str, path: str) -> Source:
    """Parse a whole YAML data file (such as season.yml) as a Source, with the file's line of every key."""
    data = _load(text, path, first_line=1, what="")
    if not isinstance(data, dict):
        raise SourceError(path, 1, "must be a mapping of keys to values")
    return Source(path, data, "", 1, text, 1)


def _load(yaml_text: str, path: str, first_line: int, what: str) -> object:
    try:
        return _parsed(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + first_line if mark else 1
        message = f"{what} not valid YAML: {getattr(exc, 'problem', exc)}".lstrip()
        raise SourceError(path, line, message) from None


# One build reads a page's front matter in several checks and hooks: each text is parsed once. Callers only read the
# data they get, which may be shared.
@functools.lru_cache(maxsize=1024)
def _parsed(yaml_text: str) -> object:
    return yaml.load(yaml_text, Loader=FAST_LOADER) or {}


def read(file: str | pathlib.Path, display_path: str | None = None) -> Source:
    file = pathlib.Path(file)
    return parse(file.read_text(encoding="utf-8"), display_path or str(file))


def _record_lines(node: yaml.Node | None, path: Path, out: dict[Path, int], offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key_path = path + (key_node.value,)
            out[key_path] = key_node.start_mark.line + offset
            _record_lines(value_node, key_path, out, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[path + (index,)] = item.start_mark.line + offset
            _record_lines(item, path + (index,), out, offset)
