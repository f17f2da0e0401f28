"""The sentence at the top of a step's exercise as a table arrives: name the table first, or welcome back.

Six steps said this in the same three branches, each in its own words; this is the one place the
branches live, so a step passes only its words. The sentence is shown with the notice template,
which escapes it, so nothing saved and shown back in it can become markup.
"""

from __future__ import annotations

from ..store import Group
from .common import notice

WELCOME_BACK = "Welcome back."


def welcome_back(group: Group | None, saved: str, before_naming: str) -> str:
    """The notice for a table arriving at a step.

    With no table named, ``before_naming`` (how to start, and that work is saved under the name).
    With a table that has saved work, "Welcome back." and ``saved`` (what of it is shown below).
    With a table that has saved nothing yet (``saved`` empty), nothing: the page is ready to start.
    """
    if group is None:
        return notice(before_naming, "info")
    if saved:
        return notice(f"{WELCOME_BACK} {saved}", "success")
    return ""
