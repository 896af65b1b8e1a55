"""Hook: name Material's script bundle for the page head (overrides/main.html), which asks for it with the
stylesheets. Logic: handbook/theme_script.py.

on_files  the theme's files are among the site's by now; put the bundle's path in config.extra
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from handbook.theme_script import material_bundle


def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    try:
        config.extra["material_bundle"] = material_bundle(file.src_uri for file in files)
    except ValueError as error:
        raise PluginError(f"theme: {error}") from None
    return files
