"""The gates themselves: a missing requirement fails under CI=true, and a local skip is named in one closing line."""
import os
import subprocess
import sys

from site_build import ROOT

GATED_TEST = '''
from gates import require

def test_needs_a_missing_file():
    require(False, "the thing is missing at /nowhere")

def test_runs():
    assert True
'''


def run_pytest(tmp_path, ci: str | None) -> subprocess.CompletedProcess:
    (tmp_path / "test_gated.py").write_text(GATED_TEST, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(ROOT / "tests")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "gates", "-p", "no:cacheprovider", "test_gated.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )


def test_under_ci_a_missing_requirement_fails(tmp_path):
    result = run_pytest(tmp_path, "true")
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed" in result.stdout
    assert "the thing is missing at /nowhere (CI=true: a gate may not skip)" in result.stdout
    assert "NOT A FULL PASS" not in result.stdout


def test_locally_a_skipped_gate_is_named_in_the_last_line(tmp_path):
    result = run_pytest(tmp_path, None)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.strip().splitlines()
    assert "1 passed, 1 skipped" in lines[-2]
    assert lines[-1] == (
        "NOT A FULL PASS: gates skipped: the thing is missing at /nowhere (1 tests). Under CI=true these fail."
    )


def test_a_run_without_skipped_gates_ends_with_pytests_own_line(tmp_path):
    (tmp_path / "test_gated.py").write_text("def test_runs():\n    assert True\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "gates", "-p", "no:cacheprovider", "test_gated.py"],
        cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT / "tests")), capture_output=True, text=True,
    )
    assert result.stdout.strip().splitlines()[-1].strip("= ").startswith("1 passed")
