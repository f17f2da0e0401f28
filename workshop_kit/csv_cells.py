"""Every CSV the kit writes goes through here, so nothing it exports runs as a formula in a spreadsheet.

A text cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some
spreadsheets skip before reading a formula) gets a leading apostrophe: the spreadsheet shows
the text, the apostrophe tells a reader it was neutralised (OWASP, "CSV Injection"). The
``csv`` module then quotes any cell holding a comma, quote or line break. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """The cell as it should be written: text that could start a formula is kept as text."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def csv_bytes(header: Iterable[object], rows: Iterable[Iterable[object]]) -> bytes:
    """A whole CSV file, every cell neutralised, as UTF-8 with a byte-order mark (so Excel reads it as UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(c) for c in header])
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")
