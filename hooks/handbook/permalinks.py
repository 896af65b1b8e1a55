"""Permanent addresses: which URLs and anchors of the built site are public, and whether they still resolve (issue 9).

The manifest (permalinks.yml) maps each page's URL path to its anchors, by kind:

    /your-messages/etiquette-and-thank-you/:
      sections: [thank-you-notes, ...]     # h2-h6 heading ids
      templates: [template-thank-you]      # <section id="template-...">: a link that opens the page at a template
      phases: [before-interview-season]    # checklist phase headings

Entries are only ever added. An address that no longer resolves must be kept working: restore the id, leave an
alias element with the old id in the page, or redirect the old page (mkdocs-redirects) to its new place.
"""
from __future__ import annotations

import pathlib
import posixpath
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

KINDS = ("sections", "templates", "phases")
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
MAX_REDIRECTS = 5
HEADER = """\
# Permanent addresses of the handbook: every public page and its section, template and checklist-phase anchors.
# Schools and advisors link to these; tests/test_permalinks.py checks that each one still resolves on the built site.
# Never remove an entry. When a page moves, add a redirect in mkdocs.yml; when a heading's id must change, keep the
# old id on an element in the page. Add new entries with `make permalinks` (it builds the site, then merges).
"""

Manifest = dict[str, dict[str, list[str]]]  # URL path -> kind -> anchors


@dataclass
class PageScan:
    """What one built HTML file offers: every id, the public anchors by kind, or where it redirects."""

    ids: set[str] = field(default_factory=set)
    anchors: dict[str, list[str]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    redirect: str | None = None


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._sections: list[bool] = []  # open <section>s: is it a template widget?
        self.phase_ids: set[str] = set()  # a checklist item names its phase in data-phase

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        element_id = values.get("id", "")
        classes = values.get("class", "").split()
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and "url=" in values.get("content", ""):
            self.scan.redirect = values["content"].split("url=", 1)[1].strip()
        if "data-phase" in values:
            self.phase_ids.add(values["data-phase"])
        if tag == "section":
            self._sections.append("tpl" in classes)
        if not element_id:
            return
        self.scan.ids.add(element_id)
        in_template = any(self._sections[:-1] if tag == "section" else self._sections)
        if tag == "section" and "tpl" in classes and element_id.startswith("template-"):
            self.scan.anchors["templates"].append(element_id)
        elif tag in HEADINGS and not in_template:
            self.scan.anchors["sections"].append(element_id)

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self._sections:
            self._sections.pop()


def scan_html(html: str) -> PageScan:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    anchors = scanner.scan.anchors
    anchors["phases"] = [anchor for anchor in anchors["sections"] if anchor in scanner.phase_ids]
    anchors["sections"] = [anchor for anchor in anchors["sections"] if anchor not in scanner.phase_ids]
    return scanner.scan


def url_path(site_dir: pathlib.Path, file: pathlib.Path) -> str:
    """/faq/ for site/faq/index.html, / for site/index.html."""
    rel = file.relative_to(site_dir).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def file_for(site_dir: pathlib.Path, url: str) -> pathlib.Path:
    path = site_dir / urllib.parse.unquote(url).lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def public_addresses(site_dir: pathlib.Path) -> Manifest:
    """Every page of the built site (not redirect stubs, not the 404 page) with its anchors."""
    found: Manifest = {}
    for file in sorted(site_dir.rglob("*.html")):
        if file.name == "404.html":
            continue
        scan = scan_html(file.read_text(encoding="utf-8"))
        if scan.redirect is None:
            found[url_path(site_dir, file)] = {kind: anchors for kind, anchors in scan.anchors.items() if anchors}
    return found


def resolve(site_dir: pathlib.Path, url: str) -> tuple[str, PageScan] | None:
    """The page a reader lands on for url, following redirects; None when there is no such page."""
    for _ in range(MAX_REDIRECTS):
        file = file_for(site_dir, url)
        if not file.is_file():
            return None
        scan = scan_html(file.read_text(encoding="utf-8"))
        if scan.redirect is None:
            return url, scan
        target = urllib.parse.urlsplit(scan.redirect).path
        url = posixpath.normpath(posixpath.join(url if url.endswith("/") else posixpath.dirname(url), target))
        url += "/" if target.endswith("/") and not url.endswith("/") else ""
    return None


def broken(manifest: Manifest, site_dir: pathlib.Path) -> list[str]:
    """Every listed URL or anchor that no longer resolves on the built site, as `url#anchor: why`."""
    problems = []
    for url, kinds in manifest.items():
        landing = resolve(site_dir, url)
        if landing is None:
            problems.append(f"{url}: no such page, and no redirect from it")
            continue
        final, scan = landing
        shown = url if final == url else f"{url} (now {final})"
        for kind, anchors in kinds.items():
            problems += [f"{shown}#{anchor}: no element with this id ({kind[:-1]})"
                         for anchor in anchors if anchor not in scan.ids]
    return problems


def unlisted(manifest: Manifest, site_dir: pathlib.Path) -> list[str]:
    """Public addresses on the built site that the manifest does not hold yet."""
    missing = []
    for url, kinds in public_addresses(site_dir).items():
        listed = manifest.get(url)
        if listed is None:
            missing.append(url)
            continue
        missing += [f"{url}#{anchor}" for kind, anchors in kinds.items()
                    for anchor in anchors if anchor not in listed.get(kind, [])]
    return missing


def merged(manifest: Manifest, site_dir: pathlib.Path) -> Manifest:
    """The manifest with every new public address added; nothing is ever dropped."""
    result: Manifest = {url: {kind: list(anchors) for kind, anchors in kinds.items()}
                        for url, kinds in manifest.items()}
    for url, kinds in public_addresses(site_dir).items():
        entry = result.setdefault(url, {})
        for kind, anchors in kinds.items():
            entry.setdefault(kind, []).extend(a for a in anchors if a not in entry.get(kind, []))
    return {url: {kind: result[url][kind] for kind in KINDS if result[url].get(kind)} for url in sorted(result)}


def count(manifest: Manifest) -> tuple[int, int]:
    """(URLs, anchors) the manifest holds."""
    return len(manifest), sum(len(anchors) for kinds in manifest.values() for anchors in kinds.values())


def load(path: pathlib.Path) -> Manifest:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(url): {kind: list(anchors or []) for kind, anchors in (kinds or {}).items()}
            for url, kinds in data.items()}


def dump(manifest: Manifest) -> str:
    return HEADER + yaml.safe_dump(manifest, sort_keys=False, default_flow_style=None, width=120, allow_unicode=True)
