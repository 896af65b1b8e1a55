"""Print the Content-Security-Policy HTTP header for the built site, for hosts that want one beside the pages' own
<meta> policies: the same sources (the union of every page's inline-script hashes), plus `frame-ancestors`, which only
a header can set. A browser enforces both the header and the meta tag, so a header must allow what the pages need."""
from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "hooks"))

from handbook.csp import inline_script_hashes, policy  # noqa: E402


def site_header(site_dir: pathlib.Path) -> str:
    hashes: list[str] = []
    for page in sorted(site_dir.rglob("*.html")):
        for source in inline_script_hashes(page.read_text(encoding="utf-8")):
            if source not in hashes:
                hashes.append(source)
    if not hashes:
        raise SystemExit(f"{site_dir}: no built pages with inline scripts; run `make build` first")
    return f"{policy(hashes)}; frame-ancestors 'none'"


if __name__ == "__main__":
    site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    print(f"Content-Security-Policy: {site_header(site)}")
