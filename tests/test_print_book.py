"""The whole-handbook document and the PDF downloads' logic, without MkDocs (hooks/handbook/print_book.py and
print_downloads.py)."""
from __future__ import annotations

import pytest

from handbook.frontmatter import SourceError, parse
from handbook.print_book import Chapter, anchor_for, make_book
from handbook.print_downloads import (
    EDITIONS,
    download_links,
    fingerprint,
    marker_names,
    place,
    printed_editions,
    qr_code_svg,
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


def test_what_only_a_script_shows_is_left_out_and_the_text_around_it_stays():
    letter = ('<section class="tpl" id="t"><form hidden id="f"><label for="n">Name</label><input id="n"></form>'
              '<p>Dear <mark>[Name]</mark>,</p>before <button hidden>Copy</button>after'
              '<div class="checklist-progress" hidden><progress></progress></div></section>')
    chapter = parse_html(book([Chapter("", HOME + letter, None)]).html).select_one(".tpl")
    assert not chapter.select("[hidden], form, input, button, progress")
    assert chapter.get_text() == "Dear [Name],before after"


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


# --- one whole book, written out by hand --------------------------------------------------------------------------

START = ('<h1 id="start">Start <em>here</em><a class="headerlink" href="#start">¶</a></h1><p id="see">See '
         '<a href="guide/letters/#intent">intent</a>, <a href="#see">this</a>, <a href="#">top</a> &copy; &#169;</p>')
LETTERS = ('<h1 id="letters">Letters</h1><h2 id="intent">Intent</h2><h6 id="deep">Deep</h6>'
           '<img src="../../assets/x.png" alt="X" data-zoom="1"/><br><p><a href="../../sources/#nrmp">sources</a> '
           '<a href="../../">home</a> <a href="https://www.nrmp.org/x?a=1&amp;b=2">NRMP</a> <a href="../../faq/">faq</a> '
           '<a href="/guide/other/">other</a></p><!-- kept --><section class="tpl" id="t" aria-labelledby="t-title">'
           '<label for="a b">N</label></section>')
OTHER = ('<h1>Other</h1><details><summary>More</summary></details><h1 id="second">Second h1<a class="headerlink" '
         'href="#second"><span>¶</span><br><!-- gone --><img src="x.png"/></a></h1>')


def test_a_whole_book_is_rewritten_as_written_here():
    chapters = [Chapter("", START, None), Chapter("guide/letters/", LETTERS, "Guides & you"),
                Chapter("guide/other/", OTHER, "Guides & you"), Chapter("sources/", '<h1 id="s">Sources</h1>', None)]
    made = make_book(chapters, title="Handbook", edition="November 28, 2026", site_url="https://x.example/h/",
                     book_url="print/")
    assert made.titles == ["Start here", "Letters", "Other", "Sources"]
    cover = ('<div class="book-cover"><p class="book-cover-title">Handbook</p>'
             '<p class="book-cover-edition">Edition of November 28, 2026</p>'
             '<p class="book-cover-address">Read it online at <a href="https://x.example/h/">https://x.example/h/</a></p>'
             "<p>Free to read, print and share. Not legal or immigration advice.</p></div>")
    contents = ('<nav class="book-contents" aria-labelledby="book-contents-title">'
                '<p class="book-contents-title" id="book-contents-title">Contents</p><ol>'
                '<li><a href="#book-start">Start here</a></li>'
                '<li><a href="#book-section-guides-you">Guides &amp; you</a><ol>'
                '<li><a href="#book-guide-letters">Letters</a></li><li><a href="#book-guide-other">Other</a></li></ol></li>'
                '<li><a href="#book-sources">Sources</a></li></ol></nav>')
    start = ('<article class="book-chapter book-chapter--top"><h1 id="book-start">Start <em>here</em></h1>'
             '<p id="book-start--see">See <a href="#book-guide-letters--intent">intent</a>, '
             '<a href="#book-start--see">this</a>, <a href="#book-start">top</a> © ©</p></article>')  # entities as text
    section = ('<section class="book-section" aria-labelledby="book-section-guides-you">'
               '<h1 id="book-section-guides-you">Guides &amp; you</h1>')
    letters = ('<article class="book-chapter"><h2 id="book-guide-letters">Letters</h2>'
               '<h3 id="book-guide-letters--intent">Intent</h3><h6 id="book-guide-letters--deep">Deep</h6>'
               '<img src="../assets/x.png" alt="X"><br><p><a href="#book-sources--nrmp">sources</a> '
               '<a href="#book-start">home</a> <a href="https://www.nrmp.org/x?a=1&amp;b=2">NRMP</a> '
               '<a href="../faq/">faq</a> <a href="#book-guide-other">other</a></p><!-- kept -->'
               '<div class="tpl" id="book-guide-letters--t" aria-labelledby="book-guide-letters--t-title">'
               '<label for="book-guide-letters--a book-guide-letters--b">N</label></div></article>')
    other = ('<article class="book-chapter"><h2 id="book-guide-other">Other</h2>'
             '<details open=""><summary>More</summary></details>'
             '<h2 id="book-guide-other--second">Second h1</h2></article>')
    sources = '<article class="book-chapter book-chapter--top"><h1 id="book-sources">Sources</h1></article>'
    assert made.html == ('<div class="book">' + cover + contents
                         + "\n".join([start, section, letters, other, "</section>", sources]) + "</div>")


def test_the_contents_close_a_section_that_ends_the_book():
    assert book().html.split("<nav", 1)[1].split("</nav>")[0].endswith(
        '<ol><li><a href="#book-start">Start here</a></li><li><a href="#book-section-the-rules">The rules</a><ol>'
        '<li><a href="#book-rules-a">Rule A</a></li></ol></li></ol>')
    assert book().html.endswith("</article>\n</section></div>")



def test_a_fingerprint_is_the_first_20_hex_digits_of_sha256_over_each_part_and_a_nul():
    # sha256(b"a\0"), worked out with hashlib: a manifest written by an earlier build still matches
    assert fingerprint("a") == "ffe9aaeaa2a2d5048174"
    assert fingerprint("ab", "c") != fingerprint("a", "bc")


def test_the_manifest_is_readable_json(tmp_path):
    write_manifest(tmp_path, "ffe9aaeaa2a2d5048174", {"handbook-a4.pdf": 3})
    assert (tmp_path / "manifest.json").read_text(encoding="utf-8") == (
        '{\n  "fingerprint": "ffe9aaeaa2a2d5048174",\n  "pages": {\n    "handbook-a4.pdf": 3\n  }\n}\n')


@pytest.mark.parametrize("pages, served", [
    ({"handbook-a4.pdf": 1, "handbook-letter.pdf": 1, "handout-a4.pdf": 1, "handout-letter.pdf": 1}, True),
    ({"handbook-a4.pdf": 9, "handbook-letter.pdf": 9, "handout-a4.pdf": 2}, False),  # one page count missing
    ({"handbook-a4.pdf": 9, "handbook-letter.pdf": 9, "handout-a4.pdf": 2, "handout-letter.pdf": 0}, False),
])
def test_pdfs_are_served_only_when_each_has_pages(tmp_path, pages, served):
    for edition in EDITIONS:
        (tmp_path / edition.file).write_bytes(b"%PDF-1.7")
    write_manifest(tmp_path, fingerprint("a"), pages)
    assert bool(printed_editions(tmp_path, fingerprint("a"))) is served


def test_the_download_list_is_exactly_one_item_per_paper_size():
    assert download_links("handout", "d/") == (
        '<ul class="pdf-download"><li><a href="d/handout-a4.pdf" download>Download the handout (PDF, A4 paper)</a></li>'
        '<li><a href="d/handout-letter.pdf" download>Download the handout (PDF, US Letter paper)</a></li></ul>')


def test_the_qr_code_is_an_inline_svg_sized_by_css_and_titled_with_its_address():
    svg = qr_code_svg("https://ab.org/x")
    # 16 bytes need QR version 2 at error level M: 25 modules and a 4-module quiet zone on each side, 4 units each
    assert svg.startswith('<svg viewBox="0 0 132 132" class="qr-code"><title>https://ab.org/x</title><path '
                          'transform="scale(4)" stroke="#000" d="M4 4.5h7')
    assert "width=" not in svg.split(">", 1)[0] and svg.count("<path") == 1 and 'class="' not in svg.split("<path")[1]


def test_markers_are_listed_in_page_order_and_an_unknown_one_names_the_known_ones():
    source = parse("---\ndescription: x\n---\n# T\n\n<!-- handbook: qr-code -->\n\n<!-- handbook: book -->\n", "d.md")
    assert marker_names(source, {"book", "qr-code"}) == ["qr-code", "book"]
    with pytest.raises(SourceError) as caught:
        marker_names(source, {"book", "handout"})
    assert str(caught.value) == "d.md:6: unknown marker 'handbook: qr-code'; known: book, handout"


def test_a_marker_is_replaced_by_its_fragment_or_named_when_it_did_not_arrive():
    assert place("<p>a</p><!-- handbook: book --><p>b</p>", "book", "<div>X</div>", "docs/print.md") == (
        "<p>a</p><div>X</div><p>b</p>")
    with pytest.raises(SourceError) as caught:
        place("<p><!-- handbook: qr --></p>", "book", "<div></div>", "docs/print.md")
    assert str(caught.value) == ("docs/print.md:1: marker 'handbook: book' did not reach the page's HTML; put it on a "
                                 "line of its own, with blank lines around it")


def test_a_chapter_title_is_its_first_heading_whole_and_its_one_letter_ids_and_odd_addresses_survive():
    page = ('<p data-x="1" id="p">Intro</p><h1>Start <em>here</em> now</h1><p id="a"><a href="#a">a</a> '
            '<a href="/Xray/">x</a></p><details open class="tpl-checks"><summary>s</summary></details><!DOCTYPE html>')
    made = make_book([Chapter("", page, None)], title="T", edition="E", site_url="u", book_url="print/")
    assert made.titles == ["Start here now"]
    assert ('<p id="book-start--p">Intro</p><h1 id="book-start">Start <em>here</em> now</h1><p id="book-start--a">'
            '<a href="#book-start--a">a</a> <a href="../Xray/">x</a></p><details open class="tpl-checks"><summary>') in made.html
    assert made.html.endswith("</details></article></div>")  # a stray doctype is dropped, as browsers ignore it
    assert anchor_for("") == "book-start" and anchor_for("X/y/") == "book-X-y"
