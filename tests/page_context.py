"""A fresh page context: where pages built in a test save, and under which session and address."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pytest

from workshop_kit import context


@contextmanager
def fresh_pages(patch: pytest.MonkeyPatch, data_dir: Path, session: str = "pages", query: str = "") -> Iterator[ModuleType]:
    """Pages built in this block save to a fresh data folder under ``session``, as if opened at ``?query``;
    the store is closed and the context forgotten afterwards, whatever happens."""
    patch.setenv("WORKSHOP_KIT_DATA", str(data_dir))
    patch.setenv("WORKSHOP_KIT_SESSION", session)
    patch.setenv("QUERY_STRING", query)
    for name in ("VOILA_PREHEAT", "VOILA_SERVER_URL", "SERVER_SOFTWARE", "WORKSHOP_KIT_REMEMBER_LEARNER"):
        patch.delenv(name, raising=False)
    context.forget()
    try:
        yield context
    finally:
        context.store().close()
        context.forget()
