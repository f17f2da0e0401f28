"""Checking the name a table or learner types before anything is saved under it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_NAME_LENGTH = 60
MODES = {"table": "A table or group at a workshop", "alone": "Studying alone"}


@dataclass(frozen=True)
class NameCheck:
    """Whether a typed name can be used, and the plain sentence to show if not."""

    ok: bool
    #: the name to save: what was typed, without surrounding spaces
    name: str
    #: shown to the participant when ``ok`` is False
    message: str


def check_group_name(typed: str | None) -> NameCheck:
    """Accept any script, emoji or punctuation; refuse only what cannot sensibly be a name."""
    name = (typed or "").strip()
    if not name:
        return NameCheck(False, "", 'Please type a name for your table or group first, for example "Table 3".')
    if len(name) > MAX_NAME_LENGTH:
        return NameCheck(
            False,
            "",
            f"That name is {len(name):,} characters long. Please use a shorter one, up to {MAX_NAME_LENGTH} characters.",
        )
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        return NameCheck(False, "", "That name contains hidden control characters. Please type it again.")
    return NameCheck(True, name, "")
