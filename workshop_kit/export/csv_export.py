"""Every saved answer as CSV: one row per save, oldest first, nothing left out.

Every cell goes through ``csv_cells`` (typed text that could start a formula is kept as text).
"""

from __future__ import annotations

import json

from ..csv_cells import csv_bytes
from .record import DayRecord

COLUMNS = ("row_id", "session", "group", "exercise", "item", "saved_at", "payload_json")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_csv(record: DayRecord) -> bytes:
    rows: list[tuple[object, ...]] = [
        (row.id, record.session, row.group, row.exercise, row.item, row.saved_at.isoformat(), _json(row.payload))
        for row in record.rows
    ]
    return csv_bytes(COLUMNS, rows)
