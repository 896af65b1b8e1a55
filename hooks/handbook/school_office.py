"""Python-Markdown extension: `{{ school.office }}` inside a sentence names the reader's own school office (issue 9).

    Talk to {{ school.office }} or a mentor before you reply.

Generic handbook: "Talk to your dean's office or a mentor ...", the words linked to the glossary entry. Branded copy
(INSTITUTION=path, see handbook/institution.py): "Talk to the Office of Student Affairs at Example University
(student-affairs@example.edu) or a mentor ...", the office linked to its contact card on "Who can help" and the email a
mailto link. The links are absolute from the docs folder, so MkDocs checks them and makes them relative on any page.
hooks/site_markers.py passes the institution. The template notes (handbook/templates_render.py) and the decoder's
guide (handbook/decoder_markdown.py) use the same words.
"""
from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from .institution import SCHOOL_KEYS, SCHOOL_TOKEN, Institution, office_mention

GLOSSARY = "/glossary.md#dean-s-office"
CONTACT = "/help/who-can-help.md#your-school"
# Before links (160) and emphasis, after code spans (190) and backslash escapes (180): a token in code stays code.
PRIORITY = 175


def institution_option(description: str) -> list[Any]:
    """The `institution` option of an extension that names the office. Its default is "", not None: Python-Markdown
    would read a None default as a yes/no option and turn the school into True."""
    return ["", description]


def institution_of(extension: Extension) -> Institution | None:
    return extension.getConfig("institution") or None


class SchoolOfficeProcessor(InlineProcessor):
    def __init__(self, md: Markdown, institution: Institution | None):
        super().__init__(SCHOOL_TOKEN.pattern, md)
        self.institution = institution

    # Python-Markdown's own name and signature (its stubs type InlineProcessor's differently from Pattern's).
    def handleMatch(  # type: ignore[override]  # noqa: N802
            self, m: re.Match[str], data: str) -> tuple[Element | None, int | None, int | None]:
        if m.group("key") not in SCHOOL_KEYS:
            return None, None, None  # left as typed; the source checks name the file and line
        return page_mention(self.institution), m.start(0), m.end(0)


def page_mention(institution: Institution | None) -> Element:
    """The office's words with the page links, as text Markdown leaves alone (a school's name is never Markdown)."""
    mention = office_mention(institution, glossary=GLOSSARY, contact=CONTACT)
    for element in mention.iter():
        element.text = AtomicString(element.text) if element.text else element.text
        element.tail = AtomicString(element.tail) if element.tail else element.tail
    return mention


def append_text_naming_office(parent: Element, text: str, institution: Institution | None) -> None:
    """Add plain text at the end of `parent`, each `{{ school.office }}` in it named: for extensions that build their
    own elements from a data file (the decoder's guide)."""
    last = 0
    for match in SCHOOL_TOKEN.finditer(text):
        if match.group("key") in SCHOOL_KEYS:
            _append_text(parent, text[last:match.start()])
            parent.append(page_mention(institution))
            last = match.end()
    _append_text(parent, text[last:])


def _append_text(parent: Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = AtomicString((parent[-1].tail or "") + text)
    else:
        parent.text = AtomicString((parent.text or "") + text)


class SchoolOfficeExtension(Extension):
    def __init__(self, **kwargs: Any):
        self.config = {"institution": institution_option("The school (handbook/institution.py); empty: generic")}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        processor = SchoolOfficeProcessor(md, institution_of(self))
        md.inlinePatterns.register(processor, "handbook_school_office", PRIORITY)


def makeExtension(**kwargs: Any) -> SchoolOfficeExtension:  # noqa: N802 (the name Python-Markdown looks for)
    return SchoolOfficeExtension(**kwargs)
