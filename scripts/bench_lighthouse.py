"""Lighthouse mobile performance, the handbook against vanilla Material on the same docs, both served with gzip.
Used by scripts/bench.py. Budgets (issue 10): performance no lower than vanilla's on each page (and 100 where vanilla
scores 100); CLS 0 on every page.

Lighthouse 12.2.3 is installed with npm into .lighthouse/ (ignored by git): version 13 needs Node 22. Without npm the
table says so and this part is skipped.
"""
from __future__ import annotations

import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from browser import CHROMIUM, LAUNCH_ARGS  # noqa: E402
from site_build import SiteServer  # noqa: E402

VERSION = "12.2.3"
FOLDER = ROOT / ".lighthouse"
LIGHTHOUSE = FOLDER / "node_modules" / ".bin" / "lighthouse"
# Pairs per page; the median is reported, with the scores' spread. One run's score can move by 6 points, and medians
# of five pairs put the same two sites a point apart either way, so the table takes nine (about 12 minutes).
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "9"))
PAGES = {"home": "/", "template page": "/your-messages/letters-of-interest-and-intent/", "action plan": "/action-plan/"}


def missing() -> str | None:
    """Why Lighthouse cannot run, or None once it is ready (installed first where npm is there)."""
    if LIGHTHOUSE.exists():
        return None
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed (apt-get install npm), so Lighthouse could not be installed"
    FOLDER.mkdir(exist_ok=True)
    # Its own package.json: without one, npm installs into the nearest folder above that has one, the handbook's.
    manifest = FOLDER / "package.json"
    if not manifest.exists():
        manifest.write_text('{"private": true}\n', encoding="utf-8")
    result = subprocess.run([npm, "install", "--exact", "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
                            cwd=FOLDER, capture_output=True, text=True)
    if not LIGHTHOUSE.exists():
        return f"npm could not install Lighthouse {VERSION} into {FOLDER.name}/:\n{result.stderr[-2000:]}"
    return None


def audit(url: str) -> dict[str, float]:
    """One mobile Lighthouse run (its default: a simulated mid-range phone on a slow 4G link)."""
    flags = " ".join(arg for arg in LAUNCH_ARGS if arg != "--headless") + " --headless=new"
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={flags}"],
        env=dict(os.environ, CHROME_PATH=str(CHROMIUM)), capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        # The other two parts of the score: where points go when the paints are as fast as vanilla's.
        "tbt": audits["total-blocking-time"]["numericValue"] / 1000,
        "si": audits["speed-index"]["numericValue"] / 1000,
    }


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def report(site: pathlib.Path, vanilla: pathlib.Path) -> bool:
    """Print the table; True when every page is within budget (or Lighthouse could not run, which is said)."""
    if reason := missing():
        print(f"lighthouse: SKIPPED, {reason}")
        return True
    ok = True
    columns = "score (lowest-highest) FCP LCP TBT SI CLS"
    rows = [(f"lighthouse mobile (median of {RUNS})", f"handbook: {columns}", f"vanilla: {columns}", "")]
    with SiteServer(site, compress=True) as ours, SiteServer(vanilla, compress=True) as theirs:
        for name, path in PAGES.items():
            mine: list[dict[str, float]] = []
            plain: list[dict[str, float]] = []
            for _ in range(RUNS):  # pairs, back to back, so both see the same machine load
                mine.append(audit(ours.origin + path))
                plain.append(audit(theirs.origin + path))
            a, b = median_of(mine), median_of(plain)
            max_cls = max(run["cls"] for run in mine)
            good = a["score"] >= b["score"] and max_cls == 0
            ok &= good
            rows.append((name, _cells(a, mine, max_cls), _cells(b, plain, max(run["cls"] for run in plain)),
                         "ok" if good else "OVER"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return ok


def _cells(figures: dict[str, float], runs: list[dict[str, float]], max_cls: float) -> str:
    """The medians, with the scores' spread beside the median score: one run's score moves by several points, so a
    gap smaller than the spread says little."""
    scores = [run["score"] for run in runs]
    return (f"{figures['score']:.0f} ({min(scores):.0f}-{max(scores):.0f})  {figures['fcp']:.2f} s  "
            f"{figures['lcp']:.2f} s  {figures['tbt']:.2f} s  {figures['si']:.2f} s  {max_cls:.3f}")
