"""The header a host can send allows every inline script the built pages hold, and forbids framing."""
from __future__ import annotations

import sys

from site_build import ROOT, html_pages

sys.path.insert(0, str(ROOT / "scripts"))

from csp_header import site_header  # noqa: E402

from handbook.csp import inline_script_hashes  # noqa: E402


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
