"""Unit tests for the template engine (issue 3), without MkDocs: parsing, each build error at its file:line,
the no-JavaScript HTML, and embedding markers in a page."""
from __future__ import annotations

import dataclasses
import os
import pathlib
import shutil

import markdown
import pytest
from bs4 import BeautifulSoup

from handbook.frontmatter import SourceError, parse, read
from handbook.page_record import PageRecord
from handbook.templates_embed import TemplatesExtension, check_markers, find_markers, load_templates, unused
from handbook.templates_model import Field, Template, TemplateErrors, check_template, fill, load_folder, load_profile
from handbook.templates_render import render
from site_build import ROOT, parse_html

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "templates"
PROFILE = ROOT / "snippets" / "templates" / "_profile.yml"


def profile():
    return load_profile(PROFILE, "snippets/templates/_profile.yml")


def errors_of(text: str, path: str = "t/x.md", file_id: str = "x") -> list[str]:
    with pytest.raises(TemplateErrors) as caught:
        check_template(parse(text, path), file_id, profile())
    return [str(error) for error in caught.value.errors]


def fixture_errors(name: str) -> list[str]:
    file = FIXTURES / "bad" / f"{name}.md"
    return errors_of(file.read_text(encoding="utf-8"), f"bad/{name}.md", name)


def good():
    return load_folder(FIXTURES / "good", FIXTURES, profile_file=PROFILE)


# --- the six build errors the issue names, each from a fixture file ------------------------------------------


@pytest.mark.parametrize(
    "fixture, line, words",
    [
        ("placeholder-no-field", 15, "placeholder '{{interviewer_last_name}}' has no field"),
        ("unused-field", 9, "field 'program_name' is declared but never used"),
        ("unused-profile-field", 10, "profile field 'aamc_id' is declared but never used"),
        ("missing-key", 9, "missing required key 'label'"),
        ("unknown-type", 13, "unknown field type 'number'"),
    ],
)
def test_bad_template_stops_with_file_and_line(fixture, line, words):
    messages = fixture_errors(fixture)
    assert len(messages) == 1 and messages[0].startswith(f"bad/{fixture}.md:{line}: ") and words in messages[0], messages


def test_duplicate_id_names_both_files():
    with pytest.raises(TemplateErrors) as caught:
        load_folder(FIXTURES / "duplicate", FIXTURES, profile_file=PROFILE)
    messages = [str(error) for error in caught.value.errors]
    assert "duplicate/second-note.md:2: duplicate id 'first-note': duplicate/first-note.md uses it too" in messages


def test_page_naming_a_missing_template_stops_at_the_page_line():
    source = read(FIXTURES / "pages" / "unknown-template.md", "docs/unknown-template.md")
    _, errors = check_markers(source, good())
    [message] = [str(error) for error in errors]
    assert message == (
        "docs/unknown-template.md:13: no template 'no-such-template'; known templates: interview-thanks, spoken-answer")
    _, [error] = check_markers(parse("# Notes\n\n<!-- template: thanks -->\n", "docs/notes.md"), {})
    assert str(error) == "docs/notes.md:3: no template 'thanks'; known templates: none"


def test_same_template_twice_on_a_page_stops_and_fenced_examples_are_ignored():
    source = read(FIXTURES / "pages" / "twice.md", "docs/twice.md")
    embedded, errors = check_markers(source, good())
    assert embedded == ["interview-thanks"]
    assert [str(e) for e in errors] == [
        "docs/twice.md:13: template 'interview-thanks' is already on this page (line 7); embed each template once per page"
    ]


# --- further checks, written inline from the good fixture --------------------------------------------------

GOOD_TEXT = (FIXTURES / "good" / "interview-thanks.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, line, words",
    [
        ("id: interview-thanks", "id: Interview_Thanks", 2, "must be kebab-case"),
        ("kind: email", "kind: fax", 4, "unknown kind 'fax'"),
        ("title: Thank-you email after an interview\n", "", 1, "missing required key 'title'"),
        ('subject: "Thank you, {{full_name}}: interview on {{interview_date}}"\n', "", 1, "missing required key 'subject'"),
        ("kind: email", "kind: letter", 7, "a letter has no subject line"),
        ('subject: "Thank you, {{full_name}}', 'subject: "Thank you, {{ful_name}}', 7, "'{{ful_name}}' has no field"),
        ("profile: [full_name, visa_type]", "profile: [full_name, visa_type, shoe_size]", 8, "unknown profile field 'shoe_size'"),
        ("    example: J-1\n", "    example: F-1\n", 25, "the example 'F-1' is not one of the options"),
        ("    example: 2027-01-14", "    example: 14/01/2027", 19, "a date example is written YYYY-MM-DD"),
        ("  - key: visa\n", "  - key: Visa Type\n", 22, "must be snake_case"),
        ("  - key: visa\n", "  - key: full_name\n", 22, "'full_name' is a profile field"),
        ("checks:\n  - Send it within two days.\n", "checks: []\n", 29, "'checks' must be a list of at least one note"),
        ("Sincerely,", "Sincerely, {{full_name}", 37, "unmatched '{{'"),
        ("Sincerely,", "<b>Sincerely,</b>", 37, "remove the HTML '<b>'"),
        ("    required: false", "    required: maybe", 28, "'required' must be true or false"),
        ("moment: after-interview\n", "", 1, "missing required key 'moment'"),
        ("moment: after-interview", "moment: someday", 31, "unknown moment 'someday'; use one of: before-interviews,"),
        ("    example: 2027-01-14\n    type: date", "    example: soon\n    type: text", 20,
         "'interview_date' carries over between templates, so its type must be 'date'"),
    ],
)
def test_each_check_names_its_line(old, new, line, words):
    assert old in GOOD_TEXT
    messages = errors_of(GOOD_TEXT.replace(old, new), "t/interview-thanks.md", "interview-thanks")
    assert any(m.startswith(f"t/interview-thanks.md:{line}: ") and words in m for m in messages), messages


def test_id_must_equal_the_file_name():
    messages = errors_of(GOOD_TEXT, "t/thanks.md", "thanks")
    assert messages == ["t/thanks.md:2: id 'interview-thanks' must equal the file name 'thanks'"]


def test_every_problem_in_a_file_is_reported_at_once():
    broken = GOOD_TEXT.replace("kind: email", "kind: fax").replace("type: date", "type: when")
    assert len(errors_of(broken, "t/interview-thanks.md", "interview-thanks")) >= 2


def test_body_lines_count_blank_lines_after_the_front_matter():
    text = GOOD_TEXT.replace("---\nDear", "---\n\n\nDear").replace("Dear Dr.", "Dear Dr. {{nobody}}")
    assert errors_of(text, "t/interview-thanks.md", "interview-thanks")[0].startswith("t/interview-thanks.md:35: ")


# --- a good template: parsed, rendered, filled ---------------------------------------------------------------


def test_good_fixtures_parse_with_profile_first():
    templates = good()
    assert sorted(templates) == ["interview-thanks", "spoken-answer"]
    thanks = templates["interview-thanks"]
    assert [f.key for f in thanks.all_fields] == ["full_name", "visa_type", "interviewer_last_name", "interview_date", "visa"]
    assert thanks.fields[1].example == "2027-01-14" and thanks.fields[2].options == ("J-1", "H-1B")


def widget(template) -> BeautifulSoup:
    return parse_html(render(template))


def test_rendered_widget_reads_as_the_letter_without_javascript():
    thanks = good()["interview-thanks"]
    soup = widget(thanks)
    root = soup.select_one("section.tpl")
    assert root["data-template"] == "interview-thanks" and root["id"] == "template-interview-thanks"
    labels = {f.key: f"[{f.label}]" for f in thanks.all_fields}
    assert soup.select_one("[data-template-output]").get_text() == fill(thanks.body, labels)
    assert soup.select_one("[data-template-subject]").get_text() == fill(thanks.subject, labels)
    assert soup.select_one("mark.tpl-slot[data-slot=interviewer_last_name]").get_text() == "[Interviewer's last name]"
    # The form and buttons exist for the script to start, but stay hidden without it.
    assert soup.select_one("[data-template-form]").has_attr("hidden")
    assert soup.select_one("[data-template-actions]").has_attr("hidden")


def test_spoken_widget_has_no_subject_and_no_mail_button():
    soup = widget(good()["spoken-answer"])
    assert soup.select("[data-template-subject]") == [] and soup.select('[data-action="mail"]') == []
    assert soup.select('[data-action="copy"]') and soup.select('[data-action="download"]')


def test_template_text_is_escaped():
    text = GOOD_TEXT.replace("title: Thank-you email after an interview", "title: Thanks & <b>more</b>")
    template = check_template(parse(text, "t.md"), "interview-thanks", profile())
    html = render(template)
    assert "Thanks &amp; &lt;b&gt;more&lt;/b&gt;" in html and "<b>" not in html


def test_markers_survive_markdown_even_inside_an_admonition():
    """The extension alone, through Python-Markdown, with no MkDocs: each marker becomes its widget, whole."""
    page = '# T\n\n!!! tip "Try it"\n    <!-- template: spoken-visa-needs -->\n\nText.\n<!-- template: thank-you -->\n'
    md = markdown.Markdown(extensions=["admonition", "handbook.templates_embed"],
                           extension_configs={"handbook.templates_embed": {"folder": str(ROOT / "snippets" / "templates")}})
    page_html = md.convert(page)
    soup = parse_html(page_html)
    assert [s["data-template"] for s in soup.select("section.tpl")] == ["spoken-visa-needs", "thank-you"]
    assert soup.select_one(".admonition section.tpl")["data-template"] == "spoken-visa-needs"
    assert soup.select_one("#template-thank-you [data-template-output]") is not None
    assert "<!--" not in page_html and soup.select_one("p section") is None


def test_a_template_on_no_page_is_reported():
    errors = unused(good(), set())
    assert [str(e) for e in errors] == [
        "good/interview-thanks.md:1: template 'interview-thanks' is on no page; add `<!-- template: interview-thanks -->` to one",
        "good/spoken-answer.md:1: template 'spoken-answer' is on no page; add `<!-- template: spoken-answer -->` to one",
    ]
    assert unused(good(), {"interview-thanks", "spoken-answer"}) == []


def test_markers_in_fenced_code_are_not_markers():
    text = "a\n~~~\n<!-- template: x -->\n~~~\n  <!-- template: y -->\n"
    assert find_markers(text.splitlines()) == [(4, "y")]


def test_the_extension_records_the_feature_and_the_ids_its_widgets_add():
    """MkDocs checks `page.md#template-<id>` links against ids it saw; the widgets are stashed, so the page record
    tells it (hooks/page_record.py passes the record on)."""
    record = PageRecord()
    md = markdown.Markdown(extensions=["handbook.templates_embed"], extension_configs={"handbook.templates_embed": {
        "folder": str(ROOT / "snippets" / "templates"), "record": record}})
    md.convert("# T\n\n<!-- template: thank-you -->\n\n<!-- template: visa-inquiry -->\n")
    assert record.features == {"templates"}
    assert record.anchors == {"template-thank-you", "template-visa-inquiry"}
    assert record.stylesheets() == ["assets/css/template-filler.css"]


# The widget's markup is the contract template-filler.js and the print styles read: written out by hand, for a small
# email with one profile field, one program field (a date) and one optional choice of its own.
NAME = Field("full_name", "Your full name", "As on ERAS.", "Amina Rahman", "text", True)
DATE = Field("interview_date", "Interview date", "The day you met.", "2027-01-14", "date", True)
VISA = Field("visa", "Visa", "One the program sponsors.", "J-1", "choice", False, ("J-1", "H-1B"))
SMALL = Template(
    id="small", path="t/small.md", title="A <small> note", kind="email", moment="after-interview",
    use_when="After a talk.", avoid_when="Never on weekends & holidays.", subject="Thanks, {{full_name}}",
    profile=(NAME,), fields=(DATE, VISA), checks=("Check the name.", "Check the date."),
    confirm="I checked it.", body="Dear team,\n\nWe met on {{interview_date}} about the {{visa}}.\n{{full_name}}",
)

SMALL_HTML = """\
<section class="tpl tpl--email" data-template="small" id="template-small" aria-labelledby="template-small-title">
<h3 class="tpl-title" id="template-small-title">A &lt;small&gt; note <span class="tpl-kind" data-search-exclude>Email</span></h3>
<dl class="tpl-when">
<dt data-search-exclude>Use it when</dt><dd>After a talk.</dd>
<dt data-search-exclude>Do not use it when</dt><dd>Never on weekends &amp; holidays.</dd>
</dl>
<details class="tpl-checks"><summary class="tpl-checks-title" data-search-exclude>Check before sending (2 notes)</summary><ul><li>Check the name.</li><li>Check the date.</li></ul></details>
<form class="tpl-form" data-template-form hidden id="template-small-form" data-search-exclude>
<fieldset class="tpl-profile"><legend>Your details</legend>
<p class="tpl-note">Typed once, used by every template while this tab is open.</p>
<div class="tpl-field"><label for="template-small-full_name">Your full name</label><span class="tpl-hint" id="template-small-full_name-hint">As on ERAS.</span><input type="text" id="template-small-full_name" name="full_name" data-field="full_name" aria-describedby="template-small-full_name-hint" data-profile required dir="auto" autocomplete="name" placeholder="e.g. Amina Rahman"></div>
<div class="tpl-remember">
<label class="tpl-check" for="template-small-remember"><input type="checkbox" id="template-small-remember" data-template-remember aria-describedby="template-small-remember-note"> Remember my details on this device</label>
<p class="tpl-hint" id="template-small-remember-note">This saves only “Your details” above, in this browser on this device, until you untick it or tap Forget; nothing is sent anywhere.</p>
<button type="button" class="md-button" id="template-small-forget" data-action="forget" aria-expanded="false" aria-controls="template-small-forget-confirm">Forget my details</button>
<div class="tpl-forget-confirm" id="template-small-forget-confirm" data-template-forget-confirm hidden>
<p>Clear your details from every template, and from this device?</p>
<button type="button" class="md-button" data-action="forget-yes">Yes, forget them</button>
<button type="button" class="md-button" data-action="forget-no">Keep them</button>
</div>
<p class="tpl-forget-message" data-template-forget-message role="status"></p>
</div>
</fieldset>
<fieldset><legend>This email</legend>
<div class="tpl-field"><label for="template-small-interview_date">Interview date</label><span class="tpl-hint" id="template-small-interview_date-hint">The day you met.</span><input type="date" id="template-small-interview_date" name="interview_date" data-field="interview_date" aria-describedby="template-small-interview_date-hint" data-program required><output class="tpl-date" for="template-small-interview_date" data-date-for="interview_date"></output></div>
<div class="tpl-field"><label for="template-small-visa">Visa <span class="tpl-optional">(optional)</span></label><span class="tpl-hint" id="template-small-visa-hint">One the program sponsors.</span><select id="template-small-visa" name="visa" data-field="visa" aria-describedby="template-small-visa-hint"><option value="">Choose…</option><option>J-1</option><option>H-1B</option></select></div>
</fieldset>
</form>
<div class="tpl-actions" data-template-actions hidden id="template-small-actions" data-search-exclude>
<label class="tpl-check tpl-confirm" for="template-small-confirm"><input type="checkbox" id="template-small-confirm" data-template-confirm> I checked it.</label>
<button type="button" class="md-button md-button--primary" data-action="copy" id="template-small-copy">Copy body</button>
<button type="button" class="md-button" data-action="copy-subject" id="template-small-copy-subject">Copy subject</button>
<a class="md-button" data-action="mail" id="template-small-mail" href="mailto:">Open in mail app</a>
<button type="button" class="md-button" data-action="download" id="template-small-download">Download .txt</button>
<p class="tpl-message" data-template-message id="template-small-message" role="status"></p>
</div>
<div class="tpl-preview" id="template-small-preview">
<p class="tpl-status" data-template-status hidden id="template-small-status" aria-live="polite" data-search-exclude></p>
<p class="tpl-subject"><span class="tpl-subject-label" data-search-exclude>Subject:</span> <span data-template-subject>Thanks, <mark class="tpl-slot" data-slot="full_name" data-label="Your full name">[Your full name]</mark></span></p>
<div class="tpl-output" data-template-output id="template-small-output">Dear team,

We met on <mark class="tpl-slot" data-slot="interview_date" data-label="Interview date">[Interview date]</mark> about the<span data-optional-part data-lead=" "> <mark class="tpl-slot" data-slot="visa" data-label="Visa" data-optional>[Visa]</mark></span>.
<mark class="tpl-slot" data-slot="full_name" data-label="Your full name">[Your full name]</mark></div>
</div>
</section>"""


def test_the_widget_markup_written_out_for_a_small_email():
    assert render(SMALL) == SMALL_HTML


def test_a_spoken_template_has_no_subject_no_mail_button_and_its_own_words():
    spoken = dataclasses.replace(SMALL, kind="spoken", subject=None, confirm=None, profile=(), fields=(VISA,),
                                 body="I will ask about the{{visa}}.")
    html = render(spoken)
    assert '<span class="tpl-kind" data-search-exclude>What to say</span>' in html
    assert ">Check before you speak (2 notes)</summary>" in html
    assert "<fieldset><legend>This answer</legend>" in html and "Your details" not in html
    assert 'Copy text</button>' in html and "copy-subject" not in html and "mailto:" not in html
    assert "tpl-confirm" not in html and "data-template-subject" not in html
    # An optional slot right after a word has no white space to take with it.
    assert ('I will ask about the<span data-optional-part data-lead=""><mark class="tpl-slot" data-slot="visa" '
            'data-label="Visa" data-optional>[Visa]</mark></span>.') in html


def test_a_letter_with_no_fields_of_its_own_has_no_second_fieldset():
    letter = dataclasses.replace(SMALL, kind="letter", fields=(), body="Yours, {{full_name}}")
    html = render(letter)
    assert "tpl--letter" in html and ">Letter</span>" in html and "<legend>This" not in html
    assert 'Copy body</button>' in html and "Open in mail app" in html


def test_a_page_built_from_the_project_root_finds_the_templates_with_no_options(monkeypatch):
    monkeypatch.chdir(ROOT)
    page_html = markdown.markdown("<!-- template: thank-you -->\n", extensions=["handbook.templates_embed"])
    assert parse_html(page_html).select_one("section.tpl")["data-template"] == "thank-you"


def test_an_unknown_marker_stops_the_extension_at_its_line():
    with pytest.raises(TemplateErrors) as caught:
        markdown.markdown("# T\n\n<!-- template: nope -->\n", extensions=[
            TemplatesExtension(folder=str(ROOT / "snippets" / "templates"))])
    assert str(caught.value) == "page:3: no template 'nope'"


def test_an_edited_template_is_read_again(tmp_path):
    """`make serve` keeps running: after an edit, the page shows the new text, not a cached copy."""
    folder = tmp_path / "snippets" / "templates"
    shutil.copytree(FIXTURES / "good", folder)
    shutil.copy(PROFILE, folder)
    assert load_templates(folder)["spoken-answer"].title == "What to say when asked where you will rank"
    file = folder / "spoken-answer.md"
    file.write_text(file.read_text(encoding="utf-8").replace("title: What to say", "title: How to answer"),
                    encoding="utf-8")
    os.utime(file, ns=(file.stat().st_atime_ns, file.stat().st_mtime_ns + 1_000_000_000))
    assert load_templates(folder)["spoken-answer"].title == "How to answer when asked where you will rank"


# --- each build error of a template source, written out in full, at the line a writer must fix ---------------------

BASE = """---
id: x
title: A note
kind: email
moment: any-time
use_when: Any time.
avoid_when: Never.
subject: "Hello {{full_name}}"
profile: [full_name]
fields:
  - label: City
    key: city
    hint: Where.
    example: Boston
    type: text
    required: true
checks:
  - Check it.
---
Dear {{city}}, from {{full_name}}.
"""


@pytest.mark.parametrize("old, new, expected", [
    ('subject: "Hello {{full_name}}"', 'subject: "  "', ["t/x.md:8: 'subject' must be a non-empty text"]),
    ('subject: "Hello {{full_name}}"\n', "", ["t/x.md:1: missing required key 'subject' (every email has a subject line)"]),
    ("kind: email", "kind: letter", ["t/x.md:8: a letter has no subject line; remove 'subject'"]),
    ("kind: email", "kind: spoken", ["t/x.md:8: a spoken has no subject line; remove 'subject'"]),
    ("    key: city", "    key: full_name", ["t/x.md:12: field 'full_name' is a profile field; list it under 'profile'",
                                          "t/x.md:20: placeholder '{{city}}' has no field; declare it in 'fields' or 'profile'"]),
    ("checks:\n  - Check it.\n", "", ["t/x.md:1: missing required key 'checks'"]),
    ("checks:\n  - Check it.\n", "checks:\n", ["t/x.md:17: missing required key 'checks'"]),  # present, but empty
    ("title: A note", "title:", ["t/x.md:3: missing required key 'title'"]),
    ("  - Check it.", "  - Check it.\n  - '  '", ["t/x.md:17: 'checks' must be a list of at least one note"]),
    ("Dear {{city}}, from", "Dear friend, from", ["t/x.md:12: field 'city' is declared but never used"]),
    # The subject still uses full_name.
    ("\nDear {{city}}, from {{full_name}}.\n", "\n\n   \n",
     ["t/x.md:20: the template has no body text", "t/x.md:12: field 'city' is declared but never used"]),
    # Blank and blank-looking lines above the body still count: the tag is on file line 22.
    ("\nDear {{city}}", "\n\n  \nDear <b>{{city}}", ["t/x.md:22: the body is plain text; remove the HTML '<b>'"]),
])
def test_each_template_error_in_full(old, new, expected):
    assert old in BASE
    assert errors_of(BASE.replace(old, new, 1)) == expected


def test_fields_that_are_no_list_stop_the_build_and_a_template_may_have_none():
    errors = errors_of(BASE.replace("fields:\n", "fields: city\nnot_fields:\n", 1))
    assert errors[0] == "t/x.md:10: 'fields' must be a list"
    no_fields = BASE[:BASE.index("fields:")] + BASE[BASE.index("checks:"):]
    template = check_template(parse(no_fields.replace("Dear {{city}}", "Dear all"), "t/x.md"), "x", profile())
    assert template.fields == () and template.body == "Dear all, from {{full_name}}."


def test_a_missing_value_keeps_its_placeholder_as_written():
    assert fill("Dear {{ name }}, see you in {{city}}.", {"city": "Boston"}) == "Dear {{ name }}, see you in Boston."


def test_many_errors_read_one_a_line():
    errors = TemplateErrors([SourceError("a.md", 1, "first"), SourceError("b.md", 2, "second")])
    assert str(errors) == "a.md:1: first\nb.md:2: second"


@pytest.mark.parametrize("profile_text, expected", [
    ("# shared details\nfields: none\n", ["t/_profile.yml:2: needs 'fields': a list of profile fields"]),
    ("# shared details\nfields: []\n", ["t/_profile.yml:2: needs 'fields': a list of profile fields"]),
    ("# shared details\nfields:\n  - key: city\n    label: City\n    hint: Where.\n    example: Boston\n    type: text\n",
     ["t/_profile.yml:3: field city: missing required key 'required'"]),
])
def test_a_broken_profile_file_says_where(tmp_path, profile_text, expected):
    (tmp_path / "_profile.yml").write_text(profile_text, encoding="utf-8")
    with pytest.raises(TemplateErrors) as caught:
        load_profile(tmp_path / "_profile.yml", "t/_profile.yml")
    assert [str(error) for error in caught.value.errors] == expected


def test_a_folder_reports_every_broken_file_and_skips_drafts(tmp_path):
    (tmp_path / "_profile.yml").write_text("fields: []\n", encoding="utf-8")
    (tmp_path / "_draft.md").write_text("not a template at all\n", encoding="utf-8")
    for name in ("a", "b"):
        (tmp_path / f"{name}.md").write_text(f"---\nid: {name}\n", encoding="utf-8")
    for name in ("c", "d"):
        (tmp_path / f"{name}.md").write_text(BASE.replace("id: x", f"id: {name}").replace("[full_name]", "[]"),
                                             encoding="utf-8")
    with pytest.raises(TemplateErrors) as caught:
        load_folder(tmp_path, tmp_path.parent)
    folder = tmp_path.name
    messages = [str(error) for error in caught.value.errors]
    assert messages[:3] == [
        f"{folder}/_profile.yml:1: needs 'fields': a list of profile fields",
        f"{folder}/a.md:1: front matter starts with '---' but never ends with '---'",
        f"{folder}/b.md:1: front matter starts with '---' but never ends with '---'",
    ]
    # With no profile, {{full_name}} is an unknown placeholder in both c and d (subject and body: two each).
    assert [message.split(":")[0] for message in messages[3:]] == [f"{folder}/{name}.md" for name in "ccdd"]
