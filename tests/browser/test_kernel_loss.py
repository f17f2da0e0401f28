"""A page whose kernel is killed mid-step: a plain sentence and a reload, never a blank page, and nothing saved is lost."""

from __future__ import annotations

import json
import signal
import time

from kiosk_support import WIDGET_TIMEOUT, card, open_page

STEP = "/voila/render/01_outputs_outcomes_impact.ipynb"


def _saved(kiosk, table: str) -> dict:
    store = kiosk.open_store()
    try:
        group = store.find_group("browser-tests", table)
        return {} if group is None else {i: a.payload["choice"] for i, a in store.latest(group, "outputs_outcomes_impact").items()}
    finally:
        store.close()


def test_a_killed_kernel_is_explained_and_the_table_gets_its_work_back(any_kiosk, page) -> None:
    """When a page's kernel is killed (SIGKILL) mid-step, does the page say so and offer a reload that brings back every
    answer? (Run on a kiosk saving to SQLite and on one saving to PostgreSQL.)"""
    kiosk = any_kiosk
    open_page(page, f"{kiosk.url}{STEP}?group=Killed+Kernel+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    card(page, 8).get_by_role("button", name="Output", exact=True).click()
    card(page, 8).get_by_text("Yes: this is an output.").wait_for()
    card(page, 1).get_by_role("button", name="Outcome", exact=True).click()
    card(page, 1).get_by_text("Yes: this is an outcome.").wait_for()
    deadline = time.monotonic() + 120
    while len(_saved(kiosk, "Killed Kernel Table")) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _saved(kiosk, "Killed Kernel Table") == {"cdc-output-1": "output", "ipc-1": "outcome"}

    kernel_id = json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]
    [process] = [p for p in kiosk.kernel_processes() if kernel_id in " ".join(p.cmdline())]
    process.send_signal(signal.SIGKILL)

    alert = page.get_by_role("alert").filter(has_text="This page has stopped working")
    alert.wait_for(timeout=WIDGET_TIMEOUT)
    assert "Everything your table saved is safe" in alert.inner_text()
    shown = page.locator("body").inner_text()
    assert "Traceback" not in shown and "Error" not in shown
    assert card(page, 8).is_visible(), "the page went blank"
    reload = page.get_by_role("button", name="Reload this page")
    assert page.evaluate("document.activeElement.textContent") == "Reload this page"
    reload.press("Enter")

    page.wait_for_url("**/01_outputs_outcomes_impact.ipynb?group=Killed+Kernel+Table*", timeout=WIDGET_TIMEOUT)
    page.get_by_text("Welcome back. 2 of your earlier answers").wait_for(timeout=WIDGET_TIMEOUT)
    assert card(page, 8).get_by_role("button", name="Output", exact=True).get_attribute("aria-pressed") == "true"
    assert card(page, 1).get_by_role("button", name="Outcome", exact=True).get_attribute("aria-pressed") == "true"
    assert page.get_by_role("alert").filter(has_text="This page has stopped working").count() == 0
