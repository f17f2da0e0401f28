"""What the presenter page saves, and reading it back.

Exercise ``presenter``, one item per slide id, one row per "Check our answer":
``{"option": int, "correct": bool}`` (the chosen option's index, and whether it was the right one).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...stepkit.answers import Latest
from .logic import Deck


@dataclass(frozen=True)
class CheckAnswer:
    """A table's answer to one slide's check question."""

    option: int
    correct: bool

    def payload(self) -> dict[str, object]:
        return {"option": self.option, "correct": self.correct}


def check_answers(latest: Latest, d: Deck) -> dict[str, int]:
    """Slide id -> the option the table chose last, for slides that still ask a question with that option."""
    known = {s.id: s for s in d.slides if s.check is not None}
    answers: dict[str, int] = {}
    for item, saved in latest.items():
        option = saved.payload.get("option")
        slide = known.get(item)
        if slide is not None and slide.check is not None and isinstance(option, int) and 0 <= option < len(slide.check.options):
            answers[item] = option
    return answers
