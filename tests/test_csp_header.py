"""The header a host can send allows every inline script the built pages hold, and forbids framing."""
from __future__ import annotations

import sys

from site_build import ROOT, html_pages

sys.path.insert(0, str(ROOT / "scripts"))

from csp_header import site_header  # noqa: E402

from handbook.csp import PLACEHOLDER, apply, inline_script_hashes, policy  # noqa: E402


def test_header_allows_every_page_and_forbids_framing(site_dir):
    header = site_header(site_dir)
    assert header.startswith("default-src 'self'; script-src 'self' 'sha256-")
    assert header.endswith("; frame-ancestors 'none'")
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    for page in html_pages(site_dir):
        for source in inline_script_hashes(page.read_text(encoding="utf-8")):
            assert source in header, page


def test_a_known_script_hashes_as_csp_expects():
    # sha256 of "alert(1)" in base64, as a browser computes it for <script>alert(1)</script>.
    assert inline_script_hashes("<script>alert(1)</script><script src=x.js></script>") == [
        "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]


ALERT = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"  # <script>alert(1)</script>


def test_only_scripts_a_browser_runs_are_hashed_once_each_in_page_order():
    page = ('<script type="application/json">{"a": 1}</script><script type=" Module ">alert(1)</script>'
            '<script type="text/javascript">alert(2)</script><script>alert(1)</script>'
            '<script src="x.js">alert(3)</script><script type="text/x-template">alert(4)</script><p>alert(5)</p>')
    assert inline_script_hashes(page) == [ALERT,  # and alert(2)
                                          "'sha256-4axlHpxgDbFzJObpXPFZgZhULrEGgJiud3OwxN9unHg='"]
    # a script's body is hashed whole, as the browser does, even where a "<" splits what the parser reads
    assert inline_script_hashes("<script>if (a < b) alert(1)</script>") == [
        "'sha256-qfgu+Ey3GPN/PhVNv5pW0StE3h++OUb593wmNL/Se5E='"]  # sha256 of the body, worked out with hashlib
    # and exactly as written, entities and all
    assert inline_script_hashes("<script>a &amp;&amp; b</script>") != inline_script_hashes("<script>a && b</script>")


def test_the_policy_allows_the_sites_own_files_and_the_pages_hashed_scripts_only():
    assert policy([ALERT]) == (
        f"default-src 'self'; script-src 'self' {ALERT}; img-src 'self' data:; object-src 'none'; "
        "base-uri 'self'; form-action 'self'")


def test_the_page_placeholder_gets_its_policy_and_a_page_without_it_is_left_alone():
    page = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}"><script>alert(1)</script>'
    assert apply(page) == page.replace(PLACEHOLDER, policy([ALERT]))
    assert apply("<script>alert(1)</script>") == "<script>alert(1)</script>"
    twice = f"{PLACEHOLDER} {PLACEHOLDER}"
    assert apply(twice) == f"{policy([])} {PLACEHOLDER}"
