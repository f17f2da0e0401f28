"""Importing on the dashboard without a browser: choose a file, see the preview, confirm; bad files refused, nothing stored."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import ipywidgets as widgets
import pytest

from workshop_kit.dashboard.imports import UPLOAD_LIMIT_BYTES, ImportPanel
from workshop_kit.dashboard.page import Dashboard
from workshop_kit.settings import Settings
from workshop_kit.store import Store
from workshop_kit.widgets import inbound

HOSTILE = '<script>window.hacked=1</script><img src=x onerror="alert(1)">'
FRAMEWORK = f'Priority,Outcome,Indicator,Provider\nHealth,We are healthy,Obesity at year 6,School nursing\nSafety,"{HOSTILE.replace(chr(34), chr(34) * 2)}",,\n'


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.from_settings(Settings(data_dir=tmp_path / "data", session="council"))
    yield opened
    opened.close()


def _choose(panel: ImportPanel, name: str, data: bytes) -> None:
    when = datetime(2026, 12, 2, tzinfo=timezone.utc)
    panel.upload.value = ({"name": name, "type": "text/csv", "size": len(data), "last_modified": when, "content": memoryview(data)},)


def test_a_framework_is_previewed_then_imported_once(store: Store) -> None:
    """Is nothing stored until Import it, the preview escaped and naming the columns, and a second import of it a no-op?"""
    panel = ImportPanel(store, "council")
    assert "Nothing imported into this session yet" in panel.listing.value and panel.confirm.disabled
    _choose(panel, "framework.csv", FRAMEWORK.encode("utf-8"))
    assert "framework.csv can be imported" in panel.preview.value
    assert "outcome: column B (&quot;Outcome&quot;)" in panel.preview.value and "service: column D" in panel.preview.value
    assert "<script>" not in panel.preview.value and "&lt;script&gt;window.hacked=1&lt;/script&gt;" in panel.preview.value
    assert store.imports_in("council") == [] and not panel.confirm.disabled
    panel.confirm.click()
    assert "Imported framework.csv into session" in panel.result.value and panel.confirm.disabled
    assert len(store.imports_in("council")) == 1 and "framework.csv" in panel.listing.value
    _choose(panel, "framework again.csv", FRAMEWORK.encode("utf-8"))
    panel.confirm.click()
    assert "nothing was added" in panel.result.value and len(store.imports_in("council")) == 1


def test_a_bad_file_is_refused_with_rows_and_columns_and_cannot_be_imported(store: Store) -> None:
    panel = ImportPanel(store, "council")
    panel.kind.value = "indicators"
    _choose(panel, "figures.csv", b"indicator,period,value\nNEET,2023-24,5.1\nNEET,someday,=1+1\n")
    said = panel.preview.value
    assert "figures.csv cannot be imported (2 problems). Nothing from it was stored." in said
    assert "Row 3, column B (&quot;period&quot;)" in said and "Row 3, column C (&quot;value&quot;)" in said
    assert panel.confirm.disabled
    panel.confirm.click()
    assert store.imports_in("council") == []
    panel.cancel.click()
    assert panel.preview.value == "" and panel.upload.value == ()


def test_choosing_the_other_kind_reads_the_file_again(store: Store) -> None:
    panel = ImportPanel(store, "council")
    _choose(panel, "figures.csv", b"indicator,period,value\nNEET,2023-24,5.1\n")
    assert "there is no outcome column" in panel.preview.value
    panel.kind.value = "indicators"
    assert "figures.csv can be imported" in panel.preview.value and "2023-24" in panel.preview.value


def test_the_dashboard_holds_the_import_panel(store: Store, tmp_path: Path) -> None:
    dashboard = Dashboard(store, Settings(data_dir=tmp_path / "data", session="council"))
    assert dashboard.imports.view in dashboard.view.children


def _upload_message(name: str, data: bytes) -> dict:
    state = {"value": [{"name": name, "type": "text/csv", "size": len(data), "last_modified": 0}]}
    return {"content": {"data": {"method": "update", "state": state, "buffer_paths": [["value", 0, "content"]]}}, "buffers": [data]}


def test_the_guard_lets_a_marked_upload_through_up_to_its_limit(store: Store) -> None:
    """Does the inbound guard accept a file for the dashboard's upload control, refuse a too-big one, and any other buffers?"""
    told: list[str] = []
    inbound.install(told.append)
    try:
        panel = ImportPanel(store, "council")
        panel.upload.comm.handle_msg(_upload_message("framework.csv", FRAMEWORK.encode("utf-8")))
        assert told == [] and "framework.csv can be imported" in panel.preview.value
        panel.upload.comm.handle_msg(_upload_message("huge.csv", b"x" * (UPLOAD_LIMIT_BYTES + 1)))
        assert told == [inbound.too_big(UPLOAD_LIMIT_BYTES + 1, UPLOAD_LIMIT_BYTES)]
        assert "framework.csv can be imported" in panel.preview.value  # the earlier file stays chosen
        plain = widgets.FileUpload()
        plain.comm.handle_msg(_upload_message("f.csv", b"outcome\nx\n"))
        assert told[-1] == inbound.NOT_OFFERED and plain.value == ()
    finally:
        inbound.uninstall()
