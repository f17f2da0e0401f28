"""The kit's feedback on what a learner wrote, recomputed from the saved rows for the summary:
the pieces every step's ``feedback`` (in its ``progress.py``) is written with.

Each step's function calls the same checks its page calls, so the summary says what the page
said (or would say now), as :class:`~.parts.Note` values.
"""

from __future__ import annotations

from ..content.model import SortingExercise
from ..scoring.results import ReviewResult
from .answers import sorting_choices
from .parts import Note, Saved
from .sorting import check_choice


def review_said(result: ReviewResult, prefix: str = "") -> str:
    """A review in sentences: the score, then what is not yet met with its tip."""
    if result.empty or result.score is None:
        return "There was nothing to check."
    level = result.level_named
    said = [f"{prefix}{result.verdict_label} as {level} ({result.score} out of 100)."]
    failed = [c for c in result.criteria if not c.passed]
    said.extend(f"Not yet: {c.reason} {c.rewrite or c.tip}".strip() for c in failed)
    if not failed:
        said.append("Every criterion is met.")
    return " ".join(said)


def sorting_notes(exercise: SortingExercise, saved: Saved) -> tuple[Note, ...]:
    """Each statement sorted in the latest attempt, with the feedback its card showed."""
    _attempt, choices = sorting_choices(saved.latest(exercise.id))
    known = {c.id for c in exercise.categories}
    notes = []
    for item in exercise.items:
        choice = choices.get(item.id)
        if choice not in known:
            continue
        feedback = check_choice(exercise, item, choice)
        notes.append(
            Note(
                f"{item.text} (you chose: {exercise.category(choice).label})",
                f"{feedback.headline} {feedback.explanation} "
                + "".join(f"Read as {label.lower()}: {argument} " for label, argument in feedback.both_ways)
                + (f"From {feedback.source}, which poses it without an answer; the reading is the kit's own." if feedback.kit_reading else f"Source: {feedback.source}."),
            )
        )
    return tuple(notes)
