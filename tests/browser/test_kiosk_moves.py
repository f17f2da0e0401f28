"""Moving around in kiosk mode: no address bar, no back button, and pages left idle at a table."""

from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator

import pytest
from kiosk_support import NOTEBOOKS, WIDGET_TIMEOUT, Kiosk, card, new_context, open_page, start_kiosk, stop_kiosk
from widget_client import Participant

from workshop_kit import content
from workshop_kit.settings import Settings
from workshop_kit.store import Store

STEP = "/voila/render/01_outputs_outcomes_impact.ipynb"
CULL_IDLE = 10  # seconds: an abandoned kernel is culled this long after its last activity...
RECONNECT_GRACE = 25  # ...and no sooner than this after its page's connection dropped


def _run(scenario):
    """Run a coroutine in a thread of its own: Playwright's sync API keeps an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


def _culled(log: str) -> list[str]:
    """The culler's lines about kernels it shut down (its start-up line says "Culling kernels with ...")."""
    return [line for line in log.splitlines() if "Culling '" in line]


def _wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.25)
    return bool(condition())


@pytest.fixture(scope="module")
def short_timers_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    """A kiosk of its own whose abandoned kernels are culled after 10 s and idle pages return after 20 s.

    A kernel handed to a page is only safe from culling once the page connects, so the cull time
    leaves room for a slow page load on a busy machine.
    """
    running = start_kiosk(
        tmp_path_factory.mktemp("short-timers"),
        "--cull-idle",
        str(CULL_IDLE),
        "--cull-interval",
        "1",
        "--idle-return",
        "20",
        "--reconnect-grace",
        str(RECONNECT_GRACE),
    )
    running.started_at = time.monotonic()
    yield running
    stop_kiosk(running)


def test_kernels_waiting_in_the_pool_are_never_culled(short_timers_kiosk) -> None:
    """Do warm kernels waiting for a table outlive the cull time, untouched and never restarted?"""
    kiosk = short_timers_kiosk
    # the pools were full when the kiosk said so; let the culler sweep (every second) well past the cull time
    remaining = kiosk.started_at + 2 * CULL_IDLE + 3 - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)
    log = kiosk.log()
    assert _culled(log) == []
    assert log.count("Kernel started:") == len(NOTEBOOKS), "a pooled kernel was shut down and started again"
    assert len(kiosk.kernel_processes()) == len(NOTEBOOKS)


def test_a_dropped_page_gets_its_own_kernel_back_with_nothing_lost(short_timers_kiosk) -> None:
    """A table takes a kernel that waited longer than the cull time, loses its connection past the cull time,
    and comes back: is it the same kernel, with the table's answer still on the page?"""
    kiosk = short_timers_kiosk
    assert _wait_until(lambda: time.monotonic() - kiosk.started_at > CULL_IDLE + 2, 3 * CULL_IDLE)

    async def scenario() -> tuple[str, int, int]:
        participant = Participant(kiosk.url, "01_outputs_outcomes_impact.ipynb", "Blip Table")
        await participant.open(timeout=120)
        model_id, labels = participant.choice_cards()[0]
        await participant.choose(model_id, labels.index("Outcome"))
        await participant.drop()
        # longer than the cull time since the drop, with the culler sweeping every second
        await asyncio.sleep(CULL_IDLE + 4)
        await participant.reconnect(timeout=120)
        try:
            return participant.kernel_id or "", participant.models[model_id]["index"], labels.index("Outcome")
        finally:
            await participant.close()

    kernel_id, shown, chosen = _run(scenario())
    log = kiosk.log()
    culled = [line for line in _culled(log) if kernel_id in line]
    assert culled == [], "the dropped page's kernel was culled inside its grace period"
    assert shown == chosen


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
        page.wait_for_url(f"**/{step.notebook}?*", timeout=WIDGET_TIMEOUT)
        page.get_by_role("heading", name=step.title, level=1).wait_for(timeout=WIDGET_TIMEOUT)
        page.locator(".kit-notice-success").filter(has_text="Walking Table").first.wait_for(timeout=WIDGET_TIMEOUT)
    nav = page.get_by_role("navigation", name="Move between steps")
    assert nav.get_by_text("Next step").count() == 0
    nav.get_by_role("link", name=ready[-2].title, exact=True).click()
    page.wait_for_url(f"**/{ready[-2].notebook}?*", timeout=WIDGET_TIMEOUT)
    page.get_by_role("navigation", name="Move between steps").get_by_role("link", name="Back to the start page").click()
    page.wait_for_url("**/00_start.ipynb?*", timeout=WIDGET_TIMEOUT)
    page.get_by_role("heading", name=content.start_page().title).wait_for(timeout=WIDGET_TIMEOUT)


def test_an_idle_page_warns_then_goes_back_to_the_start_keeping_what_was_saved(short_timers_kiosk, page) -> None:
    """Does an untouched page warn, stay when asked, then return to a clean start page with answers kept?"""
    kiosk = short_timers_kiosk
    open_page(page, f"{kiosk.url}{STEP}?group=Idle+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    card(page, 8).get_by_role("button", name="Output", exact=True).click()
    card(page, 8).get_by_text("Yes: this is an output.").wait_for()

    warning = page.get_by_role("alert").filter(has_text="go back to the start page")
    warning.wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_role("button", name="Stay on this page").press("Enter")  # moving the mouse would do too
    warning.wait_for(state="detached", timeout=WIDGET_TIMEOUT)
    assert page.url.endswith(f"{STEP}?group=Idle+Table")

    started = time.monotonic()
    page.wait_for_url("**/voila/render/00_start.ipynb", timeout=WIDGET_TIMEOUT)
    assert time.monotonic() - started >= 10, "the page left before the idle time was up"
    box = page.get_by_label("Table or group name")
    box.wait_for(timeout=WIDGET_TIMEOUT)
    assert box.input_value() == ""
    assert _saved_choices(kiosk, "Idle Table") == {"cdc-output-1": "output"}

    # an untouched start page stays put: it does not reload itself forever
    page.wait_for_timeout(22_000)
    assert page.url.endswith("/voila/render/00_start.ipynb")


def test_an_abandoned_page_kernel_is_culled(browser, short_timers_kiosk) -> None:
    """If a tab vanishes without saying goodbye, is its kernel culled once idle?"""
    short = short_timers_kiosk
    context = new_context(browser)
    tab = context.new_page()
    open_page(tab, f"{short.url}{STEP}?group=Gone+Table")
    kernel = json.loads(tab.locator("#jupyter-config-data").text_content())["kernelId"]
    context.close()  # no beforeunload: like a tablet running out of battery
    closed = time.monotonic()
    assert _wait_until(lambda: f"Kernel shutdown: {kernel}" in short.log(), RECONNECT_GRACE + 120)
    assert time.monotonic() - closed >= RECONNECT_GRACE - 1, "culled before the page had its chance to reconnect"
    assert any(kernel in line for line in _culled(short.log()))
