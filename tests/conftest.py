"""Shared fixtures: one strict build per run, a loopback server, and Debian's Chromium."""
from __future__ import annotations

import pytest

from browser import CHROMIUM, LAUNCH_ARGS, PageWatch, require_chromium
from site_build import SiteServer, build


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("site")
    build(directory)
    return directory


@pytest.fixture(scope="session")
def build_log(site_dir):
    return build(site_dir)


@pytest.fixture(scope="session")
def server(site_dir):
    with SiteServer(site_dir) as running:
        yield running


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
