"""axe-core in the page (bundled by axe-playwright-python, so no network): WCAG 2.1 A/AA plus best practice."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
_axe = Axe()


def violations(page) -> list[str]:
    """One line per violated rule: its id and the first few elements it names. An empty list means none."""
    found = _axe.run(page, options=RULES).response["violations"]
    return [f"{v['id']}: {[node['target'] for node in v['nodes']][:3]}" for v in found]
