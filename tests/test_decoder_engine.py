"""The decoder's engine is JavaScript: its unit tests run under Node's own test runner, on the real rules."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from handbook.decoder_rules import load
from site_build import ROOT


def test_engine_unit_tests_pass_under_node(tmp_path):
    node = shutil.which("node")
    if node is None:
        message = "node is missing; `make test` installs Debian's nodejs"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(load(ROOT / "data" / "decoder-rules.yml", ROOT / "docs").engine), encoding="utf-8")
    result = subprocess.run([node, "--test", str(ROOT / "tests" / "js" / "decoder-engine.test.mjs")],
                            env=dict(os.environ, DECODER_RULES=str(rules)), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
