"""Benchmark: build time, page weight and the front-end budgets. Run with `make bench`; prints one line per figure.

Budgets (from the issues): template JS + CSS <= 8 KB gzip, checklist JS + CSS <= 5 KB gzip.
"""
from __future__ import annotations

import gzip
import os
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

import bench_templates

ROOT = pathlib.Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets"
BUDGETS_KB = {"template filler": 8.0, "checklist": 5.0}
FEATURE_ENTRIES = {
    "template filler": ("js/template-filler.js", "css/template-filler.css"),
    "checklist": ("js/checklist.js", "css/checklist.css"),
}
_IMPORT = re.compile(r"""(?:import|export)\s[^"']*?from\s*["'](\.{1,2}/[^"']+)["']""")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def module_closure(entry: pathlib.Path) -> list[pathlib.Path]:
    """An ES module and every module it imports, relative imports only (the handbook has no others)."""
    seen, todo = [], [entry]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.append(current)
        todo += [(current.parent / spec).resolve() for spec in _IMPORT.findall(current.read_text(encoding="utf-8"))]
    return seen


def feature_weight(js_entry: str, css: str) -> tuple[int, list[str]]:
    files = module_closure((ASSETS / js_entry).resolve()) + [ASSETS / css]
    return sum(gzip_size(f.read_bytes()) for f in files), [f.name for f in files]


def build_times(runs: int = 5) -> list[float]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out],
                           cwd=ROOT, env=env, check=True)
            times.append(time.perf_counter() - start)
    return times


def page_weight(site: pathlib.Path, page: str) -> tuple[int, int]:
    """gzip bytes of one page's HTML plus every local CSS and JS file it loads (module imports included)."""
    html_file = site / page
    html = html_file.read_text(encoding="utf-8")
    files: list[pathlib.Path] = []
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))(?:\?[^"]*)?"', html):
        if "://" in ref:
            continue
        target = (html_file.parent / ref).resolve()
        files += module_closure(target) if target.suffix == ".js" else [target]
    files = list(dict.fromkeys(files))
    return gzip_size(html.encode()) + sum(gzip_size(f.read_bytes()) for f in files), len(files)


def main() -> None:
    times = build_times()
    print(f"build (mkdocs build --strict, median of {len(times)}): {statistics.median(times):.2f} s "
          f"[{', '.join(f'{t:.2f}' for t in times)}]")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out], cwd=ROOT,
                       env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True)
        site = pathlib.Path(out)
        for page in ("index.html", "your-messages/letters-of-interest-and-intent/index.html", "action-plan/index.html"):
            weight, count = page_weight(site, page)
            print(f"page weight {page} (HTML + {count} CSS/JS files, gzip): {weight / 1024:.1f} KB")
        for name, (js, css) in FEATURE_ENTRIES.items():
            weight, names = feature_weight(js, css)
            verdict = "within" if weight / 1024 <= BUDGETS_KB[name] else "OVER"
            print(f"{name} JS + CSS (gzip, {' + '.join(names)}): {weight / 1024:.2f} KB, "
                  f"{verdict} the {BUDGETS_KB[name]:.0f} KB budget")
        bench_templates.report(site)


if __name__ == "__main__":
    main()
