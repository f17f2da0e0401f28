"""Indicators in the browser: map a measure, add a data gap, set a target with a story, save distance travelled."""

from __future__ import annotations

import time

from kiosk_support import open_page

from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = '<img src=x onerror="window.hacked=1">Rents rising faster than wages'


def _latest(kiosk) -> dict:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        return {k: a.payload for k, a in store.latest(store.group("browser-tests", "Data Table"), "indicators").items()}
    finally:
        store.close()


def test_a_table_maps_measures_and_turns_the_curve(kiosk, page) -> None:
    """Typing a measure, choosing its question, a gap, a target and a story: shown, then found in the store?"""
    open_page(page, f"{kiosk.url}/voila/render/07_indicators.ipynb?group=Data+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    page.get_by_label("The outcome you are measuring").fill("Families have a settled home")
    page.get_by_label("Measure", exact=True).fill("Percentage of families who say their home feels settled")
    page.get_by_label("Which question does it answer?").select_option(label="Is anybody better off?")
    page.get_by_label("Where does the data come from?").select_option(label="What people tell us (subjective)")
    page.get_by_label("Do we have this data?").select_option(label="No, we would need to collect it")
    page.get_by_label("Do we have this data?").press("Tab")
    page.keyboard.press("Enter")  # focus is on "Add measure"
    page.get_by_text("Agreed: the wording reads as 'Is anybody better off?'").wait_for()
    page.get_by_text("Data for: Percentage of families who say their home feels settled").wait_for()
    page.get_by_label("Another data gap").fill("Repeat homelessness within two years")
    page.get_by_role("button", name="Add to the gap list").click()
    page.get_by_text("Repeat homelessness within two years").wait_for()

    page.get_by_label("Area", exact=True).select_option(label="Eastvale")
    page.locator("img[alt*='in Eastvale, quarterly from 2021-Q1 to 2025-Q4']").wait_for()
    target = page.get_by_label("Target for 2027-Q4 (per 1,000 households)")
    target.fill("6.5")
    target.press("Enter")
    page.get_by_label("The story behind the curve").fill(HOSTILE)
    page.get_by_role("button", name="Draw and save the curve").click()
    page.get_by_text("Saved. Latest value 7.2, trend rising; target 6.5 by 2027-Q4.").wait_for()
    page.locator("img[alt*='The target is 6.5 by 2027-Q4.']").wait_for()
    page.get_by_role("button", name="Draw and save the chart").click()
    page.get_by_text("Saved. Feeling safe: 3 at the start").wait_for()
    assert page.evaluate("window.hacked === undefined")

    deadline = time.monotonic() + 120
    while "distance" not in _latest(kiosk) and time.monotonic() < deadline:
        time.sleep(0.2)
    saved = _latest(kiosk)
    assert saved["map"]["outcome"] == "Families have a settled home"
    assert saved["map"]["measures"][0]["question"] == "better_off" and saved["map"]["measures"][0]["have_data"] is False
    assert saved["map"]["gaps"] == ["Repeat homelessness within two years"]
    assert (saved["curve"]["area"], saved["curve"]["target"], saved["curve"]["story"]) == ("Eastvale", 6.5, HOSTILE)
    assert saved["distance"]["start"][0] == 3
