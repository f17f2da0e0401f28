"""The room's votes and decisions, and the write-up in Word, HTML and CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest
from docx import Document

from workshop_kit import room
from workshop_kit.cli import main as cli_main
from workshop_kit.export import export_bytes
from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = '<script>window.hacked=1</script><img src=x onerror="alert(1)"> =SUM(A1) 😀 مرحبا \u202e'


def _day(store: Store) -> None:
    for table in ("Table 1", "Table 2", "Table 3"):
        group = store.group("day", table)
        store.save(group, "outputs_outcomes_impact", "ipc-1", {"choice": "outcome", "attempt": 1, "correct": True, "verdict": "right"})
        store.save(group, "drafting_statements", "draft-1", {"text": f"Children in our area have friends ({table})", "proposed": True})
    hostile = store.group("day", HOSTILE)
    store.save(hostile, "drafting_statements", "draft-1", {"text": HOSTILE, "proposed": True})
    store.save(hostile, "action_planning", "plan", {"consultation": HOSTILE, "follow_up": ""})


def test_each_table_has_one_vote_which_it_can_change(store: Store) -> None:
    """Does a table's second vote replace its first in the count, while both rows stay?"""
    _day(store)
    keys = [c.key for c in room.candidates(store, "day")]
    assert len(keys) == 4
    room.record_vote(store, "day", "Table 1", keys[0])
    room.record_vote(store, "day", "Table 2", keys[0])
    room.record_vote(store, "day", "Table 1", keys[1])
    counts = room.vote_counts(store, "day")
    assert counts[keys[0]] == 1 and counts[keys[1]] == 1
    with pytest.raises(ValueError):
        room.record_vote(store, "day", room.FACILITATOR, keys[0])


def test_agreeing_and_merging_statements(store: Store) -> None:
    """Can the facilitator merge two near-duplicates and agree up to four, but not five?"""
    _day(store)
    keys = [c.key for c in room.candidates(store, "day")]
    merged = room.merge(store, "day", keys[:2], "Children and young people have good friends")
    after = {c.key: c for c in room.candidates(store, "day")}
    assert merged in after and keys[0] not in after and keys[1] not in after
    room.set_agreed(store, "day", [merged, keys[2]])
    assert [c.text for c in room.agreed(store, "day")][0] == "Children and young people have good friends"
    with pytest.raises(ValueError, match="at most 4"):
        room.set_agreed(store, "day", ["a", "b", "c", "d", "e"])
    with pytest.raises(ValueError):
        room.merge(store, "day", keys[:1], "x")


def test_html_export_escapes_everything_and_runs_no_script(store: Store) -> None:
    """Is every typed string in the HTML write-up escaped, with no script or external file?"""
    _day(store)
    room.set_agreed(store, "day", [c.key for c in room.candidates(store, "day") if c.text == HOSTILE])
    page = export_bytes(store, "day", "html").decode("utf-8")
    assert "<script" not in page and "<img src=x" not in page and 'onerror="' not in page
    assert "&lt;script&gt;window.hacked=1&lt;/script&gt;" in page
    assert re.search(r"<h2>Agreed outcomes</h2>\s*<ol><li>&lt;script&gt;", page)
    assert "synthetic" in page
    assert not re.search(r"(src|href)=\"https?:", page)


def test_docx_export_holds_each_table_and_the_text_exactly(store: Store) -> None:
    """Opened with python-docx, does the Word file hold every table and the typed text as text?"""
    _day(store)
    document = Document(io.BytesIO(export_bytes(store, "day", "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Workshop write-up: day"
    for table in ("Table 1", "Table 2", "Table 3", HOSTILE):
        assert table in headings
    cells = [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    assert HOSTILE in cells
    assert any("synthetic" in p.text for p in document.paragraphs)


def test_csv_export_has_every_row_and_defuses_formulas(store: Store) -> None:
    """Does the CSV hold one line per saved row, with typed formulas kept as text?"""
    _day(store)
    rows = list(csv.DictReader(io.StringIO(export_bytes(store, "day", "csv").decode("utf-8-sig"))))
    saved = [r for r in rows if r["row_id"]]
    assert len(saved) == store.count_answers()
    assert {r["group"] for r in saved} >= {"Table 1", "Table 2", HOSTILE}
    assert all(not r["group"].startswith("=") for r in rows)
    threads = [r for r in rows if not r["row_id"]]  # each table's golden thread follows the saved rows
    assert {r["exercise"] for r in threads} == {"golden_thread"} and {r["group"] for r in threads} >= {"Table 1", "Table 2"}


def test_csv_export_draws_no_charts(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the CSV written from the saved rows alone, without building the step sections and their charts?"""
    from workshop_kit.export import record

    _day(store)

    def no_sections(*_args):
        raise AssertionError("the CSV should not build the tables' sections")

    monkeypatch.setattr(record, "_group_records", no_sections)
    rows = list(csv.DictReader(io.StringIO(export_bytes(store, "day", "csv").decode("utf-8-sig"))))
    assert len([r for r in rows if r["row_id"]]) == store.count_answers()
    with pytest.raises(AssertionError, match="sections"):
        export_bytes(store, "day", "html")


def test_the_export_command_writes_each_format(tmp_path, capsys) -> None:
    """Does `workshop-kit export` write docx, html and csv, and explain an empty store plainly?"""
    assert cli_main(["export", "--data", str(tmp_path / "empty"), "--session", "day"]) == 1
    assert "nothing has been saved there" in capsys.readouterr().err
    store = Store.from_settings(Settings(data_dir=tmp_path / "d"))
    _day(store)
    for fmt in ("docx", "html", "csv"):
        out = tmp_path / f"day.{fmt}"
        assert cli_main(["export", "--data", str(tmp_path / "d"), "--session", "day", "--format", fmt, "--out", str(out)]) == 0
        assert out.stat().st_size > 200
    assert cli_main(["export", "--data", str(tmp_path / "d"), "--session", "nobody"]) == 1


def test_steps_present_their_own_work_in_the_write_up(store: Store) -> None:
    """Do drafts, the scorecard (with its chart) and the plan appear in their own sections?"""
    group = store.group("day", "Table 1")
    store.save(group, "drafting_statements", "fun", {"theme": "fun", "text": "We do things we enjoy", "proposed": True, "version": 1, "score": 85, "kind": "outcome"})
    store.save(group, "homelessness_scenario", "stage1", {"who": "families", "commission": "advice", "outcomes": ["People keep their homes", "", "", ""]})
    store.save(
        group,
        "homelessness_scenario",
        "measure-1",
        {
            "outcome": 0,
            "text": "Percentage of households still in their home after 6 months",
            "subjective": False,
            "source": "case records",
            "frequency": "quarterly",
            "reporting": "monthly report",
            "removed": False,
        },
    )
    store.save(group, "action_planning", "plan", {"consultation": "Parent carer forum", "follow_up": "2027-03-04"})
    page = export_bytes(store, "day", "html").decode("utf-8")
    for heading in ("Draft outcome statements", "The homelessness scenario: scorecard", "Action plan"):
        assert f"<h3>{heading}</h3>" in page
    assert "We do things we enjoy</td><td>85/100" in page
    assert 'alt="' in page and "data:image/png;base64," in page
    assert "Synthetic data: made up for practice." in page
    assert "Follow-up workshop: 2027-03-04." in page
    document = Document(io.BytesIO(export_bytes(store, "day", "docx")))
    assert len(document.inline_shapes) == 1


def test_models_curves_and_frameworks_come_with_their_charts(store: Store) -> None:
    """Do the logic model, turn-the-curve, distance travelled and the framework each bring a chart?"""
    from workshop_kit.steps.indicators import logic as indicators

    group = store.group("day", "Table 5")
    cards = [
        {"id": "i", "column": "inputs", "text": "A youth worker"},
        {"id": "o", "column": "outputs", "text": "A weekly club"},
        {"id": "m", "column": "interim_outcomes", "text": "Young people make friends"},
        {"id": "f", "column": "final_outcomes", "text": "Young people are happier"},
    ]
    store.save(group, "logic_model_own", "model", {"cards": cards, "links": [["i", "o"], ["o", "m"], ["m", "f"]]})
    store.save(group, "indicators", "curve", {"indicator": indicators.indicator_choices()[0][1], "area": indicators.area_choices()[0], "target": "5", "story": "<b>Because</b>"})
    store.save(group, "indicators", "distance", {"areas": ["Feeling safe", "Home", "Health"], "start": [3, 4, 5], "review": [6, 6, 7]})
    store.save(
        group,
        "outcomes_framework",
        "framework",
        {"outcomes": ["Be safe", "Be healthy"], "services": ["Youth club"], "contributions": [{"service": "Youth club", "outcome": "Be safe", "measures": ["% who feel safe"]}]},
    )
    page = export_bytes(store, "day", "html").decode("utf-8")
    for heading in ("Logic model", "Turning the curve", "Distance travelled", "Outcomes framework: contribution matrix"):
        assert f"<h3>{heading}</h3>" in page
    assert page.count("data:image/png;base64,") == 4
    assert "&lt;b&gt;Because&lt;/b&gt;" in page and "<b>Because" not in page
    assert "Be healthy" in page and "A youth worker" in page
