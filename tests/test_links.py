"""Every link and anchor on the built site works, and every external address is one we chose."""
from __future__ import annotations

import functools
import pathlib
import re
import urllib.parse

from bs4 import BeautifulSoup

from site_build import ROOT, html_pages

ALLOW_LIST = ROOT / "snippets" / "links.md"
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


def allowed_external_urls() -> set[str]:
    return set(re.findall(r"^\[[^\]]+\]:\s*(\S+)", ALLOW_LIST.read_text(encoding="utf-8"), re.MULTILINE))


@functools.cache
def parse(page: pathlib.Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def ids_on(page: pathlib.Path) -> set[str]:
    soup = parse(page)
    return {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}


def links(site_dir: pathlib.Path, site_url: str):
    """(page, url) for every link-bearing attribute on every built page. Canonical links point at the site's own
    address: they are internal links in disguise."""
    for page in html_pages(site_dir):
        for tag_name, attr in LINK_ATTRS.items():
            for tag in parse(page).find_all(tag_name, attrs={attr: True}):
                url = tag[attr]
                yield page, ("/" + url[len(site_url):]) if url.startswith(site_url) else url


def resolve(site_dir: pathlib.Path, page: pathlib.Path, url: str) -> pathlib.Path:
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
    if not path:
        target = page
    elif path.startswith("/"):
        target = (site_dir / path.lstrip("/")).resolve()
    else:
        target = (page.parent / path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target


def broken_internal_links(site_dir: pathlib.Path, site_url: str) -> list[str]:
    """Every internal link whose file is missing, or whose #fragment names no element on the target page."""
    broken = []
    for page, url in links(site_dir, site_url):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme or url.startswith("//"):
            continue
        target = resolve(site_dir, page, url)
        where = f"{page.relative_to(site_dir).as_posix()} -> {url}"
        if not target.is_file() or site_dir.resolve() not in target.parents:
            broken.append(f"{where}: no such file")
        elif parts.fragment and target.suffix == ".html" and urllib.parse.unquote(parts.fragment) not in ids_on(target):
            broken.append(f"{where}: no element with that id")
    return broken


def test_internal_links_and_anchors_resolve(site_dir, server):
    assert broken_internal_links(site_dir, server.site_url) == []


def test_the_link_checker_reports_a_missing_file_and_a_missing_anchor(tmp_path):
    """The checker itself can fail: a tiny made-up site with one good link of each kind and one bad one."""
    site_url = "https://handbook.example.edu/peds/"
    (tmp_path / "faq").mkdir()
    (tmp_path / "index.html").write_text(
        '<h1 id="top">Home</h1>'
        '<a href="faq/">FAQ</a> <a href="faq/#visa">Visa</a> <a href="#top">Top</a>'
        f'<link rel="canonical" href="{site_url}">'
        '<a href="faq/#old-anchor">Old anchor</a> <a href="gone/">Gone</a> <a href="faq/#no-such-answer">Lost</a>'
        '<a href="https://www.nrmp.org/">Outside</a> <a href="mailto:a@example.edu">Mail</a>',
        encoding="utf-8",
    )
    (tmp_path / "faq" / "index.html").write_text(
        '<h1>FAQ</h1><h2 id="visa">Visa</h2><a name="old-anchor"></a><a href="../#top">Home</a>'
        '<a href="../index.html#old">Old</a><script src="/assets/app.js"></script>',
        encoding="utf-8",
    )
    assert sorted(broken_internal_links(tmp_path, site_url)) == [
        "faq/index.html -> ../index.html#old: no element with that id",
        "faq/index.html -> /assets/app.js: no such file",
        "index.html -> faq/#no-such-answer: no element with that id",
        "index.html -> gone/: no such file",
    ]


def test_external_links_are_https_and_allow_listed(site_dir, server):
    allowed = allowed_external_urls()
    bad = []
    for page, url in links(site_dir, server.site_url):
        scheme = urllib.parse.urlsplit(url).scheme
        if scheme in ("", "mailto"):
            continue
        if scheme != "https" or url not in allowed:
            bad.append(f"{page.relative_to(site_dir)} -> {url}")
    assert bad == []


def test_allow_list_is_https_only():
    assert allowed_external_urls(), "snippets/links.md lists no addresses"
    assert [u for u in allowed_external_urls() if not u.startswith("https://")] == []
