"""Benchmark `make pdf` (issue 8's budget: the whole step <= 10 s, each PDF <= 3 MB). Run with `make bench`.

Runs scripts/make_pdf.py RUNS times into a scratch folder, as `make pdf` does, and reports the median wall time (with
the load average before each run: the machine is shared, so a loaded run says little) and each PDF's pages and size.
"""
from __future__ import annotations

import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from handbook.print_downloads import EDITIONS  # noqa: E402

RUNS = 3
TIME_BUDGET = 10.0  # seconds, the whole `make pdf` step
SIZE_BUDGET = 3_000_000  # bytes, each PDF


def timed_make_pdf(out: pathlib.Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_pdf.py"), "--site-dir", str(out / "site"),
                             "--pdf-dir", str(out / "pdf")], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"make pdf failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


def main() -> None:
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as temp:
        out = pathlib.Path(temp)
        times = []
        for run in range(1, RUNS + 1):
            load = os.getloadavg()[0]
            times.append(timed_make_pdf(out))
            print(f"make pdf run {run}: {times[-1]:.1f} s (load average before it: {load:.2f})")
        median = statistics.median(times)
        print(f"make pdf, median of {RUNS}: {median:.1f} s, budget <= {TIME_BUDGET:.0f} s: "
              f"{'ok' if median <= TIME_BUDGET else 'OVER'}")
        for edition in EDITIONS:
            pdf = out / "site" / "downloads" / edition.file
            size = pdf.stat().st_size
            pages = len(PdfReader(pdf).pages)
            print(f"  {edition.file}: {pages} page{'' if pages == 1 else 's'}, {size / 1_000_000:.2f} MB, "
                  f"budget <= {SIZE_BUDGET / 1_000_000:.0f} MB: {'ok' if size <= SIZE_BUDGET else 'OVER'}")


if __name__ == "__main__":
    main()
