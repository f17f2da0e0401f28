"""Importing an area's framework and indicator data: good files in, bad files refused whole with row and column."""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from workshop_kit.importing import ImportRefused, import_file, parse_period, read_file
from workshop_kit.importing.periods import PeriodError, next_labels, period_of
from workshop_kit.importing.reading import MAX_BYTES
from workshop_kit.importing.stored import framework_rows, indicator_values, latest
from workshop_kit.store import Store

FRAMEWORK_CSV = (
    "Theme,Outcome Statement,KPI,Provider,Lead officer,Notes\n"
    "Health,Children and young people are as healthy as they can be,% of children with a health check; Waiting times,Community paediatrics,Dr Shah,\n"
    ",,Obesity at year 6,School nursing,,merged cell\n"
    "Independence,Young people make their own choices,,Short breaks,A. Jones,\n"
)
INDICATORS_CSV = (
    "Indicator,Period,Value,Area,Unit\n"
    "EHC plans issued within 20 weeks,2021-22,48.5,Northbrook,%\n"
    "EHC plans issued within 20 weeks,2022-23,52.1,Northbrook,%\n"
    'EHC plans issued within 20 weeks,2023/24,"1,055",Northbrook,%\n'
    "NEET 16-17,2024-Q1,5.2%,Northbrook,percent\n"
    "NEET 16-17,Q2 2024,5.0,Northbrook,percent\n"
    'Children in need,2023,"1,234",Northbrook,count\n'
    "Children in need,2024,1300,Northbrook,count\n"
    "Referrals,2024-03-31,10,Northbrook,count\n"
    "Referrals,30/06/2024,12,Northbrook,count\n"
)


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "book.xlsx", extra_sheet: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Framework"
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        book.create_sheet("Notes").append(["not read"])
    path = tmp_path / name
    book.save(path)
    return path


def _refusal(kind: str, path: Path) -> ImportRefused:
    with pytest.raises(ImportRefused) as refused:
        read_file(kind, path)
    return refused.value


# -- good files ---------------------------------------------------------------


def test_a_framework_csv_is_read_with_synonyms_and_says_which_columns_it_used(tmp_path: Path) -> None:
    """Are headers matched by synonym and case, merged cells continued, and the columns used named?"""
    read = read_file("framework", _write(tmp_path, "framework.csv", FRAMEWORK_CSV))
    assert [r.outcome for r in read.rows] == ["Children and young people are as healthy as they can be"] * 2 + ["Young people make their own choices"]
    assert read.rows[1].aspiration == "Health" and read.rows[1].service == "School nursing"
    assert read.rows[0].lead == "Dr Shah" and read.rows[2].indicator == ""
    said = "\n".join(read.report)
    assert 'outcome: column B ("Outcome Statement")' in said and 'indicator: column C ("KPI")' in said
    assert 'service: column D ("Provider")' in said and 'lead: column E ("Lead officer")' in said
    assert 'Columns left out: F ("Notes")' in said and "continue the outcome above" in said


def test_a_framework_xlsx_is_read_from_its_first_sheet(tmp_path: Path) -> None:
    """Is an Excel framework read the same way, from its first worksheet, saying so?"""
    path = _xlsx(tmp_path, [["OUTCOMES", "Measures", "Services"], ["We have friends", "Friendship survey", "Youth clubs"], [None, 12, None]], extra_sheet=True)
    read = read_file("framework", path)
    assert [(r.outcome, r.indicator) for r in read.rows] == [("We have friends", "Friendship survey"), ("We have friends", "12")]
    assert any('first worksheet, "Framework"' in line and "1 other worksheet" in line for line in read.report)


def test_indicators_in_every_kind_of_period(tmp_path: Path) -> None:
    """Are years, financial years, quarters and dates all read, with numbers like "1,234" and "5.2%"?"""
    read = read_file("indicators", _write(tmp_path, "data.csv", INDICATORS_CSV))
    by_row = {v.row: v for v in read.values}
    assert by_row[2].period.label == "2021-22" and by_row[2].period.kind == "financial_year" and by_row[2].period.start == date(2021, 4, 1)
    assert by_row[4].period.label == "2023-24" and by_row[4].value == 1055
    assert by_row[5].period.label == "2024-Q1" and by_row[5].value == 5.2
    assert by_row[6].period.label == "2024-Q2"
    assert by_row[7].period.kind == "year" and by_row[7].value == 1234
    assert by_row[10].period.start == date(2024, 6, 30)
    assert "4 indicators in 4 series" in read.report[-1]


def test_indicators_from_excel_with_real_dates_and_numbers(tmp_path: Path) -> None:
    """Does an Excel file's own dates, whole-number years and floats come through as periods and values?"""
    path = _xlsx(tmp_path, [["Measure", "Date", "Figure"], ["Absence", datetime(2024, 1, 31), 30.5], ["Absence", datetime(2024, 2, 29), 31], ["Plans", 2023, 100.0]])
    values = read_file("indicators", path).values
    assert [(v.period.label, v.value) for v in values] == [("2024-01-31", 30.5), ("2024-02-29", 31.0), ("2023", 100.0)]


@pytest.mark.parametrize(
    "text, label, kind",
    [
        ("2023", "2023", "year"),
        ("2023-24", "2023-24", "financial_year"),
        ("2023/2024", "2023-24", "financial_year"),
        ("FY2019-20", "2019-20", "financial_year"),
        ("2024-Q1", "2024-Q1", "quarter"),
        ("2024 q3", "2024-Q3", "quarter"),
        ("Q4 2021", "2021-Q4", "quarter"),
        ("2024-03", "2024-03", "month"),
        ("2024-03-31", "2024-03-31", "date"),
        ("1/4/2024", "2024-04-01", "date"),
        ("2011-12", "2011-12", "financial_year"),
    ],
)
def test_periods_read(text: str, label: str, kind: str) -> None:
    """Is each accepted way of writing a period read to one label?"""
    period = parse_period(text)
    assert (period.label, period.kind) == (label, kind)


@pytest.mark.parametrize("text", ["2023-25", "2024-Q5", "31/02/2024", "spring 2024", "", "1850", "2024-13-01", "٢٠٢٣"])
def test_periods_refused(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_next_periods_keep_the_form() -> None:
    assert next_labels(parse_period("2024-Q3"), 3) == ["2024-Q4", "2025-Q1", "2025-Q2"]
    assert next_labels(parse_period("2023-24"), 2) == ["2024-25", "2025-26"]
    assert next_labels(parse_period("2023"), 1) == ["2024"]
    assert next_labels(parse_period("2024-11"), 2) == ["2024-12", "2025-01"]
    assert next_labels(parse_period("2024-01-01"), 1, step_days=31) == ["2024-02-01"]


# -- bad files: refused whole, with row and column -------------------------------


def test_a_framework_without_an_outcome_column_is_refused_naming_the_headers(tmp_path: Path) -> None:
    refused = _refusal("framework", _write(tmp_path, "f.csv", "Indicator,Service\nx,y\n"))
    assert len(refused.problems) == 1 and refused.problems[0].row == 1
    assert "there is no outcome column" in refused.message() and '"Indicator", "Service"' in refused.message()


def test_a_non_number_value_and_an_unknown_period_are_named_by_row_and_column(tmp_path: Path) -> None:
    text = "indicator,period,value\nA,2023,1\nA,2024,lots\nA,next year,3\nB,2024-Q1,\n"
    refused = _refusal("indicators", _write(tmp_path, "d.csv", text))
    sentences = [p.sentence() for p in refused.problems]
    assert sentences[0].startswith("Row 3, column C (\"value\"): the value 'lots' is not a number")
    assert sentences[1].startswith("Row 4, column B (\"period\"): 'next year' is not a period")
    assert sentences[2].startswith('Row 5, column C ("value"): the value is empty')
    assert "nothing from it was stored" in refused.message()


def test_a_repeated_period_and_mixed_kinds_of_period_are_refused(tmp_path: Path) -> None:
    text = "indicator,period,value\nA,2023-24,1\nA,2023/24,2\nA,2024-Q1,3\n"
    sentences = [p.sentence() for p in _refusal("indicators", _write(tmp_path, "d.csv", text)).problems]
    assert "given already in row 2" in sentences[0] and sentences[0].startswith("Row 3")
    assert sentences[1].startswith("Row 4") and "keep one kind of period" in sentences[1]


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"outcome\n", "no rows of data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a spreadsheet"),
    ],
)
def test_empty_and_binary_files_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(content)
    assert expected in _refusal("framework", path).message().lower()


def test_a_file_that_is_not_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    assert "not an Excel workbook" in _refusal("framework", _write(tmp_path, "f.xlsx", "outcome\nx\n")).message()
    assert "not .pdf files" in _refusal("framework", _write(tmp_path, "f.pdf", "%PDF-1.4")).message()
    assert "old Excel format" in _refusal("framework", _write(tmp_path, "f.xls", "x")).message()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "not a spreadsheet" in _refusal("framework", broken).message()


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.write(b"outcome\n")
        handle.truncate(MAX_BYTES)
    assert "50.0 MB; files must be under 50 MB" in _refusal("framework", path).message()


def test_an_undecodable_encoding_is_refused_naming_the_row(tmp_path: Path) -> None:
    """Is a Windows-1252 file (a café) refused with its row, and UTF-16 with a byte-order mark read?"""
    path = _write(tmp_path, "f.csv", "outcome,service\nWe have friends,Youth club\nWe eat well,Caf\u00e9 club\n", encoding="cp1252")
    refused = _refusal("framework", path)
    assert refused.problems[0].row == 3 and "not UTF-8" in refused.message() and "0xE9" in refused.message()
    utf16 = _write(tmp_path, "g.csv", "outcome,service\nWe eat well,Caf\u00e9 club\n", encoding="utf-16")
    assert read_file("framework", utf16).rows[0].service == "Caf\u00e9 club"


def test_a_row_with_more_cells_than_the_header_is_refused(tmp_path: Path) -> None:
    refused = _refusal("framework", _write(tmp_path, "f.csv", "outcome,lead\nA,B\nC, D, E\n"))
    assert refused.problems[0].row == 3 and "3 cells but the header has 2" in refused.message()


def test_two_columns_that_could_both_be_the_outcome_are_refused(tmp_path: Path) -> None:
    assert "could both be the outcome column" in _refusal("framework", _write(tmp_path, "f.csv", "Outcome,OUTCOME\na,b\n")).message()


def test_a_semicolon_separated_file_is_read(tmp_path: Path) -> None:
    read = read_file("indicators", _write(tmp_path, "d.csv", "indicator;period;value\nA;2023;1,5\n".replace("1,5", "15")))
    assert read.values[0].value == 15


# -- storing -------------------------------------------------------------------


def test_importing_stores_once_and_the_same_file_twice_adds_nothing(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "data.csv", INDICATORS_CSV)
    first = import_file(store, "day", "indicators", path)
    second = import_file(store, "day", "indicators", path)
    assert first.created and not second.created and second.record.id == first.record.id
    assert "nothing was added" in second.message()
    assert len(store.imports_in("day")) == 1 and len(store.imported_rows(first.record)) == 9
    # another session gets its own
    assert import_file(store, "other day", "indicators", path).created


def test_the_same_table_saved_as_excel_is_not_imported_again(store: Store, tmp_path: Path) -> None:
    csv_path = _write(tmp_path, "f.csv", "Outcome,Service\nWe have friends,Youth club\n")
    xlsx_path = _xlsx(tmp_path, [["outcome", "service"], ["We have friends", "Youth club"]])
    assert import_file(store, "day", "framework", csv_path).created
    assert not import_file(store, "day", "framework", xlsx_path).created


def test_a_refused_file_stores_nothing(store: Store, tmp_path: Path) -> None:
    text = "".join(f"A,{2000 + i},{i}\n" for i in range(50)) + "A,2100-Q1,x\n"
    with pytest.raises(ImportRefused):
        import_file(store, "day", "indicators", _write(tmp_path, "d.csv", "indicator,period,value\n" + text))
    assert store.imports_in("day") == []


def test_stored_rows_read_back_as_the_importers_values(store: Store, tmp_path: Path) -> None:
    import_file(store, "day", "framework", _write(tmp_path, "f.csv", FRAMEWORK_CSV))
    import_file(store, "day", "indicators", _write(tmp_path, "d.csv", INDICATORS_CSV))
    framework = framework_rows(store, latest(store, "day", "framework"))
    assert framework[1].outcome == "Children and young people are as healthy as they can be" and framework[1].row == 3
    values = indicator_values(store, latest(store, "day", "indicators"))
    assert values[0].period == parse_period("2021-22") and values[0].value == 48.5
    assert latest(store, "empty", "framework") is None


# -- odd cells ---------------------------------------------------------------------

ODD_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(outcome=ODD_TEXT.filter(lambda t: t.strip()), service=ODD_TEXT)
def test_odd_text_in_framework_cells_comes_back_exactly(tmp_path: Path, outcome: str, service: str) -> None:
    """Does any text (formulas, quotes, commas, new lines, other scripts, control characters) survive an Excel round trip?"""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if ILLEGAL_CHARACTERS_RE.search(outcome + service):
        return  # Excel itself cannot hold these characters
    book = Workbook()
    sheet = book.active
    sheet.append(["Outcome", "Service"])
    sheet.append([outcome, service])
    sheet.cell(row=2, column=1).data_type = "s"
    sheet.cell(row=2, column=2).data_type = "s"
    path = tmp_path / "odd.xlsx"
    book.save(path)
    row = read_file("framework", path).rows[0]
    assert row.outcome == outcome.strip() and row.service == service.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(ODD_TEXT, st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers().map(str)))
def test_any_value_cell_is_read_as_a_number_or_refused_by_row_and_column(tmp_path: Path, value: str) -> None:
    """Does an odd value cell give a finite number or a refusal naming row 2, column C, never a crash?"""
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["indicator", "period", "value"], ["A", "2024", value]])
    path = tmp_path / "odd.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        read = read_file("indicators", path)
    except ImportRefused as refused:
        assert any(p.row and p.column for p in refused.problems) or refused.problems[0].row is None
        return
    assert len(read.values) == 1 and math.isfinite(read.values[0].value)


def test_period_of_excel_cells() -> None:
    assert period_of(2023).label == "2023" and period_of(2023.0).label == "2023"
    assert period_of(datetime(2024, 3, 31)).kind == "date"
    with pytest.raises(PeriodError):
        period_of(datetime(2024, 3, 31, 12, 30))
    with pytest.raises(PeriodError):
        period_of(True)


def test_the_store_sums_up_each_imported_series(store: Store, tmp_path: Path) -> None:
    """Does the database give each series' count, first and last period and last figure, in file order?"""
    text = "indicator,period,value,area,unit\nB,2024,3,X,n\nA,2023-Q2,2,,%\nA,2023-Q1,1,,%\nB,2022,9,X,n\n"
    record = import_file(store, "day", "indicators", _write(tmp_path, "d.csv", text)).record
    assert store.indicator_series(record) == [
        {
            "indicator": "B",
            "area": "X",
            "unit": "n",
            "count": 2,
            "first_start": date(2022, 1, 1),
            "last_start": date(2024, 1, 1),
            "first_id": 1,
            "first_period": "2022",
            "last_period": "2024",
            "last_value": 3.0,
        },
        {
            "indicator": "A",
            "area": "",
            "unit": "%",
            "count": 2,
            "first_start": date(2023, 1, 1),
            "last_start": date(2023, 4, 1),
            "first_id": 2,
            "first_period": "2023-Q1",
            "last_period": "2023-Q2",
            "last_value": 2.0,
        },
    ]


def test_a_store_from_before_imports_on_a_read_only_disk_still_exports(tmp_path: Path) -> None:
    """Can a store written before the import tables existed, now opened read-only, be read and written up (with no imports)?"""
    import sqlite3

    from disk_trouble import read_only_mount

    from workshop_kit.export import export_bytes
    from workshop_kit.settings import Settings

    folder = tmp_path / "data"
    old = Store.from_settings(Settings(data_dir=folder))
    old.save(old.group("day", "Table 1"), "drafting_statements", "fun", {"text": "Children have fun"})
    old.close()
    raw = sqlite3.connect(folder / "workshop.sqlite3")
    # as the store was before imports: without their tables, at the schema revision before them
    raw.executescript("DROP TABLE area_framework_rows; DROP TABLE area_indicator_values; DROP TABLE area_imports;UPDATE alembic_version SET version_num = '0002';")
    raw.close()  # the last connection out writes the change back from the WAL into the file
    with read_only_mount(folder):
        reading = Store.read_only(Settings(data_dir=folder))
        try:
            assert reading.imports_in("day") == [] and not reading.has_import_tables
            assert "Children have fun" in export_bytes(reading, "day", "html").decode("utf-8")
        finally:
            reading.close()
    reopened = Store.from_settings(Settings(data_dir=folder))  # writable again: the tables are added
    try:
        assert reopened.has_import_tables and reopened.imports_in("day") == []
    finally:
        reopened.close()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(ODD_TEXT.filter(lambda t: "\x00" not in t), min_size=3, max_size=3))
def test_odd_text_in_a_framework_csv_comes_back_trimmed_and_exact(tmp_path: Path, cells: list[str]) -> None:
    """Quotes, commas, semicolons, line breaks, formulas and other scripts in a CSV's cells: read back exactly (trimmed)?"""
    import csv
    import io

    outcome, indicator, service = cells
    if not outcome.strip():
        outcome = "x" + outcome
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["Outcome", "Indicator", "Service"], [outcome, indicator, service]])
    path = tmp_path / "odd.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    rows = read_file("framework", path).rows
    assert [(r.outcome, r.indicator, r.service) for r in rows] == [(outcome.strip(), indicator.strip(), service.strip())]


@pytest.mark.parametrize("dialect_name", ["sqlite", "postgresql"])
def test_many_rows_are_inserted_with_each_databases_own_parameters(dialect_name: str) -> None:
    """Is the bulk insert compiled for each database, with its own parameter style and its own date handling?"""
    from sqlalchemy.dialects import postgresql, sqlite

    from workshop_kit.store import area_indicator_values, driver_insert

    dialect = {"sqlite": sqlite.dialect(), "postgresql": postgresql.psycopg2.dialect()}[dialect_name]
    row = {"import_id": 1, "row_number": 2, "indicator": "NEET", "area": "", "unit": "%", "period": "2023-24", "period_kind": "financial_year", "period_start": date(2023, 4, 1), "value": 5.5}
    sql, parameters = driver_insert(dialect, area_indicator_values, [row, {**row, "row_number": 3}])
    assert sql.startswith("INSERT INTO area_indicator_values") and len(parameters) == 2
    if dialect_name == "sqlite":
        assert "?" in sql and parameters[0][sql.split("(")[1].split(")")[0].split(", ").index("period_start")] == "2023-04-01"
    else:
        assert "%(period_start)s" in sql and parameters[1]["period_start"] == date(2023, 4, 1) and parameters[1]["row_number"] == 3


def test_too_many_rows_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a file with more rows than the limit refused, as CSV and as Excel, before the rows are checked?"""
    from workshop_kit.importing import reading

    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    rows = [["outcome"]] + [[f"Outcome {n}"] for n in range(10)]
    csv_path = _write(tmp_path, "f.csv", "\n".join(r[0] for r in rows) + "\n")
    assert "more than 5 rows" in _refusal("framework", csv_path).message()
    assert "more than 5 rows" in _refusal("framework", _xlsx(tmp_path, rows)).message()
    assert len(read_file("framework", _xlsx(tmp_path, rows[:4], name="small.xlsx")).rows) == 3
