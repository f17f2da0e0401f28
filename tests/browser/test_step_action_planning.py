"""Action planning in the browser: write the plan, add an action, find both in the store."""

from __future__ import annotations

from kiosk_support import open_page

from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = '<img src=x onerror="window.hacked=1">Ask the youth council'


def test_a_table_writes_its_plan_and_an_action(kiosk, page) -> None:
    """Typing the plan, picking nothing risky, saving and adding an action: is it all stored?"""
    open_page(page, f"{kiosk.url}/voila/render/09_action_planning.ipynb?group=Plan+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    page.get_by_label("Consulting on the drafts").fill("Parent carer forum in March")
    page.get_by_role("button", name="Save the plan").click()
    page.get_by_text("Plan saved.").wait_for()
    page.get_by_label("Action", exact=True).fill(HOSTILE)
    page.get_by_label("Who").fill("Participation officer")
    page.get_by_label("By when").fill("April")
    page.get_by_label("By when").press("Tab")
    page.keyboard.press("Enter")  # focus is on "Add this action"
    page.get_by_role("cell", name=HOSTILE).wait_for()
    assert page.evaluate("window.hacked === undefined")

    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        saved = store.latest(store.group("browser-tests", "Plan Table"), "action_planning")
    finally:
        store.close()
    assert saved["plan"].payload["consultation"] == "Parent carer forum in March"
    assert saved["action-1"].payload == {"action": HOSTILE, "owner": "Participation officer", "due": "April"}
