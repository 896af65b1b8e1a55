"""Build time for `make bench`: the handbook's build against vanilla Material on the same docs.

Both sides load compiled Python. pip compiled the installed packages (MkDocs, Material, Markdown) when it installed
them, and the handbook's own modules are compiled here in the same way. Where PYTHONDONTWRITEBYTECODE is set, as on
the machine this was written on, Python would otherwise compile hooks/ afresh in every build (about 0.03 s), a cost
that a machine which keeps compiled files pays once. A first pair is built and not counted, so that both sides read
their files from the disk cache.
"""
from __future__ import annotations

import compileall
import pathlib
import statistics
import sys
import tempfile
import time

import yaml

sys.path[:0] = [str(pathlib.Path(__file__).resolve().parent.parent / "tests")]

from site_build import ROOT, mkdocs_build  # noqa: E402

RUNS = 9  # pairs; the ratio of one pair moves by a tenth with other work on the machine


def plain_config(folder: pathlib.Path) -> pathlib.Path:
    """mkdocs.yml without the handbook's hooks, Markdown extensions, CSS and JS: vanilla Material on the same docs."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    for key in ("hooks", "extra_css", "extra_javascript"):
        config.pop(key, None)
    config["markdown_extensions"] = [ext for ext in config["markdown_extensions"]
                                     if not (isinstance(ext, dict) and any(k.startswith("handbook.") for k in ext))
                                     and not (isinstance(ext, str) and ext.startswith("handbook."))]
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            ext["pymdownx.snippets"]["base_path"] = [str(ROOT / "snippets")]
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default, and `!relative path` as its text."""


def _env_default(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> object:
    return loader.construct_sequence(node)[-1]


_EnvLoader.add_constructor("!ENV", _env_default)


def _relative(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    """Only the handbook's own extensions use `!relative`, and the plain config drops them: its text is enough."""
    return loader.construct_scalar(node)


_EnvLoader.add_constructor("!relative", _relative)


def timed_build(out: pathlib.Path, *options: str, project: pathlib.Path = ROOT) -> float:
    start = time.perf_counter()
    result = mkdocs_build(out, "-q", *options, project=project)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def build_ratio(folder: pathlib.Path) -> tuple[float, float, float]:
    """(median with, median without, median of the per-pair ratios), each pair built back to back."""
    config = plain_config(folder)
    compileall.compile_dir(ROOT / "hooks", quiet=1)
    with_times, without_times = [], []
    for run in range(RUNS + 1):
        with_s = timed_build(folder / "with")
        without_s = timed_build(folder / "without", "--no-strict", "-f", str(config), project=folder)
        if run:  # the first pair warms the disk cache
            with_times.append(with_s)
            without_times.append(without_s)
    ratios = [a / b for a, b in zip(with_times, without_times, strict=True)]
    return statistics.median(with_times), statistics.median(without_times), statistics.median(ratios)


def main() -> None:
    """The build figures alone (`python scripts/bench_build.py`): about half a minute, where `make bench` takes many."""
    with tempfile.TemporaryDirectory() as temp:
        with_s, without_s, ratio = build_ratio(pathlib.Path(temp))
        print(f"build time, hooks + extensions on / off: {with_s:.2f} s / {without_s:.2f} s = {ratio:.2f}x")


if __name__ == "__main__":
    main()
