"""Moving around in kiosk mode: no address bar, no back button, and pages left idle at a table."""

from __future__ import annotations

import json
import time
from typing import Iterator

import pytest
from kiosk_support import Kiosk, card, open_page, start_kiosk, stop_kiosk

from workshop_kit import content
from workshop_kit.settings import Settings
from workshop_kit.store import Store

STEP = "/voila/render/01_outputs_outcomes_impact.ipynb"


@pytest.fixture(scope="module")
def short_timers_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    """A kiosk of its own whose abandoned kernels are culled after 10 s and idle pages return after 20 s.

    A kernel handed to a page is only safe from culling once the page connects, so the cull time
    leaves room for a slow page load on a busy machine.
    """
    running = start_kiosk(
        tmp_path_factory.mktemp("short-timers"), "--cull-idle", "10", "--cull-interval", "1", "--idle-return", "20"
    )
    yield running
    stop_kiosk(running)


def _saved_choices(kiosk, table: str) -> dict:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        group = store.group("browser-tests", table)
        return {item: a.payload.get("choice") for item, a in store.latest(group, "outputs_outcomes_impact").items()}
    finally:
        store.close()


def test_a_table_can_walk_every_step_by_the_page_links_alone(kiosk, page) -> None:
    """From the first step, does 'Next step' reach every ready step in order, carrying the table's name?"""
    ready = [step for step in content.start_page().steps if step.ready]
    open_page(page, f"{kiosk.url}{STEP}?group=Walking+Table")
    for step in ready[1:]:
        nav = page.get_by_role("navigation", name="Move between steps")
        nav.get_by_role("link", name=step.title, exact=True).click()
        page.wait_for_url(f"**/{step.notebook}?*", timeout=30_000)
        page.get_by_role("heading", name=step.title, level=1).wait_for(timeout=30_000)
        page.locator(".kit-notice-success").filter(has_text="Walking Table").first.wait_for(timeout=30_000)
    nav = page.get_by_role("navigation", name="Move between steps")
    assert nav.get_by_text("Next step").count() == 0
    nav.get_by_role("link", name=ready[-2].title, exact=True).click()
    page.wait_for_url(f"**/{ready[-2].notebook}?*", timeout=30_000)
    page.get_by_role("navigation", name="Move between steps").get_by_role("link", name="Back to the start page").click()
    page.wait_for_url("**/00_start.ipynb?*", timeout=30_000)
    page.get_by_role("heading", name=content.start_page().title).wait_for(timeout=30_000)


def test_an_idle_page_warns_then_goes_back_to_the_start_keeping_what_was_saved(short_timers_kiosk, page) -> None:
    """Does an untouched page warn, stay when asked, then return to a clean start page with answers kept?"""
    kiosk = short_timers_kiosk
    open_page(page, f"{kiosk.url}{STEP}?group=Idle+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    card(page, 8).get_by_role("button", name="Output", exact=True).click()
    card(page, 8).get_by_text("Yes: this is an output.").wait_for()

    warning = page.get_by_role("alert").filter(has_text="go back to the start page")
    warning.wait_for(timeout=30_000)
    page.get_by_role("button", name="Stay on this page").press("Enter")  # moving the mouse would do too
    warning.wait_for(state="detached", timeout=5_000)
    assert page.url.endswith(f"{STEP}?group=Idle+Table")

    started = time.monotonic()
    page.wait_for_url("**/voila/render/00_start.ipynb", timeout=30_000)
    assert time.monotonic() - started >= 10, "the page left before the idle time was up"
    box = page.get_by_label("Table or group name")
    box.wait_for(timeout=30_000)
    assert box.input_value() == ""
    assert _saved_choices(kiosk, "Idle Table") == {"cdc-output-1": "output"}

    # an untouched start page stays put: it does not reload itself forever
    page.wait_for_timeout(22_000)
    assert page.url.endswith("/voila/render/00_start.ipynb")


def test_an_abandoned_page_kernel_is_culled(browser, short_timers_kiosk) -> None:
    """If a tab vanishes without saying goodbye, is its kernel culled once idle?"""
    short = short_timers_kiosk
    context = browser.new_context()
    tab = context.new_page()
    open_page(tab, f"{short.url}{STEP}?group=Gone+Table")
    kernel = json.loads(tab.locator("#jupyter-config-data").text_content())["kernelId"]
    context.close()  # no beforeunload: like a tablet running out of battery
    deadline = time.monotonic() + 60
    while f"Kernel shutdown: {kernel}" not in short.log() and time.monotonic() < deadline:
        time.sleep(0.25)
    assert f"Kernel shutdown: {kernel}" in short.log()
    assert "Culling" in short.log()
