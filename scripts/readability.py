"""Print the Flesch-Kincaid grade of every prose page, and the median. Target: median 8 or below."""
import pathlib
import statistics
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "hooks"))
from handbook.prose import flesch_kincaid_grade, prose_text  # noqa: E402

pages = sorted(pathlib.Path("docs").rglob("*.md"))
grades = {}
for page in pages:
    text = prose_text(page.read_text(encoding="utf-8"))
    if len(text.split()) >= 80:  # very short pages give meaningless grades
        grades[page.as_posix()] = flesch_kincaid_grade(text)
for path, grade in sorted(grades.items(), key=lambda item: -item[1]):
    print(f"{grade:5.1f}  {path}")
print(f"median grade: {statistics.median(grades.values()):.1f} over {len(grades)} pages")
