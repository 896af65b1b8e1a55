"""The current Match season's dates and numbers, read from one data file (season.yml), each with its source.

Pages name a fact as `{{ season.<key> }}`; `text_of` gives the words that replace it. A fact the sources do not state
yet is `unpublished: true`: the page then says so and links where it will appear, never a guessed value.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .frontmatter import Source, SourceError, parse_yaml
from .markdown_lines import outside_fences
from .reviewed import human_date

TOKEN = re.compile(r"\{\{\s*season\.(?P<key>[a-z0-9_]*)\s*\}\}")
_LINK_DEFINITION = re.compile(r"^\[(?P<id>[^\]]+)\]:\s*\S+", re.MULTILINE)
_FACT_KEYS = {"label", "value", "unpublished", "last_known", "time", "source", "source_name", "checked"}


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: object  # a date, a number or a short text; None when unpublished
    time: str | None  # e.g. "9:00 p.m. US Eastern Time", for deadlines that close at an hour
    source: str  # a reference-link id from snippets/links.md
    source_name: str  # how the text names that source, e.g. "the NRMP's Main Residency Match pages"
    checked: datetime.date
    last_known: str | None = None  # for an unpublished fact: the latest figure a source gave, with its season


@dataclass(frozen=True)
class Season:
    path: str
    year: int
    warn_after: datetime.date
    warn_after_line: int
    facts: dict[str, Fact]


def link_ids(links_markdown: str) -> set[str]:
    """The reference-link ids defined in snippets/links.md."""
    return {match.group("id") for match in _LINK_DEFINITION.finditer(links_markdown)}


def load(text: str, path: str, known_links: set[str]) -> Season:
    """Parse and check season.yml. Raises SourceError at the file and line of the first problem."""
    source = parse_yaml(text, path)
    warn_after = _date(source, "warn_after")
    facts_data = source.data.get("facts")
    if not isinstance(facts_data, dict) or not facts_data:
        raise source.error("needs 'facts': a mapping of fact keys (such as match_day) to facts", "facts")
    facts = {key: _fact(source, key, data, known_links) for key, data in facts_data.items()}
    year_fact = facts.get("season_year")
    if year_fact is None or not isinstance(year_fact.value, int):
        raise source.error("needs the fact 'season_year' with a whole-number 'value', such as 2027", "facts")
    return Season(path, year_fact.value, warn_after, source.line_of("warn_after"), facts)


def _date(source: Source, *key: object) -> datetime.date:
    value: object = source.data
    for part in key:
        value = value.get(part) if isinstance(value, dict) else None
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise source.error(f"'{key[-1]}' must be a date written YYYY-MM-DD, not {value!r}", *key)
    return value


def _fact(source: Source, key: object, data: object, known_links: set[str]) -> Fact:
    where = ("facts", key)
    if not isinstance(key, str) or not re.fullmatch(r"[a-z0-9_]+", key):
        raise source.error(f"fact key {key!r} must be lowercase letters, digits and underscores", *where)
    if not isinstance(data, dict):
        raise source.error(
            f"fact '{key}' must be a mapping with label, value (or unpublished), source, checked", *where)
    if unknown := sorted(set(data) - _FACT_KEYS):
        raise source.error(f"fact '{key}' has unknown keys: {', '.join(unknown)}", *where)
    for required in ("label", "source", "source_name", "checked"):
        if data.get(required) in (None, ""):
            raise source.error(f"fact '{key}' needs '{required}'", *where)
    if data["source"] not in known_links:
        raise source.error(
            f"fact '{key}': source '{data['source']}' is not a link id in snippets/links.md", *where, "source")
    unpublished = data.get("unpublished") is True
    if unpublished == ("value" in data):
        raise source.error(f"fact '{key}' needs either 'value' or 'unpublished: true', not both", *where)
    return Fact(key, str(data["label"]), data.get("value"), data.get("time"), data["source"],
                str(data["source_name"]), _date(source, *where, "checked"), data.get("last_known"))


def warnings(season: Season, today: datetime.date) -> list[str]:
    """A past season: the yearly update is due."""
    if today <= season.warn_after:
        return []
    return [f"{season.path}:{season.warn_after_line}: the {season.year} Match season is over "
            f"(warn_after {season.warn_after.isoformat()}): put the next season's facts in {season.path}"]


def text_of(fact: Fact) -> str:
    """The Markdown that stands in a page for the fact."""
    if fact.value is None:
        previous = f"{fact.last_known}; " if fact.last_known else ""
        return (f"not yet published for this season ({previous}check [{fact.source_name}][{fact.source}], "
                f"last checked {human_date(fact.checked)})")
    value = human_date(fact.value) if isinstance(fact.value, datetime.date) else str(fact.value)
    return f"{value}, {fact.time}" if fact.time else value


def substitute(markdown: str, season: Season) -> str:
    """Replace every `{{ season.<key> }}` outside fenced code. An unknown key raises KeyError naming the known ones."""
    if "{{" not in markdown:
        return markdown  # no fact named: most pages
    lines = markdown.split("\n")
    for index, line in outside_fences(lines):
        lines[index] = TOKEN.sub(lambda match: text_of(_known(season, match.group("key"))), line)
    return "\n".join(lines)


def check_page(source: Source, season: Season) -> None:
    """Stop at the page's file and line when it names a fact season.yml does not have."""
    for index, line in outside_fences(source.body.splitlines()):
        for match in TOKEN.finditer(line):
            if match.group("key") not in season.facts:
                raise SourceError(source.path, source.body_line + index, _unknown_message(season, match.group("key")))


def _known(season: Season, key: str) -> Fact:
    if key not in season.facts:
        raise KeyError(_unknown_message(season, key))
    return season.facts[key]


def _unknown_message(season: Season, key: str) -> str:
    return f"no season fact '{key}' in {season.path}; known facts: {', '.join(sorted(season.facts))}"
