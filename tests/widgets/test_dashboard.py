"""The facilitator's dashboard without a browser: tables side by side, the room, the write-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_kit import room
from workshop_kit.dashboard.page import Dashboard
from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = '<script>window.hacked=1</script><img src=x onerror="alert(1)"> 😀 مرحبا'


@pytest.fixture
def day(tmp_path: Path):
    settings = Settings(data_dir=tmp_path / "data", session="day")
    store = Store.from_settings(settings)
    for table, choice in (("Table 1", "outcome"), ("Table 2", "output"), (HOSTILE, "impact")):
        group = store.group("day", table)
        store.save(group, "outputs_outcomes_impact", "ipc-1", {"choice": choice, "attempt": 1})
        store.save(group, "drafting_statements", "draft-1", {"text": f"Young people have friends - {table}", "proposed": True})
    yield store, settings
    store.close()


def test_tables_appear_side_by_side_with_text_escaped(day) -> None:
    """Does the grid show each table's latest answer in its own column, escaped?"""
    store, settings = day
    dashboard = Dashboard(store, settings)
    assert set(dashboard.tables.value) == {"Table 1", "Table 2", HOSTILE}
    dashboard.step.value = "outputs_outcomes_impact"
    grid = dashboard.grid.value
    assert "Outputs, outcomes and impact: tables side by side" in grid
    assert "<script>" not in grid and "&lt;script&gt;window.hacked=1&lt;/script&gt;" in grid
    assert "outcome" in grid and "output" in grid
    dashboard.tables.value = ("Table 2",)
    assert "Table 1" not in dashboard.grid.value


def test_refresh_picks_up_new_answers_and_keeps_the_choices(day) -> None:
    """When a new table saves, does refresh() show it while keeping the chosen step?"""
    store, settings = day
    dashboard = Dashboard(store, settings)
    dashboard.step.value = "drafting_statements"
    store.save(store.group("day", "Table 4"), "drafting_statements", "draft-1", {"text": "Families are heard", "proposed": True})
    dashboard.refresh()
    assert dashboard.step.value == "drafting_statements"
    assert "Families are heard" in dashboard.grid.value
    assert "4 tables" in dashboard.refreshed.value


def test_votes_agreement_merging_and_full_screen(day) -> None:
    """Can the facilitator project, record votes, merge and agree, all saved in the store?"""
    store, settings = day
    dashboard = Dashboard(store, settings)
    keys = [value for _label, value in dashboard.statement.options]
    assert len(keys) == 3
    dashboard.statement.value = next(k for k in keys if HOSTILE in k)
    dashboard.project_button.click()
    assert dashboard.projector.layout.display == "flex"
    assert "&lt;script&gt;" in dashboard.projected.value and "<script>" not in dashboard.projected.value
    dashboard.close_projection.click()
    assert dashboard.projector.layout.display == "none"
    dashboard.voter.value = "Table 1"
    dashboard.vote_button.click()
    assert room.vote_counts(store, "day")[dashboard.statement.value] == 1
    dashboard.to_merge.value = tuple(keys[:2])
    dashboard.merged_wording.value = "Young people have good friends"
    dashboard.merge_button.click()
    assert "Merged." in dashboard.room_message.value
    merged = next(v for label, v in dashboard.statement.options if label.startswith("Young people have good friends"))
    dashboard.agreed.value = (merged,)
    dashboard.agree_button.click()
    assert [c.text for c in room.agreed(store, "day")] == ["Young people have good friends"]
    assert "Agreed" in dashboard.statements.value
    dashboard.agreed.value = tuple(v for _l, v in dashboard.agreed.options)[:2]
    dashboard.merge_button.click()
    assert "Choose at least two statements" in dashboard.room_message.value


def test_the_write_up_downloads_and_is_saved_in_the_data_folder(day) -> None:
    """Does each export button give a download link and a file in <data>/exports?"""
    store, settings = day
    dashboard = Dashboard(store, settings)
    for fmt, button in dashboard.export_buttons.items():
        button.click()
        assert f'download="workshop-day.{fmt}"' in dashboard.export_result.value
        assert (settings.data_dir / "exports" / f"workshop-day.{fmt}").is_file()


def test_an_empty_session_says_so(tmp_path: Path) -> None:
    """Before anyone has saved, does the dashboard say so in plain words?"""
    settings = Settings(data_dir=tmp_path / "d", session="empty")
    dashboard = Dashboard(Store.from_settings(settings), settings)
    assert "No table has saved anything yet" in dashboard.grid.value
    assert "No table has proposed a statement" in dashboard.statements.value
