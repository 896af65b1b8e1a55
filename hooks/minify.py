"""Hook: ship the handbook's own JS and CSS minified. Only the copies in site/ change; docs/ keeps readable source.

Whole-site work after the build, so it is a hook, not a Markdown extension. Material's own assets are minified already.
JavaScript goes through esbuild (`make` installs it from package.json into node_modules/), which also shortens local
names: the page budgets in `make bench` count on that. Where esbuild is missing (a copy of the project in a test),
rjsmin strips comments and spaces instead, so the site still works.
"""
from __future__ import annotations

import hashlib
import logging
import pathlib
import shutil
import subprocess
from collections.abc import Callable

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig

OWN_JS, OWN_CSS = "assets/js", "assets/css"  # relative to docs/ and to site/
# Each module on its own (no bundling): imports, exports and the dynamic imports stay as written.
ESBUILD_OPTIONS = ("--minify", "--format=esm", "--log-level=warning")
# From the project root, ignored by git: a build whose scripts did not change runs no esbuild.
CACHE = ".cache/minified-js"
log = logging.getLogger("mkdocs.hooks.minify")


def on_post_build(*, config: MkDocsConfig) -> None:
    docs, site = pathlib.Path(config.docs_dir), pathlib.Path(config.site_dir)
    esbuild = pathlib.Path(config.config_file_path).parent / "node_modules" / ".bin" / "esbuild"
    scripts = [source for source in sorted((docs / OWN_JS).glob("*.js")) if (site / OWN_JS / source.name).is_file()]
    if scripts and esbuild.is_file():
        _esbuild(esbuild, scripts, site / OWN_JS, pathlib.Path(config.config_file_path).parent / CACHE)
    else:
        if scripts:
            log.info("esbuild is not installed (make installs it): JavaScript minified with rjsmin instead")
        _minify_each(scripts, site / OWN_JS, rjsmin.jsmin)
    stylesheets = sorted((docs / OWN_CSS).glob("*.css"))
    _minify_each([source for source in stylesheets if (site / OWN_CSS / source.name).is_file()], site / OWN_CSS,
                 rcssmin.cssmin)


def _esbuild(esbuild: pathlib.Path, scripts: list[pathlib.Path], out: pathlib.Path, cache: pathlib.Path) -> None:
    """Minify the scripts into `out`, each read from the cache when esbuild already minified that exact source."""
    cache.mkdir(parents=True, exist_ok=True)
    tool = f"{esbuild.resolve()}:{esbuild.resolve().stat().st_mtime_ns}:{' '.join(ESBUILD_OPTIONS)}".encode()
    missing: list[tuple[pathlib.Path, pathlib.Path]] = []
    for source in scripts:
        cached = cache / f"{hashlib.sha256(tool + source.read_bytes()).hexdigest()}.js"
        if cached.is_file():
            shutil.copyfile(cached, out / source.name)
        else:
            missing.append((source, cached))
    if missing:
        subprocess.run([str(esbuild), *ESBUILD_OPTIONS, f"--outdir={out}", *(str(source) for source, _ in missing)],
                       check=True)
        for source, cached in missing:
            shutil.copyfile(out / source.name, cached)


def _minify_each(sources: list[pathlib.Path], folder: pathlib.Path, minify: Callable[[str], str]) -> None:
    for source in sources:
        (folder / source.name).write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
