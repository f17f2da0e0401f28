"""Every saved answer as CSV: one row per save, oldest first, nothing left out."""

from __future__ import annotations

import csv
import io
import json

from .record import DayRecord

COLUMNS = ("row_id", "session", "group", "exercise", "item", "saved_at", "payload_json")


def _cell(value: str) -> str:
    # Spreadsheets treat a leading =, +, - or @ as a formula: keep typed text as text.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def to_csv(record: DayRecord) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in record.rows:
        writer.writerow(
            (
                row.id,
                _cell(record.session),
                _cell(row.group),
                row.exercise,
                row.item,
                row.saved_at.isoformat(),
                json.dumps(row.payload, ensure_ascii=False, sort_keys=True),
            )
        )
    return buffer.getvalue().encode("utf-8-sig")
