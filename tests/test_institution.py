"""A school's own copy (issue 9): the institution file is checked key by key, and a branded build names the school's
office wherever the handbook sends readers to it; a plain build keeps the generic words."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import urllib.parse

import markdown
import pytest

from handbook.check import check_project
from handbook.frontmatter import SourceError
from handbook.institution import load, office_html, with_office_html
from handbook.print_downloads import MARGINS
from site_build import ROOT, SiteServer, html_pages, mkdocs_build, parse_html

SAMPLE = ROOT / "tests" / "fixtures" / "institution" / "institution-sample.yml"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
OFFICE, EMAIL, SCHOOL = "Office of Student Affairs", "student-affairs@example.edu", "Example University School of Medicine"


def test_the_sample_institution_loads():
    school = load(SAMPLE)
    assert (school.school_name, school.office_name, school.email) == (SCHOOL, OFFICE, EMAIL)
    assert school.logo.is_file() and school.logo_url == "assets/institution/example-logo.svg"


def test_office_card_treats_every_value_as_text(tmp_path):
    file = tmp_path / "i.yml"
    file.write_text(SAMPLE_TEXT.replace("Office of Student Affairs", "<script>alert(1)</script> مكتب").replace(
        "logo: example-logo.svg\n", ""), encoding="utf-8")
    card = office_html(load(file))
    assert "<script>" not in card and "&lt;script&gt;alert(1)&lt;/script&gt; مكتب" in card


def test_no_institution_means_no_card():
    assert office_html(None) == ""


@pytest.mark.parametrize("change, line, words", [
    (("hours:", "opening_hours:"), 7, "'opening_hours': unknown key"),
    (("student-affairs@example.edu", "student-affairs at example"), 5, "'email': 'student-affairs at example' is not"),
    (("https://example.edu/student-affairs", "example.edu/advising"), 6, "'web_address': 'example.edu/advising' is not"),
    (("logo: example-logo.svg", "logo: missing.png"), 8, "'logo': no file at 'missing.png'"),
    (("logo: example-logo.svg", "logo: https://cdn.example.edu/logo.png"), 8, "'logo': must be a local file"),
    (("office_name: Office of Student Affairs\n", ""), 1, "'office_name': missing"),
    (("school_name: Example University School of Medicine", "school_name: [a, b]"), 3, "'school_name': must be one"),
])
def test_a_malformed_institution_file_names_the_key(tmp_path, change, line, words):
    shutil.copy(SAMPLE.parent / "example-logo.svg", tmp_path)
    file = tmp_path / "institution.yml"
    file.write_text(SAMPLE_TEXT.replace(*change), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load(file)
    assert str(caught.value).startswith(f"{file}:{line}: {words}")


KEYS = "school_name, office_name, email, web_address, hours, logo"
IMAGES = ".gif, .jpeg, .jpg, .png, .svg, .webp"


@pytest.mark.parametrize("old, new, message", [
    ("hours:", "opening_hours:", "7: 'opening_hours': unknown key; the keys are " + KEYS),
    ("office_name: Office of Student Affairs\n", "",
     "1: 'office_name': missing; an institution file needs school_name, office_name, email, web_address, hours"),
    ("hours: Monday", "hours: |\n  Monday\n  or", "7: 'hours': must be one line of text, up to 200 characters"),
    (f"school_name: {SCHOOL}", "school_name: '   '", "3: 'school_name': must be one line of text, up to 200 characters"),
    ("school_name: Example", "school_name: " + "x" * 163 + " Example", "3: 'school_name': must be one line of text, up to 200 characters"),
    ("email: student-affairs@example.edu", "email: advising@example",
     "5: 'email': 'advising@example' is not an email address like advising@example.edu"),
    ("email: student-affairs@example.edu", "email: advising@example.edu.",
     "5: 'email': 'advising@example.edu.' is not an email address like advising@example.edu"),
    ("https://example.edu/student-affairs", "ftp://example.edu/advising",
     "6: 'web_address': 'ftp://example.edu/advising' is not a web address like https://example.edu/advising"),
    ("https://example.edu/student-affairs", "https:///advising",
     "6: 'web_address': 'https:///advising' is not a web address like https://example.edu/advising"),
    ("https://example.edu/student-affairs", "https://example.edu/a<b",
     "6: 'web_address': 'https://example.edu/a<b' is not a web address like https://example.edu/advising"),
    ("logo: example-logo.svg", "logo: ''", "8: 'logo': must be the path of a local image file"),
    ("logo: example-logo.svg", "logo: HTTPS://cdn.example.edu/logo.png",
     "8: 'logo': must be a local file: the site loads nothing from other addresses"),
    ("logo: example-logo.svg", "logo: //cdn.example.edu/logo.png",
     "8: 'logo': must be a local file: the site loads nothing from other addresses"),
    ("logo: example-logo.svg", "logo: institution.yml", f"8: 'logo': 'institution.yml' is not an image; use one of {IMAGES}"),
    ("logo: example-logo.svg", "logo: missing.png", "8: 'logo': no file at 'missing.png' (paths are relative to the institution file)"),
])
def test_each_institution_file_mistake_gets_its_whole_message(tmp_path, old, new, message):
    shutil.copy(SAMPLE.parent / "example-logo.svg", tmp_path)
    file = tmp_path / "institution.yml"
    file.write_text(SAMPLE_TEXT.replace(old, new), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load(file)
    assert str(caught.value) == f"{file}:{message}"


@pytest.mark.parametrize("text, message", [
    (None, "1: institution file not found (INSTITUTION names it)"),
    ("school_name: \x07\n", "1: not valid YAML: unacceptable character #x0007: special characters are not allowed\n"
     '  in "<unicode string>", position 13'),
    ("school_name: x\non: Monday\n", "1: 'True': unknown key; the keys are " + KEYS),  # YAML reads `on` as true
    ("school_name: [a\n", "2: not valid YAML: expected ',' or ']', but got '<stream end>'"),
    ("- school_name\n", "1: an institution file is a mapping with the keys " + KEYS),
])
def test_a_missing_or_unreadable_institution_file_is_named(tmp_path, text, message):
    file = tmp_path / "institution.yml"
    if text is not None:
        file.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load(file)
    assert str(caught.value) == f"{file}:{message}"


def test_values_are_trimmed_and_a_logo_may_be_in_capitals_and_without_one_there_is_none(tmp_path):
    shutil.copy(SAMPLE.parent / "example-logo.svg", tmp_path / "Logo.SVG")
    file = tmp_path / "institution.yml"
    file.write_text(SAMPLE_TEXT.replace("logo: example-logo.svg", "logo: ' Logo.SVG '").replace(
        "hours: Monday to Friday, 9 am to 5 pm (US Eastern time)",
        "hours: '  Monday to Friday, 9 am to 5 pm (US Eastern time) '").replace("web_address: https", "web_address: http").replace(
        "/student-affairs", "/Xavier-Hall").replace(
        "school_name: Example", "school_name: " + "x" * 162 + " Example"), encoding="utf-8")
    school = load(file)
    assert school.hours == "Monday to Friday, 9 am to 5 pm (US Eastern time)"
    assert school.web_address == "http://example.edu/Xavier-Hall" and len(school.school_name) == 200
    assert (school.logo, school.logo_url) == (tmp_path / "Logo.SVG", "assets/institution/Logo.SVG")
    file.write_text(SAMPLE_TEXT.replace("logo: example-logo.svg\n", ""), encoding="utf-8")
    assert (load(file).logo, load(file).logo_url) == (None, None)


def test_the_office_card_gives_every_contact_detail():
    assert office_html(load(SAMPLE)) == (
        f'<div class="school-office" data-school-office><p class="school-office__name">At {SCHOOL}, ask the '
        f'<strong>{OFFICE}</strong>.</p><ul class="school-office__contact">'
        f'<li>Email: <a href="mailto:{EMAIL}">{EMAIL}</a></li>'
        '<li>Web: <a href="https://example.edu/student-affairs">https://example.edu/student-affairs</a></li>'
        "<li>Hours: Monday to Friday, 9 am to 5 pm (US Eastern time)</li></ul></div>")


def test_template_notes_name_each_office_word_and_leave_unknown_ones():
    assert with_office_html("\"Ask\" {{ school.office }}, {{ school.phone }} or {{school.office}} <b>'s'</b>", None) == (
        '"Ask" <span class="school-office-mention">your dean\'s office</span>, {{ school.phone }} or '
        '<span class="school-office-mention">your dean\'s office</span> &lt;b&gt;\'s\'&lt;/b&gt;')


def inline(text: str, institution=None) -> str:
    return markdown.markdown(text, extensions=["handbook.school_office"],
                             extension_configs={"handbook.school_office": {"institution": institution or ""}})


def test_the_office_is_named_inline_as_text_never_markup(tmp_path):
    file = tmp_path / "i.yml"
    school = SAMPLE_TEXT.replace("Office of Student Affairs", "Office of _Student_ <script>x</script> Affairs")
    file.write_text(school.replace("logo: example-logo.svg\n", ""), encoding="utf-8")
    html = inline("Ask {{ school.office }} first.", load(file))
    assert "<script>" not in html and "<em>" not in html  # "_Student_" stays as typed
    assert ('Ask <span class="school-office-mention">the <a href="/help/who-can-help.md#your-school">Office of _Student_ '
            f'&lt;script&gt;x&lt;/script&gt; Affairs</a> at {SCHOOL} (<a href="mailto:{EMAIL}">{EMAIL}</a>)</span> '
            "first.") in html


def test_the_generic_handbook_says_your_deans_office_and_code_stays_code():
    assert inline("Ask {{school.office}} first.") == (
        '<p>Ask <span class="school-office-mention">your <a href="/glossary.md#dean-s-office">dean\'s office</a></span>'
        " first.</p>")
    assert "{{ school.office }}</code>" in inline("Write `{{ school.office }}` in a page.")
    assert "{{ school.phone }}" in inline("Call {{ school.phone }}.")  # unknown: left as typed, the check names it


def test_template_notes_name_the_office_without_page_links():
    note = "If unsure, talk to {{ school.office }} & a mentor."
    assert with_office_html(note, None) == (
        'If unsure, talk to <span class="school-office-mention">your dean\'s office</span> &amp; a mentor.')
    assert with_office_html(note, load(SAMPLE)) == (
        f'If unsure, talk to <span class="school-office-mention">the {OFFICE} at {SCHOOL} '
        f'(<a href="mailto:{EMAIL}">{EMAIL}</a>)</span> &amp; a mentor.')


def test_an_unknown_school_word_stops_the_check_at_its_line(project_copy):
    faq = project_copy / "docs" / "faq.md"
    lines = faq.read_text(encoding="utf-8").splitlines() + ["", "Call {{ school.phone }} today."]
    faq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    template = project_copy / "snippets" / "templates" / "pre-match-follow-up.md"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "talk to {{ school.office }} or a mentor you trust", "talk to {{ school.dean }}"), encoding="utf-8")
    messages = [str(error) for error in check_project(project_copy)]
    assert f"docs/faq.md:{len(lines)}: no '{{{{ school.phone }}}}'; the school's words are: {{{{ school.office }}}}" in messages
    assert any(m.startswith("snippets/templates/pre-match-follow-up.md:") and "'{{ school.dean }}'" in m for m in messages)


def build_handbook(site_dir, institution: str | None) -> subprocess.CompletedProcess:
    return mkdocs_build(site_dir, INSTITUTION=institution or None)


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("branded")
    result = build_handbook(site, str(SAMPLE))
    assert result.returncode == 0, result.stderr
    return site


TOKEN = "{{ school.office }}"
SNIPPET = re.compile(r'^\s*--8<-- "(?P<name>[^"]+)"', re.MULTILINE)
TEMPLATE = re.compile(r"<!-- template: (?P<id>[a-z0-9-]+) -->")
# Words that send readers to their own school in general; a branded copy names its office instead.
GENERIC_WORDS = ("your dean's office", "your school's office", "dean's or career office", "your advisor", "an advisor first")


def school_mentions_by_page() -> dict[str, int]:
    """How many times each page sends readers to their own school's office, counted from the sources: the token in
    the page, in the snippets it includes, in the notes of the templates it shows, and in the decoder's texts."""
    snippets, templates = ROOT / "snippets", ROOT / "snippets" / "templates"
    decoder = (ROOT / "data" / "decoder-rules.yml").read_text(encoding="utf-8").count(TOKEN)
    counts = {}
    for path in (ROOT / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        count = text.count(TOKEN)
        count += sum((snippets / m["name"]).read_text(encoding="utf-8").count(TOKEN) for m in SNIPPET.finditer(text))
        count += sum((templates / f"{m['id']}.md").read_text(encoding="utf-8").split("\n---\n")[0].count(TOKEN)
                     for m in TEMPLATE.finditer(text))
        count += decoder if "<!-- decoder: guide -->" in text else 0
        if count:
            counts[path.relative_to(ROOT / "docs").with_suffix("").as_posix()] = count
    return counts


def built(site, page: str):
    path = site / ("index.html" if page == "index" else page.removesuffix("/index") + "/index.html")
    return parse_html(path.read_text(encoding="utf-8"))


def address(page: str, href: str) -> str:
    """Where a link on the built page points, from the site root."""
    return urllib.parse.urljoin("/" if page == "index" else f"/{page.removesuffix('/index')}/", href)


def plain_words(soup) -> str:
    return " ".join(soup.get_text().replace("\u2019", "'").split())


def test_the_sources_send_readers_to_their_school_from_many_pages():
    mentions = school_mentions_by_page()
    assert len(mentions) >= 15 and sum(mentions.values()) >= 25, mentions
    for page in ("faq", "handout", "tools/decoder", "scenarios/call-hints-at-pre-match", "help/who-can-help"):
        assert page in mentions, page


def pages_with_the_office_card() -> list[str]:
    """Every page that includes the shared "ask an advisor" snippet, and the glossary's dean's office entry."""
    pages = {path for path in (ROOT / "docs").rglob("*.md") if "ask-an-advisor.md" in path.read_text(encoding="utf-8")}
    return sorted(path.relative_to(ROOT / "docs").with_suffix("").as_posix() for path in pages | {ROOT / "docs" / "glossary.md"})


def test_a_branded_copy_shows_the_office_card_with_its_contact_details(branded_site):
    pages = pages_with_the_office_card()
    assert len(pages) >= 5
    for page in pages:
        cards = built(branded_site, page).select("[data-school-office]")
        assert len(cards) >= 1, f"{page} sends readers to their school's office but does not show its card"
        text = " ".join(cards[0].get_text().split())
        assert SCHOOL in text and OFFICE in text and EMAIL in text and "9 am to 5 pm" in text, page
        assert cards[0].select_one(f'a[href="mailto:{EMAIL}"]') and cards[0].select_one(
            'a[href="https://example.edu/student-affairs"]')


def test_a_branded_copy_names_the_office_wherever_a_sentence_sends_readers_to_it(branded_site):
    for page, expected in school_mentions_by_page().items():
        mentions = built(branded_site, page).select(".school-office-mention")
        assert len(mentions) == expected, f"{page}: {len(mentions)} of {expected} mentions name the office"
        for mention in mentions:
            words = " ".join(mention.get_text().split())
            assert words == f"the {OFFICE} at {SCHOOL} ({EMAIL})", page
            assert mention.select_one(f'a[href="mailto:{EMAIL}"]').get_text() == EMAIL
            office = mention.find("a", string=OFFICE)  # the template notes cannot link a page, the prose does
            assert office is None or address(page, office["href"]) == "/help/who-can-help/#your-school", page


def test_no_page_of_a_branded_copy_keeps_the_generic_words(branded_site):
    for path in html_pages(branded_site):
        text = plain_words(parse_html(path.read_text(encoding="utf-8"))).lower()
        assert not [words for words in GENERIC_WORDS if words in text], path


def test_the_print_book_of_a_branded_copy_names_the_office(branded_site):
    book = built(branded_site, "print")
    mentions = book.select(".school-office-mention")
    not_in_book = {"handout", "tools/decoder", "tools/tracker"}  # the book leaves out the handout and the tools
    assert len(mentions) == sum(n for page, n in school_mentions_by_page().items() if page not in not_in_book)
    assert all(OFFICE in mention.get_text() for mention in mentions)


def test_a_branded_copy_sends_programs_the_same_letters(branded_site, site_dir):
    for page in sorted(p for p in school_mentions_by_page() if TEMPLATE.search((ROOT / "docs" / f"{p}.md").read_text(
            encoding="utf-8"))):
        plain = [str(letter) for letter in built(site_dir, page).select("[data-template-output], [data-template-subject]")]
        branded = [str(letter) for letter in built(branded_site, page).select(
            "[data-template-output], [data-template-subject]")]
        assert plain and branded == plain and OFFICE not in "".join(branded), page


def test_a_branded_copy_shows_its_host_and_logo_in_every_footer(branded_site):
    assert (branded_site / "assets" / "institution" / "example-logo.svg").is_file()
    for page in html_pages(branded_site):
        host = parse_html(page.read_text(encoding="utf-8")).select_one(".md-footer .handbook-host")
        assert host and SCHOOL in host.get_text(), page
        src = host.select_one("img")["src"]
        target = branded_site / src.lstrip("/") if src.startswith("/") else page.parent / src  # 404.html: absolute
        assert target.resolve() == (branded_site / "assets/institution/example-logo.svg").resolve(), page


def test_a_plain_build_keeps_the_generic_words(site_dir):
    for page, expected in school_mentions_by_page().items():
        soup = built(site_dir, page)
        mentions = soup.select(".school-office-mention")
        assert [mention.get_text() for mention in mentions] == ["your dean's office"] * expected, page
        for link in (mention.find("a") for mention in mentions):
            assert link is None or address(page, link["href"]) == "/glossary/#dean-s-office", page
    for page in pages_with_the_office_card():
        soup = built(site_dir, page)
        assert soup.select("[data-school-office]") == [] and soup.select(".handbook-host") == []
        assert "dean's office" in plain_words(soup).lower(), page
    assert not (site_dir / "assets" / "institution").exists()


@pytest.mark.slow  # builds the whole handbook
def test_a_malformed_institution_file_stops_the_build(tmp_path):
    shutil.copy(SAMPLE.parent / "example-logo.svg", tmp_path)
    bad = tmp_path / "institution.yml"
    bad.write_text(SAMPLE_TEXT.replace("student-affairs@example.edu", "not-an-email"), encoding="utf-8")
    result = build_handbook(tmp_path / "site", str(bad))
    assert result.returncode != 0
    assert f"{bad}:5: 'email': 'not-an-email' is not an email address" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_branded_handout_still_prints_on_one_sheet(branded_site, page, paper):
    """The school's longer name and the footer's host line must not push the handout onto a second sheet."""
    from pypdf import PdfReader

    with SiteServer(branded_site) as server:
        page.goto(server.origin + "/handout/")
        page.emulate_media(media="print")
        pdf = page.pdf(format=paper, margin=MARGINS, print_background=True)
    sheet = PdfReader(io.BytesIO(pdf)).pages
    assert len(sheet) == 1
    assert OFFICE in (sheet[0].extract_text() or "")
