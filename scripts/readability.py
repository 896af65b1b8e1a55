"""Build the site and report the three prose figures of issue 7 over its pages' paragraph prose, page by page."""
import os
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "hooks"))
from handbook.prose import MAX_MEDIAN_GRADE, MEAN_SENTENCE_WORDS, measure_site  # noqa: E402

with tempfile.TemporaryDirectory() as site_dir:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site_dir],
                   check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    site = measure_site(site_dir)

print(" grade  words/sentence  repeats  page")
for page in sorted(site.pages, key=lambda page: -page.grade):
    if page.sentences:
        mean = page.word_count / len(page.sentences)
        graded = f"{page.grade:5.1f}" if page in site.graded_pages else "    -"
        print(f" {graded}  {mean:14.1f}  {len(page.repeated_openings):7d}  {page.path}")
for path, paragraph in site.repeated_openings:
    print(f"three openings in a row alike: {path}: {paragraph[:100]}…")
low, high = MEAN_SENTENCE_WORDS
print(f"mean sentence length: {site.mean_sentence_words:.1f} words (target {low}–{high})")
print(f"paragraphs with three sentences in a row starting alike: {len(site.repeated_openings)} (target 0)")
print(f"median Flesch-Kincaid grade: {site.median_grade:.1f} over {len(site.graded_pages)} pages "
      f"(target {MAX_MEDIAN_GRADE} or below)")
