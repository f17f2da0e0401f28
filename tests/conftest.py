"""Shared fixtures: a fresh store in a temporary folder, and a fresh page context, for each test that asks."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest
from page_context import fresh_pages
from postgres_server import postgres, postgres_url, store_url  # noqa: F401 - fixtures shared by every test

from workshop_kit.content import sorting_exercise
from workshop_kit.settings import Settings
from workshop_kit.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.from_settings(Settings(data_dir=tmp_path / "data"))
    yield opened
    opened.close()


@pytest.fixture
def exercise():
    return sorting_exercise("outputs_outcomes_impact")


@pytest.fixture
def page_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[ModuleType]:
    """A fresh page context; a test module may set ``PAGE_SESSION`` and ``PAGE_QUERY`` (default "pages", "")."""
    session = getattr(request.module, "PAGE_SESSION", "pages")
    query = getattr(request.module, "PAGE_QUERY", "")
    with fresh_pages(monkeypatch, tmp_path / "data", session, query) as ready:
        yield ready
