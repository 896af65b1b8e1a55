"""The message decoder's accuracy and speed, from the labelled messages in data/decoder-eval.yml.

Per-kind precision and recall on each split, exact-match accuracy (every kind right, nothing extra), and the time
to decode 100 KB. The engine runs under Node: it is the same file the page loads. Failures are listed for the tune
split only; the held-out split is reported as totals, so its messages never guide a change to the rules.
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from handbook.decoder_rules import KINDS, load  # noqa: E402

EVAL_FILE = ROOT / "data" / "decoder-eval.yml"
RULES_FILE = ROOT / "data" / "decoder-rules.yml"
HELD_OUT_BUDGET = 0.90
SPEED_BUDGET_MS = 50.0


def run_engine(texts: list[str]) -> dict:
    rules = load(RULES_FILE, ROOT / "docs", "data/decoder-rules.yml")
    with tempfile.TemporaryDirectory() as tmp:
        rules_json, texts_json = pathlib.Path(tmp, "rules.json"), pathlib.Path(tmp, "texts.json")
        rules_json.write_text(json.dumps(rules.engine), encoding="utf-8")
        texts_json.write_text(json.dumps(texts), encoding="utf-8")
        out = subprocess.run(["node", str(ROOT / "scripts" / "decoder_run.mjs"), str(rules_json), str(texts_json)],
                             check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def scores(pairs: list[tuple[set[str], set[str]]]) -> tuple[dict[str, tuple[float, float, int]], float]:
    """Per kind (precision, recall, messages labelled with it), and the share of messages decoded exactly."""
    per_kind = {}
    for kind in KINDS:
        true_pos = sum(1 for want, got in pairs if kind in want and kind in got)
        predicted = sum(1 for _, got in pairs if kind in got)
        actual = sum(1 for want, _ in pairs if kind in want)
        per_kind[kind] = (true_pos / predicted if predicted else 1.0, true_pos / actual if actual else 1.0, actual)
    exact = sum(1 for want, got in pairs if want == got) / len(pairs)
    return per_kind, exact


def main() -> int:
    messages = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))["messages"]
    result = run_engine([m["text"] for m in messages])
    ok = True
    for split in ("tune", "held-out"):
        rows = [(m, set(m["kinds"]), set(got))
                for m, got in zip(messages, result["kinds"], strict=True) if m["split"] == split]
        per_kind, exact = scores([(want, got) for _, want, got in rows])
        print(f"decoder, {split} split ({len(rows)} messages): exact match {exact:.1%}")
        for kind, (precision, recall, count) in per_kind.items():
            print(f"  {kind:<18} precision {precision:6.1%}  recall {recall:6.1%}  ({count} labelled)")
        if split == "tune":
            for message, want, got in rows:
                if want != got:
                    print(f"  miss {message['id']}: expected {sorted(want)}, got {sorted(got)}")
        elif exact < HELD_OUT_BUDGET:
            ok = False
            print(f"  OVER BUDGET: held-out exact match below {HELD_OUT_BUDGET:.0%}")
    speed = result["cpu_ms"]
    print(f"decoder, {result['long_input_chars']} characters: median {speed:.1f} ms of CPU time "
          f"(budget {SPEED_BUDGET_MS:.0f} ms); wall time median {result['wall_ms']:.1f} ms, "
          f"slowest {result['wall_ms_max']:.1f} ms")
    if speed >= SPEED_BUDGET_MS:
        ok = False
        print("  OVER BUDGET: decoding 100 KB is too slow")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
