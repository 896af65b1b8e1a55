"""What the handbook's Markdown extensions add to one page, so that the generator can be told about it.

Each extension that adds a feature to a page takes the option `record`, a PageRecord, and notes there the feature
and any element ids it adds inside stashed HTML (MkDocs checks `page.md#id` links only against the ids it saw).
Under MkDocs, hooks/page_record.py makes one record per page and passes it on; without a record the extensions
still work, and simply note nothing anyone reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Each feature's own stylesheet (path from the docs folder), linked only on the pages that have the feature.
FEATURE_STYLESHEETS = {
    "templates": "assets/css/template-filler.css",
    "checklist": "assets/css/checklist.css",
    "decoder": "assets/css/decoder.css",
    "tracker": "assets/css/tracker.css",
    "advisors": "assets/css/advisors.css",
    "forget-all": "assets/css/forget-all.css",
    "print-sheets": "assets/css/print-sheets.css",
}
# The page.meta key under which a page's feature stylesheets reach the theme, which links them in the head
# (overrides/main.html). The print page gets those of every chapter of the book (hooks/print_book.py).
STYLESHEETS_META_KEY = "handbook_feature_stylesheets"


@dataclass
class PageRecord:
    features: set[str] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)

    def add(self, feature: str, *anchors: str) -> None:
        if feature not in FEATURE_STYLESHEETS:
            raise ValueError(f"unknown feature '{feature}'; known: {', '.join(FEATURE_STYLESHEETS)}")
        self.features.add(feature)
        self.anchors.update(anchors)

    def stylesheets(self) -> list[str]:
        return [FEATURE_STYLESHEETS[feature] for feature in sorted(self.features)]
