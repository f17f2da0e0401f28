"""An area's own material comes in: its outcomes framework and its indicator data, from CSV or Excel.

Pure and typed; no widgets. ``read_file`` reads and checks a file (refusing it whole with
``ImportRefused``, which names the row and column of every problem); ``import_file`` then
stores it in one transaction, unless the same rows were imported into the session before.
``stored`` reads back what a session has.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..store import AreaImport, Store
from .framework import FrameworkFile, FrameworkRow, read_framework, split_list
from .indicators import IndicatorFile, IndicatorValue, read_indicators
from .periods import Period, PeriodError, parse_period, period_of
from .problems import ImportRefused, Problem
from .reading import MAX_BYTES, Sheet, read_bytes, read_sheet

KINDS = ("framework", "indicators")
Read = Union[FrameworkFile, IndicatorFile]


@dataclass(frozen=True)
class ImportOutcome:
    """What happened: the import in the store, whether it was new, and sentences for the person importing."""

    record: AreaImport
    created: bool
    report: tuple[str, ...]

    def message(self) -> str:
        if self.created:
            head = f"Imported {self.record.file_name} into session {self.record.session!r} ({self.record.kind}, import {self.record.id})."
        else:
            head = (
                f"{self.record.file_name}: these rows were imported into session {self.record.session!r} already "
                f"(import {self.record.id}, {self.record.imported_at:%d %B %Y %H:%M} UTC); nothing was added."
            )
        return "\n".join([head, *self.report])


def parse(kind: str, sheet: Sheet) -> Read:
    """The framework or indicator rows of a sheet already read."""
    if kind == "framework":
        return read_framework(sheet)
    if kind == "indicators":
        return read_indicators(sheet)
    raise ValueError(f"Unknown import {kind!r}; choose one of {', '.join(KINDS)}.")


def read_file(kind: str, source: Path | str | bytes, name: str | None = None) -> Read:
    """Read and check a file (a path, or the bytes of an upload with its ``name``), storing nothing."""
    if kind not in KINDS:
        raise ValueError(f"Unknown import {kind!r}; choose one of {', '.join(KINDS)}.")
    sheet = read_bytes(source, name or "upload") if isinstance(source, bytes) else read_sheet(source, name=name)
    return parse(kind, sheet)


def table_rows(read: Read) -> list[dict[str, object]]:
    """The rows as the store keeps them."""
    if isinstance(read, FrameworkFile):
        return [{"row_number": r.row, "aspiration": r.aspiration, "outcome": r.outcome, "indicator": r.indicator, "service": r.service, "lead": r.lead, "source": r.source} for r in read.rows]
    return [
        {"row_number": v.row, "indicator": v.indicator, "area": v.area, "unit": v.unit, "period": v.period.label, "period_kind": v.period.kind, "period_start": v.period.start, "value": v.value}
        for v in read.values
    ]


def fingerprint(kind: str, rows: list[dict[str, object]]) -> str:
    """A digest of the rows as read (not of the file's bytes), so the same table saved again is still the same import."""
    if not rows:
        return hashlib.sha256(kind.encode()).hexdigest()
    keys = sorted(k for k in rows[0] if k != "row_number")
    header = json.dumps([kind, keys])
    # each value written with repr, so "1" and 1 differ, and cells cannot run into each other
    body = "\n".join("\x1f".join([repr(row[k]) for k in keys]) for row in rows)
    return hashlib.sha256(f"{header}\n{body}".encode("utf-8", "surrogatepass")).hexdigest()


def store_read(store: Store, session: str, read: Read) -> ImportOutcome:
    """Store a file already read and checked (at most once per session)."""
    kind = "framework" if isinstance(read, FrameworkFile) else "indicators"
    rows = table_rows(read)
    columns = {choice.field: choice.header for choice in read.columns}
    record, created = store.save_import(session, kind, read.file_name, fingerprint(kind, rows), columns, list(read.report), rows)
    return ImportOutcome(record, created, read.report)


def import_file(store: Store, session: str, kind: str, source: Path | str | bytes, name: str | None = None) -> ImportOutcome:
    """Read, check and store a file; ImportRefused (nothing stored) when anything in it is wrong."""
    return store_read(store, session, read_file(kind, source, name))


__all__ = [
    "KINDS",
    "MAX_BYTES",
    "FrameworkFile",
    "FrameworkRow",
    "ImportOutcome",
    "ImportRefused",
    "IndicatorFile",
    "IndicatorValue",
    "Period",
    "PeriodError",
    "Problem",
    "Sheet",
    "import_file",
    "parse",
    "parse_period",
    "period_of",
    "read_file",
    "split_list",
    "store_read",
    "table_rows",
]
