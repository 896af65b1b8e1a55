"""Benchmark: build time, and the handbook's own JS + CSS per page type as shipped. Run with `make bench`.

Prints one table. Budgets (issue 10): hooks and extensions on vs off <= 1.15x the build time (median of pairs, each pair
taken back to back); handbook JS + CSS per page, minified then gzipped: template pages <= 6 KB, the checklist page
<= 5 KB, other pages <= 2 KB. Then the template fillers' keystroke figures (bench_templates.py).
"""
from __future__ import annotations

import gzip
import pathlib
import re
import statistics
import sys
import tempfile
import time

import yaml

import bench_templates
from site_build import ROOT, mkdocs_build

RUNS = 5
PAGE_TYPES = {  # page type: (a page of that type, budget in KB)
    "template page": ("your-messages/letters-of-interest-and-intent/index.html", 6.0),
    "checklist page": ("action-plan/index.html", 5.0),
    "other page": ("faq/index.html", 2.0),
}
BUILD_RATIO_BUDGET = 1.15
_IMPORT = re.compile(r"""(?:import|export)\s*[^"';]*?from\s*["'](\.{1,2}/[^"']+)["']""")
_ASSET = re.compile(r'(?:href|src)="([^"]+\.(?:css|js))(?:\?[^"]*)?"')


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def module_closure(entry: pathlib.Path) -> list[pathlib.Path]:
    """An ES module and every module it imports, relative imports only (the handbook has no others)."""
    seen: list[pathlib.Path] = []
    todo = [entry]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.append(current)
        todo += [(current.parent / spec).resolve() for spec in _IMPORT.findall(current.read_text(encoding="utf-8"))]
    return seen


def own_assets(site: pathlib.Path, page: str) -> list[pathlib.Path]:
    """The handbook's own CSS and JS files a page loads (module imports included), as shipped in site/."""
    html_file = site / page
    files: list[pathlib.Path] = []
    for ref in _ASSET.findall(html_file.read_text(encoding="utf-8")):
        target = (html_file.parent / ref).resolve()
        if "://" in ref or "/assets/stylesheets/" in target.as_posix() or "/assets/javascripts/" in target.as_posix():
            continue  # Material's own
        files += module_closure(target) if target.suffix == ".js" else [target]
    return list(dict.fromkeys(files))


def plain_config(folder: pathlib.Path) -> pathlib.Path:
    """mkdocs.yml without the handbook's hooks and Markdown extensions: vanilla Material on the same docs."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config.pop("hooks", None)
    config["markdown_extensions"] = [ext for ext in config["markdown_extensions"]
                                     if not (isinstance(ext, dict) and any(k.startswith("handbook.") for k in ext))
                                     and not (isinstance(ext, str) and ext.startswith("handbook."))]
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            ext["pymdownx.snippets"]["base_path"] = [str(ROOT / "snippets")]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> object:
    return loader.construct_sequence(node)[-1]


_EnvLoader.add_constructor("!ENV", _env_default)


def timed_build(out: pathlib.Path, *options: str, project: pathlib.Path = ROOT) -> float:
    start = time.perf_counter()
    result = mkdocs_build(out, "-q", *options, project=project)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def build_ratio(folder: pathlib.Path) -> tuple[float, float, float]:
    """(median with, median without, median of the per-pair ratios), each pair built back to back."""
    config = plain_config(folder)
    with_times, without_times = [], []
    for _ in range(RUNS):
        with_times.append(timed_build(folder / "with"))
        without_times.append(timed_build(folder / "without", "--no-strict", "-f", str(config), project=folder))
    ratios = [a / b for a, b in zip(with_times, without_times, strict=True)]
    return statistics.median(with_times), statistics.median(without_times), statistics.median(ratios)


def main() -> None:
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = pathlib.Path(temp)
        with_s, without_s, ratio = build_ratio(folder)
        rows.append((f"build time, hooks + extensions on / off (median of {RUNS} pairs)",
                     f"{with_s:.2f} s / {without_s:.2f} s = {ratio:.2f}x", f"<= {BUILD_RATIO_BUDGET}x",
                     "ok" if ratio <= BUILD_RATIO_BUDGET else "OVER"))
        site = folder / "with"
        for page_type, (page, budget) in PAGE_TYPES.items():
            files = own_assets(site, page)
            weight = sum(gzip_size(file.read_bytes()) for file in files) / 1024
            rows.append((f"{page_type} JS + CSS, minified + gzip ({len(files)} files)", f"{weight:.2f} KB",
                         f"<= {budget:.0f} KB", "ok" if weight <= budget else "OVER"))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in [("figure", "measured", "budget", ""), *rows]:
            print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        bench_templates.report(site)


if __name__ == "__main__":
    main()
