"""Season facts (issue 7): one data file, each fact with a source and check date, shown on pages; a stale season
warns and a fact without a source or check date stops the build at its file and line."""
from __future__ import annotations

import datetime
import textwrap

import pytest
from bs4 import BeautifulSoup

from handbook.frontmatter import SourceError, parse
from handbook.season import check_page, load, substitute, warnings
from site_build import ROOT, mkdocs_build

LINKS = "[nrmp-main-match-policy]: https://www.nrmp.org/policy-topic/main-residency-match/\n"
GOOD = textwrap.dedent("""\
    warn_after: 2027-06-30
    facts:
      season_year:
        label: Match year
        value: 2027
        source: nrmp-main-match-policy
        source_name: the NRMP pages
        checked: 2026-11-28
      match_day:
        label: Match Day
        value: 2027-03-19
        time: "1:00 p.m. US Eastern Time"
        source: nrmp-main-match-policy
        source_name: the NRMP pages
        checked: 2026-11-28
      rol_deadline:
        label: Rank order list deadline
        unpublished: true
        source: nrmp-main-match-policy
        source_name: the NRMP pages
        checked: 2026-11-28
    """)


def season(text: str = GOOD):
    return load(text, "season.yml", {"nrmp-main-match-policy"})


def without(key: str, text: str = GOOD) -> str:
    """The season text without one key of its match_day fact (line 9), or without a top-level key."""
    lines = text.splitlines(keepends=True)
    start = lines.index("  match_day:\n") if key != "warn_after" else 0
    index = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith(key + ":"))
    return "".join(lines[:index] + lines[index + 1:])


def error_of(text: str) -> str:
    with pytest.raises(SourceError) as caught:
        season(text)
    return str(caught.value)


# --- the data file ------------------------------------------------------------------------------------------


def test_a_published_date_reads_as_a_us_date_with_its_time():
    assert substitute("Match Day is {{ season.match_day }}.", season()) == (
        "Match Day is March 19, 2027, 1:00 p.m. US Eastern Time.")


def test_an_unpublished_date_says_so_and_links_its_source_never_a_date():
    text = substitute("The deadline is {{season.rol_deadline}}.", season())
    assert text.startswith("The deadline is not yet published for this season (check [the NRMP pages]")
    assert "[nrmp-main-match-policy]" in text and "2027" not in text


def test_a_fact_inside_fenced_code_is_left_as_written():
    page = "Year {{ season.season_year }}.\n\n```\n{{ season.season_year }}\n```\n"
    assert substitute(page, season()) == "Year 2027.\n\n```\n{{ season.season_year }}\n```\n"


@pytest.mark.parametrize("key, expected", [
    ("source", "season.yml:9: fact 'match_day' needs 'source'"),
    ("checked", "season.yml:9: fact 'match_day' needs 'checked'"),
    ("warn_after", "season.yml:1: 'warn_after' must be a date"),
])
def test_a_missing_source_check_date_or_end_stops_at_its_line(key, expected):
    assert error_of(without(key)).startswith(expected)


def test_a_source_that_is_not_a_link_id_stops_at_its_line():
    assert error_of(GOOD.replace("source: nrmp-main-match-policy", "source: nrmp-calendar", 1)) == (
        "season.yml:6: fact 'season_year': source 'nrmp-calendar' is not a link id in snippets/links.md")


def test_a_guess_next_to_unpublished_is_refused():
    text = GOOD.replace("    unpublished: true\n", "    unpublished: true\n    value: 2027-03-03\n")
    assert "fact 'rol_deadline' needs either 'value' or 'unpublished: true'" in error_of(text)


def test_a_bad_check_date_is_refused():
    assert "'checked' must be a date" in error_of(GOOD.replace("checked: 2026-11-28", "checked: soon", 1))


def test_the_warning_fires_only_after_the_season():
    assert warnings(season(), datetime.date(2027, 6, 30)) == []
    assert warnings(season(), datetime.date(2027, 7, 1)) == [
        "season.yml:1: the 2027 Match season is over (warn_after 2027-06-30): "
        "put the next season's facts in season.yml"]


def test_a_page_naming_an_unknown_fact_stops_at_its_line():
    page = parse("---\ndescription: x\n---\n# T\n\nMatch Day is {{ season.matchday }}.\n", "docs/t.md")
    with pytest.raises(SourceError) as caught:
        check_page(page, season())
    assert str(caught.value).startswith("docs/t.md:6: no season fact 'matchday' in season.yml; known facts: ")


def test_an_unknown_fact_in_a_page_body_names_every_known_fact():
    with pytest.raises(KeyError) as caught:
        substitute("Day: {{ season.matchday }}.", season())
    assert caught.value.args[0] == (
        "no season fact 'matchday' in season.yml; known facts: match_day, rol_deadline, season_year")


def test_an_unpublished_fact_shows_the_last_known_figure_before_its_source():
    text = GOOD.replace("    unpublished: true\n", "    unpublished: true\n    last_known: March 4 in 2026\n")
    assert substitute("{{ season.rol_deadline }}", season(text)) == (
        "not yet published for this season (March 4 in 2026; check [the NRMP pages][nrmp-main-match-policy], "
        "last checked November 28, 2026)")


@pytest.mark.parametrize("facts", ["facts: {}\n", "facts: [match_day]\n", ""])
def test_a_file_without_a_mapping_of_facts_stops_at_its_facts_line(facts):
    assert error_of("warn_after: 2027-06-30\n" + facts) == (
        f"season.yml:{2 if facts else 1}: needs 'facts': a mapping of fact keys (such as match_day) to facts")


@pytest.mark.parametrize("year", ["2027-01-01", "twenty"])
def test_a_season_without_a_whole_number_year_stops_at_the_facts_line(year):
    text = GOOD.replace("    value: 2027\n", f"    value: {year}\n", 1)
    assert error_of(text) == "season.yml:2: needs the fact 'season_year' with a whole-number 'value', such as 2027"
    assert error_of(GOOD.replace("  season_year:", "  year:", 1)).startswith("season.yml:2: needs the fact 'season_year'")


@pytest.mark.parametrize("old, new, message", [
    ("checked: 2026-11-28", "checked: soon", "season.yml:8: 'checked' must be a date written YYYY-MM-DD, not 'soon'"),
    ("  match_day:\n", "  Match-Day:\n",
     "season.yml:9: fact key 'Match-Day' must be lowercase letters, digits and underscores"),
    ("  match_day:\n", "  match_day: soon\n  old_match_day:\n",
     "season.yml:9: fact 'match_day' must be a mapping with label, value (or unpublished), source, checked"),
    ("    label: Match Day\n", "    label: Match Day\n    note: x\n    date: y\n",
     "season.yml:9: fact 'match_day' has unknown keys: date, note"),
    ("    label: Match Day\n", "    label: ''\n", "season.yml:9: fact 'match_day' needs 'label'"),
    ("    label: Match Day\n", "    label: Match Day\n    unpublished: true\n",
     "season.yml:9: fact 'match_day' needs either 'value' or 'unpublished: true', not both"),
])
def test_each_fact_mistake_gets_its_whole_message_at_the_facts_line(old, new, message):
    assert old in GOOD
    assert error_of(GOOD.replace(old, new, 1)) == message


def test_a_fact_keeps_its_key_label_and_source():
    fact = season().facts["match_day"]
    assert (fact.key, fact.label, fact.source, fact.source_name) == (
        "match_day", "Match Day", "nrmp-main-match-policy", "the NRMP pages")
    assert (fact.value, fact.time, fact.checked) == (
        datetime.date(2027, 3, 19), "1:00 p.m. US Eastern Time", datetime.date(2026, 11, 28))


def test_the_overdue_warning_points_at_the_warn_after_line():
    moved = "# The season the handbook describes.\n" + GOOD
    assert warnings(season(moved), datetime.date(2027, 7, 1))[0].startswith("season.yml:2: the 2027 Match season")


def test_the_real_season_file_loads_and_is_current():
    links = (ROOT / "snippets" / "links.md").read_text(encoding="utf-8")
    from handbook.season import link_ids

    real = load((ROOT / "season.yml").read_text(encoding="utf-8"), "season.yml", link_ids(links))
    assert {"season_year", "rol_deadline", "match_week", "soap_days", "match_day", "pediatrics_signals"} <= set(
        real.facts)
    assert all(fact.checked <= datetime.date.today() for fact in real.facts.values())


# --- real builds ----------------------------------------------------------------------------------------------


FRONT_MATTER = "---\ndescription: Home.\nlast_reviewed: 2026-11-28\n---\n"  # four lines


def build_project(tmp_path, season_text: str, page: str = "# Home\n\nMatch Day: {{ season.match_day }}.\n"):
    """A real `mkdocs build --strict` of a one-page project using the season hook and extension."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets").mkdir()
    (tmp_path / "docs" / "index.md").write_text(FRONT_MATTER + page, encoding="utf-8")
    (tmp_path / "snippets" / "links.md").write_text(LINKS, encoding="utf-8")
    (tmp_path / "season.yml").write_text(season_text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\n"
        f"hooks: [{ROOT / 'hooks' / 'checks.py'}, {ROOT / 'hooks' / 'season.py'}]\n"
        "markdown_extensions:\n  - handbook.season_facts\n"
        "  - pymdownx.snippets: {base_path: [snippets], auto_append: [links.md]}\n",
        encoding="utf-8",
    )
    return mkdocs_build(tmp_path / "site", project=tmp_path)


def test_a_build_shows_the_fact_on_the_page(tmp_path):
    result = build_project(tmp_path, GOOD)
    assert result.returncode == 0, result.stderr
    text = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser").get_text()
    assert "Match Day: March 19, 2027, 1:00 p.m. US Eastern Time." in text


@pytest.mark.parametrize("key", ["source", "checked"])
def test_a_build_stops_on_a_fact_without_a_source_or_check_date(tmp_path, key):
    result = build_project(tmp_path, without(key))
    assert result.returncode != 0
    assert f"season.yml:9: fact 'match_day' needs '{key}'" in result.stderr


def test_a_build_warns_when_the_season_is_over(tmp_path):
    result = build_project(tmp_path, GOOD.replace("warn_after: 2027-06-30", "warn_after: 2020-06-30"))
    assert result.returncode != 0  # strict: the warning stops the build until the file is updated
    assert "WARNING" in result.stderr and "the 2027 Match season is over (warn_after 2020-06-30)" in result.stderr


def test_a_build_stops_on_a_page_naming_an_unknown_fact(tmp_path):
    result = build_project(tmp_path, GOOD, page="# Home\n\nText.\n\nSOAP: {{ season.soap }}.\n")
    assert result.returncode != 0
    assert "docs/index.md:9: no season fact 'soap' in season.yml" in result.stderr


# --- the built handbook -----------------------------------------------------------------------------------------


def test_match_week_page_shows_this_seasons_dates_from_the_season_file(site_dir):
    soup = BeautifulSoup((site_dir / "through-the-season" / "match-week-and-soap" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    dates = soup.find("h2", id="dates").find_next("ul").find_all("li")
    assert [li.get_text().split(":")[0] for li in dates] == ["Match Week", "SOAP offer rounds", "Match Day"]
    for item in dates:  # no fact is published yet: each says so and links its source, never a guessed date
        assert "not yet published for this season" in item.get_text()
        assert item.find("a", href="https://www.nrmp.org/policy-topic/main-residency-match/")
    assert "{{" not in soup.get_text()


def test_abbreviations_show_as_tooltips_on_every_page(site_dir):
    soup = BeautifulSoup((site_dir / "rules" / "what-binds-you" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    titles = {abbr.get_text(): abbr["title"] for abbr in soup.select("article abbr[title]")}
    assert titles["NRMP"].startswith("National Resident Matching Program")
    assert "IMG" in titles
