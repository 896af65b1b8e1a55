"""Gates: a test that needs something outside the repo (Chromium, the source article) must never pass by not running.

Under CI (`.ci/run` sets CI=true) a missing requirement fails the test. Locally it skips, and `make test` ends with one
line saying which gates were skipped (conftest.py), so a green local run that skipped a gate is easy to see."""
from __future__ import annotations

import os

import pytest

SKIPPED_GATE = "gate skipped"  # starts every skip reason a gate gives, so the summary can find them


def require(present: bool, message: str) -> None:
    """Fail under CI, skip elsewhere, when `present` is false."""
    if present:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: a gate may not skip)", pytrace=False)
    pytest.skip(f"{SKIPPED_GATE}: {message}")


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """After pytest's own closing line: one line naming the gates that skipped, if any did."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    reasons: dict[str, int] = {}
    for report in reporter.stats.get("skipped", []):
        text = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
        if SKIPPED_GATE in text:
            reason = text[text.index(SKIPPED_GATE) + len(SKIPPED_GATE) + 2:]
            reasons[reason] = reasons.get(reason, 0) + 1
    if reasons:
        listed = "; ".join(f"{reason} ({count} tests)" for reason, count in reasons.items())
        reporter.write_line(f"NOT A FULL PASS: gates skipped: {listed}. Under CI=true these fail.", yellow=True, bold=True)
