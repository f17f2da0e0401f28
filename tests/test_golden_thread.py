"""The golden thread: aspiration -> outcome -> indicators (RBA question, data source) -> services -> actions, with breaks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from docx import Document

from workshop_kit.export import export_bytes
from workshop_kit.golden_thread import ORIGIN_AREA, ORIGIN_DRAFTS, ORIGIN_FRAMEWORK_STEP, ORIGIN_INDICATOR_MAP, area_thread, table_thread
from workshop_kit.importing import FrameworkRow, import_file
from workshop_kit.store import Store

HOSTILE = '<script>window.hacked=1</script> =SUM(A1) "quoted" \u202e'
THEMES = {"fun": "Taking part in fun activities", "relationships": "Having good relationships"}
FRIENDS = "We have friends we trust"
FUN = "We do activities we enjoy"


def _latest() -> dict:
    return {
        "drafting_statements": {
            "fun": {"theme": "fun", "text": FUN, "proposed": True},
            "relationships": {"theme": "relationships", "text": FRIENDS},
            "extra-1": {"theme": None, "text": "   "},  # empty drafts are not outcomes
        },
        "outcomes_framework": {
            "framework": {
                "outcomes": [FRIENDS, "We get ready for work"],
                "services": ["Youth club", "Careers service", "Short breaks"],
                "contributions": [
                    {"service": "Youth club", "outcome": "we have friends  WE TRUST", "measures": ["% of new EHC plans issued within 20 weeks"]},
                    {"service": "Careers service", "outcome": "We get ready for work", "measures": []},
                ],
            }
        },
        "indicators": {
            "map": {
                "outcome": FRIENDS,
                "measures": [
                    {"text": "Number of young people attending the youth club", "question": "how_much", "have_data": True},
                    {"text": "% of young people who say they have a friend they trust", "question": "better_off", "have_data": False},
                ],
                "gaps": [],
            }
        },
        "action_planning": {
            "plan": {"consultation": "the forum in March"},
            "action-1": {"action": "Ask the Youth Club for its attendance figures", "owner": "Sam", "due": "March"},
            "action-2": {"action": "Write the survey question", "owner": "Ali", "due": "", "outcome": FUN},
            "action-3": {"action": "Book the follow-up day", "owner": "", "due": ""},
        },
    }


def test_a_tables_thread_joins_its_steps_by_outcome() -> None:
    """Do drafts, the framework, the indicator map and actions meet on one outcome however it was typed?"""
    thread = table_thread(_latest(), THEMES)
    strands = {s.outcome: s for s in thread.strands}
    assert list(strands) == [FUN, FRIENDS, "We get ready for work"]
    friends = strands[FRIENDS]
    assert friends.aspiration == "Having good relationships"
    assert friends.origins == (ORIGIN_DRAFTS, ORIGIN_FRAMEWORK_STEP, ORIGIN_INDICATOR_MAP)
    assert friends.services == ("Youth club",)
    assert friends.actions == ("Ask the Youth Club for its attendance figures (Sam, by March)",)
    by_text = {i.text: i for i in friends.indicators}
    assert by_text["Number of young people attending the youth club"].question == "how_much"
    assert by_text["Number of young people attending the youth club"].question_by == "the table"
    assert by_text["Number of young people attending the youth club"].source == "the area collects it (source not named)"
    ehc = by_text["% of new EHC plans issued within 20 weeks"]
    assert ehc.question_by == "the kit" and ehc.source == "" and ehc.suggested[0].startswith("Education, health and care plans")
    assert strands[FUN].actions == ("Write the survey question (Ali)",)
    assert thread.loose_actions == ("Book the follow-up day",)


def test_breaks_are_flagged() -> None:
    """Are an outcome with no indicator, an indicator with no source and a service contributing to nothing all named?"""
    thread = table_thread(_latest(), THEMES)
    breaks = thread.breaks
    assert f"The outcome \u201c{FUN}\u201d has no indicator." in breaks
    assert "The outcome \u201cWe get ready for work\u201d has no indicator." in breaks
    assert any("\u201c% of young people who say they have a friend they trust\u201d" in b and "no data source" in b for b in breaks)
    assert any("20 weeks" in b and "public sources that may hold it: Education, health and care plans" in b for b in breaks)
    assert "The service \u201cShort breaks\u201d contributes to no outcome." in breaks
    assert thread.idle_services == ("Short breaks",)
    assert not any("Number of young people attending" in b for b in breaks)


def test_a_thread_with_nothing_broken_says_so() -> None:
    latest = {"indicators": {"map": {"outcome": FRIENDS, "measures": [{"text": "Friends survey", "question": "better_off", "have_data": True}]}}}
    assert table_thread(latest, THEMES).breaks == ()
    assert table_thread({}, THEMES).empty


def test_the_areas_thread_uses_its_imported_data_as_a_source() -> None:
    rows = [
        FrameworkRow(2, "Health", "We are healthy", "Obesity at year 6; Dental decay", "School nursing\nGPs", "Dr Shah"),
        FrameworkRow(3, "Health", "We are healthy", "Waiting times", "", "", source="NHS trust returns"),
        FrameworkRow(4, "", "We feel safe", "", "", ""),
    ]
    thread = area_thread(rows, imported_series=["obesity at year 6"], imported_from="data.csv")
    healthy, safe = thread.strands
    assert healthy.origins == (ORIGIN_AREA,) and healthy.services == ("School nursing", "GPs") and healthy.leads == ("Dr Shah",)
    sources = {i.text: i.source for i in healthy.indicators}
    assert sources == {"Obesity at year 6": "the area's imported data (data.csv)", "Dental decay": "", "Waiting times": "NHS trust returns"}
    assert safe.breaks == ("The outcome \u201cWe feel safe\u201d has no indicator.",)


def _day(store: Store, tmp_path: Path) -> None:
    group = store.group("day", "Table 1")
    for exercise, items in _latest().items():
        for item, payload in items.items():
            store.save(group, exercise, item, payload)
    hostile = store.group("day", "Table 2")
    store.save(hostile, "drafting_statements", "fun", {"theme": "fun", "text": HOSTILE})
    store.save(hostile, "outcomes_framework", "framework", {"outcomes": [HOSTILE], "services": [HOSTILE + " service"], "contributions": []})
    framework = tmp_path / "framework.csv"
    framework.write_text(f'Theme,Outcome,Indicator,Service\nHealth,We are healthy,Obesity at year 6,School nursing\nSafety,"{HOSTILE.replace(chr(34), chr(34) * 2)}",,\n', encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_text("indicator,period,value,area\nObesity at year 6,2022-23,21.5,Northbrook\nObesity at year 6,2023-24,20.9,Northbrook\n", encoding="utf-8")
    import_file(store, "day", "framework", framework)
    import_file(store, "day", "indicators", data)


def test_the_thread_is_in_every_format_escaped(store: Store, tmp_path: Path) -> None:
    """Does each write-up carry every table's thread, the area's thread and their breaks, with typed text escaped?"""
    _day(store, tmp_path)
    page = export_bytes(store, "day", "html").decode("utf-8")
    assert "<script>window.hacked" not in page and "&lt;script&gt;window.hacked=1&lt;/script&gt;" in page
    assert page.count("<h3>Golden thread</h3>") == 2 and "The area&#x27;s framework and its golden thread" in page
    assert "Break: The service \u201cShort breaks\u201d contributes to no outcome." in page
    assert "the area&#x27;s imported data (data.csv" in page and "The area&#x27;s indicator data (imported from data.csv)" in page

    document = Document(io.BytesIO(export_bytes(store, "day", "docx")))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Golden thread" in paragraphs and "The area's own material" in paragraphs
    assert any(p.startswith("Break: The outcome \u201cWe do activities we enjoy\u201d has no indicator.") for p in paragraphs)
    assert any(HOSTILE in c for c in cells)

    rows = list(csv.DictReader(io.StringIO(export_bytes(store, "day", "csv").decode("utf-8-sig"))))
    thread_rows = [r for r in rows if r["exercise"] == "golden_thread"]
    by_owner = {(r["group"], r["item"]): json.loads(r["payload_json"]) for r in thread_rows}
    assert by_owner[("The area's framework", "outcome-1")]["indicators"][0]["source"].startswith("the area's imported data")
    assert by_owner[("Table 2", "outcome-1")]["outcome"] == HOSTILE
    assert by_owner[("Table 2", "idle-service-1")]["service"] == HOSTILE + " service"
    assert by_owner[("Table 1", "outcome-2")]["aspiration"] == "Having good relationships"
