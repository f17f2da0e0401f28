"""Personal outcomes in Chromium: spot a service, rewrite a weak statement by typing and pausing, find the versions."""

from __future__ import annotations

import time

from workshop_kit.settings import Settings
from workshop_kit.store import Store

from kiosk_support import WIDGET_TIMEOUT, card, open_page

STEP = "/voila/render/03_personal_outcomes.ipynb"
HOSTILE = '<img src=x onerror="window.hacked=1">I want to dance 😀 مرحبا'


def _history(kiosk, table: str, exercise: str, item: str) -> list[dict]:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        group = store.group("browser-tests", table)
        return [a.payload for a in store.history(group, exercise, item)]
    finally:
        store.close()


def _wait(kiosk, table: str, exercise: str, item: str, count: int) -> list[dict]:
    deadline = time.monotonic() + 120
    rows = _history(kiosk, table, exercise, item)
    while len(rows) < count and time.monotonic() < deadline:
        time.sleep(0.2)
        rows = _history(kiosk, table, exercise, item)
    return rows


def test_a_table_spots_a_service_and_rewrites_a_statement(kiosk, page) -> None:
    """Sort by keyboard, type a rewrite and pause, check a better one, and find both versions saved."""
    open_page(page, f"{kiosk.url}{STEP}?group=Personal+Table")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)

    # statement 2 is the parenting group: choose "Service or resource" by keyboard
    card(page, 2).get_by_role("button", name="Service or resource", exact=True).focus()
    page.keyboard.press("Enter")
    card(page, 2).get_by_text("Yes: this is a service or resource.").wait_for(timeout=WIDGET_TIMEOUT)

    box = page.get_by_label("Your rewrite of statement 1")
    box.click()
    page.keyboard.type(HOSTILE, delay=5)  # then pause: the review comes by itself
    rewrite = page.locator(".kit-rewrite").first
    rewrite.get_by_text("Saved as version 1.").wait_for(timeout=WIDGET_TIMEOUT)
    rewrite.locator(".kit-verdict").get_by_text("as an individual outcome").wait_for()
    assert page.evaluate("window.hacked === undefined")
    assert rewrite.locator("img").count() == 0

    box.fill("I want to stay living in my own home, where my memories are")
    page.get_by_role("button", name="Check rewrite 1").click()
    rewrite.get_by_text("Saved as version 2.").wait_for(timeout=WIDGET_TIMEOUT)
    rewrite.get_by_text("Up 60 points on the original").wait_for()
    page.get_by_text("What does a good day look like for you?").wait_for()

    rows = _wait(kiosk, "Personal Table", "personal_rewrite", "home-care", 2)
    assert [r["version"] for r in rows] == [1, 2]
    assert rows[0]["text"] == HOSTILE
    assert rows[1]["score"] == 100 and rows[1]["before"] == 40
    assert rows[1]["verdict"] == "ready" and rows[1]["accepted"] is True
    sort = _history(kiosk, "Personal Table", "personal_outcomes_sort", "scw-service-1")
    assert sort[-1]["choice"] == "service_or_resource" and sort[-1]["correct"] is True
