"""Shared fixtures: one strict build per run, a loopback server, and Debian's Chromium."""
from __future__ import annotations

import shutil

import pytest
from gates import pytest_unconfigure  # noqa: F401 - a hook: the closing line that names skipped gates

from browser import CHROMIUM, LAUNCH_ARGS, PageWatch, require_chromium
from site_build import ROOT, SiteServer, build


@pytest.fixture
def project_copy(tmp_path):
    """A copy of the project to break on purpose."""
    for name in ("docs", "snippets", "hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "season.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


# branded_site (test_institution.py) builds the whole handbook a second time, for a school.
SLOW_FIXTURES = {"server", "site_dir", "build_log", "browser", "project_copy", "branded_site"}


def pytest_collection_modifyitems(items):
    """A test that needs the built site, a browser or a project copy is slow: `make mutation` leaves it out."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The built site on a loopback port. The build knows that address: instant navigation matches links against
    the sitemap's absolute URLs, port included."""
    with SiteServer(tmp_path_factory.mktemp("site")) as running:
        build(running.site_dir, running.site_url)
        yield running


@pytest.fixture(scope="session")
def site_dir(server):
    return server.site_dir


@pytest.fixture(scope="session")
def build_log(server):
    return build(server.site_dir, server.site_url)


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(locale="en-US", timezone_id="America/New_York")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def watch(page, server):
    """A page whose errors and off-site requests are recorded; assert `watch.problems() == []`."""
    return PageWatch(page, server.origin)


@pytest.fixture
def no_js_page(browser):
    """A page with JavaScript off: what every reader sees before the scripts start, and what prints without them."""
    ctx = browser.new_context(java_script_enabled=False)
    yield ctx.new_page()
    ctx.close()
