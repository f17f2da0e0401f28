"""Every saved answer as CSV: one row per save, oldest first, nothing left out.

Then one row per outcome of each golden thread (``row_id`` empty, exercise ``golden_thread``,
``group`` the table's name or "The area's framework", ``saved_at`` when the CSV was written),
so the CSV carries the write-up's thread too; then one row per outcome a table's later step started
from (exercise ``carried_rows``, item ``<step>-<n>``): where it came from, its first wording, its
wording in that step now and what the table did with it. Every cell goes through ``csv_cells``
(typed text that could start a formula is kept as text).
"""

from __future__ import annotations

import json

from ..csv_cells import csv_bytes
from .record import DayRecord

COLUMNS = ("row_id", "session", "group", "exercise", "item", "saved_at", "payload_json")
THREAD_EXERCISE = "golden_thread"
CARRIED_EXERCISE = "carried_rows"


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_csv(record: DayRecord) -> bytes:
    rows: list[tuple[object, ...]] = [(row.id, record.session, row.group, row.exercise, row.item, row.saved_at.isoformat(), _json(row.payload)) for row in record.rows]
    written = record.generated_at.isoformat()
    for owner, thread in record.threads:
        for number, strand in enumerate(thread.strands, start=1):
            rows.append(("", record.session, owner, THREAD_EXERCISE, f"outcome-{number}", written, _json(strand.as_dict())))
        for number, service in enumerate(thread.idle_services, start=1):
            rows.append(("", record.session, owner, THREAD_EXERCISE, f"idle-service-{number}", written, _json({"service": service, "break": "contributes to no outcome"})))
    numbers: dict[tuple[str, str], int] = {}
    for carried in record.carried:
        number = numbers[(carried.table, carried.step)] = numbers.get((carried.table, carried.step), 0) + 1
        f = carried.followed
        said = {"step": carried.step, "origin": f.row.origin, "note": f.row.note, "first_wording": f.row.text, "wording_now": f.now, "what_the_table_did": f.how}
        rows.append(("", record.session, carried.table, CARRIED_EXERCISE, f"{carried.step}-{number}", written, _json(said)))
    return csv_bytes(COLUMNS, rows)
