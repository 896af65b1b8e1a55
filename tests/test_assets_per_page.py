"""Each page loads the handbook's code and styles for the features it has, and no others; nothing moves as they load."""
from __future__ import annotations

import urllib.parse

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser import PageWatch
from handbook.page_record import FEATURE_STYLESHEETS
from site_build import ROOT, SiteServer, html_pages, mkdocs_build

# A feature's root element in the built HTML, and the stylesheet it needs.
FEATURE_ROOTS = {"templates": "section.tpl[data-template]", "checklist": "[data-checklist]",
                 "decoder": "[data-decoder], [data-decoder-guide]",
                 "tracker": "[data-tracker]", "advisors": "[data-advisor-links]", "print-sheets": "[data-print-sheet]",
                 "forget-all": "[data-forget-all]"}
# On every page: colours, buttons, the footer's edition line, the print layout. (A branded copy adds school.css.)
EVERY_PAGE = ["handbook.css"]


def own(paths: list[str], kind: str) -> list[str]:
    return sorted(path.rsplit("/", 1)[-1] for path in paths if f"assets/{kind}/" in path)


def test_every_page_has_one_script_and_only_the_stylesheets_of_its_features(site_dir):
    assert set(FEATURE_ROOTS) == set(FEATURE_STYLESHEETS)
    for file in html_pages(site_dir):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        scripts = [script.get("src", "") for script in soup.select("script[src]")]
        assert own(scripts, "js") == ["handbook.js"], file
        expected = EVERY_PAGE + sorted(FEATURE_STYLESHEETS[feature].rsplit("/", 1)[-1]
                                             for feature, root in FEATURE_ROOTS.items() if soup.select_one(root))
        stylesheets = [link["href"] for link in soup.select("head link[rel=stylesheet]")]
        assert own([link["href"] for link in soup.select("body link[rel=stylesheet]")], "css") == [], file
        # The handbook's stylesheets start loading before Material's (overrides/main.html): the first paint then waits
        # for no request of ours that starts last.
        head_links = [(link["rel"][0], link["href"]) for link in soup.select("head link[rel=preload], head link[rel=stylesheet]")]
        first_of_material = next(i for i, (rel, href) in enumerate(head_links) if "assets/stylesheets/" in href)
        preloads = [href for rel, href in head_links[:first_of_material] if rel == "preload"]
        assert own(preloads, "css") == own(stylesheets, "css"), file
        # A page with a feature asks for Material's script bundle in the head as well, so that it is ready when the
        # parser reaches its tag; other pages do not (overrides/main.html).
        bundle = next(src for src in scripts if "assets/javascripts/bundle." in src)
        has_feature = bool(set(own(stylesheets, "css")) & {path.rsplit("/", 1)[-1] for path in FEATURE_STYLESHEETS.values()})
        assert bool(soup.select_one(f'head link[rel=preload][as=script][href="{bundle}"]')) == has_feature, file
        if file.parent.name == "print":
            # The whole book: it has the stylesheets of every chapter's features (their classes style the printed
            # templates and checklist), though the print copy drops the interactive roots.
            assert set(own(stylesheets, "css")) >= set(expected) | {"template-filler.css", "checklist.css"}, file
            continue
        assert own(stylesheets, "css") == sorted(expected), file


def fetched_assets(page, server, path: str) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(urllib.parse.urlsplit(request.url).path))
    page.goto(server.origin + path, wait_until="networkidle")
    return requests


@pytest.mark.browser
def test_a_page_without_features_fetches_no_feature_code(page, server, watch):
    requests = fetched_assets(page, server, "/templates/")  # shortcuts to templates, but no widget or sources box
    assert own(requests, "js") == ["handbook.js"]  # landing.js inside it; its moves load only once needed
    assert own(requests, "css") == EVERY_PAGE
    assert watch.problems() == []


def measure_layout_shift(page) -> None:
    """From the first paint on, window.__shift sums the page's layout shifts (its CLS)."""
    page.add_init_script("""
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    """)


@pytest.mark.browser
def test_the_checklist_page_fetches_the_checklist_code_and_shifts_nothing(page, server, watch):
    measure_layout_shift(page)
    requests = fetched_assets(page, server, "/action-plan/")
    assert own(requests, "js") == ["checklist.js", "handbook.js"]  # dom.js and store.js bundled into checklist.js
    expect(page.locator("[data-checklist-panel]")).to_be_visible()
    expect(page.locator(".checklist-progress--overall")).to_contain_text("0 of")
    assert page.evaluate("() => window.__shift") == 0
    assert watch.problems() == []


@pytest.mark.browser
def test_a_template_page_fetches_the_template_code_and_shifts_nothing(page, server, watch):
    measure_layout_shift(page)
    requests = fetched_assets(page, server, "/your-messages/letters-of-interest-and-intent/")
    assert own(requests, "js") == ["handbook.js", "template-filler.js"]  # dom.js and store.js bundled into it
    widget = page.locator("#template-letter-of-interest")
    expect(widget).to_have_attribute("data-template-ready", "true")
    expect(widget.locator("[data-template-form]")).to_be_visible()
    assert page.evaluate("() => window.__shift") == 0
    assert watch.problems() == []


@pytest.mark.browser
def test_instant_navigation_to_a_template_page_brings_its_styles_and_starts_it(page, server, watch):
    page.goto(server.origin + "/faq/")
    page.wait_for_function("() => window.document$ !== undefined")
    page.locator("a[href*='letters-of-interest-and-intent']").first.click()
    widget = page.locator("#template-letter-of-interest")
    expect(widget).to_have_attribute("data-template-ready", "true")
    expect(widget.locator("[data-template-form]")).to_be_visible()
    # The card's border comes from the feature's own stylesheet, which arrived with the swapped-in content.
    expect(widget).to_have_css("border-top-style", "solid")
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1  # no full reload
    assert watch.problems() == []


def test_shipped_scripts_and_styles_are_minified_copies_of_the_source(site_dir):
    source = ROOT / "docs" / "assets"
    scripts = {file.name: file.read_text(encoding="utf-8") for file in (site_dir / "assets" / "js").glob("*.js")}
    bundled = {file.name: file.read_text(encoding="utf-8") for file in source.glob("js/*.js") if file.name not in scripts}
    for name in bundled:
        # Only ever imported statically: inside each module that imports it, so none loads it by name.
        assert not any(f'"./{name}"' in shipped for shipped in scripts.values()), name
    for file in [*source.glob("js/*.js"), *source.glob("css/*.css")]:
        if file.name in bundled:
            continue
        shipped = (site_dir / "assets" / file.parent.name / file.name).read_text(encoding="utf-8")
        readable = file.read_text(encoding="utf-8")
        readable += "".join(code for name, code in bundled.items() if f'from "./{name}"' in readable)
        assert len(shipped) < 0.8 * len(readable), file.name
        assert "@ts-check" not in shipped and "\n  " not in shipped, file.name  # no comments, no indentation
    assert {"dom.js", "store.js", "landing.js", "tracker-logic.js"}.isdisjoint(scripts)
    entry = scripts["handbook.js"]
    for module in ("./template-filler.js", "./checklist.js", "./forget-all.js", "./decoder.js", "./landing-moves.js"):
        assert f'import("{module}")' in entry  # the modules the entry loads keep their names


@pytest.mark.browser
def test_a_copy_without_esbuild_ships_each_module_on_its_own_and_still_works(project_copy, page):
    """Without node_modules/ (no esbuild), hooks/minify.py minifies each module unbundled: nothing is missing."""
    site = project_copy / "site"
    result = mkdocs_build(site, project=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    with SiteServer(site) as server:
        watch = PageWatch(page, server.origin)
        requests = fetched_assets(page, server, "/action-plan/")
        expect(page.locator("[data-checklist]")).to_have_attribute("data-checklist-ready", "true")
        expect(page.locator(".checklist-progress--overall")).to_contain_text("0 of")
        assert own(requests, "js") == ["checklist.js", "dom.js", "handbook.js", "landing.js", "store.js"]
        assert watch.problems() == []
