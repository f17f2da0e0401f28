"""The outcomes framework in the browser: list outcomes and services, mark contributions, see the gaps, record required and actual."""

from __future__ import annotations

import time

from kiosk_support import open_page

from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = '<img src=x onerror="window.hacked=1">Holiday club'


def _latest(kiosk) -> dict:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        return {k: a.payload for k, a in store.latest(store.group("browser-tests", "Frame Table"), "outcomes_framework").items()}
    finally:
        store.close()


def test_a_table_builds_its_contribution_matrix(kiosk, page) -> None:
    """Lists typed, contributions picked by keyboard, findings and heat map shown, everything in the store?"""
    open_page(page, f"{kiosk.url}/voila/render/08_outcomes_framework.ipynb?group=Frame+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    page.get_by_label("Required outcomes (one per line)").fill("Children are safe\nFamilies cope")
    page.get_by_label("Services (one per line)").fill(f"Family support\nSchool nursing\n{HOSTILE}")
    page.get_by_role("button", name="Use these lists").click()
    page.get_by_text("Saved: 2 outcomes and 3 services.").wait_for()
    for service in ("Family support", "School nursing"):
        page.get_by_label("Service", exact=True).select_option(label=service)
        page.get_by_label("Contributes to").select_option(label="Families cope")
        box = page.get_by_label("With these measures (separate with ;)")
        box.fill("Families coping better at review")
        box.press("Tab")
        page.keyboard.press("Enter")  # focus is on "Add contribution"
        page.get_by_text(f"Saved: {service} contributes to Families cope (1 measure).").wait_for()
    page.get_by_text("Gap: no service contributes to 'Children are safe'.", exact=True).wait_for()
    page.get_by_text("Duplication: Family support, School nursing all claim 'Families cope' with the same measure: Families coping better at review.", exact=True).wait_for()
    page.get_by_text(f"'{HOSTILE}' is linked to no outcome.", exact=True).wait_for()
    page.locator("img[alt^='Heat map of 2 outcomes (rows) against 3 services (columns).']").wait_for()
    page.get_by_label("Required: what we are setting out to achieve").fill("Every child feels safe at home and school")
    page.get_by_label("Actual: how things are now").fill("Referrals to children's social care rose last year")
    page.get_by_role("button", name="Save required and actual").click()
    page.get_by_text("Saved required and actual for: Children are safe.").wait_for()
    assert page.evaluate("window.hacked === undefined")

    deadline = time.monotonic() + 120
    while "required_actual" not in _latest(kiosk) and time.monotonic() < deadline:
        time.sleep(0.2)
    saved = _latest(kiosk)
    assert saved["framework"]["services"][2] == HOSTILE
    assert saved["framework"]["findings"]["gaps"] == ["Children are safe"]
    assert saved["framework"]["findings"]["duplicates"][0]["services"] == ["Family support", "School nursing"]
    assert saved["required_actual"]["entries"]["Children are safe"]["required"] == "Every child feels safe at home and school"
