"""The front end's pure logic is JavaScript: every unit test file in tests/js/ (the decoder's engine, the tracker's
logic) runs under Node's own test runner, the decoder's on the real rules."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from handbook.decoder_rules import load
from site_build import ROOT

JS_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.js"))


def test_every_js_unit_test_file_passes_under_node(tmp_path):
    node = shutil.which("node")
    if node is None:
        message = "node is missing; `make test` installs Debian's nodejs"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    assert JS_TESTS, "no tests/js/*.test.js found"
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(load(ROOT / "data" / "decoder-rules.yml", ROOT / "docs").engine), encoding="utf-8")
    result = subprocess.run([node, "--test", *map(str, JS_TESTS)], cwd=ROOT,
                            env=dict(os.environ, DECODER_RULES=str(rules)), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
