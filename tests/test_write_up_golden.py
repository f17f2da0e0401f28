"""The HTML write-up and the self-study summary of a fixed synthetic day, byte for byte.

Issue 18's rule: moving the HTML into templates must not change a day's write-up.
The day below (typed text with markup, quotes, a right-to-left override and
control characters, saved at fixed times) was written with the hand-built HTML
before the move; ``tests/golden/`` holds what it gave. Any change to these
pages shows here as a diff. When a change is meant (new wording, a new
section), regenerate on purpose and read the diff before committing:

    WORKSHOP_KIT_REGENERATE_GOLDEN=1 pytest tests/test_write_up_golden.py

The day uses no step that draws a chart, so the files do not depend on
matplotlib's version.
"""

from __future__ import annotations

import dataclasses
import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workshop_kit import content, room
from workshop_kit import store as store_module
from workshop_kit.export import build_record
from workshop_kit.export.html_export import to_html as write_up_html
from workshop_kit.importing import import_file
from workshop_kit.selfstudy.summary import build_summary
from workshop_kit.selfstudy.summary import to_html as summary_html
from workshop_kit.store import Store

GOLDEN = Path(__file__).parent / "golden"
WRITTEN_AT = datetime(2026, 12, 2, 16, 45, tzinfo=timezone.utc)
FIRST_SAVE = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)
HOSTILE = '<script>window.hacked=1</script><img src=x onerror="alert(\'x\')"> & "quoted" it\'s \u202eevil.exe\u202c bell\x07 esc\x1b[31m del\x7f'
TABLE = 'Table "2" <b>Caerdydd</b> \u202eright-to-left\u202c'
FRAMEWORK = 'Priority,Outcome,Indicator,Provider\nHealth,We are healthy,Obesity at year 6,School nursing\nSafety,"<b>Safe</b> ""here"" \u202eevil\u202c",% who feel safe,Youth club\n'
INDICATORS = "Indicator,Area,Period,Value,Unit\nObesity <b>at year 6</b>,Leeds & Bradford,2024,12.5,%\nObesity <b>at year 6</b>,Leeds & Bradford,2025,11.25,%\n"
LEARNER = "<i>Learner</i> O'Brien \u202edrawkcab\u202c \x07"


@pytest.fixture
def fixed_time(monkeypatch: pytest.MonkeyPatch):
    """Every save a minute after the last, and times shown in UTC, so the pages repeat exactly."""
    saves = iter(FIRST_SAVE + timedelta(minutes=n) for n in range(10_000))
    monkeypatch.setattr(store_module, "_now", lambda: next(saves))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _day(store: Store) -> None:
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    for name in ("Table 1", TABLE):
        group = store.group("golden", name)
        for item in exercise.items[:3]:
            store.save(group, exercise.id, item.id, {"choice": item.accepted[0], "attempt": 1, "verdict": "right"})
        store.save(group, "drafting_statements", "fun", {"theme": "fun", "text": f"Children have fun {HOSTILE}", "proposed": True, "version": 1, "score": 85, "kind": "outcome"})
        store.save(group, "action_planning", "plan", {"consultation": f"Ask the forum {HOSTILE}", "follow_up": "2027-03-04"})
    import_file(store, "golden", "framework", FRAMEWORK.encode("utf-8"), "the area's <framework>.csv")
    import_file(store, "golden", "indicators", INDICATORS.encode("utf-8"), "indicators.csv")
    proposed = room.candidates(store, "golden")
    room.record_vote(store, "golden", "Table 1", proposed[1].key)
    room.record_vote(store, "golden", TABLE, proposed[1].key)
    room.set_agreed(store, "golden", [proposed[1].key])


def _learner(store: Store):
    group = store.group("self-study", LEARNER, "alone")
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    first, second = exercise.items[0], exercise.items[1]
    store.save(group, exercise.id, first.id, {"choice": first.accepted[0], "attempt": 1})
    wrong = next(c.id for c in exercise.categories if c.id not in second.accepted)
    store.save(group, exercise.id, second.id, {"choice": wrong, "attempt": 1})
    store.save(group, "drafting_statements", "fun", {"text": f"Children have fun {HOSTILE}", "version": 1})
    store.save(group, "action_planning", "plan", {"consultation": f"Ask the forum {HOSTILE}", "follow_up": ""})
    return group


def _same_as_golden(name: str, page: bytes) -> None:
    golden = GOLDEN / name
    if os.environ.get("WORKSHOP_KIT_REGENERATE_GOLDEN") == "1":
        golden.write_bytes(page)
        pytest.skip(f"wrote {golden}: read the diff before committing it")
    assert page == golden.read_bytes(), f"{name} changed; if that is meant, regenerate it (see this module's docstring)"


def test_the_write_up_is_byte_for_byte_the_golden_one(store: Store, fixed_time) -> None:
    _day(store)
    record = dataclasses.replace(build_record(store, "golden"), generated_at=WRITTEN_AT)
    page = write_up_html(record)
    shown = page.decode("utf-8")
    assert "&lt;script&gt;" in shown and "\u2407" in shown and "The area&#x27;s indicator data" in shown  # the day really is hostile, with the area's material
    _same_as_golden("write_up.html", page)


def test_the_self_study_summary_is_byte_for_byte_the_golden_one(store: Store, fixed_time) -> None:
    summary = dataclasses.replace(build_summary(store, _learner(store)), generated_at=WRITTEN_AT)
    page = summary_html(summary)
    assert "<bdi>&lt;i&gt;Learner&lt;/i&gt; O&#x27;Brien" in page.decode("utf-8")
    _same_as_golden("summary.html", page)
