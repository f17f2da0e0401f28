"""A learner's latest saved rows turned back into the plain values each step's checks read.

The step pages save these shapes (see each step's ``page.py`` docstring); each step's
``record.py`` reads its own back, tolerating rows that are missing or malformed, with the
helpers here.
"""

from __future__ import annotations

from typing import Mapping

from ..store import Answer

ATTEMPT_ITEM = "_attempt"

Latest = Mapping[str, Answer]


def text_of(answer: Answer | None, key: str = "text") -> str:
    value = answer.payload.get(key) if answer is not None else None
    return value if isinstance(value, str) else ""


def sorting_choices(latest: Latest) -> tuple[int, dict[str, str]]:
    """The current attempt's number and its choices (item id -> category id), as the sorting page shows them."""
    marker = latest.get(ATTEMPT_ITEM)
    try:
        attempt = int(marker.payload.get("attempt", 1)) if marker else 1
    except (TypeError, ValueError):
        attempt = 1
    choices = {
        item: answer.payload["choice"] for item, answer in latest.items() if item != ATTEMPT_ITEM and answer.payload.get("attempt", 1) == attempt and isinstance(answer.payload.get("choice"), str)
    }
    return attempt, choices
