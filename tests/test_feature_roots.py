"""A page that writes a feature's root itself (`<div data-tracker markdown>`) gets that feature's stylesheet."""
from __future__ import annotations

import markdown

from handbook.feature_roots import FeatureRootsExtension
from handbook.page_record import PageRecord


def features_of(page: str) -> set[str]:
    record = PageRecord()
    markdown.markdown(page, extensions=["md_in_html", FeatureRootsExtension(record=record)])
    return record.features


def test_a_tracker_root_written_in_the_page_is_noted():
    page = "# Tracker\n\n<div data-tracker markdown>\n\n- [ ] Program A\n\n</div>\n"
    assert features_of(page) == {"tracker"}
    assert PageRecord(features={"tracker"}).stylesheets() == ["assets/css/tracker.css"]


def test_a_page_without_a_root_notes_nothing_even_when_it_mentions_one():
    assert features_of("# Help\n\nThe tracker uses `data-tracker` on its root.\n\n<div class=\"note\">Hi</div>\n") == set()
