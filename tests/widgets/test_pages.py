"""Whole pages as the notebooks build them, without a browser."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets
import pytest

from workshop_kit import context, pages


@pytest.fixture(autouse=True)
def fresh_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WORKSHOP_KIT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("WORKSHOP_KIT_SESSION", "pages")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()
    yield
    context.store().close()
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()


def _all_html(widget: widgets.Widget) -> str:
    found = []
    stack = [widget]
    while stack:
        current = stack.pop()
        if isinstance(current, widgets.HTML):
            found.append(current.value)
        stack.extend(getattr(current, "children", ()))
    return "\n".join(found)


def _find(widget: widgets.Widget, kind: type, description: str):
    stack = [widget]
    while stack:
        current = stack.pop()
        if isinstance(current, kind) and getattr(current, "description", None) == description:
            return current
        stack.extend(getattr(current, "children", ()))
    raise LookupError(description)


def test_start_page_lists_ready_steps_as_links_and_the_rest_as_coming(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the first step a link, and are unbuilt steps 'coming soon' with no link?"""
    monkeypatch.setenv("QUERY_STRING", "")
    page = pages.start_page()
    html = _all_html(page)
    assert 'href="01_outputs_outcomes_impact.ipynb"' in html
    assert "Levels of outcomes and the outcome ladder</span> <span class=\"kit-coming\">(coming soon)" in html
    assert html.count("href=") == 1


def test_naming_the_table_carries_the_name_into_every_link(monkeypatch: pytest.MonkeyPatch) -> None:
    """After naming the table, do step links carry the (escaped, encoded) name?"""
    monkeypatch.setenv("QUERY_STRING", "")
    page = pages.start_page()
    name_box = _find(page, widgets.Text, "Table or group name")
    name_box.value = 'Table "5" & <friends>'
    html = _all_html(page)
    assert "01_outputs_outcomes_impact.ipynb?group=Table+%225%22+%26+%3Cfriends%3E&amp;mode=table" in html
    assert "<friends>" not in html


def test_the_step_page_picks_up_the_group_from_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening ?group=Table+9 names the table and enables the choices straight away?"""
    monkeypatch.setenv("QUERY_STRING", "group=Table+9&mode=table")
    page = pages.sorting_page("outputs_outcomes_impact")
    assert "Saving your table&#x27;s answers as" in _all_html(page) or "Saving your table's answers as" in _all_html(page)
    choices = _find(page, widgets.ToggleButtons, "Statement 1 is:")
    assert not choices.disabled
    choices.value = "outcome"
    group = context.store().group("pages", "Table 9")
    assert context.store().latest(group, "outputs_outcomes_impact")["ipc-1"].payload["choice"] == "outcome"


def test_a_page_that_cannot_be_built_shows_a_sentence_not_a_traceback(capsys) -> None:
    """If building a page fails, is a plain sentence displayed instead?"""

    def broken() -> widgets.Widget:
        raise RuntimeError("boom")

    shown = []
    pages_display = pages.display
    try:
        pages.display = shown.append  # type: ignore[assignment]
        pages.show(broken)
    finally:
        pages.display = pages_display  # type: ignore[assignment]
    assert len(shown) == 1 and "Something went wrong" in shown[0].value
    assert "boom" not in shown[0].value
