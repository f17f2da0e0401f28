"""The store's schema is versioned with Alembic: a 0.1.0 data folder opens and upgrades, losing no answer."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from workshop_kit import schema
from workshop_kit.settings import Settings
from workshop_kit.store import Store, metadata

FIXTURE = Path(__file__).parent / "fixtures" / "store-0.1.0" / "workshop.sqlite3"


def _raw_rows(path: Path) -> list[tuple[object, ...]]:
    """Every answer row as the file holds it, read without the kit."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT a.id, g.name, a.exercise, a.item, a.payload, a.saved_at FROM answers a JOIN groups g ON g.id = a.group_id ORDER BY a.id").fetchall()


def test_the_store_knows_alembics_newest_revision() -> None:
    """Is ``schema.HEAD`` the head of the migration scripts (so a new migration cannot be forgotten there)?"""
    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [schema.HEAD]


def test_a_0_1_0_data_folder_opens_upgrades_and_keeps_every_answer(tmp_path: Path) -> None:
    """Does a store file written by 0.1.0 (no version table) open, get stamped and upgraded to the newest
    revision, and still hold all 170 answers, each exactly as it was, readable through the kit?"""
    folder = tmp_path / "day-1"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "workshop.sqlite3")
    before = _raw_rows(folder / "workshop.sqlite3")
    assert len(before) == 170

    store = Store.from_settings(Settings(data_dir=folder))
    try:
        assert store.schema_was is None  # 0.1.0 kept no version
        with store.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            assert "ix_groups_session_mode" in {i["name"] for i in inspect(conn).get_indexes("groups")}
        assert _raw_rows(folder / "workshop.sqlite3") == before
        kept = store.all_answers("day-1")
        assert [(a.id, a.group, a.exercise, a.item) for a in kept] == [row[:4] for row in before]
        assert {a.group for a in kept} == {"Table 1", "Table 2 — Caerdydd"}
        table_1 = store.find_group("day-1", "table 1")
        assert table_1 is not None and store.latest(table_1, "outputs_outcomes_impact")
        store.save(table_1, "outputs_outcomes_impact", "after-upgrade", {"choice": "outcome"})
    finally:
        store.close()
    again = Store.from_settings(Settings(data_dir=folder))  # opening an upgraded store writes nothing
    try:
        assert again.schema_was == schema.HEAD
        assert again.count_answers() == 171
    finally:
        again.close()


def test_migrations_make_the_tables_the_store_declares(store_url: str) -> None:
    """On a fresh SQLite file and a fresh PostgreSQL database, do the migrations make every table, column and index
    the store's code declares?"""
    store = Store(store_url)
    try:
        found = inspect(store.engine)
        for table in metadata.sorted_tables:
            assert {c["name"] for c in found.get_columns(table.name)} == {c.name for c in table.columns}
            declared = {index.name for index in table.indexes}
            assert declared <= {i["name"] for i in found.get_indexes(table.name)}
    finally:
        store.close()
