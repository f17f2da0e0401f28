"""An area's own indicator data from a spreadsheet in long format: one row per indicator, (area,) and period.

Values must be numbers (thousands separators, a trailing % and a leading £ are allowed);
periods are read by ``periods.period_of``. Each indicator and area must keep to one kind
of period and name each period once, so every series can be drawn as one line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .cells import cell_text, shown
from .columns import ColumnChoice, Field, describe_columns, match_columns
from .periods import Period, PeriodError, period_of
from .problems import ImportRefused, Problem
from .reading import Sheet

FIELDS = (
    Field("indicator", True, ("indicator", "indicator name", "indicators", "measure", "measure name", "metric", "kpi", "series"), "which indicator each row is a figure for"),
    Field("period", True, ("period", "time period", "period label", "date", "year", "quarter", "financial year", "month", "time"), "when each figure is for"),
    Field("value", True, ("value", "values", "figure", "amount", "number", "count", "data", "result", "score", "rate", "percentage"), "the figure itself, a number"),
    Field("area", False, ("area", "area name", "local authority", "la", "la name", "geography", "location", "region", "district", "ward"), "the place each figure is about"),
    Field("unit", False, ("unit", "units", "unit of measure", "measure unit", "measurement unit"), "what the figure counts"),
)
_NUMBER = re.compile(r"^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$")


@dataclass(frozen=True)
class IndicatorValue:
    row: int
    indicator: str
    area: str
    unit: str
    period: Period
    value: float


@dataclass(frozen=True)
class IndicatorFile:
    file_name: str
    values: tuple[IndicatorValue, ...]
    columns: tuple[ColumnChoice, ...]
    report: tuple[str, ...]

    @property
    def indicators(self) -> list[str]:
        return list(dict.fromkeys(v.indicator for v in self.values))


def number_of(cell: object) -> float:
    """The number in a cell; ValueError when it holds none."""
    if isinstance(cell, bool):
        raise ValueError("a true/false cell is not a number")
    if isinstance(cell, (int, float)):
        number = float(cell)
    else:
        text = cell_text(cell).replace(",", "").replace("\u00a3", "").replace(" ", "")
        text = text[:-1] if text.endswith("%") else text
        if not _NUMBER.match(text):
            raise ValueError("not a number")
        number = float(text)
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def read_indicators(sheet: Sheet) -> IndicatorFile:
    """Every figure in the file, or ImportRefused naming every problem's row and column."""
    chosen, problems = match_columns(sheet.header, FIELDS)
    if problems:
        raise ImportRefused(sheet.file_name, problems)
    at = {name: choice.index for name, choice in chosen.items()}
    where = {name: choice.where() for name, choice in chosen.items()}
    values: list[IndicatorValue] = []
    first_seen: dict[tuple[str, str, str], int] = {}
    kind_of_series: dict[tuple[str, str], tuple[str, int]] = {}
    for number, cells in zip(sheet.numbers, sheet.rows):
        indicator = cell_text(cells[at["indicator"]])
        area = cell_text(cells[at["area"]]) if "area" in at else ""
        unit = cell_text(cells[at["unit"]]) if "unit" in at else ""
        row_problems = []
        if not indicator:
            row_problems.append(Problem("the indicator cell is empty.", row=number, column=where["indicator"]))
        raw_value = cells[at["value"]]
        try:
            value = number_of(raw_value)
        except ValueError:
            value = math.nan
            said = "the value is empty; leave out rows with no figure (suppressed figures such as 'c' or 'x' too)." if not cell_text(raw_value) else f"the value {shown(raw_value)} is not a number."
            row_problems.append(Problem(said, row=number, column=where["value"]))
        try:
            period = period_of(cells[at["period"]])
        except PeriodError as unknown:
            row_problems.append(Problem(f"{unknown}.", row=number, column=where["period"]))
            period = None
        if period is not None and indicator:
            key = (indicator, area, period.label)
            if key in first_seen:
                row_problems.append(
                    Problem(f"{shown(indicator)}{' in ' + shown(area) if area else ''} for {period.label} was given already in row {first_seen[key]}.", row=number, column=where["period"])
                )
            else:
                first_seen[key] = number
            kind, since = kind_of_series.setdefault((indicator, area), (period.kind, number))
            if kind != period.kind:
                row_problems.append(
                    Problem(
                        f"the period {period.label} is a {period.kind.replace('_', ' ')}, but this indicator's periods are "
                        f"{kind.replace('_', ' ')}s (from row {since}); keep one kind of period per indicator and area.",
                        row=number,
                        column=where["period"],
                    )
                )
        if row_problems:
            problems.extend(row_problems)
            continue
        assert period is not None
        values.append(IndicatorValue(number, indicator, area, unit, period, value))
    if problems:
        raise ImportRefused(sheet.file_name, problems)
    report = describe_columns(sheet.header, chosen) + ([sheet.note] if sheet.note else [])
    series = len({(v.indicator, v.area) for v in values})
    indicators = len({v.indicator for v in values})
    report.append(f"{len(values):,} figures: {indicators:,} indicator{'s' if indicators != 1 else ''} in {series:,} series (indicator and area).")
    return IndicatorFile(sheet.file_name, tuple(values), tuple(chosen.values()), tuple(report))
