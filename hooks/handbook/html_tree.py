"""Rendered pages read as element trees: the CSP hook reads each page's scripts, the print book rewrites each page."""
from __future__ import annotations

import lxml.etree

# libxml2's HTML parser (in C) reads a script's text raw, up to its `</script>`, as a browser does, and its recovery
# mode reads any page. Python's html.parser took a fifth of the build on the 3 MB the pages hold. Plain etree
# elements: lxml.html's element classes cost a Python lookup per element.
_PARSER = lxml.etree.HTMLParser(encoding="utf-8")


def parse_html(html: str) -> lxml.etree._Element | None:
    """The document's root element (`html`, which libxml2 adds if the text lacks it); None for mere white space."""
    return lxml.etree.fromstring(html.encode("utf-8"), parser=_PARSER)
