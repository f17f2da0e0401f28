"""axe-core, inside Playwright, on the start page and every step page the start page links to."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from kiosk_support import name_table, open_page

from workshop_kit import content

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {"start": "00_start.ipynb"} | {
    step.id: f"{step.notebook}?group=Axe+Table" for step in content.start_page().steps if step.ready
}


def serious(page) -> list:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("step", sorted(PAGES))
def test_no_serious_or_critical_accessibility_violations(kiosk, page, step: str) -> None:
    """Does axe find no serious or critical WCAG 2.2 AA violation, with the table named?"""
    open_page(page, f"{kiosk.url}/voila/render/{PAGES[step]}")
    if step == "start":
        name_table(page, "Axe Table")
    else:
        page.locator(".kit-notice-success").first.wait_for()
        help_button = page.get_by_role("button", name="Show a hint")
        if help_button.count():
            help_button.click()
    assert serious(page) == []


def test_feedback_on_screen_keeps_the_first_step_accessible(kiosk, page) -> None:
    """With feedback of each colour showing, is the sorting page still free of serious violations?"""
    open_page(page, f"{kiosk.url}/voila/render/01_outputs_outcomes_impact.ipynb?group=Axe+Feedback")
    page.locator(".kit-notice-success").first.wait_for()
    cards = page.locator(".kit-card")
    cards.nth(0).get_by_role("button", name="Outcome", exact=True).click()
    cards.nth(1).get_by_role("button", name="Impact", exact=True).click()
    cards.nth(4).get_by_role("button", name="Impact", exact=True).click()
    page.locator(".kit-feedback-debatable").first.wait_for()
    page.locator(".kit-feedback-warning").first.wait_for()
    assert serious(page) == []


def test_the_dashboard_has_no_serious_violations(kiosk, browser, tmp_path) -> None:
    """Is the facilitator's dashboard free of serious or critical violations too?"""
    from kiosk_support import start_dashboard, stop_kiosk

    dashboard = start_dashboard(kiosk.data_dir, "browser-tests", tmp_path)
    try:
        page = browser.new_context().new_page()
        open_page(page, dashboard.url + "/")
        page.get_by_text("Last refreshed").wait_for()
        assert serious(page) == []
        page.context.close()
    finally:
        stop_kiosk(dashboard)
