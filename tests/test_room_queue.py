"""The queue for kernels when the room is bigger than the machine: who comes in, who waits, in what order."""

from __future__ import annotations

import json
from pathlib import Path
from types import CodeType, SimpleNamespace

import pytest

from workshop_kit.kiosk import SettingsError, check_settings, voila_argv
from workshop_kit.room_gate import RoomGate, retry_url, tables_in_use, waiting_page
from workshop_kit.room_queue import RoomQueue, default_max_tables
from workshop_kit.settings import Settings
from workshop_kit.zygote import kernel_arguments


def test_tables_come_straight_in_while_there_are_places() -> None:
    """Below the cap, does every page get its kernel at once, without a ticket?"""
    queue = RoomQueue(capacity=3)
    turns = [queue.arrive(None, in_use=n, now=0) for n in range(3)]
    assert all(turn.admitted and turn.ticket is None for turn in turns)
    assert queue.waiting == 0


def test_past_the_cap_tables_wait_in_the_order_they_came() -> None:
    """At the cap, does each new page get a ticket and the next place in line?"""
    queue = RoomQueue(capacity=2)
    first, second = queue.arrive(None, 2, 0), queue.arrive(None, 2, 0.1)
    assert (first.admitted, first.place) == (False, 1)
    assert (second.admitted, second.place) == (False, 2)
    assert first.ticket and second.ticket and first.ticket != second.ticket
    assert queue.waiting == 2
    assert queue.poll(second.ticket, 2, 1).place == 2


def test_a_freed_kernel_lets_in_the_first_in_line_and_keeps_its_place_until_it_reloads() -> None:
    """When a kernel is freed, is the first waiter let in (and only it), with its place held for its reload?"""
    queue = RoomQueue(capacity=2, hold_seconds=30)
    first, second = queue.arrive(None, 2, 0), queue.arrive(None, 2, 0)
    assert queue.poll(second.ticket, 1, 1).place == 1  # the first is let in, so the second moves up
    assert queue.poll(first.ticket, 1, 1).admitted
    # a newcomer cannot take the place held for the first waiter's reload
    newcomer = queue.arrive(None, 1, 2)
    assert not newcomer.admitted and newcomer.place == 2
    # the first waiter's page comes back with its ticket and takes its kernel
    assert queue.arrive(first.ticket, 1, 3).admitted
    assert queue.waiting == 2


def test_a_place_held_for_a_page_that_never_comes_back_goes_to_the_next() -> None:
    """If a let-in page never reloads, is its place given on after the hold time?"""
    queue = RoomQueue(capacity=1, hold_seconds=5, forget_seconds=100)
    first, second = queue.arrive(None, 1, 0), queue.arrive(None, 1, 0)
    assert queue.poll(first.ticket, 0, 1).admitted
    assert not queue.poll(second.ticket, 0, 2).admitted
    assert queue.poll(second.ticket, 0, 7).admitted


def test_a_closed_waiting_tab_loses_its_place_and_holds_up_nobody() -> None:
    """Does a waiting tab that stops asking drop out of the line?"""
    queue = RoomQueue(capacity=1, forget_seconds=20)
    gone, staying = queue.arrive(None, 1, 0), queue.arrive(None, 1, 0)
    for now in (10, 20, 30):
        turn = queue.poll(staying.ticket, 1, now)
    assert turn.place == 1 and queue.waiting == 1
    assert queue.poll(staying.ticket, 0, 31).admitted
    # the forgotten tab, if it ever asks again, joins at the back (or comes in if there is room)
    assert queue.poll(gone.ticket, 1, 32).place == 1


def test_sixty_tables_on_a_cap_of_twenty_all_get_in_in_order() -> None:
    """A room of 60 with 20 places: does everyone get a kernel in the end, first come first served?"""
    queue = RoomQueue(capacity=20, hold_seconds=30, forget_seconds=60)
    in_use, order, waiting = 0, [], []
    for table in range(60):
        turn = queue.arrive(None, in_use, table * 0.01)
        if turn.admitted:
            in_use += 1
        else:
            waiting.append(turn.ticket)
    assert in_use == 20 and queue.waiting == 40
    now = 1.0
    while waiting:
        in_use -= 1  # a table finishes its step and its kernel is shut down
        now += 1
        for ticket in list(waiting):
            turn = queue.poll(ticket, in_use, now)
            if turn.admitted:
                assert queue.arrive(ticket, in_use, now).admitted
                in_use += 1
                order.append(ticket)
                waiting.remove(ticket)
    assert len(order) == 40 and queue.waiting == 0


def test_the_default_cap_comes_from_the_machine_memory() -> None:
    """Is the cap half the memory at the per-table allowance, and never below 4?"""
    assert default_max_tables(24 * 2**30) == 81
    assert default_max_tables(8 * 2**30) == 27
    assert default_max_tables(512 * 2**20) == 4
    assert Settings().table_cap == default_max_tables()
    assert Settings(max_tables=7).table_cap == 7


def test_the_cap_is_set_in_one_place_and_passed_to_voila() -> None:
    """Does --max-tables reach Voila, is 0 refused, and does the dashboard have no queue?"""
    assert "--KioskVoila.max_tables=7" in voila_argv(Settings(max_tables=7))
    assert "--KioskVoila.max_tables=0" in voila_argv(Settings(max_tables=7), idle_return=False)
    with pytest.raises(SettingsError, match="--max-tables"):
        check_settings(Settings(max_tables=0))
    with pytest.raises(ValueError):
        RoomQueue(capacity=0)


def test_kernels_are_forked_unless_told_otherwise() -> None:
    """Is the zygote provisioner the kiosk's default, and can it be turned off?"""
    assert "--KernelProvisionerFactory.default_provisioner_name=workshop-kit-zygote" in voila_argv(Settings())
    assert "--KernelProvisionerFactory.default_provisioner_name=local-provisioner" in voila_argv(Settings(fork_kernels=False))
    assert kernel_arguments(["/usr/bin/python", "-m", "ipykernel_launcher", "-f", "/tmp/k.json"]) == ["-f", "/tmp/k.json"]


def test_kernels_in_a_pool_are_not_counted_as_tables() -> None:
    """Do only kernels that tables hold count against the cap (not the warm ones waiting in a pool)?"""
    ready = SimpleNamespace(done=lambda: True)
    warming = SimpleNamespace(done=lambda: False)
    manager = SimpleNamespace(list_kernel_ids=lambda: ["a", "b", "c", "d", "e"], pooled_kernel_ids=lambda: {"a", "b"}, _pools={"01.ipynb": [ready, ready, warming]})
    assert tables_in_use(manager) == 2


def test_the_waiting_page_says_its_place_plainly_and_escapes_the_address() -> None:
    """Does the waiting page name the place, keep the table's name in the retry address, and escape everything?"""
    queue = RoomQueue(capacity=1)
    queue.arrive(None, 1, 0)
    turn = queue.arrive(None, 1, 0)
    uri = "/voila/render/01.ipynb?group=Table+%3Cscript%3E&kit_ticket=old"
    html = waiting_page(turn, uri, "/")
    assert "You are number 2 in the queue." in html
    assert "This page opens by itself" in html
    assert "<script>alert" not in html and "kit_ticket=old" not in html
    assert retry_url(uri, "T1") == "/voila/render/01.ipynb?group=Table+%3Cscript%3E&kit_ticket=T1"
    assert 'role="status"' in html and 'lang="en-GB"' in html


def test_the_gate_writes_the_rooms_count_for_the_dashboard(tmp_path: Path) -> None:
    """Does the kiosk leave how many tables have a page, and how many wait, where the dashboard reads it?"""
    gate = RoomGate(1, tmp_path / "room-status.json", clock=lambda: 0.0)
    gate.kernel_manager = SimpleNamespace(list_kernel_ids=lambda: ["a"], pooled_kernel_ids=lambda: set(), _pools={})
    assert not gate.arrive(None).admitted
    status = json.loads((tmp_path / "room-status.json").read_text())
    assert (status["tables"], status["waiting"], status["max_tables"]) == (1, 1, 1)


def test_the_dashboard_says_how_many_tables_wait(tmp_path: Path) -> None:
    """Does the dashboard's line give the kiosk's fresh count, and say plainly when there is none?"""
    from datetime import datetime, timedelta, timezone

    from workshop_kit.dashboard.room_panel import RoomPanel, describe, room_status

    settings = Settings(data_dir=tmp_path)
    panel = RoomPanel(settings)
    assert "have not reported" in panel.view.value
    gate = RoomGate(2, tmp_path / "room-status.json", clock=lambda: 0.0)
    gate.kernel_manager = SimpleNamespace(list_kernel_ids=lambda: ["a", "b"], pooled_kernel_ids=lambda: set(), _pools={})
    for _ in range(3):
        gate.arrive(None)
    panel.refresh()
    assert "Tables with a page open: <strong>2</strong> of 2 places" in panel.view.value
    assert "3 tables are waiting" in panel.view.value
    assert room_status(settings, now=datetime.now(timezone.utc) + timedelta(minutes=5)) is None
    assert "No table is waiting" in describe({"tables": 1, "waiting": 0, "max_tables": 2})
    assert "1 table is waiting" in describe({"tables": 2, "waiting": 1, "max_tables": 2})


def test_voila_compiles_the_page_template_once_not_once_per_page() -> None:
    """Does a second exporter load the compiled template from the shared cache instead of compiling it again?"""
    from jinja2 import Environment

    from workshop_kit import template_cache

    template_cache.install()
    from voila.exporter import VoilaExporter

    first = VoilaExporter(template_name="lab").environment
    second = VoilaExporter(template_name="lab").environment
    assert first is not second and first.bytecode_cache is second.bytecode_cache is not None
    compiled: list[str] = []
    original = Environment._compile

    def counting(self: Environment, source: str, filename: str) -> CodeType:
        compiled.append(filename)
        return original(self, source, filename)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Environment, "_compile", counting)
        first.get_template("index.html.j2")
        before = len(compiled)
        second.get_template("index.html.j2")
    assert before > 0 and len(compiled) == before, "the second environment compiled the template again"
