"""The Content-Security-Policy every page carries: only the site's own origin, plus the hashes of the inline scripts
that Material's templates write into the page (they differ per page: one holds the page's relative base URL)."""
from __future__ import annotations

import base64
import hashlib

from .html_tree import parse_html

# Written by the theme override (overrides/main.html) and swapped for the page's policy after rendering.
PLACEHOLDER = "handbook-csp-placeholder"

# Script types a browser executes; others (Material's `application/json` config) are data, which CSP does not govern.
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

_FIXED_DIRECTIVES = [
    "default-src 'self'",
    # Material's CSS draws its icons as data: SVG masks; the handbook's QR code and images are its own files.
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]


def _inline_script_bodies(page_html: str) -> list[str]:
    root = parse_html(page_html)
    if root is None:  # nothing but white space
        return []
    return [script.text or "" for script in root.iter("script")
            if script.get("src") is None and (script.get("type") or "").strip().lower() in _EXECUTABLE_TYPES]


def inline_script_hashes(page_html: str) -> list[str]:
    """The CSP source expression ('sha256-…') of each executable inline script, in page order, without repeats."""
    hashes = []
    for body in _inline_script_bodies(page_html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if (source := f"'sha256-{digest}'") not in hashes:
            hashes.append(source)
    return hashes


def policy(script_hashes: list[str]) -> str:
    """The policy for a page whose inline scripts have these hashes: no 'unsafe-inline', no 'unsafe-eval'."""
    return "; ".join(_FIXED_DIRECTIVES[:1] + [" ".join(["script-src 'self'", *script_hashes])] + _FIXED_DIRECTIVES[1:])


def apply(page_html: str) -> str:
    """Fill the page's CSP placeholder with its policy. A page rendered without the override is left alone."""
    if PLACEHOLDER not in page_html:
        return page_html
    return page_html.replace(PLACEHOLDER, policy(inline_script_hashes(page_html)), 1)
