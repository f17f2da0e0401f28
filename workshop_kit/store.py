"""The append-only store of everything groups answer.

SQLAlchemy Core over an SQLite file by default; a PostgreSQL URL (or any
SQLAlchemy URL) can replace it. The tables are made by Alembic migrations
(``schema``), once, by whoever opens a database that is behind. Participants only ever add rows: the
latest answer for an item is what a group sees, and earlier ones stay as
history. Many kernels (separate processes) write to one file at once, so
SQLite runs in WAL mode and each write takes the lock up front and waits for
it rather than failing.
"""

from __future__ import annotations

import errno
import random
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.sql.dml import Insert

from . import schema
from .settings import DATABASE_FILE, Settings

metadata = MetaData()

workshop_sessions = Table(
    "workshop_sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

groups = Table(
    "groups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("workshop_sessions.id"), nullable=False),
    Column("key", String(400), nullable=False),
    Column("name", Text, nullable=False),
    Column("mode", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("session_id", "key", name="uq_group_key"),
    Index("ix_groups_session_mode", "session_id", "mode"),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("group_id", ForeignKey("groups.id"), nullable=False),
    Column("exercise", String(100), nullable=False),
    Column("item", String(200), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Index("ix_answers_lookup", "group_id", "exercise", "item", "id"),
)

# -- an area's own material, imported from spreadsheets (workshop_kit/importing/) --------
# One row per import; its rows in the table for its kind. Never updated or deleted: the
# latest import of a kind in a session is the one in use. The same content imported twice
# into one session is found by its fingerprint and not stored again.

area_imports = Table(
    "area_imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", ForeignKey("workshop_sessions.id"), nullable=False),
    Column("kind", String(20), nullable=False),  # "framework" or "indicators"
    Column("file_name", Text, nullable=False),
    Column("fingerprint", String(64), nullable=False),  # SHA-256 of the rows as read, not of the file's bytes
    Column("row_count", Integer, nullable=False),
    Column("columns", JSON, nullable=False),  # {field: header used}
    Column("report", JSON, nullable=False),  # the sentences the importer was told
    Column("imported_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("session_id", "kind", "fingerprint", name="uq_area_import"),
)

area_framework_rows = Table(
    "area_framework_rows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", ForeignKey("area_imports.id"), nullable=False),
    Column("row_number", Integer, nullable=False),  # the spreadsheet row it came from
    Column("aspiration", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("indicator", Text, nullable=False),
    Column("service", Text, nullable=False),
    Column("lead", Text, nullable=False),
    Column("source", Text, nullable=False),  # where the indicator's data comes from, if the file says
    Index("ix_area_framework_rows_import", "import_id", "id"),
)

area_indicator_values = Table(
    "area_indicator_values",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", ForeignKey("area_imports.id"), nullable=False),
    Column("row_number", Integer, nullable=False),
    Column("indicator", Text, nullable=False),
    Column("area", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("period", String(20), nullable=False),  # the label, e.g. 2023-24, 2024-Q1
    Column("period_kind", String(20), nullable=False),  # year, financial_year, quarter, month, date
    Column("period_start", Date, nullable=False),
    Column("value", Float, nullable=False),
    Index("ix_area_indicator_values_series", "import_id", "indicator", "area", "period_start"),
)

IMPORT_TABLES = {"framework": area_framework_rows, "indicators": area_indicator_values}
IMPORT_TABLE_NAMES = {table.name for table in IMPORT_TABLES.values()} | {area_imports.name}
CORE_TABLES = {"workshop_sessions", "groups", "answers"}

_WRITE = "workshop_kit_write"
#: how long a save waits for a database server that does not answer before the page says so
CONNECT_SECONDS = 10
#: how long opening a store keeps trying while others make its tables
SCHEMA_WAIT_SECONDS = 60


@dataclass(frozen=True)
class Group:
    """A table, group or lone learner within one workshop session."""

    id: int
    session: str
    name: str
    mode: str


@dataclass(frozen=True)
class Answer:
    """One saved row: what a group gave for one item of one exercise."""

    id: int
    group: str
    exercise: str
    item: str
    payload: dict[str, Any]
    saved_at: datetime


@dataclass(frozen=True)
class AreaImport:
    """One imported file: what kind, from which file, how many rows, and which columns were read as what."""

    id: int
    session: str
    kind: str
    file_name: str
    fingerprint: str
    row_count: int
    columns: dict[str, str]
    report: tuple[str, ...]
    imported_at: datetime


def group_key(name: str) -> str:
    """The form two spellings of one group name share ("Table 3" and " table  3")."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _now() -> datetime:
    return datetime.now(timezone.utc)


def inserted_id(conn: Connection, insert: Insert) -> int:
    """Run an insert of one row and give the id the database chose for it."""
    key = conn.execute(insert).inserted_primary_key
    if key is None:  # only a table without a primary key (none here) gives no id
        raise RuntimeError(f"the insert into {insert.table} gave no id")
    return int(key[0])


def _prepare_sqlite(engine: Engine) -> None:
    """WAL, a generous busy wait, and BEGIN IMMEDIATE for writes, on every connection."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def driver_insert(dialect: Any, table: Table, rows: list[dict[str, Any]]) -> tuple[str, list[Any]]:
    """The SQL and parameters for inserting ``rows`` in one executemany on this database: the insert compiled by
    SQLAlchemy for the dialect, each value passed through its column type's own bind processor. The same rows as
    ``conn.execute(table.insert(), rows)`` without SQLAlchemy building each row's parameters again (most of the time
    of a 100,000-row import)."""
    keys = list(rows[0])
    compiled = table.insert().compile(dialect=dialect, column_keys=keys)
    names = list(compiled.positiontup) if compiled.positional and compiled.positiontup else keys
    columns = []
    for key in names:
        column = [row[key] for row in rows]
        process = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        columns.append(list(map(process, column)) if process is not None else column)
    if compiled.positional:
        return str(compiled), list(zip(*columns))
    return str(compiled), [dict(zip(names, values)) for values in zip(*columns)]


def _insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    sql, parameters = driver_insert(conn.dialect, table, rows)
    conn.exec_driver_sql(sql, parameters)


class Store:
    """Read and append answers; never update or delete what a participant gave."""

    def __init__(self, url: str, *, upgrade: bool = True) -> None:
        self.url = url
        sqlite = url.startswith("sqlite")
        # a server that restarted mid-day leaves dead connections in the pool: test each before use
        self.engine = create_engine(url, pool_pre_ping=not sqlite, connect_args={"connect_timeout": CONNECT_SECONDS} if url.startswith("postgresql") else {})
        if sqlite:
            _prepare_sqlite(self.engine)
        self.schema_was: str | None = schema.HEAD
        self.has_import_tables = True
        if upgrade:
            self._bring_schema_up_to_date()
        else:
            with self.engine.connect() as conn:
                self.has_import_tables = IMPORT_TABLE_NAMES <= set(inspect(conn).get_table_names())

    @classmethod
    def from_settings(cls, settings: Settings) -> "Store":
        if not settings.database_url:
            Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
        return cls(settings.store_url)

    @classmethod
    def read_only(cls, settings: Settings) -> "Store":
        """The SQLite store opened for reading alone, for a folder that can no longer be written.

        SQLite cannot open a WAL database where it cannot create its index file, unless
        told the file will not change (``immutable``); nothing can be saved through it.
        """
        path = (Path(settings.data_dir) / DATABASE_FILE).resolve()
        if not path.is_file():
            raise FileNotFoundError(errno.ENOENT, "there is no store here", str(path))
        return cls(f"sqlite:///file:{path}?immutable=1&uri=true", upgrade=False)

    def _bring_schema_up_to_date(self) -> None:
        """Run the migrations a database still needs, under the write lock, so openers queue up.

        When the database is at the newest revision nothing is written, so a store on a
        disk that has become full or read-only still opens for reading.
        """
        deadline = time.monotonic() + SCHEMA_WAIT_SECONDS
        while True:
            try:
                with self.engine.connect() as conn:
                    if schema.current_revision(conn) == schema.HEAD:
                        self.has_import_tables = True
                        return
                    present = set(inspect(conn).get_table_names())
                try:
                    with self.writing() as conn, conn.begin():
                        self.schema_was = schema.upgrade(conn)
                except (OperationalError, OSError) as problem:
                    # A store written before imports existed, on a disk that can no longer be written:
                    # its answers can still be read, and it has imported nothing.
                    if "locked" in str(problem) or not CORE_TABLES <= present:
                        raise
                    self.has_import_tables = IMPORT_TABLE_NAMES <= present
                    return
                self.has_import_tables = True
                return
            except OperationalError as problem:
                # a brand-new SQLite file, opened by many kernels in the same instant, can answer
                # "database is locked" at once rather than wait (while it turns into a WAL file)
                if "locked" not in str(problem) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05 + random.random() * 0.2)

    def writing(self) -> Connection:
        """A connection whose transactions take the write lock up front (SQLite's BEGIN IMMEDIATE)."""
        return self.engine.connect().execution_options(**{_WRITE: True})

    # -- groups -------------------------------------------------------------

    def group(self, session: str, name: str, mode: str = "table") -> Group:
        """The group of this name in this session, created on first use.

        A group that exists is found by reading alone, so a table can reopen its work
        even while the store cannot take writes (a full disk, a read-only folder).
        """
        key = group_key(name)
        found = self.find_group(session, name)
        if found is not None:
            return found
        with self.writing() as conn, conn.begin():
            session_id = self._session_id(conn, session)
            row = conn.execute(select(groups.c.id, groups.c.name, groups.c.mode).where(groups.c.session_id == session_id, groups.c.key == key)).first()
            if row is None:
                try:
                    with conn.begin_nested():
                        new_id = inserted_id(conn, groups.insert().values(session_id=session_id, key=key, name=name, mode=mode, created_at=_now()))
                    return Group(new_id, session, name, mode)
                except IntegrityError:
                    row = conn.execute(select(groups.c.id, groups.c.name, groups.c.mode).where(groups.c.session_id == session_id, groups.c.key == key)).one()
            return Group(row.id, session, row.name, row.mode)

    def find_group(self, session: str, name: str) -> Group | None:
        """The group of this name in this session if it exists, by reading alone (None if not)."""
        query = select(groups.c.id, groups.c.name, groups.c.mode).join(workshop_sessions).where(workshop_sessions.c.name == session, groups.c.key == group_key(name))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return Group(row.id, session, row.name, row.mode) if row else None

    def _session_id(self, conn: Connection, session: str) -> int:
        found = conn.execute(select(workshop_sessions.c.id).where(workshop_sessions.c.name == session)).scalar()
        if found is not None:
            return int(found)
        try:
            with conn.begin_nested():
                return inserted_id(conn, workshop_sessions.insert().values(name=session, created_at=_now()))
        except IntegrityError:
            return int(conn.execute(select(workshop_sessions.c.id).where(workshop_sessions.c.name == session)).scalar_one())

    def groups_in(self, session: str) -> list[Group]:
        query = select(groups.c.id, groups.c.name, groups.c.mode).join(workshop_sessions).where(workshop_sessions.c.name == session).order_by(groups.c.id)
        with self.engine.connect() as conn:
            return [Group(r.id, session, r.name, r.mode) for r in conn.execute(query)]

    # -- answers ------------------------------------------------------------

    def save(self, group: Group, exercise: str, item: str, payload: dict[str, Any]) -> int:
        """Append one answer and return its row id."""
        with self.writing() as conn, conn.begin():
            return inserted_id(conn, answers.insert().values(group_id=group.id, exercise=exercise, item=item, payload=payload, saved_at=_now()))

    def latest(self, group: Group, exercise: str) -> dict[str, Answer]:
        """The newest answer for each item of an exercise: what the group sees."""
        newest = select(func.max(answers.c.id)).where(answers.c.group_id == group.id, answers.c.exercise == exercise).group_by(answers.c.item)
        query = select(answers).where(answers.c.id.in_(newest))
        with self.engine.connect() as conn:
            return {row.item: self._answer(row, group.name) for row in conn.execute(query)}

    def history(self, group: Group, exercise: str, item: str | None = None) -> list[Answer]:
        """Every answer a group saved for an exercise (or one item), oldest first."""
        query = select(answers).where(answers.c.group_id == group.id, answers.c.exercise == exercise)
        if item is not None:
            query = query.where(answers.c.item == item)
        with self.engine.connect() as conn:
            return [self._answer(row, group.name) for row in conn.execute(query.order_by(answers.c.id))]

    def rows_of(self, group: Group) -> list[Answer]:
        """Every row one group saved, in every exercise, oldest first (a learner's progress and summary)."""
        query = select(answers).where(answers.c.group_id == group.id).order_by(answers.c.id)
        with self.engine.connect() as conn:
            return [self._answer(row, group.name) for row in conn.execute(query)]

    def last_learner(self, session: str) -> str | None:
        """The name of the learner studying alone who last named themself or saved an answer, or None.

        Only JupyterLab self-study asks (see ``context.remembered_learner``);
        pages served to a room never do.
        """
        last_active = func.coalesce(func.max(answers.c.saved_at), groups.c.created_at)
        query = (
            select(groups.c.name)
            .join(workshop_sessions, groups.c.session_id == workshop_sessions.c.id)
            .outerjoin(answers, answers.c.group_id == groups.c.id)
            .where(workshop_sessions.c.name == session, groups.c.mode == "alone")
            .group_by(groups.c.id, groups.c.name, groups.c.created_at)
            .order_by(last_active.desc(), groups.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def all_answers(self, session: str) -> list[Answer]:
        """Every row saved in a session, oldest first (for the dashboard and exports)."""
        query = (
            select(answers, groups.c.name.label("group_name"))
            .join(groups, answers.c.group_id == groups.c.id)
            .join(workshop_sessions, groups.c.session_id == workshop_sessions.c.id)
            .where(workshop_sessions.c.name == session)
            .order_by(answers.c.id)
        )
        with self.engine.connect() as conn:
            return [self._answer(row, row.group_name) for row in conn.execute(query)]

    # -- imported material ----------------------------------------------------

    def save_import(self, session: str, kind: str, file_name: str, fingerprint: str, columns: dict[str, str], report: list[str], rows: list[dict[str, Any]]) -> tuple[AreaImport, bool]:
        """Store an import and all its rows in one transaction; (the import, True), or (the earlier one, False) when
        the same rows were imported into this session before. Nothing is stored unless everything is."""
        table = IMPORT_TABLES[kind]
        with self.writing() as conn, conn.begin():
            session_id = self._session_id(conn, session)
            found = conn.execute(select(area_imports).where(area_imports.c.session_id == session_id, area_imports.c.kind == kind, area_imports.c.fingerprint == fingerprint)).first()
            if found is not None:
                return self._import(found, session), False
            values: dict[str, Any] = dict(session_id=session_id, kind=kind, file_name=file_name, fingerprint=fingerprint, row_count=len(rows), columns=columns, report=list(report), imported_at=_now())
            new_id = inserted_id(conn, area_imports.insert().values(**values))
            if rows:
                _insert_many(conn, table, [{**row, "import_id": new_id} for row in rows])
            return AreaImport(new_id, session, kind, file_name, fingerprint, len(rows), dict(columns), tuple(report), values["imported_at"]), True

    def imports_in(self, session: str, kind: str | None = None) -> list[AreaImport]:
        """A session's imports, oldest first (of one kind, if given); the last of a kind is the one in use."""
        if not self.has_import_tables:
            return []
        query = select(area_imports).join(workshop_sessions, area_imports.c.session_id == workshop_sessions.c.id).where(workshop_sessions.c.name == session).order_by(area_imports.c.id)
        if kind is not None:
            query = query.where(area_imports.c.kind == kind)
        with self.engine.connect() as conn:
            return [self._import(row, session) for row in conn.execute(query)]

    def imported_rows(self, record: AreaImport) -> list[dict[str, Any]]:
        """An import's rows in file order, as plain dicts of the columns of its kind's table."""
        table = IMPORT_TABLES[record.kind]
        query = select(table).where(table.c.import_id == record.id).order_by(table.c.id)
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def indicator_series(self, record: AreaImport) -> list[dict[str, Any]]:
        """One summary per (indicator, area) of an indicator import, counted by the database: its unit, how many
        figures, its first and last period and the last figure; in the order the series first appear in the file."""
        t = area_indicator_values
        summary = (
            select(
                t.c.indicator,
                t.c.area,
                func.min(t.c.unit).label("unit"),
                func.count().label("count"),
                func.min(t.c.period_start).label("first_start"),
                func.max(t.c.period_start).label("last_start"),
                func.min(t.c.id).label("first_id"),
            )
            .where(t.c.import_id == record.id)
            .group_by(t.c.indicator, t.c.area)
            .subquery()
        )
        first = t.alias("first_row")
        last = t.alias("last_row")
        query = (
            select(summary, first.c.period.label("first_period"), last.c.period.label("last_period"), last.c.value.label("last_value"))
            .join(first, (first.c.import_id == record.id) & (first.c.indicator == summary.c.indicator) & (first.c.area == summary.c.area) & (first.c.period_start == summary.c.first_start))
            .join(last, (last.c.import_id == record.id) & (last.c.indicator == summary.c.indicator) & (last.c.area == summary.c.area) & (last.c.period_start == summary.c.last_start))
            .order_by(summary.c.first_id)
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    @staticmethod
    def _import(row: Any, session: str) -> AreaImport:
        return AreaImport(row.id, session, row.kind, row.file_name, row.fingerprint, row.row_count, dict(row.columns), tuple(row.report), row.imported_at)

    def count_answers(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(answers)).scalar_one())

    @staticmethod
    def _answer(row: Any, group_name: str) -> Answer:
        return Answer(row.id, group_name, row.exercise, row.item, dict(row.payload), row.saved_at)

    def close(self) -> None:
        self.engine.dispose()
