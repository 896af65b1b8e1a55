"""Hook: ship the handbook's own JS and CSS minified. Only the copies in site/ change; docs/ keeps readable source.

Whole-site work after the build, so it is a hook, not a Markdown extension. Material's own assets are minified already.
JavaScript goes through esbuild (`make` installs it from package.json into node_modules/), which also shortens local
names: the page budgets in `make bench` count on that. Where esbuild is missing (a copy of the project in a test),
rjsmin strips comments and spaces instead, so the site still works.
"""
from __future__ import annotations

import logging
import pathlib
import subprocess
from collections.abc import Callable

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig

OWN_JS, OWN_CSS = "assets/js", "assets/css"  # relative to docs/ and to site/
log = logging.getLogger("mkdocs.hooks.minify")


def on_post_build(*, config: MkDocsConfig) -> None:
    docs, site = pathlib.Path(config.docs_dir), pathlib.Path(config.site_dir)
    esbuild = pathlib.Path(config.config_file_path).parent / "node_modules" / ".bin" / "esbuild"
    scripts = [source for source in sorted((docs / OWN_JS).glob("*.js")) if (site / OWN_JS / source.name).is_file()]
    if scripts and esbuild.is_file():
        # Each module on its own (no bundling): imports, exports and the dynamic imports stay as written.
        subprocess.run([str(esbuild), "--minify", "--format=esm", "--log-level=warning",
                        f"--outdir={site / OWN_JS}", *map(str, scripts)], check=True)
    else:
        if scripts:
            log.info("esbuild is not installed (make installs it): JavaScript minified with rjsmin instead")
        _minify_each(scripts, site / OWN_JS, rjsmin.jsmin)
    stylesheets = sorted((docs / OWN_CSS).glob("*.css"))
    _minify_each([source for source in stylesheets if (site / OWN_CSS / source.name).is_file()], site / OWN_CSS,
                 rcssmin.cssmin)


def _minify_each(sources: list[pathlib.Path], folder: pathlib.Path, minify: Callable[[str], str]) -> None:
    for source in sources:
        (folder / source.name).write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
