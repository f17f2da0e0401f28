"""The homelessness scenario in Chromium: outcomes, measures, warnings and the scorecard, then the store."""

from __future__ import annotations

import time

from workshop_kit.settings import Settings
from workshop_kit.store import Store

from kiosk_support import WIDGET_TIMEOUT, open_page

STEP = "/voila/render/05_homelessness_scenario.ipynb"
HOSTILE = '<img src=x onerror="window.hacked=1">Number of leaflets 😀 مرحبا'
OUTCOMES = ["People at risk of losing their home stay in a home that suits them", "People who become homeless move into a settled home and keep it", "People feel safe and less alone"]


def _latest(kiosk, table: str) -> dict:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        group = store.group("browser-tests", table)
        return {item: a.payload for item, a in store.latest(group, "homelessness_scenario").items()}
    finally:
        store.close()


def test_a_table_agrees_outcomes_adds_measures_and_sees_the_scorecard(kiosk, page) -> None:
    """Outcomes checked, measures placed and warned about, a scorecard shown, and every row in the store."""
    open_page(page, f"{kiosk.url}{STEP}?group=Homeless+Table")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator("img[alt^='Bar chart of synthetic figures for Northbrook']").count() == 1
    assert page.get_by_text("These figures are synthetic").count() == 1

    page.get_by_label("Who are they? Your notes", exact=True).fill("Many single adults with mental health needs")
    page.get_by_label("What you plan to commission", exact=True).fill("Housing support")
    for n, outcome in enumerate(OUTCOMES, 1):
        page.get_by_label(f"Outcome {n}", exact=True).fill(outcome)
    page.get_by_role("button", name="Check and save outcomes").click()
    page.get_by_text("All the checks that were run passed").wait_for(timeout=WIDGET_TIMEOUT)

    # a good measure, mostly by keyboard
    page.get_by_label("For outcome", exact=True).select_option(index=1)
    page.get_by_label("Measure or indicator", exact=True).fill("Percentage of people still in their tenancy after 12 months")
    page.get_by_label("Subjective or objective", exact=True).select_option(label="Objective: records show it")
    page.get_by_label("Data source", exact=True).fill("Tenancy records from housing associations")
    page.get_by_label("How often", exact=True).select_option(label="Quarterly")
    page.get_by_label("How the contract would report it", exact=True).fill("Quarterly contract report")
    page.get_by_role("button", name="Add this measure").focus()
    page.keyboard.press("Enter")
    page.get_by_text("RBA question: Is anyone better off?").wait_for(timeout=WIDGET_TIMEOUT)

    # a hostile count nobody could collect
    page.get_by_label("For outcome", exact=True).select_option(index=0)
    page.get_by_label("Measure or indicator", exact=True).fill(HOSTILE)
    page.get_by_label("Data source", exact=True).fill("unknown")
    page.get_by_role("button", name="Add this measure").click()
    page.get_by_text("RBA question: How much did we do?").wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_text("so nobody would collect it").first.wait_for()
    page.get_by_text("None of its indicators shows whether anyone is better off").first.wait_for()
    assert page.evaluate("window.hacked === undefined")

    scorecard = page.locator("table.kit-scorecard").first
    scorecard.get_by_text("Number of leaflets").wait_for(timeout=WIDGET_TIMEOUT)
    shown = scorecard.inner_text()
    assert HOSTILE in shown, shown
    assert scorecard.locator("img").count() == 0
    assert "Percentage of people still in their tenancy after 12 months" in shown
    assert page.locator("img[alt^='Bar chart of the number of measures for each outcome']").count() == 1

    deadline = time.monotonic() + 120
    saved = _latest(kiosk, "Homeless Table")
    while len(saved) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
        saved = _latest(kiosk, "Homeless Table")
    assert saved["stage1"]["outcomes"] == OUTCOMES + [""] and saved["stage1"]["ok"] is True
    assert saved["stage1"]["who"] == "Many single adults with mental health needs"
    assert saved["measure-1"]["outcome"] == 1 and saved["measure-1"]["quadrant"] == "better_off"
    assert saved["measure-1"]["frequency"] == "Quarterly" and saved["measure-1"]["subjective"] is False
    assert saved["measure-2"]["text"] == HOSTILE and saved["measure-2"]["collectable"] is False

    page.reload()
    page.wait_for_selector("table.kit-scorecard", timeout=WIDGET_TIMEOUT)
    page.get_by_text("Welcome back").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.get_by_label("Outcome 2", exact=True).input_value() == OUTCOMES[1]
    assert page.evaluate("window.hacked === undefined")
