"""Hook: ship the handbook's own JS and CSS minified. Only the copies in site/ change; docs/ keeps readable source.

Whole-site work after the build, so it is a hook, not a Markdown extension. Material's own assets are minified already.
"""
from __future__ import annotations

import pathlib

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
OWN_ASSETS = ("assets/js", "assets/css")  # relative to docs/ and to site/


def on_post_build(*, config: MkDocsConfig) -> None:
    docs, site = pathlib.Path(config.docs_dir), pathlib.Path(config.site_dir)
    for folder in OWN_ASSETS:
        for source in sorted((docs / folder).glob("*")):
            minify = MINIFIERS.get(source.suffix)
            shipped = site / folder / source.name
            if minify and shipped.is_file():
                shipped.write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
