"""The day's record as one self-contained HTML page: no scripts, no external files,
every piece of typed text escaped (``templates/html/export/write_up.html``)."""

from __future__ import annotations

from ..markup import render
from .record import SYNTHETIC_NOTE, DayRecord


def to_html(record: DayRecord) -> bytes:
    return render("export/write_up.html", record=record, synthetic_note=SYNTHETIC_NOTE).encode("utf-8")
