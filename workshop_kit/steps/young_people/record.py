"""What the young people page saves, and reading it back.

The sort saves as every :class:`~workshop_kit.widgets.sorting_quiz.SortingQuiz` does (exercise
``young_people_sort``); exercise ``young_people_own``, item ``own``: ``{"text": str}``, one row per save.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...stepkit.answers import Latest, text_of

OWN_ITEM = "own"


@dataclass(frozen=True)
class OwnWords:
    """A table's "I want to...", as last saved."""

    text: str

    def payload(self) -> dict[str, object]:
        return {"text": self.text}


def own_words(latest: Latest) -> OwnWords | None:
    """The last saved "I want to...", or None when nothing is saved."""
    saved = latest.get(OWN_ITEM)
    return OwnWords(text_of(saved)) if saved is not None else None
