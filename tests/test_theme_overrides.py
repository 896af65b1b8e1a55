"""Each theme override is Material's own partial plus one named change, so a Material update that moves the markup
fails here, loudly, instead of silently dropping the fix."""
from __future__ import annotations

import pathlib

import material
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
MATERIAL = pathlib.Path(material.__file__).parent / "templates"

# partial -> (Material's line, our line): the whole difference between the two files.
CHANGES = {
    # axe `aria-dialog-name`: the search dialog needs a name.
    "partials/search.html": (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    ),
    # axe `landmark-unique`: a section with an index page labels its <nav> with an icon-only label, so every such
    # <nav> had the same empty name; naming the label names both the toggle and the section's navigation.
    "partials/nav-item.html": (
        'id="{{ path }}_label" tabindex="{{ tabindex }}">\n                <span class="md-nav__icon md-icon"></span>\n'
        "              </label>\n            {% endif %}",
        'id="{{ path }}_label" tabindex="{{ tabindex }}" aria-label="{{ nav_item.title | e }}">\n'
        '                <span class="md-nav__icon md-icon"></span>\n              </label>\n            {% endif %}',
    ),
}


@pytest.mark.parametrize("partial", sorted(CHANGES))
def test_override_is_material_plus_one_change(partial):
    original, changed = CHANGES[partial]
    material_text = (MATERIAL / partial).read_text(encoding="utf-8")
    assert material_text.count(original) == 1, f"Material's {partial} changed: review overrides/{partial}"
    ours = (ROOT / "overrides" / partial).read_text(encoding="utf-8")
    assert ours == material_text.replace(original, changed)


def test_the_fixes_reach_the_built_pages(site_dir):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site_dir / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".md-search[role=dialog]")["aria-label"] == "Search"
    names = []
    for nav in soup.select("nav[aria-labelledby]"):
        label = soup.find(id=nav["aria-labelledby"])
        names.append(label.get("aria-label") or label.get_text(" ", strip=True))
    assert "" not in names and len(names) == len(set(names)), names
