"""Print the mutation score of `mutmut run`, per module and overall, and fail below the target.

    python scripts/mutation_score.py ['handbook.checklist.*' ...]   # only the mutants these globs name

A surviving mutant is allowed only when mutation-equivalents.txt names it with a one-line reason: a change no behaviour
can tell apart. Those are left out of the score; every other survivor counts against it and is listed."""
from __future__ import annotations

import fnmatch
import pathlib
import re
import subprocess
import sys

TARGET = 85.0
ALLOW_LIST = pathlib.Path("mutation-equivalents.txt")
KILLED = {"killed", "timeout", "caught by type check"}


def results() -> dict[str, str]:
    """mutant name -> status, from `mutmut results --all true` (lines like `    handbook.x.x_f__mutmut_3: survived`)."""
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                         capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^\s+(\S+): (.+?)\s*$", out, re.MULTILINE))


def allow_list() -> dict[str, str]:
    """mutant name -> why it is equivalent. A line without a reason is an error, not an allowance."""
    allowed = {}
    for number, line in enumerate(ALLOW_LIST.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, reason = line.partition(" ")
        if not reason.strip():
            sys.exit(f"{ALLOW_LIST}:{number}: '{name}' needs a one-line reason why no behaviour can tell it apart")
        allowed[name] = reason.strip()
    return allowed


def module(name: str) -> str:
    """`handbook.checklist.x_parse__mutmut_3` -> `handbook.checklist`."""
    return name.rsplit(".", 1)[0]


def percent(killed: int, total: int) -> str:
    return f"{100.0 * killed / total:.1f}%" if total else "-"


def main(globs: list[str]) -> int:
    status = results()
    if globs:
        status = {name: state for name, state in status.items() if any(fnmatch.fnmatch(name, g) for g in globs)}
    if not status:
        print("no mutation results: run `mutmut run` first")
        return 1
    allowed = allow_list()
    equivalent = {name for name, state in status.items() if state == "survived" and name in allowed}
    unchecked = sum(state == "not checked" for state in status.values())
    counted = {name: state for name, state in status.items()
               if name not in equivalent and state not in ("skipped", "not checked")}
    killed = sum(state in KILLED for state in counted.values())
    missed = sorted(name for name, state in counted.items() if state not in KILLED)
    for name in missed:
        print(f"not killed ({counted[name]}): {name}   see: .venv/bin/mutmut show {name}")
    for name in sorted(set(allowed) - equivalent):
        if not globs or name in status:
            print(f"allow-list entry no longer needed (killed or gone): {name}")
    for name_of_module in sorted({module(name) for name in status}):
        states = [state for name, state in counted.items() if module(name) == name_of_module]
        done = sum(state in KILLED for state in states)
        print(f"  {name_of_module}: {percent(done, len(states))} killed ({done} of {len(states)})")
    score = 100.0 * killed / len(counted) if counted else 0.0
    print(f"mutation score: {score:.1f}% killed ({killed} of {len(counted)} mutants; "
          f"{len(equivalent)} equivalent ones allow-listed in {ALLOW_LIST}). Target: {TARGET:.0f}%.")
    if unchecked:
        print(f"INCOMPLETE: {unchecked} of {len(status)} mutants not checked yet; run `make mutation` again to finish.")
    return 0 if score >= TARGET and not unchecked else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
