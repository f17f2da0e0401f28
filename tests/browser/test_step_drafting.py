"""Drafting outcome statements in Chromium: type, pause, see the review, propose, restore, reload."""

from __future__ import annotations

import time

from workshop_kit.settings import Settings
from workshop_kit.store import Store

from kiosk_support import WIDGET_TIMEOUT, open_page

STEP = "/voila/render/04_drafting_statements.ipynb"
HOSTILE = '<img src=x onerror="window.hacked=1">Provide access to fun clubs 😀 مرحبا'


def _rows(kiosk, table: str) -> list[tuple[str, dict]]:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        group = store.group("browser-tests", table)
        return [(a.item, a.payload) for a in store.history(group, "drafting_statements")]
    finally:
        store.close()


def _wait_rows(kiosk, table: str, count: int) -> list[tuple[str, dict]]:
    deadline = time.monotonic() + 120
    rows = _rows(kiosk, table)
    while len(rows) < count and time.monotonic() < deadline:
        time.sleep(0.2)
        rows = _rows(kiosk, table)
    return rows


def test_a_table_drafts_reviews_proposes_and_restores(kiosk, page) -> None:
    """Typing and pausing reviews and saves; propose by keyboard; restore; all back after reload."""
    open_page(page, f"{kiosk.url}{STEP}?group=Drafting+Table")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)
    drafts = page.locator(".kit-draft")

    # draft 1: type hostile, service-led wording and just pause; the review comes by itself
    first = page.get_by_label("Draft 1 wording")
    first.click()
    page.keyboard.type(HOSTILE, delay=5)
    drafts.nth(0).get_by_text("Service-led wording").wait_for(timeout=WIDGET_TIMEOUT)
    drafts.nth(0).get_by_text("Saved as version 1").wait_for()
    assert drafts.nth(0).get_by_text("Children and young people do fun things").count() >= 1
    assert page.evaluate("window.hacked === undefined")
    assert drafts.nth(0).locator("img").count() == 0

    # rewrite it, then press "Check and save" from the keyboard
    first.fill("We do activities we enjoy, where we want, with our friends")
    drafts.nth(0).get_by_role("button", name="Check and save").focus()
    page.keyboard.press("Enter")
    drafts.nth(0).get_by_text("Saved as version 2").wait_for(timeout=WIDGET_TIMEOUT)

    # propose it to the room with the space bar
    drafts.nth(0).get_by_label("Propose draft 1 to the room").focus()
    page.keyboard.press("Space")
    drafts.nth(0).get_by_text("Saved as version 3").wait_for(timeout=WIDGET_TIMEOUT)
    page.locator(".kit-proposed").get_by_text("We do activities we enjoy").wait_for()

    # restore the first wording
    drafts.nth(0).get_by_label("Earlier wording").select_option(label=drafts.nth(0).get_by_label("Earlier wording").locator("option", has_text="Version 1:").inner_text())
    drafts.nth(0).get_by_role("button", name="Restore this wording").click()
    drafts.nth(0).get_by_text("Saved as version 4").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.evaluate("window.hacked === undefined")

    rows = _wait_rows(kiosk, "Drafting Table", 4)
    assert [item for item, _ in rows] == ["fun"] * 4
    payloads = [p for _, p in rows]
    assert payloads[0]["text"] == HOSTILE and payloads[0]["service_led"] is True and payloads[0]["trigger"] == "pause"
    assert payloads[1]["trigger"] == "check" and payloads[1]["service_led"] is False
    assert payloads[2]["proposed"] is True and payloads[2]["trigger"] == "propose"
    assert payloads[3]["text"] == HOSTILE and payloads[3]["restored_from"] == 1

    page.reload()
    page.wait_for_selector(".kit-draft", timeout=WIDGET_TIMEOUT)
    page.get_by_text("Welcome back").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.get_by_label("Draft 1 wording").input_value() == HOSTILE
    assert page.locator(".kit-draft").nth(0).get_by_text("restored from version 1").count() == 1
    assert page.evaluate("window.hacked === undefined")
