"""Which of the theme's files is Material's script bundle, so that the page head can request it at once."""
from __future__ import annotations

import fnmatch
from collections.abc import Iterable

# Material names its bundle by a hash of its content (base.html links it at the end of the body).
BUNDLE_PATTERN = "assets/javascripts/bundle.*.min.js"


def material_bundle(site_paths: Iterable[str]) -> str:
    """The bundle's path in the site. Raises ValueError unless exactly one file matches: a Material upgrade that
    renames it should stop the build here, not leave pages quietly without the early request."""
    found = sorted(path for path in site_paths if fnmatch.fnmatchcase(path, BUNDLE_PATTERN))
    if len(found) != 1:
        raise ValueError(f"expected one theme file matching {BUNDLE_PATTERN}, found {len(found)}: {found}")
    return found[0]
