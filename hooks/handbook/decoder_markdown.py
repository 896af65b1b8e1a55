"""Python-Markdown extension: the message decoder on a page (issue 13).

A page places the decoder with a line of its own, `<!-- decoder -->`, and the guide to each kind of message with
`<!-- decoder: guide -->`. The decoder is a form, with the rules embedded as JSON for decoder.js; the guide is
plain HTML (what each kind means, what it does not mean, what to do, and links), so the page reads without
JavaScript and the script copies each kind's guide into its results. Rules and texts: data/decoder-rules.yml.

    markdown_extensions:
      - handbook.decoder_markdown:
          rules: !relative $config_dir/data/decoder-rules.yml
          docs_dir: !relative $docs_dir
"""
from __future__ import annotations

import functools
import os
import pathlib
import posixpath
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from typing import Any

from markdown import Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString

from .decoder_rules import DecoderRules, KindText, load
from .institution import Institution
from .markdown_lines import outside_fences
from .page_record import PageRecord
from .school_office import append_text_naming_office, institution_of, institution_option

MARKER = re.compile(r"^[ \t]*<!--\s*decoder(?::\s*(?P<part>\S+?))?\s*-->[ \t]*$")
PARTS = {None: "tool", "guide": "guide"}
_TOKEN = "HANDBOOK-DECODER-{}"  # what a marker becomes until the block processor builds the HTML


class DecoderMarkupError(ValueError):
    """A page uses the decoder markers wrongly; the message says how to fix it."""


class DecoderExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "rules": ["data/decoder-rules.yml", "the rules file"],
            "docs_dir": ["docs", "the docs folder, to check the rules' links"],
            "record": [PageRecord(), "notes the feature on the page (handbook/page_record.py)"],
            "institution": institution_option("a branded copy's school, named where a text says {{ school.office }}"),
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        rules_file = pathlib.Path(self.getConfig("rules"))
        rules = _load(str(rules_file), rules_file.stat().st_mtime_ns, self.getConfig("docs_dir"))
        md.preprocessors.register(_MarkerPreprocessor(md), "handbook_decoder", 25)  # before raw HTML (20)
        processor = _DecoderBlockProcessor(md.parser, md, rules, self.getConfig("record"), institution_of(self))
        md.parser.blockprocessors.register(processor, "handbook_decoder", 95)


def makeExtension(**kwargs: Any) -> DecoderExtension:  # noqa: N802 - the name Python-Markdown looks for
    return DecoderExtension(**kwargs)


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, docs_dir: str) -> DecoderRules:
    """Checked once per version of the file: MkDocs builds a new Markdown instance for every page."""
    shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    return load(path, docs_dir, shown.replace(os.sep, "/"))


class _MarkerPreprocessor(Preprocessor):
    """Swap each marker for a token paragraph, so Markdown's raw-HTML step does not take it as a comment."""

    def run(self, lines: list[str]) -> list[str]:
        if not any("decoder" in line for line in lines):
            return lines  # most pages: no need to track fences line by line
        seen: dict[str, int] = {}
        for index, line in outside_fences(lines):
            match = MARKER.match(line)
            if not match:
                continue
            part = PARTS.get(match.group("part"))
            if part is None:
                raise DecoderMarkupError(f"line {index + 1}: unknown decoder marker {line.strip()!r}; "
                                         "write <!-- decoder --> or <!-- decoder: guide -->")
            if part in seen:
                raise DecoderMarkupError(f"line {index + 1}: the decoder's {part} is already on this page "
                                         f"(line {seen[part]}); place it once")
            seen[part] = index + 1
            lines[index] = "\n" + _TOKEN.format(part) + "\n"
        if len(seen) == 1:
            raise DecoderMarkupError("a page with <!-- decoder --> needs <!-- decoder: guide --> too, and the other "
                                     "way round: the decoder copies each kind's guide into its results")
        return "\n".join(lines).split("\n")


class _DecoderBlockProcessor(BlockProcessor):
    def __init__(self, parser: BlockParser, md: Markdown, rules: DecoderRules, record: PageRecord,
                 institution: Institution | None) -> None:
        super().__init__(parser)
        self.md, self.rules, self.record, self.institution = md, rules, record, institution

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.strip() in (_TOKEN.format("tool"), _TOKEN.format("guide"))

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0).strip()
        self.record.add("decoder")
        if block == _TOKEN.format("tool"):
            tool(parent, self.rules)
        else:
            guide(parent, self.rules, _page_dir(self.md), self.institution)


def _page_dir(md: Markdown) -> str:
    """The folder of the page being converted, inside the docs folder. MkDocs gives it to its own link rewriter
    (the 'relpath' treeprocessor); any other generator is taken to render pages from the docs root."""
    rewriter = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None
    return posixpath.dirname(getattr(getattr(rewriter, "file", None), "src_uri", "") or "")


# ---------------------------------------------------------------------------------------------------------------------
# Markup


def tool(parent: etree.Element, rules: DecoderRules) -> etree.Element:
    """The form and the empty results area. Hidden until decoder.js starts; a note says why when it cannot."""
    # The rules ride in an attribute, not a <script type="application/json">: Material's instant navigation
    # re-creates every <script> in the new page as a runnable one, which would run the JSON.
    root = etree.SubElement(parent, "div", {"class": "decoder", "data-decoder": "",
                                            "data-decoder-rules": rules.engine_json()})
    _text(root, "p", "The decoder needs JavaScript. Without it, use the guide to each kind of message below.",
          {"class": "decoder-needs-js", "data-decoder-needs-js": ""})
    form = etree.SubElement(root, "div", {"class": "decoder-form", "data-decoder-form": "", "hidden": "hidden"})
    _text(form, "label", "Paste a message from a program, or your notes from a call", {"for": "decoder-input"})
    _text(form, "p", "It stays on this page: nothing you paste is sent anywhere or saved.",
          {"class": "decoder-hint", "id": "decoder-input-hint"})
    etree.SubElement(form, "textarea", {
        "id": "decoder-input", "class": "decoder-input", "data-decoder-input": "", "rows": "8",
        "aria-describedby": "decoder-input-hint", "autocomplete": "off",
    }).text = ""
    actions = etree.SubElement(form, "div", {"class": "decoder-actions"})
    _text(actions, "button", "Decode", {"type": "button", "class": "md-button md-button--primary",
                                        "data-decoder-run": ""})
    _text(actions, "button", "Clear", {"type": "button", "class": "md-button", "data-decoder-clear": ""})
    _text(root, "p", "", {"class": "decoder-status", "role": "status", "data-decoder-status": ""})
    etree.SubElement(root, "div", {"class": "decoder-result", "data-decoder-result": ""}).text = ""
    return root


def guide(parent: etree.Element, rules: DecoderRules, page_dir: str,
          institution: Institution | None = None) -> etree.Element:
    """What each kind means, as readable HTML; decoder.js copies a kind's parts into its result."""
    root = etree.SubElement(parent, "div", {"class": "decoder-guide", "data-decoder-guide": ""})
    for kind in rules.kinds:
        section = etree.SubElement(root, "section", {"class": "decoder-kind", "data-decoder-kind": kind.kind})
        _text(section, "h3", kind.title, {"id": f"kind-{kind.kind}"})
        _kind_parts(section, kind, page_dir, institution)
    # The "no kind found" text is only for results: a <template> is not shown, and the script copies it.
    none = etree.SubElement(root, "template", {"data-decoder-kind": "none"})
    _text(none, "p", rules.no_kind.title, {"class": "decoder-kind-title"})
    _kind_parts(none, rules.no_kind, page_dir, institution)
    return root


def _kind_parts(parent: etree.Element, kind: KindText, page_dir: str, institution: Institution | None) -> None:
    for css, label, text in (("means", "What it means:", kind.means), ("not-means", "What it does not mean:",
                             kind.not_means), ("do", "What to do:", kind.do)):
        if text:
            paragraph = etree.SubElement(parent, "p", {"class": f"decoder-{css}", "data-decoder-part": css})
            _text(paragraph, "strong", label)
            append_text_naming_office(paragraph, " " + text, institution)
    links = etree.SubElement(parent, "ul", {"class": "decoder-links", "data-decoder-part": "links"})
    _link(links, f"Read: {kind.section_title}", kind.section, page_dir)
    if kind.template:
        _link(links, f"Reply template: {kind.template_title}", kind.template, page_dir)
    elif kind.no_template:
        _text(links, "li", kind.no_template)


def _link(parent: etree.Element, text: str, target: str, page_dir: str) -> None:
    page, _, anchor = target.partition("#")
    href = posixpath.relpath(page, page_dir or ".") + "#" + anchor
    _text(etree.SubElement(parent, "li"), "a", text, {"href": href})


def _text(parent: etree.Element, tag: str, text: str, attrs: dict[str, str] | None = None) -> etree.Element:
    element = etree.SubElement(parent, tag, attrs or {})
    element.text = AtomicString(text)
    return element
