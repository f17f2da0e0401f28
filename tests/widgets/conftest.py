"""Widget tests get a fresh store and session, and the page context forgets the last test's."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_kit import context


@pytest.fixture
def page_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A fresh data folder and session for pages built with ``steps.<x>.build()``."""
    monkeypatch.setenv("WORKSHOP_KIT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("WORKSHOP_KIT_SESSION", "pages")
    monkeypatch.setenv("QUERY_STRING", "")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()
    yield context
    context.store().close()
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()
