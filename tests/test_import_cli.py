"""`workshop-kit import framework|indicators FILE --session S --data DIR`: what it prints and its exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_kit.cli import main as cli_main
from workshop_kit.settings import Settings
from workshop_kit.store import Store


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _imports(data: Path, session: str) -> int:
    store = Store.from_settings(Settings(data_dir=data))
    try:
        return len(store.imports_in(session))
    finally:
        store.close()


def test_importing_a_framework_says_which_columns_and_twice_adds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "framework.csv"
    path.write_text("Priority,Outcomes,Indicators,Services\nBe healthy,We are healthy,Obesity,School nursing\n", encoding="utf-8")
    data = tmp_path / "data"
    code, out, err = _run(capsys, "import", "framework", str(path), "--session", "council", "--data", str(data))
    assert code == 0 and err == ""
    assert "Imported framework.csv into session 'council'" in out and 'outcome: column B ("Outcomes")' in out
    code, out, _ = _run(capsys, "import", "framework", str(path), "--session", "council", "--data", str(data))
    assert code == 0 and "nothing was added" in out
    assert _imports(data, "council") == 1


def test_a_bad_file_exits_2_naming_row_and_column_and_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "data.csv"
    path.write_text("indicator,period,value\nNEET,2023-24,5.1\nNEET,2024-25,=1+1\n", encoding="utf-8")
    data = tmp_path / "data"
    code, out, err = _run(capsys, "import", "indicators", str(path), "--session", "council", "--data", str(data))
    assert code == 2 and out == ""
    assert "data.csv was not imported (1 problem); nothing from it was stored." in err
    assert "Row 3, column C (\"value\"): the value '=1+1' is not a number." in err
    assert not data.exists() or _imports(data, "council") == 0


def test_a_missing_file_and_a_missing_outcome_column_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "import", "framework", str(tmp_path / "nope.csv"), "--data", str(tmp_path / "d"))
    assert code == 2 and "cannot be opened" in err
    path = tmp_path / "f.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Service", "Lead"])
    book.active.append(["Youth club", "Sam"])
    book.save(path)
    code, _, err = _run(capsys, "import", "framework", str(path), "--data", str(tmp_path / "d"))
    assert code == 2 and "Row 1: there is no outcome column" in err


def test_a_store_that_cannot_be_written_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "f.csv"
    path.write_text("outcome\nWe have friends\n", encoding="utf-8")
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    code, _, err = _run(capsys, "import", "framework", str(path), "--data", str(blocked / "data"))
    assert code == 1 and "Nothing was imported." in err
