"""``workshop-kit migrate --to URL``: copy one day's groups, answers and imports from one store to another, counting rows.

For moving a day off a laptop's SQLite file onto the council's PostgreSQL
server, or back again for an archive. The copy is one transaction on the
target: all of the day arrives or none of it. Rows keep their order, so the
latest answer for an item is still the latest. A target that already has
answers for the session is refused rather than mixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Mapping, Sequence

from sqlalchemy import func, select

from .store import IMPORT_TABLES, Store, answers, area_imports, groups, inserted_id, workshop_sessions


def as_utc(moment: datetime) -> datetime:
    """The kit writes UTC; SQLite hands it back without a zone, PostgreSQL in the server's zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class CopyRefused(Exception):
    """The copy was not made; the message says why in a sentence."""


@dataclass(frozen=True)
class Counts:
    """Rows of one session in one store."""

    groups: int
    answers: int
    imports: int = 0
    imported_rows: int = 0

    def __str__(self) -> str:
        imported = f", {self.imports} imported files ({self.imported_rows} rows)" if self.imports else ""
        return f"{self.groups} groups and {self.answers} answers{imported}"


def count_session(store: Store, session: str) -> Counts:
    """How many groups and answers one session holds in a store."""
    in_session = select(groups.c.id).join(workshop_sessions).where(workshop_sessions.c.name == session)
    with store.engine.connect() as conn:
        group_count = conn.execute(select(func.count()).select_from(in_session.subquery())).scalar_one()
        answer_count = conn.execute(select(func.count()).select_from(answers).where(answers.c.group_id.in_(in_session))).scalar_one()
        import_count = imported_count = 0
        if store.has_import_tables:
            imported = select(area_imports.c.id).join(workshop_sessions).where(workshop_sessions.c.name == session)
            import_count = conn.execute(select(func.count()).select_from(imported.subquery())).scalar_one()
            imported_count = sum(conn.execute(select(func.count()).select_from(table).where(table.c.import_id.in_(imported))).scalar_one() for table in IMPORT_TABLES.values())
    return Counts(int(group_count), int(answer_count), int(import_count), int(imported_count))


def copy_session(source: Store, target: Store, session: str) -> tuple[Counts, Counts]:
    """Copy every group and answer of ``session``; returns (rows read from the source, rows now in the target)."""
    read = count_session(source, session)
    if read.groups == 0:
        raise CopyRefused(f"there is nothing to copy: session {session!r} has no groups in the source store")
    already = count_session(target, session)
    if already.groups or already.answers:
        raise CopyRefused(f"the target already holds {already} for session {session!r}; nothing was copied, so nothing is mixed")
    with source.engine.connect() as conn:
        day = conn.execute(select(workshop_sessions).where(workshop_sessions.c.name == session)).one()
        group_rows = conn.execute(select(groups).where(groups.c.session_id == day.id).order_by(groups.c.id)).all()
        answer_rows = conn.execute(select(answers).where(answers.c.group_id.in_([g.id for g in group_rows])).order_by(answers.c.id)).all()
        import_rows = conn.execute(select(area_imports).where(area_imports.c.session_id == day.id).order_by(area_imports.c.id)).all() if source.has_import_tables else []
        imported_rows = (
            {kind: conn.execute(select(table).where(table.c.import_id.in_([i.id for i in import_rows])).order_by(table.c.id)).all() for kind, table in IMPORT_TABLES.items()} if import_rows else {}
        )
    if import_rows and not target.has_import_tables:
        raise CopyRefused("the target store cannot hold imported files: open it once with this version of the kit to upgrade it")
    with target.writing() as conn, conn.begin():
        found = conn.execute(select(workshop_sessions.c.id).where(workshop_sessions.c.name == session)).scalar()
        day_id = found if found is not None else inserted_id(conn, workshop_sessions.insert().values(name=session, created_at=as_utc(day.created_at)))
        new_ids: dict[int, int] = {}
        for group in group_rows:
            new_ids[group.id] = inserted_id(conn, groups.insert().values(session_id=day_id, key=group.key, name=group.name, mode=group.mode, created_at=as_utc(group.created_at)))
        if answer_rows:
            conn.execute(
                answers.insert(),
                [{"group_id": new_ids[a.group_id], "exercise": a.exercise, "item": a.item, "payload": a.payload, "saved_at": as_utc(a.saved_at)} for a in answer_rows],
            )
        _copy_imports(conn, day_id, import_rows, imported_rows)
    written = count_session(target, session)
    if written != read:
        raise CopyRefused(f"the source has {read} but the target now holds {written}: check the target store")
    return read, written


def _copy_imports(conn: Any, day_id: int, import_rows: Sequence[Any], imported_rows: Mapping[str, Sequence[Any]]) -> None:
    """The session's imported frameworks and indicator data, with their rows pointed at the new import ids."""
    new_ids: dict[int, int] = {}
    for row in import_rows:
        values = {column: getattr(row, column) for column in area_imports.c.keys() if column != "id"}
        values.update(session_id=day_id, imported_at=as_utc(row.imported_at))
        new_ids[row.id] = conn.execute(area_imports.insert().values(**values)).inserted_primary_key[0]
    for kind, rows in imported_rows.items():
        table = IMPORT_TABLES[kind]
        if rows:
            columns = [column for column in table.c.keys() if column != "id"]
            conn.execute(
                table.insert(),
                [{**{column: getattr(row, column) for column in columns}, "import_id": new_ids[row.import_id]} for row in rows],
            )
