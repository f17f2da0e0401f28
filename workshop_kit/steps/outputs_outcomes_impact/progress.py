"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ... import content
from ...stepkit.feedback import sorting_notes
from ...stepkit.parts import Note, Saved, StepProgress
from ...stepkit.progress import combine, sorting_part
from . import EXERCISE


def read(saved: Saved) -> StepProgress:
    """Finished when every statement in the latest attempt is sorted; scored on matches with the sources."""
    return combine("outputs_outcomes_impact", saved, sorting_part(content.sorting_exercise(EXERCISE), saved))


def feedback(saved: Saved) -> tuple[Note, ...]:
    return sorting_notes(content.sorting_exercise(EXERCISE), saved)
