"""An area's existing outcomes framework from a spreadsheet: one row per outcome (or per outcome and indicator).

A blank outcome cell under a filled one continues that outcome, as merged cells in a
workbook read; a blank aspiration cell continues the aspiration above. Indicator and service cells may hold several,
separated by semicolons or new lines (``split_list``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cells import cell_text
from .columns import ColumnChoice, Field, describe_columns, match_columns
from .problems import ImportRefused, Problem
from .reading import Sheet

FIELDS = (
    Field(
        "outcome",
        True,
        ("outcome", "outcomes", "outcome statement", "outcome statements", "strategic outcome", "outcome sought", "outcomes sought", "priority outcome", "intended outcome", "result"),
        "the outcome each row is about",
    ),
    Field(
        "aspiration",
        False,
        ("aspiration", "aspirations", "theme", "outcome area", "priority", "priorities", "ambition", "domain", "pillar", "vision"),
        "the broad aspiration or theme the outcome serves",
    ),
    Field(
        "indicator",
        False,
        ("indicator", "indicators", "measure", "measures", "performance indicator", "kpi", "kpis", "metric", "how we will measure", "how will we know"),
        "how progress on the outcome is measured",
    ),
    Field("source", False, ("data source", "data sources", "source", "sources", "source of data", "where the data comes from"), "where each indicator's data comes from"),
    Field(
        "service",
        False,
        ("service", "services", "provider", "providers", "service provider", "contributing services", "contributing service", "partner", "partners", "delivered by"),
        "the services or providers that contribute",
    ),
    Field("lead", False, ("lead", "leads", "owner", "lead officer", "responsible", "responsible officer", "accountable", "lead partner", "lead agency"), "who leads on the outcome"),
)


@dataclass(frozen=True)
class FrameworkRow:
    row: int
    """The spreadsheet row it came from."""
    aspiration: str
    outcome: str
    indicator: str
    service: str
    lead: str
    source: str = ""
    """Where the indicator's data comes from, when the file says."""


@dataclass(frozen=True)
class FrameworkFile:
    file_name: str
    rows: tuple[FrameworkRow, ...]
    columns: tuple[ColumnChoice, ...]
    report: tuple[str, ...]
    """Sentences for the person importing: which columns were used, what else was noticed."""

    @property
    def outcomes(self) -> list[str]:
        return list(dict.fromkeys(r.outcome for r in self.rows))


def split_list(text: str) -> list[str]:
    """Several indicators or services in one cell, separated by semicolons or new lines."""
    return [part.strip() for part in re.split(r"[;\n\r]+", text) if part.strip()]


def read_framework(sheet: Sheet) -> FrameworkFile:
    """The framework's rows, or ImportRefused naming every problem's row and column."""
    chosen, problems = match_columns(sheet.header, FIELDS)
    if problems:
        raise ImportRefused(sheet.file_name, problems)
    outcome_at = chosen["outcome"]
    rows: list[FrameworkRow] = []
    carried = {"outcome": "", "aspiration": ""}
    continued = 0
    for number, cells in zip(sheet.numbers, sheet.rows):
        values = {name: cell_text(cells[choice.index]) for name, choice in chosen.items()}
        if not values["outcome"]:
            if not carried["outcome"]:
                problems.append(Problem("the outcome cell is empty and there is no outcome above it to continue.", row=number, column=outcome_at.where()))
                continue
            values["outcome"] = carried["outcome"]
            continued += 1
        if "aspiration" in chosen and not values.get("aspiration"):
            values["aspiration"] = carried["aspiration"]
        carried["outcome"] = values["outcome"]
        carried["aspiration"] = values.get("aspiration", "")
        rows.append(FrameworkRow(number, values.get("aspiration", ""), values["outcome"], values.get("indicator", ""), values.get("service", ""), values.get("lead", ""), values.get("source", "")))
    if problems:
        raise ImportRefused(sheet.file_name, problems)
    report = describe_columns(sheet.header, chosen) + ([sheet.note] if sheet.note else [])
    outcomes = len({r.outcome for r in rows})
    report.append(
        f"{len(rows):,} row{'s' if len(rows) != 1 else ''} with {outcomes:,} outcome{'s' if outcomes != 1 else ''}"
        + (f"; {continued:,} row{'s' if continued != 1 else ''} with an empty outcome cell continue the outcome above." if continued else ".")
    )
    return FrameworkFile(sheet.file_name, tuple(rows), tuple(chosen.values()), tuple(report))
