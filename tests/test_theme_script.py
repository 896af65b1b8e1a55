"""The page head asks for Material's script bundle by the name the theme gives it (hooks/theme_script.py)."""
from __future__ import annotations

import pytest

from handbook.theme_script import material_bundle


def test_the_bundle_is_the_one_hashed_script_among_the_theme_files():
    files = ["assets/javascripts/bundle.a5f9d56c.min.js", "assets/javascripts/bundle.a5f9d56c.min.js.map",
             "assets/javascripts/workers/search.f8cc74c7.min.js", "assets/js/handbook.js"]
    assert material_bundle(files) == "assets/javascripts/bundle.a5f9d56c.min.js"


@pytest.mark.parametrize("files", [[], ["assets/javascripts/bundle.1.min.js", "assets/javascripts/bundle.2.min.js"]])
def test_no_bundle_or_two_stop_the_build_with_what_was_found(files):
    with pytest.raises(ValueError, match=r"expected one theme file matching assets/javascripts/bundle\.\*\.min\.js"):
        material_bundle(files)
