"""Add every new public address of the built site to the permanent-address manifest (`make permalinks`).

    python scripts/permalinks.py SITE_DIR MANIFEST

Stops, changing nothing, when an address the manifest already lists no longer resolves: keep it working first
(a redirect in mkdocs.yml, or the old id left on an element in the page).
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "hooks"))

from handbook.permalinks import broken, count, dump, load, merged  # noqa: E402


def main(site_dir: pathlib.Path, manifest_path: pathlib.Path) -> int:
    old = load(manifest_path)
    if problems := broken(old, site_dir):
        print(f"{manifest_path}: {len(problems)} listed addresses no longer resolve; nothing was changed:",
              file=sys.stderr)
        print("\n".join(f"  {problem}" for problem in problems), file=sys.stderr)
        print("Keep each one working: add a redirect (mkdocs.yml, plugins: redirects) or leave the old id in the page.",
              file=sys.stderr)
        return 1
    new = merged(old, site_dir)
    manifest_path.write_text(dump(new), encoding="utf-8")
    (urls, anchors), (old_urls, old_anchors) = count(new), count(old)
    print(f"{manifest_path}: {urls} URLs and {anchors} anchors ({urls - old_urls} URLs and "
          f"{anchors - old_anchors} anchors added)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])))
