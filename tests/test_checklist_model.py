"""Checklist source → model: stable ids, and every source error stops the build with file:line (issue 4)."""
import pathlib

import pytest

from handbook import checklist as cl
from handbook.frontmatter import SourceError, parse, read

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "checklist"


def load(name: str) -> cl.Checklist:
    return cl.parse(read(FIXTURES / name, f"docs/{name}"))


def from_text(text: str, path: str = "docs/plan.md") -> cl.Checklist:
    return cl.parse(parse(text, path))


def error_of(name: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        load(name)
    return caught.value


HEAD = "---\ndescription: d\nlast_reviewed: 2026-11-28\nchecklist: plan\n---\n# Plan\n\n"  # the first line after it is line 8


# --- ids ---------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    "Email the coordinator about dates.",
    "email the   coordinator about DATES",
    "  Email the coordinator, about dates!  ",
    "Email the [coordinator](people.md#coordinator) about *dates*.",
    "Email [the coordinator][coord] about `dates`",
    "Email coordinator about dates",
])
def test_derived_id_ignores_case_whitespace_punctuation_and_link_syntax(variant):
    assert cl.derive_id(variant) == "email-coordinator-about-dates"


def test_derived_ids_differ_for_different_items():
    assert cl.derive_id("Send a thank-you note") != cl.derive_id("Send a letter of intent")


def test_derived_id_is_shortened_at_a_word_boundary():
    derived = cl.derive_id("Check " + "every program's visa sponsorship policy " * 5)
    assert len(derived) <= cl.MAX_ID_LENGTH
    assert cl.is_valid_id(derived) and not derived.endswith("-")
    assert derived.startswith("check-every-programs-visa-sponsorship-policy-every")


def test_ids_survive_reordering_and_light_rewording():
    original, reordered = load("plan.md"), load("plan-reordered.md")
    assert [item.id for item in original.items] != [item.id for item in reordered.items]  # the order did change
    assert sorted(item.id for item in original.items) == sorted(item.id for item in reordered.items)


def test_model_reads_phases_items_explicit_ids_and_lines():
    plan = load("plan.md")
    assert plan.id == "test-plan"
    assert [(phase.id, phase.title, phase.line) for phase in plan.phases] == [
        ("before", "Before interview season", 10),
        ("during", "During interview season", 23),
    ]
    assert [(item.id, item.line, item.explicit) for item in plan.items] == [
        ("check-visa-policies", 14, True),
        ("email-coordinator-about-dates", 15, False),
        ("wrapped-item", 16, True),
        ("send-thank-you-note-within-48-hours-see-etiquette", 25, False),
        ("nested-step", 26, False),
    ]
    first = plan.items[0]
    assert first.text == "Check which visas each program sponsors. Read [Talking about your visa](visa.md)."
    assert plan.items[2].text == "A long item that wraps onto a second line."


def test_code_fences_and_sections_without_items_are_not_phases():
    plan = load("plan.md")
    assert "fenced" not in {item.id for item in plan.items}
    assert "related" not in {phase.id for phase in plan.phases}


def test_a_page_without_checklist_front_matter_is_not_a_checklist():
    assert cl.parse(parse("---\ndescription: d\n---\n# Page\n\n## A { #a }\n\n- [ ] item\n", "docs/x.md")) is None


# --- errors with file:line -----------------------------------------------------------------------------------------------

def test_duplicate_id_stops_with_file_and_line_counting_front_matter():
    error = error_of("duplicate.md")
    assert (error.path, error.line) == ("docs/duplicate.md", 11)
    assert str(error).startswith("docs/duplicate.md:11: duplicate checklist id 'visa' (also at line 10)")


def test_a_derived_id_that_collides_with_an_explicit_one_is_a_duplicate():
    with pytest.raises(SourceError, match=r"^docs/plan\.md:11: duplicate checklist id 'check-visa'"):
        from_text(HEAD + "## Before { #before }\n\n- [ ] Anything. { #check-visa }\n- [ ] Check visa.\n")


def test_two_items_with_the_same_words_are_duplicates():
    with pytest.raises(SourceError, match=r"^docs/plan\.md:14: duplicate checklist id 'send-note'"):
        from_text(HEAD + "## A { #a }\n\n- [ ] Send note.\n\n## B { #b }\n\n- [ ] send  NOTE!\n")


@pytest.mark.parametrize("name, line, message", [
    ("no-items.md", 4, "checklist page has no '- [ ]' items"),
    ("outside-phase.md", 8, "checklist item outside any phase"),
    ("malformed-id.md", 11, "malformed item id '{ #Bad_Item }'"),
])
def test_source_errors_name_file_and_line(name, line, message):
    error = error_of(name)
    assert (error.path, error.line) == (f"docs/{name}", line)
    assert message in error.message


@pytest.mark.parametrize("body, line, message", [
    ("## Before\n\n- [ ] Item.\n", 8, "phase heading 'Before' needs an explicit id: ## Before { #an-id }"),
    ("## \n\n- [ ] Item.\n", 8, "phase heading '' needs an explicit id: ##  { #an-id }"),
    ("## Before { #Before_1 }\n\n- [ ] Item.\n", 8, "malformed phase id '#Before_1': use lowercase words and hyphens"),
    ("## A { #a }\n\n- [x] Done already.\n", 10, "a checklist item starts unticked: write '- [ ]', not '- [x]'"),
    ("## A { #a }\n\n- [ ] Item. {#}\n", 10, "malformed item id '{#}': write { #lowercase-words-with-hyphens }"),
    ("## A { #a }\n\n- [ ] Item. { .note }\n", 10, "malformed item id '{ .note }': write { #lowercase-words-with-hyphens }"),
    ("## A { #a }\n\n- [ ] First line { #too-early }\n  second line.\n", 10, "put an item's { #id } at the end of the item, on its last line"),
    ("## A { #a }\n\n- [ ] ... !!!\n", 10, "cannot derive an id from this item's text: add { #an-id }"),
    ("## A { #a }\n\n- [ ] One.\n\n## A again { #a }\n\n- [ ] Two.\n", 12, "duplicate phase id 'a' (also at line 8)"),
    ("- [ ] Early.\n\n## A { #a }\n\n- [ ] One.\n", 8, "checklist item outside any phase: put it under a '## Phase { #id }'"),
    # A new page title (h1) ends the phase before it.
    ("## A { #a }\n\n- [ ] One.\n\n# Appendix\n\n- [ ] Two.\n", 14, "checklist item outside any phase: put it under a '## Phase { #id }'"),
])
def test_more_source_errors(body, line, message):
    with pytest.raises(SourceError) as caught:
        from_text(HEAD + body)
    assert str(caught.value) == f"docs/plan.md:{line}: {message}"


def test_a_sub_heading_inside_a_phase_keeps_its_items_in_that_phase():
    checklist = from_text(HEAD + "## A { #a }\n\n### Details\n\n- [ ] One.\n\n#### More\n\n- [ ] Two.\n")
    assert [(phase.id, [item.id for item in phase.items]) for phase in checklist.phases] == [("a", ["one", "two"])]


def test_a_curly_apostrophe_joins_its_word_like_a_straight_one():
    assert cl.derive_id("Ask about the program\u2019s visa policy") == "ask-about-programs-visa-policy"
    assert cl.derive_id("Ask about the program's visa policy") == "ask-about-programs-visa-policy"


def test_front_matter_checklist_id_must_be_an_id():
    with pytest.raises(SourceError, match=r"^docs/plan\.md:4: 'checklist' must be an id"):
        from_text(HEAD.replace("checklist: plan", "checklist: Action Plan") + "## A { #a }\n\n- [ ] x\n")


# --- Markdown clean-up ---------------------------------------------------------------------------------------------------

def test_explicit_ids_are_stripped_outside_code_fences_only():
    source = (FIXTURES / "plan.md").read_text(encoding="utf-8")
    stripped = cl.strip_explicit_ids(source)
    assert "{ #check-visa-policies }" not in stripped and "{ #wrapped-item }" not in stripped
    assert "Read [Talking about your visa](visa.md).\n" in stripped
    assert "onto a second line.\n" in stripped
    assert "{ #fenced }" in stripped  # code stays as written
    assert "## Before interview season { #before }" in stripped  # headings keep their ids for the toc extension


@pytest.mark.parametrize("markdown, stripped", [
    ("- [ ] Text { #id }  \n", "- [ ] Text\n"),  # trailing spaces go with the id: no hard line break left
    ("- [ ] One { #one }\r\n- [ ] Two { #two }\r\n", "- [ ] One\r\n- [ ] Two\r\n"),  # Windows line ends kept
    ("- [ ] Text { #id }X\n", "- [ ] Text { #id }X\n"),  # not at the very end: no id, left as written
])
def test_an_explicit_id_is_removed_with_its_spaces_and_the_line_end_is_kept(markdown, stripped):
    assert cl.strip_explicit_ids(markdown) == stripped
