"""`make pdf`: the whole handbook and the handout as PDFs, read back with pypdf, and the links to them.

The PDFs are really printed (scripts/make_pdf.py with Debian's Chromium), once per test run, for a school's address;
one more run shows that a failure publishes nothing.
"""
from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

import pytest

from browser import require_chromium
from handbook.templates_model import load_folder
from site_build import ROOT, mkdocs_build, parse_html

SCHOOL_URL = "https://handbook.example.edu/peds/"
CHROME_TEXT = ["Skip to content", "Initializing search", "Type to start searching", "Back to top",
               "Switch to dark mode", "Open in mail app", "Download .txt",
               "Remember my details on this device", "Export ticks", "Import ticks",
               "Delete everything this handbook saved"]
# 33 pages of prose: each section and each top-level page starts a new sheet, after a cover and contents. Fewer than
# 40 sheets means pages are missing; more than 160 (twice what it prints today) means something repeats or broke.
SHEETS = range(40, 161)
POPPLER = pathlib.Path("/usr/bin/pdftoppm")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Run `make pdf`'s script into a fresh site and PDF folder; return (site_dir, pdf_dir, its output)."""
    out = tmp_path_factory.mktemp("pdf-build")
    site_dir, pdf_dir = out / "site", out / "pdf"
    result = make_pdf(site_dir, pdf_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir, pdf_dir, result.stdout


def make_pdf(site_dir: pathlib.Path, pdf_dir: pathlib.Path) -> subprocess.CompletedProcess[str]:
    require_chromium()
    return subprocess.run([sys.executable, "scripts/make_pdf.py", "--site-dir", str(site_dir), "--pdf-dir",
                           str(pdf_dir)], cwd=ROOT, env=dict(os.environ, SITE_URL=SCHOOL_URL),
                          capture_output=True, text=True)


def pdf_text(path: pathlib.Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def squash(text: str) -> str:
    return " ".join(text.split())


def nav_order(site_dir: pathlib.Path) -> list[tuple[str | None, str]]:
    """(section, page title) for every chapter, read from the built site's own navigation and pages."""
    home = parse_html((site_dir / "index.html").read_text(encoding="utf-8"))
    chapters = []
    for item in home.select("nav.md-nav--primary > ul > li"):
        section = None
        if "md-nav__item--nested" in item.get("class", []):
            section = squash(item.select_one("label, .md-nav__link").get_text())
        for link in item.select("a.md-nav__link[href]") if section else [item.select_one("a.md-nav__link")]:
            href = link["href"]
            if href.rstrip("/").endswith(("print", "handout")) or "tools/" in href:  # not in the book
                continue
            page = parse_html((site_dir / href / "index.html").resolve().read_text(encoding="utf-8"))
            title = squash(page.select_one(".md-content h1").get_text().replace("¶", ""))
            if (section, title) not in chapters:
                chapters.append((section, title))
    return chapters


def test_make_pdf_reports_each_step_and_writes_every_edition(printed):
    site_dir, pdf_dir, output = printed
    assert re.findall(r"^\[(\d)/3\] .*: [\d.]+ s$", output, re.MULTILINE) == ["1", "2", "3"]
    for name in ("handbook-a4.pdf", "handbook-letter.pdf", "handout-a4.pdf", "handout-letter.pdf"):
        assert (pdf_dir / name).read_bytes().startswith(b"%PDF")
        assert (site_dir / "downloads" / name).read_bytes() == (pdf_dir / name).read_bytes()
        assert re.search(rf"^  {name}: \d+ pages?, [\d.]+ MB \([\d.]+ MB as printed\), [\d.]+ s$", output, re.MULTILINE)
    assert not site_dir.with_name("site.new").exists()  # the staging folder became the site


@pytest.mark.parametrize("name", ["handbook-a4.pdf", "handbook-letter.pdf"])
def test_the_handbook_holds_every_page_in_order_and_no_web_chrome(printed, name):
    site_dir, pdf_dir, _ = printed
    pages = pdf_text(pdf_dir / name)
    text = " ".join(pages)
    position = 0
    for _, title in nav_order(site_dir):
        found = text.find(title, position)
        assert found >= 0, f"{title!r} missing, or out of navigation order"
        position = found
    for template in load_folder(ROOT / "snippets" / "templates", ROOT).values():
        assert squash(template.title) in text
    assert "[Your full name]" in text  # letters print with labelled blanks, not as forms
    assert [words for words in CHROME_TEXT if words in text] == []
    assert len(pages) in SHEETS
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_the_outline_follows_the_navigation(printed):
    from pypdf import PdfReader

    site_dir, pdf_dir, _ = printed
    reader = PdfReader(pdf_dir / "handbook-a4.pdf")
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged, still, after qpdf compacted it
    outline = reader.outline
    top = [squash(entry.title) for entry in outline if not isinstance(entry, list)]
    expected = list(dict.fromkeys(section or title for section, title in nav_order(site_dir)))
    assert top == expected
    assert any(isinstance(entry, list) and entry for entry in outline)  # pages and headings nest below


def test_the_cover_names_the_edition_and_address(printed):
    pages = pdf_text(printed[1] / "handbook-letter.pdf")
    assert "Edition of " in pages[0] and SCHOOL_URL in pages[0]


@pytest.mark.parametrize("name", ["handout-a4.pdf", "handout-letter.pdf"])
def test_the_handout_is_one_sheet_whose_code_opens_the_handbook(printed, name, tmp_path):
    if not POPPLER.exists():
        pytest.fail(f"{POPPLER} is missing; `make test` installs poppler-utils")
    import zxingcpp
    from PIL import Image

    pdf = printed[1] / name
    text = pdf_text(pdf)
    assert len(text) == 1
    assert "Think of this as a pre-match" in text[0] and SCHOOL_URL in text[0]
    assert "Download the handout" not in text[0]  # the web page's own links, useless on paper
    subprocess.run([str(POPPLER), "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "sheet")], check=True)
    codes = zxingcpp.read_barcodes(Image.open(tmp_path / "sheet.png"))
    assert [code.text for code in codes] == [SCHOOL_URL]


def download_hrefs(site_dir: pathlib.Path, page: str) -> list[str]:
    soup = parse_html((site_dir / page).read_text(encoding="utf-8"))
    return [a["href"] for a in soup.select(".md-content a") if a.get_text().startswith("Download the whole handbook")]


@pytest.mark.parametrize("page", ["index.html", "about/index.html", "print/index.html"])
def test_the_download_link_is_there_with_the_pdf_and_works(printed, page):
    site_dir = printed[0]
    hrefs = download_hrefs(site_dir, page)
    assert len(hrefs) == 2
    for href in hrefs:
        assert (site_dir / page).parent.joinpath(href).resolve().read_bytes().startswith(b"%PDF")


def test_a_later_plain_build_serves_the_pdfs_while_the_content_is_unchanged(printed, tmp_path):
    pdf_dir = printed[1]
    same = mkdocs_build(tmp_path / "same", SITE_URL=SCHOOL_URL, HANDBOOK_PDF_DIR=str(pdf_dir))
    other = mkdocs_build(tmp_path / "other", SITE_URL="https://other.example.org/", HANDBOOK_PDF_DIR=str(pdf_dir))
    assert same.returncode == other.returncode == 0, same.stderr + other.stderr
    for page in ("index.html", "about/index.html", "print/index.html"):
        hrefs = download_hrefs(tmp_path / "same", page)
        assert len(hrefs) == 2
        assert all((tmp_path / "same" / page).parent.joinpath(href).resolve().is_file() for href in hrefs)
        assert download_hrefs(tmp_path / "other", page) == []  # printed for another address: not this site's PDF
    assert not (tmp_path / "other" / "downloads").exists()


def test_a_failed_make_pdf_publishes_nothing_and_keeps_the_old_site(tmp_path):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("the last good site", encoding="utf-8")
    not_a_folder = tmp_path / "pdf"
    not_a_folder.write_text("a file where the PDF folder should be", encoding="utf-8")
    result = make_pdf(site_dir, not_a_folder)
    assert result.returncode != 0
    assert f"{site_dir} is unchanged" in result.stderr
    assert [path.name for path in site_dir.iterdir()] == ["index.html"]  # no site linking to PDFs it lacks
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "the last good site"
    assert not site_dir.with_name("site.new").exists()


def test_without_the_pdf_no_link_and_the_print_page_says_how_to_print(site_dir):
    for page in ("index.html", "about/index.html", "print/index.html"):
        assert download_hrefs(site_dir, page) == []
    assert not (site_dir / "downloads").exists()
    note = parse_html((site_dir / "print/index.html").read_text(encoding="utf-8")).select_one(".pdf-download--none")
    assert "make pdf" in note.get_text()


def test_the_print_page_leaves_out_the_interactive_tools(site_dir):
    book = parse_html((site_dir / "print/index.html").read_text(encoding="utf-8")).select_one(".book-root")
    titles = [squash(heading.get_text().replace("¶", "")) for heading in book.select("h1, h2")]
    assert "Who can help" in titles
    assert [title for title in titles if title in ("Message decoder", "Interview-season tracker")] == []
    assert book.select(".decoder, .tracker") == []  # no tool's form on paper
