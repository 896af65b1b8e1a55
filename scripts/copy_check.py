"""List passages that repeat the source article word for word (10-word runs). The handbook must use its own words."""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "hooks"))
from handbook.prose import copied_runs, words  # noqa: E402

SEED = pathlib.Path("../shared/seed/000_7c2df4b2fcdfcb6a.txt")
source = words(SEED.read_text(encoding="utf-8"))
found = False
for path in sorted([*pathlib.Path("docs").rglob("*.md"), *pathlib.Path("snippets").rglob("*.md")]):
    for run in copied_runs(path.read_text(encoding="utf-8"), source):
        found = True
        print(f"{path}: {run}")
print("copied runs found" if found else "no copied runs")
