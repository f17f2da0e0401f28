"""axe-core, inside Playwright, on every page the kiosk serves so far."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from kiosk_support import name_table, open_page

PAGES = {
    "start page": "/voila/render/00_start.ipynb",
    "outputs, outcomes and impact": "/voila/render/01_outputs_outcomes_impact.ipynb?group=Axe+Table",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_or_critical_accessibility_violations(kiosk, page, name: str) -> None:
    """Does axe find no serious or critical WCAG 2.2 AA violation, with feedback on screen?"""
    open_page(page, kiosk.url + PAGES[name])
    if name == "start page":
        name_table(page, "Axe Table")
    else:
        page.locator(".kit-card").first.get_by_role("button", name="Outcome", exact=True).click()
        page.locator(".kit-feedback").first.wait_for()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})
    violations = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    assert violations == [], summary
