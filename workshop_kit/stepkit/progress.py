"""The parts every step's progress rule is put together from (each rule is ``read`` in its
step's ``progress.py``): a part found done or not with its scores and reasons, and a sorting
exercise's part, which four steps share.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean
from typing import Iterable, Sequence

from ..content.model import SortingExercise
from .answers import sorting_choices
from .parts import Saved, Score, StepProgress, judge
from .sorting import score


@dataclass(frozen=True)
class Part:
    """What one part of a step found: done or not, its scores and its reasons."""

    done: bool
    scores: Sequence[Score] = ()
    reasons: Sequence[str] = ()


def combine(step: str, saved: Saved, *parts: Part) -> StepProgress:
    return judge(step, saved, all(p.done for p in parts), [s for p in parts for s in p.scores], [r for p in parts for r in p.reasons])


def mean_score(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return round(mean(known)) if known else None


def sorting_part(exercise: SortingExercise, saved: Saved, what: str = "statements") -> Part:
    """A sorting exercise's latest attempt: finished when every statement is sorted."""
    attempt, choices = sorting_choices(saved.latest(exercise.id))
    tally = score(exercise, choices)
    again = f" (attempt {attempt})" if attempt > 1 else ""
    if tally.answered == 0:
        if attempt > 1:
            return Part(False, (), (f"Attempt {attempt} started: none of the {tally.total} {what} sorted yet; earlier attempts are kept.",))
        return Part(False, (), (f"None of the {tally.total} {what} sorted yet.",))
    scores = (Score(tally.correct, tally.total, f"{what} sorted the way the sources do{again}"),)
    if tally.finished:
        return Part(True, scores, (f"All {tally.total} {what} sorted{again}.",))
    return Part(False, scores, (f"{tally.answered} of {tally.total} {what} sorted so far{again}.",))
