"""Hook: ship the handbook's own JS and CSS minified. Only the copies in site/ change; docs/ keeps readable source.

Whole-site work after the build, so it is a hook, not a Markdown extension. Material's own assets are minified already.
JavaScript goes through esbuild (`make` installs it from package.json into node_modules/), run by
scripts/esbuild.mjs: each static import is bundled into its importer (one file to fetch and gzip, not several small
ones), each dynamic `import()` stays a module of its own, loaded on demand, and local names are shortened. The page
budgets in `make bench` count on both. Modules only ever imported statically are then inside a bundle, so their
unbundled copies leave site/. Where Node or esbuild is missing (a copy of the project in a test), rjsmin strips
comments and spaces from every module instead, unbundled, so the site still works.
"""
from __future__ import annotations

import hashlib
import json
import logging
import pathlib
import shutil
import subprocess
import tempfile
from collections.abc import Callable

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

OWN_JS, OWN_CSS = "assets/js", "assets/css"  # relative to docs/ and to site/
ENTRY = "handbook.js"  # the one script every page links (mkdocs.yml extra_javascript)
BUILD_SCRIPT = "scripts/esbuild.mjs"  # relative to the project root
# From the project root, ignored by git: a build whose scripts did not change runs no esbuild.
CACHE = ".cache/bundled-js"
log = logging.getLogger("mkdocs.hooks.minify")


def on_post_build(*, config: MkDocsConfig) -> None:
    root = pathlib.Path(config.config_file_path).parent
    docs, site = pathlib.Path(config.docs_dir), pathlib.Path(config.site_dir)
    esbuild = root / "node_modules" / ".bin" / "esbuild"
    node = shutil.which("node")
    scripts = [source for source in sorted((docs / OWN_JS).glob("*.js")) if (site / OWN_JS / source.name).is_file()]
    if scripts and esbuild.is_file() and node and (docs / OWN_JS / ENTRY) in scripts:
        _bundle(node, esbuild, root, docs / OWN_JS, site / OWN_JS)
    else:
        if scripts:
            log.info("Node or esbuild is not installed (make installs them): JavaScript minified with rjsmin instead")
        _minify_each(scripts, site / OWN_JS, rjsmin.jsmin)
    stylesheets = sorted((docs / OWN_CSS).glob("*.css"))
    _minify_each([source for source in stylesheets if (site / OWN_CSS / source.name).is_file()], site / OWN_CSS,
                 rcssmin.cssmin)


def _bundle(node: str, esbuild: pathlib.Path, root: pathlib.Path, sources: pathlib.Path, out: pathlib.Path) -> None:
    """Bundle the scripts into `out`, from the cache when esbuild already bundled these exact sources."""
    cached = root / CACHE / _bundle_key(esbuild, root, sources)
    if not cached.is_dir():
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = pathlib.Path(tempfile.mkdtemp(prefix=f"{cached.name}.", dir=cached.parent))
        try:
            written = subprocess.run([node, str(root / BUILD_SCRIPT), str(sources), ENTRY, str(partial)], check=True,
                                     cwd=root, stdout=subprocess.PIPE, text=True).stdout  # esbuild's errors: stderr
        except subprocess.CalledProcessError as error:
            shutil.rmtree(partial)
            raise PluginError(f"{BUILD_SCRIPT}: esbuild could not bundle {sources / ENTRY} (its message is above)") \
                from error
        (partial / "modules.json").write_text(written, encoding="utf-8")
        try:
            partial.rename(cached)
        except OSError:  # another build (`make serve` beside a test run) cached the same sources first
            shutil.rmtree(partial)
    modules = set(json.loads((cached / "modules.json").read_text(encoding="utf-8")))
    for shipped in out.glob("*.js"):
        if shipped.name in modules:
            shutil.copyfile(cached / shipped.name, shipped)
        else:
            shipped.unlink()  # only ever imported statically: it is inside the bundles that import it


def _bundle_key(esbuild: pathlib.Path, root: pathlib.Path, sources: pathlib.Path) -> str:
    """Changes with any source a bundle may read, the build script, or the installed esbuild."""
    digest = hashlib.sha256(f"{esbuild.resolve()}:{esbuild.resolve().stat().st_mtime_ns}".encode())
    for file in [root / BUILD_SCRIPT, *sorted(sources.glob("*.js"))]:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _minify_each(sources: list[pathlib.Path], folder: pathlib.Path, minify: Callable[[str], str]) -> None:
    for source in sources:
        (folder / source.name).write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
