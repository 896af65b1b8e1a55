"""Build the site and report the three prose figures of issue 7 over its pages' paragraph prose, page by page."""
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]
from handbook.prose import MAX_MEDIAN_GRADE, MEAN_SENTENCE_WORDS, measure_site  # noqa: E402
from site_build import mkdocs_build  # noqa: E402

with tempfile.TemporaryDirectory() as site_dir:
    built = mkdocs_build(pathlib.Path(site_dir), "--quiet")
    if built.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{built.stdout}{built.stderr}")
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
