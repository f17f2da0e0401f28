"""Reading a CSV or Excel file into a header and rows of cells, or refusing it with a reason.

Nothing here knows what the columns mean (``columns``, ``framework`` and ``indicators`` do).
A file is read whole into memory only after its size is checked.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .problems import ImportRefused, Problem, column_letter

MAX_BYTES = 50 * 1024 * 1024
"""Files of this size or more are refused before they are read."""
MAX_CELL = 5000
"""Longest text in one cell, in characters."""
MAX_ROWS = 1_000_000
"""Most rows of data in one file."""
MAX_COLUMNS = 200
"""Columns read from a worksheet (a workbook can claim far more than it holds)."""
CSV_ENDINGS = (".csv", ".txt")
EXCEL_ENDINGS = (".xlsx", ".xlsm")
SAVE_AS = 'Save it from your spreadsheet as "CSV UTF-8" or as an Excel workbook (.xlsx) and import it again.'


@dataclass(frozen=True)
class Sheet:
    """A file's header and its non-blank rows. ``numbers[i]`` is the spreadsheet row of ``rows[i]`` (the header is row 1)."""

    file_name: str
    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    numbers: tuple[int, ...]
    note: str = ""
    """Anything the reader wants the person told, such as which worksheet was read."""


def read_sheet(path: Path | str, *, name: str | None = None) -> Sheet:
    """The file's header and rows; ImportRefused (naming the problem) when it cannot be read as a spreadsheet."""
    path = Path(path)
    name = name or path.name
    try:
        size = path.stat().st_size
    except OSError as problem:
        raise ImportRefused(name, [Problem(f"the file cannot be opened ({problem.strerror or problem}).")]) from None
    if size >= MAX_BYTES:
        raise ImportRefused(name, [Problem(f"the file is {size / 1024 / 1024:,.1f} MB; files must be under {MAX_BYTES // 1024 // 1024} MB. Split it, or leave out columns and years you do not need.")])
    return read_bytes(path.read_bytes(), name)


def read_bytes(data: bytes, name: str) -> Sheet:
    """The same as ``read_sheet`` for a file already in memory (an upload)."""
    if len(data) >= MAX_BYTES:
        raise ImportRefused(name, [Problem(f"the file is {len(data) / 1024 / 1024:,.1f} MB; files must be under {MAX_BYTES // 1024 // 1024} MB.")])
    if not data.strip():
        raise ImportRefused(name, [Problem("the file is empty.")])
    ending = Path(name).suffix.casefold()
    if ending == ".xls":
        raise ImportRefused(name, [Problem(f"this is the old Excel format (.xls), which the kit does not read. {SAVE_AS}")])
    if data[:4] == b"PK\x03\x04" and ending not in CSV_ENDINGS:
        sheet = _read_excel(data, name)
    elif ending in EXCEL_ENDINGS:
        raise ImportRefused(name, [Problem(f"the file is named {ending} but is not an Excel workbook. {SAVE_AS}")])
    elif ending in CSV_ENDINGS or not ending:
        sheet = _read_csv(data, name)
    else:
        raise ImportRefused(name, [Problem(f"the kit reads CSV (.csv) and Excel (.xlsx) files, not {ending} files. {SAVE_AS}")])
    if not sheet.rows:
        raise ImportRefused(name, [Problem("the file has a header row but no rows of data under it." if any(sheet.header) else "the file is empty.")])
    return sheet


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRefused(name, [Problem(f"the file says it is UTF-16 text but is not. {SAVE_AS}")]) from None
    if b"\x00" in data[:8192]:
        raise ImportRefused(name, [Problem(f"this is not a spreadsheet: it holds binary data, not text. {SAVE_AS}")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = data[: bad.start].count(b"\n") + 1
        raise ImportRefused(
            name, [Problem(f"the file is not UTF-8 text: byte 0x{data[bad.start]:02X} cannot be read (the file was perhaps saved as Windows-1252 or another older encoding). {SAVE_AS}", row=line)]
        ) from None


def _delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _read_csv(data: bytes, name: str) -> Sheet:
    text = _decode(data, name)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        records: list[list[str]] = []
        for record in reader:
            records.append(record)
            if len(records) > MAX_ROWS + 1:
                raise ImportRefused(name, [Problem(f"the file has more than {MAX_ROWS:,} rows; split it or leave out what you do not need.")])
    except csv.Error as problem:
        raise ImportRefused(name, [Problem(f"the CSV cannot be read ({problem}). {SAVE_AS}", row=reader.line_num)]) from None
    return _sheet(name, records)


def _read_excel(data: bytes, name: str) -> Sheet:
    from openpyxl import load_workbook  # only when an Excel file comes in

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as problem:  # noqa: BLE001 - whatever openpyxl cannot open is not a spreadsheet to the person importing
        raise ImportRefused(name, [Problem(f"this is not a spreadsheet the kit can read ({type(problem).__name__}). {SAVE_AS}")]) from None
    try:
        if not book.worksheets:
            raise ImportRefused(name, [Problem("the workbook has no worksheets.")])
        sheet = book.worksheets[0]
        records: list[list[object]] = []
        for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            records.append(list(row))
            if len(records) > MAX_ROWS + 1:
                raise ImportRefused(name, [Problem(f"the worksheet has more than {MAX_ROWS:,} rows; split it or leave out what you do not need.")])
        others = len(book.worksheets) - 1
    except ImportRefused:
        raise
    except Exception as problem:  # noqa: BLE001 - a damaged workbook
        raise ImportRefused(name, [Problem(f"the workbook cannot be read ({type(problem).__name__}): it may be damaged. {SAVE_AS}")]) from None
    finally:
        book.close()
    note = f'Read the first worksheet, "{sheet.title}"' + (f"; {others} other worksheet{'s' if others != 1 else ''} left out." if others else ".")
    read = _sheet(name, records)
    return Sheet(read.file_name, read.header, read.rows, read.numbers, note)


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _sheet(name: str, records: Sequence[Sequence[object]]) -> Sheet:
    """The first non-blank record is the header; blank records are skipped but keep their row numbers."""
    header_at = next((i for i, record in enumerate(records) if not all(_blank(c) for c in record)), None)
    if header_at is None:
        raise ImportRefused(name, [Problem("the file is empty.")])
    header = tuple("" if _blank(c) else " ".join(str(c).split()) for c in records[header_at])
    while header and not header[-1]:
        header = header[:-1]
    problems: list[Problem] = []
    rows: list[tuple[object, ...]] = []
    numbers: list[int] = []
    width = len(header)
    for index in range(header_at + 1, len(records)):
        record = records[index]
        if all(_blank(c) for c in record):
            continue
        number = index + 1
        extra = [c for c in record[width:] if not _blank(c)]
        if extra:
            problems.append(Problem(f"the row has {len(record)} cells but the header has {width}: is a comma or separator missing from a cell?", row=number))
        cells = tuple(record[:width]) + (None,) * (width - len(record))
        for position, cell in enumerate(cells):
            if isinstance(cell, str) and len(cell) > MAX_CELL:
                label = header[position] or "no header"
                problems.append(Problem(f"the cell holds {len(cell):,} characters; the most a cell may hold is {MAX_CELL:,}.", row=number, column=f'{column_letter(position)} ("{label}")'))
        rows.append(cells)
        numbers.append(number)
    if problems:
        raise ImportRefused(name, problems)
    return Sheet(name, header, tuple(rows), tuple(numbers))
