"""When the store stops taking writes (a full disk, a read-only folder), every page says so plainly and loses nothing.

The data folder sits on a small tmpfs. "Disk full" fills it to the last byte,
so SQLite itself answers SQLITE_FULL; "read-only" makes the folder and the
store's files immutable, so every write fails even for root and even through
files the page already has open. Each page is walked as in ``page_walk``.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from disk_trouble import fill, free, immutable, small_disk
from hostile_strings import html_text
from page_context import fresh_pages

from workshop_kit import context
from workshop_kit.dashboard.page import Dashboard
from workshop_kit.widgets.common import PAGE_FAILED, SAVE_FAILED

from .page_walk import (
    Walk,
    answer_choices,
    build_page,
    every_button,
    fill_and_press,
    name_box,
    page_modules,
    reopen,
    shown_html,
    shown_values,
)

PAGES = page_modules()
TROUBLES = ("disk full", "read-only")
TABLE = "Table before the trouble"
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")


@dataclass
class Trouble:
    """Where the page's data folder is, and how to make it refuse writes."""

    kind: str
    folder: Path
    disk: Path | None = None

    @contextmanager
    def on(self) -> Iterator[None]:
        if self.disk is not None:
            fill(self.disk)
            try:
                yield
            finally:
                free(self.disk)
        else:
            with immutable(self.folder):
                yield


@pytest.fixture(params=TROUBLES)
def trouble(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Trouble]:
    """A fresh page context whose data folder can be made to refuse writes: on a small disk of its own to fill,
    or on the ordinary disk (tmpfs ignores the immutable attribute for files already open)."""
    if request.param == "disk full":
        with small_disk(tmp_path / "disk", "8m") as disk, fresh_pages(monkeypatch, disk / "data", "trouble"):
            yield Trouble(request.param, disk / "data", disk)
    else:
        with fresh_pages(monkeypatch, tmp_path / "data", "trouble"):
            yield Trouble(request.param, tmp_path / "data")


def _rows() -> list[tuple[str, str, str, str]]:
    return [(a.group, a.exercise, a.item, repr(a.payload)) for a in context.store().all_answers("trouble")]


@pytest.mark.parametrize("notebook", sorted(PAGES))
def test_every_page_says_plainly_when_saving_fails_and_loses_nothing(trouble: Trouble, notebook: str) -> None:
    """With the store refusing writes, does every button and choice that saves say so in a sentence (never a failed
    page), keep every earlier answer readable, reopen the table's work, and save again once the disk recovers?"""
    page = build_page(PAGES[notebook])
    name = name_box(page)
    name.value = TABLE
    before = Walk()
    saved_before = fill_and_press(page, lambda n: f"Saved before the trouble {n}", before)
    answer_choices(page, limit=1)  # so "Try again" has something to clear
    rows_before = _rows()
    with trouble.on():
        during = Walk()
        typed = fill_and_press(page, lambda n: f"Typed during the trouble {n}", during, buttons=every_button)
        chosen = answer_choices(page)
        seen = during.seen_html + shown_html(page)
        if typed or chosen:
            assert any(SAVE_FAILED in html_text(h) for h in seen), f"{notebook}: no sentence said the save failed"
        name.value = "A new table during the trouble"
        assert any(SAVE_FAILED in html_text(h) for h in shown_html(page)), f"{notebook}: a new name failed silently"
        name.value = TABLE  # an existing table reopens by reading alone
        reopened = shown_html(page)
        for shown in seen + reopened:
            assert PAGE_FAILED not in html_text(shown) and "Traceback" not in shown, f"{notebook}: the page failed"
        assert _rows() == rows_before
    reopen(page, TABLE)
    check = Walk(html_after=shown_html(page), values_after=shown_values(page))
    lost = [text for text in saved_before.values() if not check.shown_again(text)]
    assert lost == [], f"{notebook}: {lost}"
    after = Walk()
    fill_and_press(page, lambda n: f"Saved after the trouble {n}", after)
    answer_choices(page)
    if saved_before or chosen:
        assert len(_rows()) > len(rows_before), f"{notebook}: nothing saves once the disk recovers"


def test_the_dashboard_says_saving_is_failing_and_why(trouble: Trouble) -> None:
    """Does the facilitator's page say plainly that saving is failing and why, keep showing the tables,
    still offer the write-up, and clear the warning once the disk recovers?"""
    store = context.store()
    store.save(store.group("trouble", "Table 1"), "drafting_statements", "fun", {"text": "Children have fun"})
    dashboard = Dashboard(store, context.settings())
    assert dashboard.storage.value == ""
    why = "the disk it is on is full" if trouble.kind == "disk full" else "read-only"
    with trouble.on():
        dashboard.refresh()
        warning = html_text(dashboard.storage.value)
        assert warning.startswith("Saving is failing.") and why in warning
        assert "Answers given now are not being saved" in warning
        dashboard.step.value = "drafting_statements"
        assert "Children have fun" in html_text(dashboard.grid.value)
        dashboard.export("html")
        result = html_text(dashboard.export_result.value)
        assert "Download the write-up (HTML" in result and "could not be saved in the data folder" in result
        for shown in shown_html(dashboard.view):
            assert PAGE_FAILED not in html_text(shown)
    dashboard.refresh()
    assert dashboard.storage.value == ""
