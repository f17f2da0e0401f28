"""The store's schema version, and bringing a database up to it once, whoever opens it first.

The tables are made and changed only by Alembic migrations (``workshop_kit/migrations``).
Opening a store reads the version alone; only a database that is behind (a fresh
file, a fresh PostgreSQL database, a 0.1.0 folder) is upgraded, inside one
transaction that holds the store's write lock, so kernels starting together
queue up instead of racing to ``CREATE TABLE`` (on PostgreSQL that race loses
whole processes' answers). A 0.1.0 store has the tables but no version: it is
stamped with the first revision, then upgraded.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

#: the newest revision in migrations/versions (a test checks it against Alembic's own head)
HEAD = "0003"
#: the schema version 0.1.0 wrote, before the store kept a version
BASELINE = "0001"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
#: PostgreSQL advisory lock held while one process upgrades ("kit_" in ASCII)
UPGRADE_LOCK = 0x6B69745F


def current_revision(conn: Connection) -> str | None:
    """The revision a database is at, or None when it has no version table (fresh, or written by 0.1.0)."""
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    found = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return str(found) if found is not None else None


def upgrade(conn: Connection) -> str | None:
    """Bring the database on ``conn`` (already in a write transaction) to ``HEAD``; returns the revision it was at.

    The caller commits. On PostgreSQL an advisory lock held to the end of the
    transaction makes a second opener wait here, then find the work done.
    """
    from alembic import command
    from alembic.config import Config

    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
    was = current_revision(conn)
    if was == HEAD:
        return was
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    if was is None and inspect(conn).has_table("answers"):
        command.stamp(config, BASELINE)
    command.upgrade(config, "head")
    return was
