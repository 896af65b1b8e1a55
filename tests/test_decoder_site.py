"""The decoder's rules file is checked at build time (file:line), and the built decoder page keeps its contract."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from handbook.decoder_rules import KINDS, DecoderRules, load
from handbook.frontmatter import SourceError
from site_build import ROOT, mkdocs_build

RULES = ROOT / "data" / "decoder-rules.yml"
DOCS = ROOT / "docs"
GOOD = RULES.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def broken(tmp_path, old: str, new: str):
    assert old in GOOD, old
    text = GOOD.replace(old, new, 1)
    path = tmp_path / "rules.yml"
    path.write_text(text, encoding="utf-8")
    return path, text


@pytest.mark.parametrize("old, new, needle, message", [
    ("  - kind: second-look\n", "  - kind: second-looks\n", "kind: second-looks", "unknown kind 'second-looks'"),
    ("    regex: \"\\\\bunfilled position\\\\b\"", "    regex: \"(unfilled position\"", "(unfilled", "bad regex"),
    ("    regex: \"\\\\bunfilled position\\\\b\"", "    regex: \"(?P<x>unfilled)\"", "(?P<x>", "syntax JavaScript"),
    ("    title: Second-look invitation\n    means: >-", "    title: Second-look invitation\n    meanz: >-",
     "  second-look:\n", "'means' must be some text"),
    ("  - kind: second-look\n    phrases:", "  - kind: second-look\n    weight: 2\n    phrasez:", "phrasez:",
     "unknown key 'phrasez'"),
    ("  - kind: second-look\n", "  - kind: second-look\n    weight: -1\n", "weight: -1", "'weight' must be a number"),
    ("section: scenarios/second-look-invitation.md#what-to-do", "section: scenarios/second-look.md#what-to-do",
     "scenarios/second-look.md", "no page docs/scenarios/second-look.md"),
    ("section: scenarios/second-look-invitation.md#what-to-do", "section: scenarios/second-look-invitation.md#nope",
     "#nope", "no heading with id 'nope'"),
    ("template: scenarios/second-look-invitation.md#template-second-look-reply",
     "template: scenarios/second-look-invitation.md#template-thank-you", "#template-thank-you",
     "shows no template 'thank-you'"),
    ('negators: [not, "no",', "negators: [not, no,", "negators:", "item 2 of 'negators' must be some text"),
    ("talk\n      to {{ school.office }} or a mentor", "talk\n      to {{ school.dean }} or a mentor",
     "    do: >-\n      Answer warmly", "no '{{ school.dean }}'; the school's words are: {{ school.office }}"),
])
def test_a_bad_rules_file_is_reported_with_its_line(tmp_path, old, new, needle, message):
    path, text = broken(tmp_path, old, new)
    with pytest.raises(SourceError) as caught:
        load(path, DOCS, "data/decoder-rules.yml")
    assert str(caught.value).startswith(f"data/decoder-rules.yml:{line_of(text, needle)}: ")
    assert message in str(caught.value)


SECOND_LOOK_RULE = "  - kind: second-look\n    phrases:"


@pytest.mark.parametrize("old, new, needle, message", [
    ("version: 1\n", "version: 2\n", "version: 2", "'version' must be 1, not 2"),
    ("threshold: 1\n", "threshold: 0\n", "threshold: 0", "'threshold' must be a number above 0, not 0"),
    ("threshold: 1\n", "threshold: true\n", "threshold: true", "'threshold' must be a number above 0, not True"),
    ("negation_window: 5\n", "negation_window: 0\n", "negation_window: 0",
     "'negation_window' must be a whole number of words, 1 or more"),
    ("negation_window: 5\n", "negation_window: true\n", "negation_window: true",
     "'negation_window' must be a whole number of words, 1 or more"),
    ("negation_window: 5\n", "negation_window: 2.5\n", "negation_window: 2.5",
     "'negation_window' must be a whole number of words, 1 or more"),
    ('clause_breaks: [but, however, although, though, "that said", yet, except]', "clause_breaks: []",
     "clause_breaks: []", "'clause_breaks' must be a list with at least one item"),
    ('  - "\\\\bnrmp\\\\b"\n', '  - "x*"\n', '"x*"', "regex 'x*' matches empty text, so it would match everywhere"),
    ("  second-look:\n    title:", "  second-looks:\n    title:", "  second-looks:",
     "unknown kind 'second-looks'; the kinds are: " + ", ".join(KINDS)),
    ("    title: Second-look invitation\n", '    title: "  "\n', 'title: "  "', "'title' must be some text"),
    ("    template_title: Second-look reply\n", "", "  second-look:\n",
     "kind 'second-look' has a 'template' but no 'template_title'"),
    ("    no_template: Most mass messages need no reply, so there is no template for this kind.\n", "",
     "  general-update:\n", "kind 'general-update' needs a 'template' link, or 'no_template' saying why there is none"),
    ("section: scenarios/second-look-invitation.md#what-to-do", "section: scenarios/second-look-invitation.md",
     "section: scenarios/second-look-invitation.md\n",
     "'scenarios/second-look-invitation.md' must be a link from the docs folder, written page.md#anchor"),
    (SECOND_LOOK_RULE, "  - kind: admin\n    phrases:", "rules:\n  # --- admin", "no rule signals kind 'second-look'"),
    (SECOND_LOOK_RULE, "  - kind: second-look\n    regex: visit\n    phrases:", "- kind: second-look\n    regex",
     "a rule needs either 'phrases' or 'regex' (not both)"),
    (SECOND_LOOK_RULE, '  - kind: second-look\n    regex: ""\n    phrasez:', "phrasez",
     "unknown key 'phrasez' in a rule; a rule may have: kind, negatable, phrases, quotable, regex, weight"),
    (SECOND_LOOK_RULE, "  - second-look\n" + SECOND_LOOK_RULE, "  - second-look\n",
     "each rule must be a mapping with 'kind' and 'phrases' or 'regex'"),
    ("    negatable: false\n", "    negatable: maybe\n", "negatable: maybe", "'negatable' must be true or false, not 'maybe'"),
    ("    weight: 0.5\n", "    weight: lots\n", "weight: lots", "'weight' must be a number above 0, not 'lots'"),
    ("\nkinds:\n", "\nkinds: []\nkind_texts:\n", "kinds: []", "'kinds' must map each kind to its texts"),
    ("    not_means: >-\n      Going, or not going", "    not_meanz: >-\n      Going, or not going", "  second-look:\n",
     "'not_means' must be some text"),
    (SECOND_LOOK_RULE, "  - phrases: [open house]\n    kind: second-looks\n    phrases:", "kind: second-looks",
     "unknown kind 'second-looks'; the kinds are: " + ", ".join(KINDS)),
    (SECOND_LOOK_RULE, '  - kind: second-look\n    regex: ""\n    phrasez:', "phrasez",
     "unknown key 'phrasez' in a rule; a rule may have: kind, negatable, phrases, quotable, regex, weight"),
    (SECOND_LOOK_RULE, '  - kind: second-look\n    negatable: true\n    regex: ""\n  - kind: second-look\n    phrases:',
     'regex: ""', "'regex' must be a non-empty string"),
    (SECOND_LOOK_RULE, "  - kind: second-look\n    negatable: true\n    regex: 5\n  - kind: second-look\n    phrases:",
     "regex: 5", "'regex' must be a non-empty string"),
    (SECOND_LOOK_RULE, '  - kind: second-look\n    regex: "^$"\n  - kind: second-look\n    phrases:', '"^$"',
     "regex '^$' matches empty text, so it would match everywhere"),
    (SECOND_LOOK_RULE, '  - kind: second-look\n    regex: "(?P<x>visit)"\n  - kind: second-look\n    phrases:',
     "(?P<x>", "regex '(?P<x>visit)' uses syntax JavaScript does not share (named groups (?P, inline flags, \\A \\Z, "
     "atomic or possessive parts)"),
    (SECOND_LOOK_RULE, "  - kind: second-look\n    quotable: maybe\n    phrases:", "quotable: maybe",
     "'quotable' must be true or false, not 'maybe'"),
    ('clause_breaks: [but, however, although, though, "that said", yet, except]', "clause_breaks:\n  - but\n  - ' '",
     "  - ' '", "item 2 of 'clause_breaks' must be some text, not ' '"),
    ("template: scenarios/second-look-invitation.md#template-second-look-reply",
     "template: scenarios/second-look-invitation.md#template-thank-you", "#template-thank-you",
     "'scenarios/second-look-invitation.md#template-thank-you': that page shows no template 'thank-you' "
     "(a template link ends in #template-<id>)"),
])
def test_each_rules_file_mistake_gets_its_own_whole_message_and_line(tmp_path, old, new, needle, message):
    path, text = broken(tmp_path, old, new)
    with pytest.raises(SourceError) as caught:
        load(path, DOCS, "data/decoder-rules.yml")
    assert str(caught.value) == f"data/decoder-rules.yml:{line_of(text, needle)}: {message}"


@pytest.mark.parametrize("text, message", [
    ("version: [1\n", "data/decoder-rules.yml:2: not valid YAML: did not find expected ',' or ']'"),
    ("- version\n", "data/decoder-rules.yml:1: the rules file must be a mapping of keys to values"),
    ("version: \x07\n", "data/decoder-rules.yml:1: not valid YAML: unacceptable character #x0007: control characters "
     'are not allowed\n  in "<unicode string>", position 9'),
])
def test_a_rules_file_that_is_not_a_mapping_stops_at_its_line(tmp_path, text, message):
    (tmp_path / "rules.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load(tmp_path / "rules.yml", DOCS, "data/decoder-rules.yml")
    assert str(caught.value) == message


def test_kinds_left_out_of_kinds_are_named(tmp_path):
    start, end = GOOD.index("  second-look:\n    title:"), GOOD.index("\n# What the decoder says")
    path, _ = broken(tmp_path, GOOD[start:end], "")
    with pytest.raises(SourceError) as caught:
        load(path, DOCS, "data/decoder-rules.yml")
    kinds_line = line_of(GOOD, "\nkinds:\n") + 1
    assert str(caught.value) == f"data/decoder-rules.yml:{kinds_line}: 'kinds' is missing second-look, general-update"


def test_a_rules_file_without_its_no_kind_texts_says_so(tmp_path):
    start, end = GOOD.index("# What the decoder says"), GOOD.index("\nrules:\n")
    path, _ = broken(tmp_path, GOOD[start:end], "")
    with pytest.raises(SourceError) as caught:
        load(path, DOCS, "data/decoder-rules.yml")
    assert str(caught.value) == "data/decoder-rules.yml:1: 'no_kind' must be a mapping of texts"


def test_a_kind_that_is_not_a_mapping_is_named_at_its_line_and_the_file_by_its_own_path(tmp_path):
    start, end = GOOD.index("  second-look:\n    title:"), GOOD.index("  general-update:\n")
    path, text = broken(tmp_path, GOOD[start:end], "  second-look: soon\n")
    with pytest.raises(SourceError) as caught:
        load(path, DOCS)
    assert str(caught.value) == f"{path}:{line_of(text, 'second-look: soon')}: 'second-look' must be a mapping of texts"


def test_a_negation_window_of_one_word_is_allowed(tmp_path):
    path, _ = broken(tmp_path, "negation_window: 5\n", "negation_window: 1\n")
    assert load(path, DOCS).engine["negation_window"] == 1


def test_the_engine_gets_tidied_phrases_and_each_rules_defaults(tmp_path):
    path, _ = broken(tmp_path, "phrases: [this message is going to all]", 'phrases: ["this  message\\tis going to all"]')
    rules = load(path, DOCS)
    engine = rules.engine
    assert (engine["version"], engine["kinds"], engine["threshold"], engine["negation_window"]) == (1, list(KINDS), 1, 5)
    assert engine["clause_breaks"] == ["but", "however", "although", "though", "that said", "yet", "except"]
    assert engine["rule_mentions"][0] == "\\bnrmp\\b"
    mass = [rule for rule in engine["rules"] if rule.get("phrases") == ["this message is going to all"]]
    assert mass == [{"kind": "general-update", "weight": 1, "negatable": False, "quotable": False,
                     "phrases": ["this message is going to all"]}]
    assert engine["rules"][0]["negatable"] is True and "regex" in engine["rules"][1]
    assert [rule["quotable"] for rule in engine["rules"]].count(True) == GOOD.count("\n    quotable: true") > 0
    assert json.loads(rules.engine_json()) == engine
    assert rules.engine_json().startswith('{"version":1,"kinds":["admin","soft-interest",')
    # the page embeds the JSON as typed: "’" stays one character, not \u2019
    assert DecoderRules((), rules.no_kind, {"phrases": ["program’s"]}).engine_json() == '{"phrases":["program’s"]}'


def test_each_kind_keeps_its_texts_and_links_for_the_guide():
    rules = load(RULES, DOCS)
    second_look = rules.kinds[KINDS.index("second-look")]
    assert second_look.title == "Second-look invitation"
    assert second_look.means.startswith("The program invites you to visit again, to see the place")
    assert second_look.section == "scenarios/second-look-invitation.md#what-to-do"
    assert second_look.not_means.startswith("Going, or not going, should not change how the program ranks you.")
    assert second_look.do.startswith("Go only if it will help you decide")
    assert second_look.section_title == "What to do when invited to a second look"
    assert second_look.template == "scenarios/second-look-invitation.md#template-second-look-reply"
    assert (second_look.template_title, second_look.no_template) == ("Second-look reply", None)
    update = rules.kinds[-1]
    assert (update.kind, update.template) == ("general-update", None)
    assert update.no_template == "Most mass messages need no reply, so there is no template for this kind."
    assert (rules.no_kind.kind, rules.no_kind.title, rules.no_kind.do) == ("no_kind", "No known kind found", None)


def test_every_kind_has_a_rule_and_its_texts():
    rules = load(RULES, DOCS)
    assert [kind.kind for kind in rules.kinds] == list(KINDS)
    assert {rule["kind"] for rule in rules.engine["rules"]} == set(KINDS)


def build_project(tmp_path, rules_text: str, page: str):
    """A one-page project; its guide links point at handbook pages it does not have, so it builds without --strict."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    (tmp_path / "rules.yml").write_text(rules_text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Decoder test\nmarkdown_extensions:\n  - handbook.decoder_markdown:\n"
        f"      rules: !relative $config_dir/rules.yml\n      docs_dir: {json.dumps(str(DOCS))}\n", encoding="utf-8")
    return mkdocs_build(tmp_path / "site", "--no-strict", project=tmp_path)


PAGE = "# Decoder\n\n<!-- decoder -->\n\n## Kinds\n\n<!-- decoder: guide -->\n"


def test_the_extension_builds_the_decoder_in_a_real_build(tmp_path):
    result = build_project(tmp_path, GOOD, PAGE)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("[data-decoder] textarea[data-decoder-input]") is not None
    assert len(soup.select("[data-decoder-guide] section[data-decoder-kind]")) == len(KINDS)


def test_a_bad_rules_file_stops_a_real_build_with_file_and_line(tmp_path):
    text = GOOD.replace("  - kind: second-look\n", "  - kind: second-looks\n", 1)
    result = build_project(tmp_path, text, PAGE)
    assert result.returncode != 0
    assert f"rules.yml:{line_of(text, 'kind: second-looks')}: unknown kind 'second-looks'" in result.stderr


def test_a_decoder_without_its_guide_stops_the_build(tmp_path):
    result = build_project(tmp_path, GOOD, "# Decoder\n\n<!-- decoder -->\n")
    assert result.returncode != 0
    assert "needs <!-- decoder: guide --> too" in result.stderr


# --- the built handbook -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def decoder_page(site_dir):
    return BeautifulSoup((site_dir / "tools" / "decoder" / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_decoder_page_has_the_markup_contract(decoder_page):
    root = decoder_page.select_one("[data-decoder]")
    assert root.select_one("textarea[data-decoder-input]")["id"] == "decoder-input"
    assert decoder_page.select_one("label[for=decoder-input]").get_text(strip=True)
    assert root.select_one("button[data-decoder-run]").get_text(strip=True) == "Decode"
    assert root.select_one("[data-decoder-result]") is not None
    embedded = json.loads(root["data-decoder-rules"])
    assert embedded == json.loads(json.dumps(load(RULES, DOCS).engine))


def test_each_kind_in_the_guide_links_to_a_section_and_a_reply_that_exist(decoder_page, site_dir):
    page_dir = site_dir / "tools" / "decoder"
    for kind in KINDS:
        section = decoder_page.select_one(f"[data-decoder-guide] section[data-decoder-kind='{kind}']")
        links = section.select("ul.decoder-links a[href]")
        assert len(links) == (1 if kind == "general-update" else 2), kind
        for link in links:
            path, anchor = link["href"].split("#")
            target = (page_dir / path / "index.html").resolve()
            ids = {tag["id"] for tag in BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                   .select("[id]")}
            assert anchor in ids, f"{kind}: {link['href']}"
        if len(links) == 2:
            assert re.search(r"#template-[a-z0-9-]+$", links[1]["href"])


def test_every_message_type_page_links_to_the_decoder(site_dir):
    pages = sorted((site_dir / "messages-from-programs").rglob("index.html"))
    assert len(pages) >= 6
    for built in pages:
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in soup.select("article a[href]")]
        assert any(re.search(r"(^|/)tools/decoder/$", href) for href in hrefs), built


def test_the_decoders_words_are_the_handbooks_own():
    from handbook.prose import copied_runs, words

    seed = ROOT.parent / "shared" / "seed" / "000_7c2df4b2fcdfcb6a.txt"
    if not seed.exists():
        pytest.skip(f"the source article is missing at {seed}")
    seed_words = words(seed.read_text(encoding="utf-8"))
    for data in (RULES, ROOT / "data" / "decoder-eval.yml"):
        assert copied_runs(data.read_text(encoding="utf-8"), seed_words) == [], data.name
