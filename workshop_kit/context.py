"""What a page's kernel knows about where it is: its store, session and the group from the address.

Voila passes the page address's query string to the kernel. A preheated
kernel runs the notebook before anyone asks for it, so it has to wait for the
query string; in JupyterLab or under nbval there is none and the page starts
with no group chosen.
"""

from __future__ import annotations

import os
from functools import lru_cache
from urllib.parse import parse_qs

from .settings import Settings
from .store import Store


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings.from_env()


@lru_cache(maxsize=1)
def store() -> Store:
    """One store per kernel, opened on first use."""
    return Store.from_settings(settings())


@lru_cache(maxsize=1)
def query_string() -> str:
    """The page address's query string, asked for once per kernel."""
    if os.environ.get("VOILA_PREHEAT") == "True" and "QUERY_STRING" not in os.environ:
        from voila.utils import get_query_string  # waits until a visitor takes this kernel

        return get_query_string() or ""
    return os.environ.get("QUERY_STRING", "")


def query_value(name: str) -> str | None:
    """The first value of ``name`` in the page address, or None."""
    values = parse_qs(query_string(), keep_blank_values=False).get(name)
    return values[0] if values else None


def served_by_voila() -> bool:
    """True in a kernel Voila started (a page served to a room), whatever the settings say."""
    return "VOILA_PREHEAT" in os.environ or "VOILA_SERVER_URL" in os.environ or \
        os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


def remembered_learner() -> str | None:
    """In JupyterLab self-study, the name of the learner who last studied alone here; otherwise None.

    JupyterLab gives a notebook no page address, so without this a learner
    types their name on every page. Only ``make lab`` turns it on, and never
    in a kernel Voila started: one table must never see another's name.
    """
    if not settings().remember_learner or served_by_voila():
        return None
    return store().last_learner(settings().session)
