"""A step got ready for the room on a real kiosk: every table's page is one that was already warm."""

from __future__ import annotations

import asyncio
import re
import time
from concurrent.futures import ThreadPoolExecutor

from widget_client import Participant

from workshop_kit import room_warmup

PAGE = "09_action_planning.ipynb"
TABLES = 3


def _run(scenario):
    """Run a coroutine in a thread of its own: Playwright's sync API may keep an event loop in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


def _status_until(kiosk, states: set[str], timeout: float) -> room_warmup.WarmStatus | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = room_warmup.read_status(kiosk.data_dir)
        if status is not None and status.page == PAGE and status.state in states:
            return status
        time.sleep(0.5)
    return room_warmup.read_status(kiosk.data_dir)


def test_tables_opening_a_step_together_all_get_warm_pages_and_the_extra_ones_are_let_go(kiosk) -> None:
    """Asked from the dashboard's data folder, does the kiosk warm one page per table, hand each table a warm one,
    then shut down the extra warm pages it kept, leaving the tables' own kernels alone?"""
    before = len(kiosk.log())
    room_warmup.ask(kiosk.data_dir, PAGE, TABLES)
    ready = _status_until(kiosk, {"ready"}, timeout=240)
    assert ready is not None and ready.state == "ready" and ready.ready >= TABLES, kiosk.log()[-3000:]

    async def scenario() -> list[Participant]:
        tables = [Participant(kiosk.url, PAGE, f"Warm Table {n}") for n in range(TABLES)]
        await asyncio.gather(*(table.open(timeout=240) for table in tables))
        return tables

    tables = _run(scenario())
    try:
        kernels = {table.kernel_id for table in tables}
        assert len(kernels) == TABLES and None not in kernels
        log = kiosk.log()
        for kernel_id in kernels:
            assert f"Using pre-heated kernel: {kernel_id}" in log, f"a table's page was started cold: {kernel_id}"
        finished = _status_until(kiosk, {"finished"}, timeout=120)
        assert finished is not None and finished.state == "finished", finished
        # the pool was refilled to one page per table as tables took theirs; all but the usual one are shut down
        # (only kernels started since the request count: earlier tests' kernels may be culled meanwhile)
        deadline = time.monotonic() + 120
        let_go: set[str] = set()
        while time.monotonic() < deadline and len(let_go) < TABLES - 1:
            since = kiosk.log()[before:]
            started = set(re.findall(r"Kernel started: ([0-9a-f-]{36})", since))
            let_go = (set(re.findall(r"Kernel shutdown: ([0-9a-f-]{36})", since)) & started) - kernels
            time.sleep(0.5)
        assert len(let_go) == TABLES - 1
        assert not kernels & set(re.findall(r"Kernel shutdown: ([0-9a-f-]{36})", kiosk.log()))
    finally:

        async def close_all() -> None:
            await asyncio.gather(*(table.close() for table in tables), return_exceptions=True)

        _run(close_all())
