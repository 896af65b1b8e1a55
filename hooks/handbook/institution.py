"""A school's own copy: one small YAML file names the school and its advising office (issue 9).

    school_name: Example University School of Medicine
    office_name: Office of Student Affairs
    email: student-affairs@example.edu
    web_address: https://example.edu/student-affairs
    hours: Monday to Friday, 9 am to 5 pm (US Eastern time)
    logo: example-logo.png        # optional; a local image, relative to this file

Build with `INSTITUTION=path/to/institution.yml make build`. Without the file the handbook stays generic.
"""
from __future__ import annotations

import pathlib
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from xml.etree.ElementTree import Element, SubElement, tostring

import yaml

from .frontmatter import SourceError

REQUIRED = ("school_name", "office_name", "email", "web_address", "hours")
OPTIONAL = ("logo",)
LOGO_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
LOGO_FOLDER = "assets/institution"  # where the logo lands in the built site
MAX_TEXT = 200

# Where a sentence sends readers to their own school's office: `Ask {{ school.office }} first.` (pages, snippets and
# template notes). Put it mid-sentence: it reads "your dean's office", or "the <office> at <school> (<email>)".
SCHOOL_TOKEN = re.compile(r"\{\{\s*school\.(?P<key>[a-z_]*)\s*\}\}")
SCHOOL_KEYS = ("office",)
GENERIC_OFFICE = "dean's office"  # after "your"; the glossary explains the term

_EMAIL = re.compile(r"^[^@\s<>\"'(),;:]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Institution:
    school_name: str
    office_name: str
    email: str
    web_address: str
    hours: str
    logo: pathlib.Path | None = None  # absolute path of the local image

    @property
    def logo_url(self) -> str | None:
        """The logo's path inside the built site, relative to the site root."""
        return f"{LOGO_FOLDER}/{self.logo.name}" if self.logo else None


def load(path: str | pathlib.Path) -> Institution:
    """Read and check an institution file. Raises SourceError naming the file, line and key."""
    file = pathlib.Path(path)
    shown = str(path)
    if not file.is_file():
        raise SourceError(shown, 1, "institution file not found (INSTITUTION names it)")
    text = file.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise SourceError(shown, line, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise SourceError(shown, 1, f"an institution file is a mapping with the keys {', '.join(REQUIRED + OPTIONAL)}")
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value} if isinstance(node, yaml.MappingNode) else {}

    def fail(key: str, message: str) -> SourceError:
        return SourceError(shown, lines.get(key, 1), f"'{key}': {message}")

    for key in data:
        if key not in REQUIRED + OPTIONAL:
            raise fail(str(key), f"unknown key; the keys are {', '.join(REQUIRED + OPTIONAL)}")
    values: dict[str, str] = {}
    for key in REQUIRED:
        value = data.get(key)
        if value is None:
            raise SourceError(shown, 1, f"'{key}': missing; an institution file needs {', '.join(REQUIRED)}")
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT or "\n" in value.strip():
            raise fail(key, f"must be one line of text, up to {MAX_TEXT} characters")
        values[key] = value.strip()
    if not _EMAIL.match(values["email"]):
        raise fail("email", f"'{values['email']}' is not an email address like advising@example.edu")
    web = urllib.parse.urlsplit(values["web_address"])
    if web.scheme not in ("https", "http") or not web.netloc or any(c in values["web_address"] for c in ' "<>'):
        raise fail("web_address", f"'{values['web_address']}' is not a web address like https://example.edu/advising")
    return Institution(**values, logo=_logo(data.get("logo"), file, fail))


def _logo(value: object, file: pathlib.Path, fail: Callable[[str, str], SourceError]) -> pathlib.Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail("logo", "must be the path of a local image file")
    if re.match(r"^[a-z][a-z0-9+.-]*://|^//", value.strip(), re.IGNORECASE):
        raise fail("logo", "must be a local file: the site loads nothing from other addresses")
    logo = (file.parent / value.strip()).resolve()
    if logo.suffix.lower() not in LOGO_TYPES:
        raise fail("logo", f"'{value}' is not an image; use one of {', '.join(sorted(LOGO_TYPES))}")
    if not logo.is_file():
        raise fail("logo", f"no file at '{value}' (paths are relative to the institution file)")
    return logo


# ---------------------------------------------------------------------------------------------------------------------
# What readers see


def office_html(institution: Institution | None) -> str:
    """The school's office with its contact details; empty in the generic handbook, whose own words say it.
    (The logo shows in the footer only: a Markdown page does not know its depth, so could not point at the image.)"""
    if institution is None:
        return ""
    i = institution
    return (
        '<div class="school-office" data-school-office>'
        f'<p class="school-office__name">At {escape(i.school_name)}, '
        f'ask the <strong>{escape(i.office_name)}</strong>.</p>'
        '<ul class="school-office__contact">'
        f'<li>Email: <a href="mailto:{escape(i.email)}">{escape(i.email)}</a></li>'
        f'<li>Web: <a href="{escape(i.web_address)}">{escape(i.web_address)}</a></li>'
        f"<li>Hours: {escape(i.hours)}</li>"
        "</ul></div>"
    )


def office_mention(institution: Institution | None, glossary: str | None = None, contact: str | None = None) -> Element:
    """The words for `{{ school.office }}` inside a sentence, as an element whose text is always plain text.

    Generic: "your dean's office" (the words linked to `glossary` when given). Branded: "the Office of Student Affairs
    at Example University (student-affairs@example.edu)", the office linked to `contact` when given, the email a
    mailto link, so the contact details are one tap away."""
    mention = Element("span", {"class": "school-office-mention"})
    if institution is None:
        _append(mention, "your ")
        _append(mention, GENERIC_OFFICE, glossary)
        return mention
    _append(mention, "the ")
    _append(mention, institution.office_name, contact)
    _append(mention, f" at {institution.school_name} (")
    _append(mention, institution.email, f"mailto:{institution.email}")
    _append(mention, ")")
    return mention


def unknown_school_keys(text: str) -> list[str]:
    """A message for each `{{ school.<key> }}` in the text that names no known key."""
    return [f"no '{{{{ school.{match.group('key')} }}}}'; the school's words are: "
            + ", ".join(f"{{{{ school.{key} }}}}" for key in SCHOOL_KEYS)
            for match in SCHOOL_TOKEN.finditer(text) if match.group("key") not in SCHOOL_KEYS]


def with_office_html(text: str, institution: Institution | None) -> str:
    """Plain text as HTML, each `{{ school.office }}` in it named (no links but the email: the template widgets that
    use it do not know the page's depth)."""
    out, last = [], 0
    for match in SCHOOL_TOKEN.finditer(text):
        if match.group("key") not in SCHOOL_KEYS:
            continue  # the source checks report it
        mention = tostring(office_mention(institution), encoding="unicode", method="html")
        out += [escape(text[last:match.start()], quote=False), mention]
        last = match.end()
    out.append(escape(text[last:], quote=False))
    return "".join(out)


def _append(parent: Element, text: str, href: str | None = None) -> None:
    """Add text at the end of `parent`, as a link when `href` is given."""
    if href:
        SubElement(parent, "a", {"href": href}).text = text
    elif len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
