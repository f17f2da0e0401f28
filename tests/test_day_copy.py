"""``workshop-kit migrate --to URL``: a day copied from SQLite to a real PostgreSQL server and back, rows counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workshop_kit.cli import main
from workshop_kit.day_copy import as_utc
from workshop_kit.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "store-0.1.0" / "workshop.sqlite3"
pytestmark = pytest.mark.postgres


def _day(store: Store, session: str) -> list[tuple[str, str, str, str, object]]:
    """What a session holds, as the dashboard and exports read it (ids aside), oldest first."""
    return [(a.group, a.exercise, a.item, repr(a.payload), as_utc(a.saved_at)) for a in store.all_answers(session)]


def test_a_day_goes_to_postgresql_and_back_with_every_row_counted(tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Does a 0.1.0 day (170 answers) copy into PostgreSQL and from there into a new SQLite file, each way saying
    how many rows it read and how many the target holds, with every answer identical and in order at the end?"""
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    shutil.copy(FIXTURE, laptop / "workshop.sqlite3")
    assert main(["migrate", "--data", str(laptop), "--session", "day-1", "--to", postgres_url]) == 0
    said = capsys.readouterr().out
    assert "Read 2 groups and 170 answers of session 'day-1'" in said
    assert "which now holds 2 groups and 170 answers for that session" in said

    archive = tmp_path / "archive" / "workshop.sqlite3"
    archive.parent.mkdir()
    assert main(["migrate", "--from", postgres_url, "--session", "day-1", "--to", f"sqlite:///{archive}"]) == 0
    assert "which now holds 2 groups and 170 answers" in capsys.readouterr().out

    original, server, back = Store(f"sqlite:///{laptop / 'workshop.sqlite3'}"), Store(postgres_url), Store(f"sqlite:///{archive}")
    try:
        assert _day(original, "day-1") == _day(server, "day-1") == _day(back, "day-1")
        assert len(_day(back, "day-1")) == 170
    finally:
        for store in (original, server, back):
            store.close()


def test_copying_onto_a_day_already_there_is_refused_and_nothing_is_mixed(tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A second copy of the same day: refused with a sentence, the target's rows unchanged?"""
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    shutil.copy(FIXTURE, laptop / "workshop.sqlite3")
    assert main(["migrate", "--data", str(laptop), "--session", "day-1", "--to", postgres_url]) == 0
    capsys.readouterr()
    assert main(["migrate", "--data", str(laptop), "--session", "day-1", "--to", postgres_url]) == 1
    assert "the target already holds 2 groups and 170 answers for session 'day-1'; nothing was copied" in capsys.readouterr().err
    server = Store(postgres_url)
    try:
        assert server.count_answers() == 170
    finally:
        server.close()


def test_a_server_that_is_not_there_gets_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Copying to a PostgreSQL address where no server listens: a sentence naming it (no password shown), no traceback."""
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    shutil.copy(FIXTURE, laptop / "workshop.sqlite3")
    from postgres_server import free_port

    url = f"postgresql+psycopg://kit:secret-word@127.0.0.1:{free_port()}/nowhere"
    assert main(["migrate", "--data", str(laptop), "--session", "day-1", "--to", url]) == 1
    err = capsys.readouterr().err
    assert "could not be opened" in err and "Nothing was copied" in err and "127.0.0.1" in err
    assert "secret-word" not in err and "Traceback" not in err


def test_an_imported_framework_and_indicator_data_travel_with_the_day(tmp_path: Path, postgres_url: str) -> None:
    """Does a day with the area's own framework and indicator data keep both, row for row, on PostgreSQL and back?"""
    from workshop_kit.day_copy import copy_session, count_session
    from workshop_kit.importing import import_file

    framework = tmp_path / "framework.csv"
    framework.write_text(
        "Outcome,Indicator,Service\nChildren have friends,Children who say they have a friend,Youth club\nYoung people are ready for work,Young people in work or training at 19,Careers service\n",
        encoding="utf-8",
    )
    indicators = tmp_path / "indicators.csv"
    indicators.write_text("indicator,period,value\nYoung people in work or training at 19,2022-23,81.5\nYoung people in work or training at 19,2023-24,83.0\n", encoding="utf-8")
    laptop = Store(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    server = Store(postgres_url)
    back = Store(f"sqlite:///{tmp_path / 'back.sqlite3'}")
    try:
        laptop.group("day-2", "Table 1")
        import_file(laptop, "day-2", "framework", framework)
        import_file(laptop, "day-2", "indicators", indicators)
        read, written = copy_session(laptop, server, "day-2")
        assert (read.imports, read.imported_rows) == (2, 4)
        assert written == read
        _, returned = copy_session(server, back, "day-2")
        assert returned == count_session(laptop, "day-2")
        for kind in ("framework", "indicators"):
            assert [(i.kind, i.file_name, i.row_count) for i in back.imports_in("day-2") if i.kind == kind] == [
                (i.kind, i.file_name, i.row_count) for i in laptop.imports_in("day-2") if i.kind == kind
            ]
    finally:
        for store in (laptop, server, back):
            store.close()
