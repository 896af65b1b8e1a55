"""Sources read as front matter or as a YAML data file: every problem names the file and the line to fix."""
from __future__ import annotations

import pytest

from handbook.frontmatter import SourceError, parse, parse_yaml, read

SEASON = """\
# A data file such as season.yml: no front matter fences.
rank_deadline:
  date: 2027-03-04
  sources:
    - nrmp-dates
    - nrmp-policy
"""


def test_a_data_file_gives_each_key_and_list_item_its_own_line():
    source = parse_yaml(SEASON, "season.yml")
    assert source.path == "season.yml" and source.body == "" and source.body_line == 1
    assert source.data["rank_deadline"]["sources"] == ["nrmp-dates", "nrmp-policy"]
    assert source.line_of("rank_deadline") == 2
    assert source.line_of("rank_deadline", "date") == 3
    assert source.line_of("rank_deadline", "sources", 1) == 6


def test_a_missing_key_points_at_its_nearest_parent_and_an_unknown_one_at_line_1():
    source = parse_yaml(SEASON, "season.yml")
    assert source.line_of("rank_deadline", "sources", 1, "title") == 6
    assert source.line_of("rank_deadline", "sources", 7) == 4
    assert source.line_of("no_such_fact", "date") == 1
    assert str(source.error("unknown source id 'nrmp-policy'", "rank_deadline", "sources", 1)) == (
        "season.yml:6: unknown source id 'nrmp-policy'"
    )


@pytest.mark.parametrize("text, message", [
    ("a: 1\nb: [1\n", "season.yml:3: not valid YAML: did not find expected ',' or ']'"),
    ("- 1\n- 2\n", "season.yml:1: must be a mapping of keys to values"),
    # A control character stops the YAML reader itself, whose error has no line mark.
    ("a: \x07\n", "season.yml:1: not valid YAML: unacceptable character #x0007: control characters are not allowed"),
])
def test_a_broken_data_file_says_where_and_what(text, message):
    with pytest.raises(SourceError) as caught:
        parse_yaml(text, "season.yml")
    assert str(caught.value).startswith(message)


def test_an_empty_data_file_is_an_empty_mapping():
    assert parse_yaml("# nothing yet\n", "season.yml").data == {}


def test_a_file_is_read_as_utf8_and_named_by_its_path_unless_told_otherwise(tmp_path):
    file = tmp_path / "résumé.md"
    file.write_text("---\ndescription: Your CV “résumé”.\n---\n# Résumé\n", encoding="utf-8")
    source = read(file)
    assert source.path == str(file) and source.data == {"description": "Your CV “résumé”."}
    assert source.body == "# Résumé\n" and source.body_line == 4
    assert read(file, "docs/résumé.md").path == "docs/résumé.md"


def test_a_page_without_front_matter_is_all_body_from_line_1():
    source = parse("# Résumé tips\nText.\n", "docs/tips.md")
    assert (source.path, source.data, source.body, source.body_line) == ("docs/tips.md", {}, "# Résumé tips\nText.\n", 1)


@pytest.mark.parametrize("text, body, body_line", [
    ("---\n---\n# Title\n", "# Title\n", 3),  # empty front matter
    ("---\ndescription: One sentence.\n...\n# Title\n", "# Title\n", 4),  # YAML's own end marker
])
def test_front_matter_ends_at_its_closing_line(text, body, body_line):
    source = parse(text, "docs/a.md")
    assert (source.body, source.body_line) == (body, body_line)


@pytest.mark.parametrize("text, message", [
    ("---\n- a list\n---\n# Title\n", "docs/a.md:2: front matter must be a mapping of keys to values"),
    ("---\ndescription: x\n# Title\n", "docs/a.md:1: front matter starts with '---' but never ends with '---'"),
])
def test_broken_front_matter_says_where_and_what(text, message):
    with pytest.raises(SourceError) as caught:
        parse(text, "docs/a.md")
    assert str(caught.value) == message
