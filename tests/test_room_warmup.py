"""Getting a step ready for the room: the request, the kiosk's arithmetic, and the dashboard's panel."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workshop_kit import room_warmup
from workshop_kit.dashboard.warm_panel import WarmPanel, describe
from workshop_kit.room_warmup import Warmer, WarmStatus, pages_to_warm
from workshop_kit.settings import Settings

PAGE = "04_drafting_statements.ipynb"
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)


class PoolsOfOnePage:
    """What the Warmer reads and asks of the kiosk's kernel manager, with kernels as plain ids."""

    def __init__(self) -> None:
        self.pool: dict[str, set[str]] = {}
        self.sizes: dict[str, int] = {}
        self.cooled: list[str] = []
        self.in_use: set[str] = set()

    # what room_gate.tables_in_use reads
    def list_kernel_ids(self) -> list[str]:
        return sorted(self.in_use | {k for ids in self.pool.values() for k in ids})

    def pooled_kernel_ids(self) -> set[str]:
        return {k for ids in self.pool.values() for k in ids}

    def pool_kernel_ids(self, page: str) -> set[str]:
        return set(self.pool.get(page, set()))

    def warm_page(self, page: str, size: int) -> None:
        self.sizes[page] = size
        self.pool[page] = {f"{page}-{n}" for n in range(size)}

    def cool_page(self, page: str) -> None:
        self.cooled.append(page)
        self.sizes.pop(page, None)

    def table_takes(self, page: str) -> None:
        kernel = sorted(self.pool[page])[0]
        self.pool[page].discard(kernel)
        self.in_use.add(kernel)


def test_one_warm_page_per_table_within_the_room_cap() -> None:
    assert pages_to_warm(tables=20, in_use=0, max_tables=0) == 20
    assert pages_to_warm(tables=20, in_use=0, max_tables=12) == 12
    # tables now on another step give their kernels back when they move, so they count as free places
    assert pages_to_warm(tables=20, in_use=20, max_tables=24) == 20
    assert pages_to_warm(tables=20, in_use=0, max_tables=0, already_on_page=5) == 15


def test_a_request_survives_the_round_trip_and_a_broken_file_is_none(tmp_path: Path) -> None:
    asked = room_warmup.ask(tmp_path, PAGE, 500, now=NOW)
    assert asked.tables == room_warmup.MOST_TABLES
    assert room_warmup.read_request(tmp_path) == asked
    (tmp_path / room_warmup.REQUEST_FILE).write_text("{not json", encoding="utf-8")
    assert room_warmup.read_request(tmp_path) is None


def test_the_kiosk_warms_the_page_then_gives_the_pool_back_once_every_table_took_one(tmp_path: Path) -> None:
    manager = PoolsOfOnePage()
    warmer = Warmer(tmp_path, [PAGE, "00_start.ipynb"], max_tables=0)
    room_warmup.ask(tmp_path, PAGE, 3, now=NOW)
    status = warmer.tick(manager, NOW + timedelta(seconds=2))
    assert manager.sizes[PAGE] == 3
    assert status is not None and (status.state, status.ready, status.wanted) == ("ready", 3, 3)
    assert room_warmup.read_status(tmp_path) == status
    manager.table_takes(PAGE)
    manager.table_takes(PAGE)
    status = warmer.tick(manager, NOW + timedelta(seconds=4))
    assert status is not None and status.state == "ready" and "2 table(s)" in status.note and manager.cooled == []
    manager.table_takes(PAGE)
    status = warmer.tick(manager, NOW + timedelta(seconds=6))
    assert status is not None and status.state == "finished" and manager.cooled == [PAGE]
    # the same request is not acted on twice
    assert warmer.tick(manager, NOW + timedelta(seconds=8)) is None and manager.cooled == [PAGE]


def test_extra_pages_are_let_go_when_the_tables_do_not_come(tmp_path: Path) -> None:
    manager = PoolsOfOnePage()
    warmer = Warmer(tmp_path, [PAGE], max_tables=0)
    room_warmup.ask(tmp_path, PAGE, 5, now=NOW)
    warmer.tick(manager, NOW)
    status = warmer.tick(manager, NOW + timedelta(seconds=room_warmup.KEEP_SECONDS + 1))
    assert status is not None and status.state == "finished" and "Stopped keeping" in status.note
    assert manager.cooled == [PAGE]


def test_an_old_request_or_a_page_that_is_not_the_kiosks_is_not_warmed(tmp_path: Path) -> None:
    manager = PoolsOfOnePage()
    warmer = Warmer(tmp_path, [PAGE], max_tables=0)
    room_warmup.ask(tmp_path, PAGE, 5, now=NOW - timedelta(hours=3))
    assert warmer.tick(manager, NOW) is None and manager.sizes == {}
    room_warmup.ask(tmp_path, "../../etc/passwd", 5, now=NOW)
    status = warmer.tick(manager, NOW)
    assert status is not None and status.state == "refused" and manager.sizes == {}


def test_moving_to_another_step_gives_back_the_first_steps_pages(tmp_path: Path) -> None:
    manager = PoolsOfOnePage()
    other = "06_logic_model.ipynb"
    warmer = Warmer(tmp_path, [PAGE, other], max_tables=0)
    room_warmup.ask(tmp_path, PAGE, 4, now=NOW)
    warmer.tick(manager, NOW)
    room_warmup.ask(tmp_path, other, 4, now=NOW + timedelta(seconds=30))
    warmer.tick(manager, NOW + timedelta(seconds=31))
    assert manager.cooled == [PAGE] and manager.sizes[other] == 4


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, session="warm-test")


def test_the_dashboard_button_writes_the_request_for_the_chosen_step(settings: Settings) -> None:
    panel = WarmPanel(settings, lambda: 7)
    assert panel.tables.value == 7
    panel.step.value = PAGE
    panel.button.click()
    request = room_warmup.read_request(settings.data_dir)
    assert request is not None and (request.page, request.tables) == (PAGE, 7)
    assert "made ready for 7 tables" in panel.message.value
    assert "waiting for the participants" in panel.status.value


def test_the_panel_says_what_the_kiosk_answered_and_escapes_it(settings: Settings) -> None:
    asked = room_warmup.ask(settings.data_dir, PAGE, 3, now=NOW)
    titles = {PAGE: "4. Drafting <b>statements</b>"}
    ready = WarmStatus(PAGE, 3, 2, "warming", "1 table(s) have opened it so far.", NOW + timedelta(seconds=3))
    line = describe(ready, asked, titles, NOW + timedelta(seconds=4))
    assert "<strong>2 of 3</strong> pages ready so far" in line
    assert "&lt;b&gt;statements&lt;/b&gt;" in line and "<b>" not in line
    silent = describe(None, asked, titles, NOW + timedelta(seconds=60))
    assert "have not answered" in silent
    refused = WarmStatus("x", 0, 0, "refused", "That is not one of the workshop's pages.", NOW + timedelta(seconds=3))
    assert "not one of the workshop" in describe(refused, asked, titles, NOW + timedelta(seconds=4))
    assert "No step has been made ready" in describe(None, None, titles, NOW)
