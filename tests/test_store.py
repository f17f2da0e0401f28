"""The store keeps every answer, shows the latest, and survives many writers at once: on SQLite and on PostgreSQL.

Tests taking ``store`` or ``store_url`` run twice, once on an SQLite file and
once on a fresh database of a real PostgreSQL server (``postgres_server.py``).
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest

from sqlalchemy import inspect

from workshop_kit.settings import Settings
from workshop_kit.store import Store, group_key

if TYPE_CHECKING:
    from multiprocessing.synchronize import Barrier


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An empty store on each database in turn."""
    opened = Store(store_url)
    yield opened
    opened.close()


def test_group_created_once_and_found_by_a_looser_spelling(store: Store) -> None:
    """Do "Table 3" and " table  3 " name the same group, keeping the first spelling?"""
    first = store.group("day-1", "Table 3")
    again = store.group("day-1", "  table   3 ")
    assert again.id == first.id
    assert again.name == "Table 3"
    assert group_key("TABLE\u00a03") == "table 3"


def test_groups_are_kept_apart_by_session(store: Store) -> None:
    """Is the same table name in two workshop sessions two different groups?"""
    assert store.group("day-1", "Table 1").id != store.group("day-2", "Table 1").id
    assert [g.name for g in store.groups_in("day-1")] == ["Table 1"]


def test_answers_are_appended_and_the_latest_is_shown(store: Store) -> None:
    """Does a second answer add a row rather than overwrite, with the newest shown?"""
    group = store.group("day-1", "Table 1")
    store.save(group, "ex", "item-1", {"choice": "output"})
    store.save(group, "ex", "item-1", {"choice": "outcome"})
    store.save(group, "ex", "item-2", {"choice": "impact"})
    latest = store.latest(group, "ex")
    assert latest["item-1"].payload == {"choice": "outcome"}
    assert latest["item-2"].payload == {"choice": "impact"}
    assert [a.payload["choice"] for a in store.history(group, "ex", "item-1")] == ["output", "outcome"]
    assert store.count_answers() == 3


def test_text_is_stored_exactly_as_typed(store: Store) -> None:
    """Do HTML, emoji, right-to-left script and quotes come back byte for byte?"""
    typed = "<script>alert('x')</script> 😀 مرحبا \u202e \"quoted\""
    group = store.group("day-1", typed)
    store.save(group, "ex", "note", {"text": typed})
    assert store.latest(group, "ex")["note"].payload["text"] == typed
    assert store.all_answers("day-1")[0].group == typed


def test_tables_and_an_index_exist_in_a_real_file(tmp_path: Path) -> None:
    """Is the store a real SQLite file in the data folder, in WAL mode?"""
    settings = Settings(data_dir=tmp_path / "d")
    store = Store.from_settings(settings)
    assert (tmp_path / "d" / "workshop.sqlite3").is_file()
    assert {"workshop_sessions", "groups", "answers"} <= set(inspect(store.engine).get_table_names())
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    store.close()


def _write_many(url: str, worker: int, count: int) -> None:
    store = Store(url)
    group = store.group("load", f"Table {worker % 3}")
    for n in range(count):
        store.save(group, "ex", f"w{worker}-{n}", {"n": n})
    store.close()


def test_many_processes_writing_at_once_lose_nothing(store_url: str) -> None:
    """Do six processes saving 40 answers each into one new database leave all 240 rows?"""
    url = store_url
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(url, w, 40)) for w in range(6)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)
        assert process.exitcode == 0
    store = Store(url)
    assert store.count_answers() == 240
    assert len(store.groups_in("load")) == 3
    store.close()


def _save_hundred(url: str, worker: int, start_together: Barrier) -> None:
    start_together.wait(timeout=120)
    store = Store(url)  # all 20 open the fresh database at once: one makes the tables, the rest wait
    group = store.group("crowd", f"Table {worker % 5}")
    for n in range(100):
        store.save(group, "ex", f"w{worker}-{n}", {"text": f"Worker {worker}, answer {n}: 😀 <b>مرحبا</b>", "n": n})
    store.close()


def test_twenty_processes_saving_a_hundred_answers_each_at_once_lose_none(store_url: str) -> None:
    """Do 20 processes, released together onto one fresh database, each opening it and saving 100 answers,
    leave all 2,000 rows, each exact? (On PostgreSQL, opening at once used to race on CREATE TABLE.)"""
    url = store_url
    context = multiprocessing.get_context("spawn")
    start_together = context.Barrier(20)
    workers = [context.Process(target=_save_hundred, args=(url, w, start_together)) for w in range(20)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=300)
    assert [process.exitcode for process in workers] == [0] * 20
    store = Store(url)
    try:
        saved = {(a.group, a.item): a.payload for a in store.all_answers("crowd")}
        assert store.count_answers() == 2000 and len(saved) == 2000
        expected = {(f"Table {w % 5}", f"w{w}-{n}"): {"text": f"Worker {w}, answer {n}: 😀 <b>مرحبا</b>", "n": n} for w in range(20) for n in range(100)}
        assert saved == expected
        assert len(store.groups_in("crowd")) == 5
    finally:
        store.close()
