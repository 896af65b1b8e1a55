"""The advisors' link table (hooks/handbook/advisors.py) from a made-up nav and docs folder, without MkDocs: which pages,
scenarios and templates it lists, under which part, and that titles stay text inside the Markdown table."""
from __future__ import annotations

import markdown
import pytest

from handbook.advisors import Link, advisor_links_markdown, nav_pages, page_title, table_markdown, template_links

PAGES = {
    "index.md": "---\ndescription: d\n---\n# Start here { #start }\n",
    "faq.md": "---\ndescription: d\n---\nIntro line.\n\n# Questions | answers [FAQ] { #faq }\n\n<!-- template: thank-you -->\n",
    "scenarios/index.md": "# Scenarios\n\n<!-- template: _partial -->\n",  # a shared part is never listed
    "scenarios/second-look.md": "# A second look\n\n<!-- template: second-look -->\n\n<!-- template: thank-you -->\n",
    "scenarios/no-heading.md": "Only text.\n",
}
TEMPLATES = {
    "thank-you.md": "---\ntitle: Thank-you note\n---\nDear ...\n",
    "second-look.md": "---\ntitle: ''\n---\nDear ...\n",
    "unused.md": "---\ntitle: Never shown\n---\nDear ...\n",
    "_partial.md": "---\ntitle: A shared part\n---\n...\n",
}
NAV = [
    "index.md",
    {"Questions": "faq.md"},
    {"Scenarios": ["scenarios/index.md", {"Second look": "scenarios/second-look.md"}, "scenarios/no-heading.md",
                   {"Elsewhere": "https://example.org/"}]},
]


@pytest.fixture
def project(tmp_path):
    for folder, files in (("docs", PAGES), ("templates", TEMPLATES)):
        for name, text in files.items():
            (tmp_path / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "docs", tmp_path / "templates"


def test_every_nav_page_is_listed_in_order_with_its_title_and_part(project):
    docs, _ = project
    assert nav_pages(NAV, docs) == [
        Link("Start here", "index.md", ""),
        Link("Questions", "faq.md", "Questions"),
        Link("Scenarios", "scenarios/index.md", "Scenarios"),
        Link("Second look", "scenarios/second-look.md", "Scenarios"),
        Link("No heading", "scenarios/no-heading.md", "Scenarios"),
    ]
    assert nav_pages(None, docs) == []


def test_a_page_title_is_its_heading_without_the_attribute_list(project):
    docs, _ = project
    assert page_title(docs / "faq.md") == "Questions | answers [FAQ]"
    assert page_title(docs / "scenarios" / "no-heading.md") == "No heading"


def test_each_used_template_is_linked_on_the_first_page_that_shows_it(project):
    docs, templates = project
    assert template_links(templates, docs) == [
        Link("second-look", "scenarios/second-look.md#template-second-look", "A second look"),
        Link("Thank-you note", "faq.md#template-thank-you", "Questions | answers [FAQ]"),
    ]


def test_a_table_row_keeps_its_title_as_text_and_has_a_labelled_copy_button():
    table = table_markdown("Sections", "links-sections", [Link('A | "B" [c]', "faq.md", "Part | one")], "Part")
    assert table == (
        "### Sections { #links-sections }\n\n| Link | Part | Copy |\n| --- | --- | --- |\n"
        '| [A \\| "B" \\[c\\]](faq.md) | Part \\| one | <button type="button" class="md-button advisor-copy" '
        'data-copy-link aria-label="Copy the address of A | &quot;B&quot; [c]" hidden>Copy link</button> |')
    html = markdown.markdown(table, extensions=["tables", "attr_list"])
    assert '<a href="faq.md">A | "B" [c]</a>' in html.replace("&quot;", '"') and "<td>Part | one</td>" in html


def test_the_block_has_sections_then_scenarios_then_templates(project):
    docs, templates = project
    block = advisor_links_markdown(NAV, docs, templates)
    assert block.startswith('<div class="advisor-links" data-advisor-links markdown>\n'
                            '<p class="advisor-copy-status" data-advisor-copy-status role="status"></p>\n\n'
                            '### Sections { #links-sections }')
    assert block.endswith("</div>")
    sections, scenarios, shown = block.split("### ")[1:]
    assert sections.count("](") == 3 and "(scenarios/index.md)" in sections and "| Part | Copy |" in sections
    assert scenarios.startswith("Scenarios { #links-scenarios }\n\n| Link | Part | Copy |") and scenarios.count("](") == 2
    assert sections.endswith("Copy link</button> |\n\n") and scenarios.endswith("Copy link</button> |\n\n")
    assert "(scenarios/second-look.md)" in scenarios and "(scenarios/no-heading.md)" in scenarios
    assert shown.startswith("Templates { #links-templates }") and "| Link | On the page | Copy |" in shown
    assert shown.count("](") == 2
