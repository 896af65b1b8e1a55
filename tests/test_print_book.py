"""The whole-handbook document and the PDF downloads' logic, without MkDocs (hooks/handbook/print_book.py and
print_downloads.py)."""
from __future__ import annotations

import pytest

from handbook.frontmatter import SourceError, parse
from handbook.print_book import Chapter, make_book
from handbook.print_downloads import (
    EDITIONS,
    download_links,
    fingerprint,
    marker_names,
    place,
    printed_editions,
    write_manifest,
)
from site_build import parse_html

HOME = '<h1 id="start-here">Start here<a class="headerlink" href="#start-here">¶</a></h1><p>Read <a href="rules/a/#why">why</a>.</p>'
RULE = ('<h1 id="rule-a">Rule A</h1><h2 id="why">Why</h2>'
        '<section class="tpl" data-template="thank-you" id="template-thank-you" aria-labelledby="template-thank-you-title">'
        '<h3 id="template-thank-you-title">Thank you</h3><label for="name">Name</label><input id="name" data-field="x">'
        '</section><p><a href="../../sources/#nrmp">sources</a> <a href="#why">up</a> '
        '<a href="https://www.nrmp.org/">NRMP</a> &amp; more</p>')


def book(chapters=None):
    chapters = chapters or [Chapter("", HOME, None), Chapter("rules/a/", RULE, "The rules")]
    return make_book(chapters, title="Handbook", edition="November 28, 2026", site_url="https://x.example/h/",
                     book_url="print/")


def test_cover_holds_title_edition_and_address():
    cover = parse_html(book().html).select_one(".book-cover").get_text(" ")
    assert "Handbook" in cover and "November 28, 2026" in cover and "https://x.example/h/" in cover


def test_contents_nest_pages_under_their_section_and_link_to_chapters():
    soup = parse_html(book().html)
    top = soup.select(".book-contents > ol > li")
    assert [li.a.get_text() for li in top] == ["Start here", "The rules"]
    assert [a["href"] for a in top[1].select(":scope > ol a")] == ["#book-rules-a"]
    assert soup.find(id="book-rules-a").name == "h2"  # a page in a section sits one level below the section


def test_ids_are_prefixed_per_page_and_links_stay_within_the_document():
    soup = parse_html(book().html)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert soup.find(id="book-rules-a--why").name == "h3"
    hrefs = [a["href"] for a in soup.select(".book-chapter a")]
    assert "#book-rules-a--why" in hrefs  # from the home page to another chapter's heading, and within a page
    assert "../sources/#nrmp" in hrefs  # a page outside the book: a link from the print page
    assert "https://www.nrmp.org/" in hrefs
    assert soup.find("label")["for"] == "book-rules-a--name"
    assert soup.select_one(".tpl")["aria-labelledby"] == "book-rules-a--template-thank-you-title"


def test_a_pages_landmarks_are_plain_blocks_in_the_book():
    sources = '<aside class="page-sources" aria-labelledby="page-sources"><h2 id="page-sources">Sources</h2></aside>'
    soup = parse_html(book([Chapter("", HOME + sources, None), Chapter("rules/a/", RULE + sources, "The rules")]).html)
    chapters = soup.select(".book-chapter")
    assert chapters and not [tag for chapter in chapters for tag in chapter.select("aside, section")]
    assert len(soup.select("div.page-sources")) == 2 and soup.select_one("div.tpl h4") is not None


def test_permalinks_and_script_hooks_are_dropped_text_is_kept():
    html = book().html
    soup = parse_html(html)
    assert not soup.select(".headerlink") and "¶" not in html
    assert not [tag for tag in soup.find_all(True) if any(name.startswith("data-") for name in tag.attrs)]
    assert "&amp; more" in html


def test_folded_boxes_print_open():
    checks = ('<details class="tpl-checks"><summary>Check before sending (2 notes)</summary><ul><li>Spell the name.</li>'
              '<li>Send it within 48 hours.</li></ul></details><details open><summary>Open already</summary></details>')
    soup = parse_html(book([Chapter("", HOME + checks, None)]).html)
    assert [details.has_attr("open") for details in soup.select("details")] == [True, True]
    assert "Send it within 48 hours." in soup.select_one("details.tpl-checks").get_text()


def test_titles_follow_the_chapter_order():
    assert book().titles == ["Start here", "Rule A"]


def test_pdfs_are_served_only_for_the_content_they_were_printed_from(tmp_path):
    for edition in EDITIONS:
        (tmp_path / edition.file).write_bytes(b"%PDF-1.7")
    write_manifest(tmp_path, fingerprint("a"), {edition.file: 3 for edition in EDITIONS})
    assert printed_editions(tmp_path, fingerprint("b")) == {}
    assert sorted(printed_editions(tmp_path, fingerprint("a"))) == sorted(edition.file for edition in EDITIONS)
    (tmp_path / "handout-a4.pdf").unlink()
    assert printed_editions(tmp_path, fingerprint("a")) == {}  # an incomplete set is not served


def test_no_pdf_or_a_broken_manifest_serves_nothing(tmp_path):
    assert printed_editions(tmp_path, fingerprint("a")) == {}
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    assert printed_editions(tmp_path, fingerprint("a")) == {}


def test_one_link_per_paper_size_to_the_sites_downloads():
    links = parse_html(download_links("handbook", "../downloads/")).select("a")
    assert [a["href"] for a in links] == ["../downloads/handbook-a4.pdf", "../downloads/handbook-letter.pdf"]
    assert [a.get_text() for a in links] == ["Download the whole handbook (PDF, A4 paper)",
                                             "Download the whole handbook (PDF, US Letter paper)"]
    assert [a["href"] for a in parse_html(download_links("handout", "")).select("a")] == ["handout-a4.pdf",
                                                                                           "handout-letter.pdf"]


def test_an_unknown_marker_stops_the_build_with_its_line():
    source = parse("---\ndescription: x\n---\n# T\n\n<!-- handbook: qr-cod -->\n", "docs/handout.md")
    with pytest.raises(SourceError, match=r"docs/handout.md:6: unknown marker 'handbook: qr-cod'"):
        marker_names(source, {"qr-code"})


def test_a_swallowed_marker_fails_loudly():
    with pytest.raises(SourceError, match="did not reach the page's HTML"):
        place("<p>no marker</p>", "book", "<div></div>", "docs/print.md")
