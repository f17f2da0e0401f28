"""Choosing where a table's later steps start, and following each row into what a step saved (no widgets)."""

from __future__ import annotations

from pathlib import Path

from workshop_kit import room
from workshop_kit.importing import FrameworkRow, import_file
from workshop_kit.stepkit.starting_rows import (
    KEPT,
    NOT_USED,
    ORIGIN_AGREED,
    REWORDED,
    AreaOutcome,
    Draft,
    StartingRow,
    StartingRows,
    area_outcomes,
    choose,
    drafts_from,
    follow,
    followed_section,
    gather,
    row_from_payload,
    saved_rows,
)
from workshop_kit.golden_thread import ORIGIN_AREA, ORIGIN_DRAFTS
from workshop_kit.room import Candidate
from workshop_kit.store import Store

THEMES = {"fun": "Having fun", "friends": "Friends and relationships"}


def test_a_tables_drafts_start_its_later_steps_in_the_pages_order() -> None:
    """Are the drafts read from step 4's payloads in theme order, then added drafts by number, empty ones left out?"""
    latest = {
        "extra-10": {"theme": None, "text": "Tenth added"},
        "extra-2": {"theme": None, "text": "Second added"},
        "friends": {"theme": "friends", "text": "Children have  friends\nnear home"},
        "fun": {"theme": "fun", "text": "Children have fun"},
        "_attempt": {"text": "not a draft"},
        "blank": {"theme": None, "text": "   "},
    }
    drafts = drafts_from(latest, THEMES)
    assert [d.text for d in drafts] == ["Children have fun", "Children have  friends\nnear home", "Second added", "Tenth added"]
    rows = choose("Table 1", drafts)
    assert rows.texts == ("Children have fun", "Children have friends near home", "Second added", "Tenth added")
    assert {r.origin for r in rows.rows} == {ORIGIN_DRAFTS}
    assert rows.rows[0].aspiration == "Having fun" and rows.rows[2].aspiration == ""


def test_the_rooms_agreed_outcomes_come_first_and_a_wording_is_listed_once() -> None:
    """Agreed outcomes first, marked as the room's (and as the table's own draft when it was), then the rest of the drafts?"""
    agreed = [
        Candidate("Table 2\u241fdrafting_statements\u241ffun", "Young people are safe", "Table 2", "drafting_statements"),
        Candidate("k", "children have FUN", "Table 1", "drafting_statements"),
        Candidate("p", "People keep their tenancy", "Table 3", "homelessness_scenario"),
        Candidate("merged-1", "Families are heard and believed", "Merged", "room"),
    ]
    rows = choose("Table 1", [Draft("Children have fun"), Draft("Families are heard")], agreed)
    assert [(r.text, r.origin, r.note) for r in rows.rows] == [
        ("Young people are safe", ORIGIN_AGREED, "put to the room by Table 2"),
        ("children have FUN", ORIGIN_AGREED, "one of your drafts"),
        ("Families are heard and believed", ORIGIN_AGREED, "merged by the facilitator"),
        ("Families are heard", ORIGIN_DRAFTS, ""),
    ]
    assert rows.rows[0].marked == "from the room's agreed outcomes (put to the room by Table 2)"


def test_the_areas_framework_seeds_only_a_table_with_no_drafts_and_rows_are_capped() -> None:
    """Does a table with no drafts start from the area's framework, a table with drafts not, and are rows beyond the cap counted?"""
    area = [AreaOutcome(f"Outcome {n}", "Health", ("Obesity",), ("School nursing",), f"f.csv, row {n}") for n in range(1, 11)]
    seeded = choose("Table 3", [], (), area)
    assert len(seeded.rows) == 8 and seeded.left_out == 2
    assert seeded.rows[0] == StartingRow("Outcome 1", ORIGIN_AREA, "Health", ("Obesity",), ("School nursing",), "f.csv, row 1")
    assert seeded.services() == "School nursing"
    assert choose("Table 1", [Draft("Our own")], (), area).texts == ("Our own",)


def test_framework_rows_are_put_together_by_outcome() -> None:
    """Rows continuing one outcome (another indicator, another service) make one starting row with all of them?"""
    rows = [
        FrameworkRow(2, "Health", "We are healthy", "Obesity at year 6", "School nursing", "Public health", ""),
        FrameworkRow(3, "", "we are  healthy", "Dental decay; Immunisations", "GP practices", "", ""),
        FrameworkRow(4, "Safety", "We are safe", "", "", "", ""),
    ]
    found = area_outcomes(rows, "framework.csv")
    assert found == [
        AreaOutcome("We are healthy", "Health", ("Obesity at year 6", "Dental decay", "Immunisations"), ("School nursing", "GP practices"), "framework.csv, row 2"),
        AreaOutcome("We are safe", "Safety", (), (), "framework.csv, row 4"),
    ]


def test_following_a_row_finds_it_kept_reworded_or_not_used() -> None:
    """Same wording is kept, a close one reworded, anything else not used, and each later wording used once?"""
    started = [StartingRow("Children have friends near home", ORIGIN_DRAFTS), StartingRow("Families are heard", ORIGIN_DRAFTS), StartingRow("Young people are safe", ORIGIN_DRAFTS)]
    followed = follow(started, ["Young people are SAFE", "Children have friends close to home", "Something else entirely different"])
    assert [(f.how, f.now) for f in followed] == [(REWORDED, "Children have friends close to home"), (NOT_USED, ""), (KEPT, "Young people are SAFE")]
    section = followed_section("Logic model: where its outcomes came from", started, ["Young people are safe"], "logic model")
    assert section is not None and section.rows[2] == ("from your drafts", "Young people are safe", "Young people are safe", KEPT)
    assert "1 kept as first written, 2 reworded or not used." in section.paragraphs
    assert followed_section("x", [], ["anything"], "logic model") is None


def test_saved_starting_rows_are_read_back_and_malformed_ones_dropped() -> None:
    """Do rows round-trip through a payload, and is anything malformed (no text, unknown origin, not a dict) left out?"""
    rows = StartingRows((StartingRow("A", ORIGIN_DRAFTS, "Fun"), StartingRow("B", ORIGIN_AREA, "", ("i",), ("s",), "f.csv, row 2")))
    payload = {"cards": [], **rows.payload()}
    assert saved_rows(payload) == rows.rows
    payload["started_from"] += [{"text": "C", "origin": "from nowhere"}, {"origin": ORIGIN_DRAFTS}, "D", {"text": "E", "origin": ORIGIN_DRAFTS, "indicators": "not a list"}]
    assert [r.text for r in saved_rows(payload)] == ["A", "B", "E"]
    assert row_from_payload(payload["started_from"][-1]) == StartingRow("E", ORIGIN_DRAFTS)
    assert saved_rows(None) == () and saved_rows({"started_from": "x"}) == ()
    assert StartingRows().payload() == {}


def test_gather_reads_drafts_the_rooms_agreement_and_the_imported_framework(store: Store, tmp_path: Path) -> None:
    """From the store: a table's drafts, the agreed outcomes of its session, and the area's framework for a table with none?"""
    one = store.group("day", "Table 1")
    store.save(one, "drafting_statements", "fun", {"theme": "fun", "text": "Children have fun", "proposed": True})
    store.save(one, "drafting_statements", "fun", {"theme": "fun", "text": "Children and young people have fun", "proposed": True})
    framework = tmp_path / "framework.csv"
    framework.write_text("Outcome,Indicator,Service\nWe are healthy,Obesity at year 6,School nursing\n", encoding="utf-8")
    import_file(store, "day", "framework", framework)
    assert [(r.text, r.origin) for r in gather(store, one).rows] == [("Children and young people have fun", ORIGIN_DRAFTS)]
    other = store.group("day", "Table 2")
    assert [(r.text, r.origin, r.note) for r in gather(store, other).rows] == [("We are healthy", ORIGIN_AREA, "framework.csv, row 2")]
    room.set_agreed(store, "day", [c.key for c in room.candidates(store, "day")])
    assert [(r.text, r.origin) for r in gather(store, other).rows] == [("Children and young people have fun", ORIGIN_AGREED), ("We are healthy", ORIGIN_AREA)]
    assert gather(store, None).empty
