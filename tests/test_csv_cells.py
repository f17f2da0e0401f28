"""CSV injection (OWASP): cells that could start a formula are kept as text in every CSV the kit writes."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop_kit.csv_cells import TRIGGERS, csv_bytes, safe_cell
from workshop_kit.export import FORMATS, export_bytes
from workshop_kit.store import Store

FORMULAS = ["=SUM(A1:A9)", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0"]


def _read(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_that_could_start_a_formula_gets_an_apostrophe(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Children have friends", "", "'already quoted", " =space first", 42, -3.5, None])
def test_other_cells_are_left_alone(value: object) -> None:
    """Are ordinary text, numbers (even negative ones) and empty cells written as they are?"""
    assert safe_cell(value) == value


@given(st.lists(st.lists(st.text(max_size=30), min_size=1, max_size=4), min_size=1, max_size=5))
def test_no_written_text_cell_starts_a_formula_and_the_text_comes_back(rows: list[list[str]]) -> None:
    """Read back as a spreadsheet would, does no cell start with a trigger, and is every typed text recoverable?"""
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    back = _read(csv_bytes([f"c{i}" for i in range(width)], padded))
    assert len(back) == len(padded) + 1
    for written, typed in zip(back[1:], padded):
        for cell, original in zip(written, typed):
            assert not cell.startswith(TRIGGERS)
            assert (cell[1:] if original.startswith(TRIGGERS) else cell) == original


def test_every_exporter_neutralises_typed_formulas(store: Store) -> None:
    """Does the CSV write-up keep a table's typed formulas (in its name and its answers) as text, in every cell?"""
    assert set(FORMATS) == {"docx", "html", "csv"}  # the only CSV writer among the formats is checked here
    for number, formula in enumerate(FORMULAS):
        group = store.group("day", formula + f" table {number}")
        store.save(group, "drafting_statements", "fun", {"text": formula, "proposed": True})
    rows = _read(export_bytes(store, "day", "csv"))
    header, body = rows[0], rows[1:]
    group_at = header.index("group")
    saved = [r for r in body if r[0]]
    assert sorted(r[group_at] for r in saved) == sorted("'" + f + f" table {n}" for n, f in enumerate(FORMULAS))
    assert {r[group_at] for r in body if not r[0]} == {r[group_at] for r in saved}  # each table's golden thread rows too
    assert all(not cell.startswith(TRIGGERS) for row in body for cell in row)
