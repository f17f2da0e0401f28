"""A room bigger than the machine: past the cap a page waits, says its place, and opens by itself."""

from __future__ import annotations

import json
import time
from typing import Iterator

import pytest
from kiosk_support import WIDGET_TIMEOUT, Kiosk, name_table, open_page, start_kiosk, stop_kiosk

STEP = "/voila/render/01_outputs_outcomes_impact.ipynb"
WAIT_LIMIT = 120_000  # ms: a freed kernel is noticed within a few seconds; the machine may be busy


@pytest.fixture(scope="module")
def one_place_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    """A kiosk with a single place for tables (its pools are warm, but a pooled kernel is not a place)."""
    running = start_kiosk(tmp_path_factory.mktemp("one-place"), "--max-tables", "1")
    yield running
    stop_kiosk(running)


def _status(kiosk: Kiosk) -> dict:
    try:
        return json.loads((kiosk.data_dir / "room-status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def test_past_the_cap_a_page_waits_with_its_place_and_opens_by_itself(one_place_kiosk, browser) -> None:
    """Second table on a one-place kiosk: a plain waiting page, no error; it opens itself when the first leaves."""
    kiosk = one_place_kiosk
    first_context = browser.new_context(viewport={"width": 1200, "height": 900})
    second_context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        first = first_context.new_page()
        open_page(first, f"{kiosk.url}/voila/render/00_start.ipynb")
        name_table(first, "Table One")
        first.goto(f"{kiosk.url}{STEP}?group=Table+One")
        first.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)

        second = second_context.new_page()
        second.goto(f"{kiosk.url}{STEP}?group=Table+Two")
        place = second.get_by_role("status")
        place.wait_for(timeout=WIDGET_TIMEOUT)
        assert place.inner_text() == "You are number 1 in the queue."
        assert second.get_by_role("heading", name="This page is waiting for a place").is_visible()
        assert "opens by itself" in second.inner_text("main")
        assert "error" not in second.inner_text("body").lower()
        deadline = time.monotonic() + 30
        while _status(kiosk).get("waiting") != 1 and time.monotonic() < deadline:
            time.sleep(0.25)
        assert _status(kiosk)["waiting"] == 1, "the dashboard's count should show the waiting table"

        first.close(run_before_unload=True)  # the first table leaves: its page shuts its kernel down
        second.wait_for_selector(".kit-card", timeout=WAIT_LIMIT)
        assert "Table Two" in second.url or "Table+Two" in second.url
        deadline = time.monotonic() + 30
        while _status(kiosk).get("waiting") != 0 and time.monotonic() < deadline:
            time.sleep(0.25)
        assert _status(kiosk)["waiting"] == 0
    finally:
        first_context.close()
        second_context.close()
