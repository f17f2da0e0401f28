"""The logic model in the browser: rebuild a card of the example, build a small model, check it, find it in the store."""

from __future__ import annotations

import time

from kiosk_support import open_page

from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = '<img src=x onerror="window.hacked=1">Two youth workers'


def _latest(kiosk, exercise: str) -> dict:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        return {k: a.payload for k, a in store.latest(store.group("browser-tests", "Logic Table"), exercise).items()}
    finally:
        store.close()


def test_a_table_rebuilds_the_example_and_checks_its_own_model(kiosk, page) -> None:
    """Scramble feedback, cards typed, links picked by keyboard, the check and diagram shown, rows stored?"""
    open_page(page, f"{kiosk.url}/voila/render/06_logic_model.ipynb?group=Logic+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    assert page.locator("img[alt^='A logic model with 13 cards']").count() == 1
    page.get_by_role("button", name="Hide the example").click()
    first = page.locator(".kit-quiz .kit-card").first  # "Better school attendance"
    first.get_by_role("button", name="Interim outcome", exact=True).click()
    first.get_by_text("Yes: this is an interim outcome.").wait_for()

    page.get_by_label("Inputs (one card per line)").fill(HOSTILE)
    page.get_by_label("Outputs (one card per line)").fill("Run weekly drop-in sessions")
    page.get_by_label("Interim outcomes (one card per line)").fill("Young people feel less isolated")
    page.get_by_label("Final outcomes (one card per line)").fill("Young people move into adult life well")
    page.get_by_role("button", name="Use these cards").click()
    page.get_by_text("Saved: 4 cards and 0 links.").wait_for()
    for count, (source, target) in enumerate(
        (
            (f"Inputs: {HOSTILE}", "Outputs: Run weekly drop-in sessions"),
            ("Outputs: Run weekly drop-in sessions", "Interim outcomes: Young people feel less isolated"),
            ("Interim outcomes: Young people feel less isolated", "Final outcomes: Young people move into adult life well"),
        ),
        start=1,
    ):
        page.get_by_label("Link from").select_option(label=source)
        page.get_by_label("Leads to").select_option(label=target)
        page.get_by_label("Leads to").press("Tab")
        page.keyboard.press("Enter")  # focus is on "Add link"
        page.get_by_text(f"Links so far ({count})").wait_for()
    page.get_by_role("button", name="Check the model").click()
    page.get_by_text("All the checks that were run passed.").wait_for()
    page.locator("img[alt^='A logic model with 4 cards in four columns and 3 links']").wait_for()
    assert page.evaluate("window.hacked === undefined")

    deadline = time.monotonic() + 120
    while "check" not in _latest(kiosk, "logic_model_own").get("model", {}) and time.monotonic() < deadline:
        time.sleep(0.2)
    model = _latest(kiosk, "logic_model_own")["model"]
    assert model["check"] == {"ok": True, "problems": []}
    assert model["cards"][0] == {"id": "inputs-1", "column": "inputs", "text": HOSTILE}
    assert len(model["links"]) == 3
    assert _latest(kiosk, "logic_model_scramble")["lm-mid-2"]["choice"] == "interim_outcomes"
