"""The Templates page and the jump links (issue 15), without MkDocs and on the built site."""
from __future__ import annotations

import dataclasses
import shutil

import markdown
from bs4 import BeautifulSoup

from handbook.templates_index import PageRef, embedding_pages, index_markdown
from handbook.templates_model import MOMENTS, load_folder
from site_build import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "templates"


def convert(text: str, templates_dir, docs_dir) -> BeautifulSoup:
    md = markdown.Markdown(extensions=["admonition", "attr_list", "md_in_html", "handbook.templates_markdown"],
                           extension_configs={"handbook.templates_markdown": {
                               "templates_dir": str(templates_dir), "docs_dir": str(docs_dir)}})
    return BeautifulSoup(md.convert(text), "html.parser")


def test_a_new_template_appears_in_the_index_under_its_moment_linked_to_its_page(tmp_path):
    templates, docs = tmp_path / "templates", tmp_path / "docs"
    shutil.copytree(FIXTURES / "good", templates)
    shutil.copy(ROOT / "snippets" / "templates" / "_profile.yml", templates)
    new = (templates / "interview-thanks.md").read_text(encoding="utf-8")
    new = new.replace("id: interview-thanks", "id: brand-new").replace("moment: after-interview", "moment: match-week")
    (templates / "brand-new.md").write_text(new, encoding="utf-8")
    (docs / "letters").mkdir(parents=True)
    (docs / "letters" / "notes.md").write_text(
        "# Notes { #notes }\n\n<!-- template: interview-thanks -->\n\n<!-- template: spoken-answer -->\n", encoding="utf-8")
    (docs / "late.md").write_text("# Late news\n\n<!-- template: brand-new -->\n", encoding="utf-8")

    soup = convert("<!-- templates-index -->\n", templates, docs)
    links = {a["href"] for a in soup.select(".tpl-index a")}
    assert links == {f"letters/notes.md#template-{i}" for i in ("interview-thanks", "spoken-answer")} | {
        "late.md#template-brand-new"}
    assert [h["id"] for h in soup.select("h2")] == [m for m in MOMENTS
                                                     if m in {t.moment for t in load_folder(templates).values()}]
    assert soup.select_one("h2#match-week").get_text().startswith(MOMENTS["match-week"])


def test_in_short_box_gets_one_jump_link_per_template_on_the_page(tmp_path):
    text = '!!! tip "In short"\n    The point.\n\nText.\n\n<!-- template: interview-thanks -->\n'
    soup = convert(text, FIXTURES / "good", tmp_path)
    box = soup.select_one(".admonition")
    assert [(a["href"], a.get_text()) for a in box.select(".tpl-jump a")] == [
        ("#template-interview-thanks", "Jump to the template")]
    assert not convert('!!! tip "In short"\n    No template here.\n', FIXTURES / "good", tmp_path).select(".tpl-jump")


def test_the_built_index_lists_every_template_and_each_link_reaches_its_widget(site_dir):
    index = BeautifulSoup((site_dir / "templates" / "index.html").read_text(encoding="utf-8"), "html.parser")
    targets = {a["href"] for a in index.select(".tpl-index a") if "#template-" in a["href"]}
    templates = load_folder(ROOT / "snippets" / "templates")
    assert {href.split("#template-")[1] for href in targets} == set(templates)
    for href in targets:
        page, anchor = href.split("#")
        built = (site_dir / "templates" / page / "index.html").resolve()
        assert BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").select_one(
            f"section.tpl#{anchor}"), href


def test_the_index_written_out_for_three_templates_on_two_pages(tmp_path):
    base = load_folder(FIXTURES / "good", FIXTURES, profile_file=ROOT / "snippets" / "templates" / "_profile.yml")[
        "interview-thanks"]
    templates = {
        "thanks": dataclasses.replace(base, id="thanks", title="Thank-you email", kind="email",
                                      moment="after-interview", use_when="After each interview. Not before."),
        "update": dataclasses.replace(base, id="update", title="An update letter", kind="letter",
                                      moment="after-interview", use_when="When your news changes! Say it once."),
        "rank": dataclasses.replace(base, id="rank", title="Where will you rank us?", kind="spoken",
                                    moment="before-interviews", use_when="When a program asks about your rank list"),
    }
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "thanks.md").write_text(
        "---\ndescription: d\n---\nIntro.\n# Thank-you notes { #thanks }\n\n<!-- template: thanks -->\n"
        "<!-- template: update -->\n", encoding="utf-8")
    (tmp_path / "after.md").write_text("No title here.\n\n<!-- template: thanks -->\n", encoding="utf-8")
    (tmp_path / "plain.md").write_text("# Plain page\n\nNo templates.\n", encoding="utf-8")

    pages = embedding_pages(tmp_path)
    assert pages == {
        "thanks": [PageRef("after.md", "after"), PageRef("letters/thanks.md", "Thank-you notes")],
        "update": [PageRef("letters/thanks.md", "Thank-you notes")],
    }
    assert index_markdown(templates, pages) == [
        "## Before your interviews { #before-interviews }", "", '<div class="tpl-index" markdown>', "",
        "- Where will you rank us?",
        '  <span class="tpl-index-kind">What to say.</span> When a program asks about your rank list',
        "", "</div>", "",
        "## After an interview { #after-interview }", "", '<div class="tpl-index" markdown>', "",
        "- [An update letter](letters/thanks.md#template-update)",
        '  <span class="tpl-index-kind">Letter.</span> When your news changes!',
        "- [Thank-you email](after.md#template-thanks)",
        '  <span class="tpl-index-kind">Email.</span> After each interview. '
        "Also on: [Thank-you notes](letters/thanks.md#template-thanks).",
        "", "</div>", "",
    ]
