"""The real thank-you template, written out by hand: the letter a reader gets from the examples, and every note of
its "check before sending" list. The values are literals, never computed by the code under test."""
from handbook.templates_model import example_values, fill, load_folder
from handbook.templates_render import render
from site_build import ROOT, parse_html

SUBJECT = "Thank you from Amina Rahman: pediatrics interview on January 14, 2027"

LETTER = """Dear Dr. Okafor,

Thank you for meeting with me during my interview at Riverside Children's Hospital Pediatrics Residency on \
January 14, 2027. I especially enjoyed our conversation about the advocacy curriculum and the continuity clinic in \
the city.

That conversation mattered to me because I hope to care for children in underserved communities. I left the day \
feeling that your program is a place where I could grow into a caring and skilled pediatrician.

Sincerely,
Amina Rahman, MBBS
AAMC ID: 12345678"""

CHECKS = [
    "Send it within 24 to 48 hours of your interview.",
    "Write one email to each person who interviewed you. Do not send the same text to all of them.",
    "Check the spelling of every name, and the program name.",
    "Read it once more for grammar. Short and clear is best.",
    "Do not ask where you are on their rank list.",
]

FIELDS = ["full_name", "degree", "aamc_id", "interviewer_name", "program_name", "interview_date", "program_feature",
          "personal_reason"]


def thank_you():
    return load_folder(ROOT / "snippets" / "templates", ROOT)["thank-you"]


def test_the_examples_fill_the_letter_word_for_word():
    template = thank_you()
    values = example_values(template)
    assert fill(template.subject, values) == SUBJECT
    assert fill(template.body, values) == LETTER


def test_the_model_keeps_every_check_and_field_in_order():
    template = thank_you()
    assert (template.kind, template.title) == ("email", "Thank-you email after an interview")
    assert list(template.checks) == CHECKS
    assert [field.key for field in template.all_fields] == FIELDS


def test_the_widget_shows_the_whole_check_list():
    soup = parse_html(render(thank_you()))
    checks = soup.select_one(".tpl-checks")
    assert checks.select_one(".tpl-checks-title").get_text() == "Check before sending (5 notes)"
    assert [li.get_text() for li in checks.select("li")] == CHECKS
    assert [control["data-field"] for control in soup.select("[data-field]")] == FIELDS


def test_the_built_page_shows_the_whole_check_list(site_dir):
    page = site_dir / "your-messages" / "etiquette-and-thank-you" / "index.html"
    widget = parse_html(page.read_text(encoding="utf-8")).select_one("section#template-thank-you")
    assert [li.get_text() for li in widget.select(".tpl-checks li")] == CHECKS
