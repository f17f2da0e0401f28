"""The write-up: the day's record from the store as Word, self-contained HTML or CSV."""

from __future__ import annotations

from pathlib import Path

from ..store import Store
from .csv_export import to_csv
from .docx_export import to_docx
from .html_export import to_html
from .record import DayRecord, Section, build_record

FORMATS = {"docx": to_docx, "html": to_html, "csv": to_csv}


def export_bytes(store: Store, session: str, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    return FORMATS[fmt](build_record(store, session, with_sections=fmt != "csv"))


def default_path(folder: Path, session: str, fmt: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in session).strip("-") or "session"
    return folder / f"workshop-{safe}.{fmt}"


__all__ = ["DayRecord", "FORMATS", "Section", "build_record", "default_path", "export_bytes"]
