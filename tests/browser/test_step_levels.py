"""Levels of outcomes in Chromium: sort by level, build a ladder, check it, find it in the store."""

from __future__ import annotations

import time

from workshop_kit.settings import Settings
from workshop_kit.store import Store

from kiosk_support import WIDGET_TIMEOUT, card, open_page

STEP = "/voila/render/02_levels_of_outcomes.ipynb"
HOSTILE = '<img src=x onerror="window.hacked=1">Cooking on his own is a step towards cooking for his friends 😀 مرحبا'


def _latest(kiosk, table: str, exercise: str) -> dict:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        group = store.group("browser-tests", table)
        return {item: a.payload for item, a in store.latest(group, exercise).items()}
    finally:
        store.close()


def _wait(kiosk, table: str, exercise: str, item: str) -> dict:
    deadline = time.monotonic() + 120
    saved = _latest(kiosk, table, exercise)
    while item not in saved and time.monotonic() < deadline:
        time.sleep(0.2)
        saved = _latest(kiosk, table, exercise)
    return saved


def test_a_table_sorts_builds_and_checks_a_ladder(kiosk, page) -> None:
    """Sort a statement, type each rung, check one by keyboard, check the whole ladder, and find the rows."""
    open_page(page, f"{kiosk.url}{STEP}?group=Ladder+Table")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_text("Bea's ladder").wait_for()

    card(page, 2).get_by_role("button", name="Individual", exact=True).click()
    card(page, 2).get_by_text("Yes: this is an individual outcome.").wait_for(timeout=WIDGET_TIMEOUT)

    page.get_by_label("Who is this ladder for? (a made-up first name)").fill("Sam")
    page.get_by_label("Aspiration", exact=True).fill("Sam wants to be a famous chef")
    page.get_by_label("Outcomes sought", exact=True).fill("Sam wants to cook meals for his family and friends and to get a job in a kitchen one day")
    smart = page.get_by_label("SMART outcome", exact=True)
    smart.fill("By the time he is 17, Sam will cook a meal for his family and friends once a week")
    page.get_by_role("button", name="Check the smart outcome").focus()
    page.keyboard.press("Enter")
    page.locator(".kit-verdict").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert "as a SMART outcome" in page.locator(".kit-verdict").first.inner_text()
    page.get_by_label("Target 1", exact=True).fill("In 6 months, Sam will use the cooker safely on his own at college")
    page.get_by_label("How target 1 helps the SMART outcome").fill(HOSTILE)
    page.get_by_role("button", name="Check the whole ladder").click()
    page.get_by_text("Your ladder is saved").wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_text("The thread holds").wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_text("The strategic themes show in this person's outcomes.").wait_for()
    assert page.evaluate("window.hacked === undefined")
    assert page.locator(".kit-ladder-builder img").count() == 0

    ladder = _wait(kiosk, "Ladder Table", "levels_ladder", "_check")
    assert ladder["person"] == {"text": "Sam"}
    assert ladder["smart"]["level"] == "smart" and ladder["smart"]["text"].startswith("By the time he is 17")
    assert ladder["target_1"]["level"] == "target"
    assert ladder["link_1"]["text"] == HOSTILE
    assert ladder["_check"]["thread_ok"] is True and ladder["_check"]["litmus_ok"] is True
    assert _latest(kiosk, "Ladder Table", "levels_sort")["lv-2"]["correct"] is True
