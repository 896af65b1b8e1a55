"""A school's own copy (issue 9): the institution file is checked key by key, and a branded build names the school's
office wherever the handbook sends readers to it; a plain build keeps the generic words."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from handbook.frontmatter import SourceError
from handbook.institution import load, office_html
from site_build import ROOT, html_pages, parse_html

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


def build_handbook(site_dir, institution: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("INSTITUTION", None)
    if institution:
        env["INSTITUTION"] = institution
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("branded")
    result = build_handbook(site, str(SAMPLE))
    assert result.returncode == 0, result.stderr
    return site


def pages_sending_readers_to_their_school():
    """Every page that includes the shared "ask an advisor" snippet, and the glossary's dean's office entry."""
    pages = {path for path in (ROOT / "docs").rglob("*.md") if "ask-an-advisor.md" in path.read_text(encoding="utf-8")}
    return sorted(path.relative_to(ROOT / "docs").with_suffix("").as_posix() for path in pages | {ROOT / "docs" / "glossary.md"})


def built(site, page: str):
    path = site / ("index.html" if page == "index" else page.removesuffix("/index") + "/index.html")
    return parse_html(path.read_text(encoding="utf-8"))


def test_a_branded_copy_names_the_office_with_its_contact_details(branded_site):
    pages = pages_sending_readers_to_their_school()
    assert len(pages) >= 5
    for page in pages:
        cards = built(branded_site, page).select("[data-school-office]")
        assert len(cards) >= 1, f"{page} sends readers to their school's office but does not name it"
        text = " ".join(cards[0].get_text().split())
        assert SCHOOL in text and OFFICE in text and EMAIL in text and "9 am to 5 pm" in text, page
        assert cards[0].select_one(f'a[href="mailto:{EMAIL}"]') and cards[0].select_one(
            'a[href="https://example.edu/student-affairs"]')


def test_a_branded_copy_shows_its_host_and_logo_in_every_footer(branded_site):
    assert (branded_site / "assets" / "institution" / "example-logo.svg").is_file()
    for page in html_pages(branded_site):
        host = parse_html(page.read_text(encoding="utf-8")).select_one(".md-footer .handbook-host")
        assert host and SCHOOL in host.get_text(), page
        src = host.select_one("img")["src"]
        target = branded_site / src.lstrip("/") if src.startswith("/") else page.parent / src  # 404.html: absolute
        assert target.resolve() == (branded_site / "assets/institution/example-logo.svg").resolve(), page


def test_a_plain_build_keeps_the_generic_words(site_dir):
    for page in pages_sending_readers_to_their_school():
        soup = built(site_dir, page)
        assert soup.select("[data-school-office]") == [] and soup.select(".handbook-host") == []
        assert "dean's office" in soup.get_text().replace("\u2019", "'").lower(), page
    assert not (site_dir / "assets" / "institution").exists()


def test_a_malformed_institution_file_stops_the_build(tmp_path):
    shutil.copy(SAMPLE.parent / "example-logo.svg", tmp_path)
    bad = tmp_path / "institution.yml"
    bad.write_text(SAMPLE_TEXT.replace("student-affairs@example.edu", "not-an-email"), encoding="utf-8")
    result = build_handbook(tmp_path / "site", str(bad))
    assert result.returncode != 0
    assert f"{bad}:5: 'email': 'not-an-email' is not an email address" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
