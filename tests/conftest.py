"""Shared fixtures: a fresh store in a temporary folder for each test that asks."""

from __future__ import annotations

from pathlib import Path

import pytest
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
