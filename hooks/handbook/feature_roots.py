"""Python-Markdown extension: note the features whose root a page writes as HTML itself (`<div data-tracker markdown>`),
so that the page links their stylesheet (handbook/page_record.py). Features that an extension adds note themselves.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .page_record import PageRecord

# The attribute that marks a feature's root element, and the feature it belongs to.
ROOT_ATTRIBUTES = {"data-tracker": "tracker", "data-advisor-links": "advisors", "data-print-sheet": "print-sheets",
                   "data-forget-all": "forget-all"}


class _NoteRoots(Treeprocessor):
    def __init__(self, md: Markdown, extension: FeatureRootsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        record: PageRecord = self.extension.getConfig("record")
        for element in root.iter():
            for attribute, feature in ROOT_ATTRIBUTES.items():
                if attribute in element.attrib:
                    record.add(feature)


class FeatureRootsExtension(Extension):
    def __init__(self, **kwargs: Any):
        self.config = {"record": [PageRecord(), "notes the features found (handbook/page_record.py)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After md_in_html has turned `<div ... markdown>` blocks into elements (its treeprocessor is not needed: the
        # block processor builds them); any priority runs on the finished tree.
        md.treeprocessors.register(_NoteRoots(md, self), "handbook_feature_roots", 1)


def makeExtension(**kwargs: Any) -> FeatureRootsExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return FeatureRootsExtension(**kwargs)
