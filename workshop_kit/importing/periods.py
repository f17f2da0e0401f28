"""Reading the time periods an area's indicator data comes in: years, financial years, quarters, months and dates.

Each period becomes a ``Period`` with a start date, so series sort in time order whatever
form they came in, and the next periods of a forecast can be named in the same form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

KINDS = ("year", "financial_year", "quarter", "month", "date")
STEP_NAMES = {"year": "year", "financial_year": "year", "quarter": "quarter", "month": "month", "date": "period"}
ACCEPTED = "a year (2023), a financial year (2023-24), a quarter (2024-Q1), a month (2024-03) or a date (2024-03-31 or 31/03/2024)"

_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_FINANCIAL = re.compile(r"^(?:FY\s*)?(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})$", re.IGNORECASE | re.ASCII)
_QUARTER = re.compile(r"^(\d{4})\s*[-/ ]?\s*Q([1-4])$|^Q([1-4])\s*[-/ ]?\s*(\d{4})$", re.IGNORECASE | re.ASCII)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?$", re.ASCII)
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)


@dataclass(frozen=True, order=True)
class Period:
    """A period as the area wrote it (``label``), its kind and the day it starts."""

    start: date
    kind: str
    label: str


class PeriodError(ValueError):
    """Not a period the kit can read."""


def _year_ok(year: int) -> int:
    if not 1900 <= year <= 2100:
        raise PeriodError(f"the year {year} is out of range (1900 to 2100)")
    return year


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """The period a cell names; PeriodError saying what is accepted when it names none.

    "2011-12" is read as a financial year, not December 2011: in public statistics for
    England a pair of consecutive years is a financial or academic year.
    """
    cleaned = " ".join(text.split())
    if m := _YEAR.match(cleaned):
        year = _year_ok(int(m[1]))
        return Period(date(year, 1, 1), "year", str(year))
    financial = _FINANCIAL.match(cleaned)
    if financial:
        first, second = _year_ok(int(financial[1])), financial[2]
        if second == str(first + 1)[-len(second) :]:
            return Period(date(first, 4, 1), "financial_year", f"{first}-{str(first + 1)[-2:]}")
    if m := _QUARTER.match(cleaned):
        year, quarter = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        year = _year_ok(year)
        return Period(date(year, 3 * quarter - 2, 1), "quarter", f"{year}-Q{quarter}")
    if (m := _MONTH.match(cleaned)) and 1 <= int(m[2]) <= 12:
        year, month = _year_ok(int(m[1])), int(m[2])
        return Period(date(year, month, 1), "month", f"{year}-{month:02d}")
    if financial:
        expected = str(int(financial[1]) + 1)[-len(financial[2]) :]
        raise PeriodError(f"{cleaned!r} is not a financial year (the second year should be {expected}) or a month")
    day = None
    if m := _ISO_DATE.match(cleaned):
        day = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _UK_DATE.match(cleaned):
        day = (int(m[3]), int(m[2]), int(m[1]))
    if day is not None:
        try:
            when = date(_year_ok(day[0]), day[1], day[2])
        except ValueError as problem:
            raise PeriodError(f"{cleaned!r} is not a real date ({problem})") from None
        return Period(when, "date", when.isoformat())
    raise PeriodError(f"{cleaned!r} is not a period the kit can read; use {ACCEPTED}" if cleaned else f"the period is empty; use {ACCEPTED}")


def period_of(cell: object) -> Period:
    """A period from a spreadsheet cell: text, a whole number (a year) or a date Excel stored as a date."""
    if isinstance(cell, datetime):
        if (cell.hour, cell.minute, cell.second) != (0, 0, 0):
            raise PeriodError(f"{cell.isoformat(sep=' ')} has a time of day; give the date alone")
        cell = cell.date()
    if isinstance(cell, date):
        return Period(cell, "date", cell.isoformat())
    if isinstance(cell, bool):
        raise PeriodError(f"{cell!r} is not a period; use {ACCEPTED}")
    if isinstance(cell, int) or (isinstance(cell, float) and cell.is_integer()):
        return parse_period(str(int(cell)))
    return parse_period(str(cell) if cell is not None else "")


def next_labels(last: Period, count: int, step_days: int = 0) -> list[str]:
    """The labels of the ``count`` periods after ``last``, in the same form (dates step by ``step_days``)."""
    out: list[str] = []
    start = last.start
    for _ in range(count):
        if last.kind == "year":
            start = date(start.year + 1, 1, 1)
            out.append(str(start.year))
        elif last.kind == "financial_year":
            start = date(start.year + 1, 4, 1)
            out.append(f"{start.year}-{str(start.year + 1)[-2:]}")
        elif last.kind in ("quarter", "month"):
            months = 3 if last.kind == "quarter" else 1
            index = start.year * 12 + start.month - 1 + months
            start = date(index // 12, index % 12 + 1, 1)
            out.append(f"{start.year}-Q{(start.month + 2) // 3}" if last.kind == "quarter" else f"{start.year}-{start.month:02d}")
        else:
            start = start + timedelta(days=max(step_days, 1))
            out.append(start.isoformat())
    return out
