"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ...scoring import check_scenario_outcomes
from ...stepkit.parts import Note, Saved, Score, StepProgress
from ...stepkit.progress import Part, combine
from . import logic, record
from .logic import QUADRANTS
from . import EXERCISE


def read(saved: Saved) -> StepProgress:
    """Finished when 3 or 4 outcomes are agreed and each has at least one measure."""
    outcomes, measures = record.scenario(saved.latest(EXERCISE))
    named = [n for n, o in enumerate(outcomes) if o.strip()]
    measured = [n for n in named if any(m.outcome == n for m in measures)]
    better_off = [n for n in named if any(m.outcome == n and m.quadrant == QUADRANTS[-1] for m in measures)]
    reasons = [
        f"{len(named)} outcome(s) written (the brief asks for 3 or 4).",
        f"{len(measured)} of {len(named)} outcomes have at least one measure." if named else "No measures yet: save your outcomes in Stage 1 first.",
    ]
    scores = [Score(len(better_off), len(named), "outcomes with at least one 'better off' measure")] if named and measures else []
    return combine("homelessness_scenario", saved, Part(3 <= len(named) <= 4 and len(measured) == len(named), scores, reasons))


def feedback(saved: Saved) -> tuple[Note, ...]:
    outcomes, measures = record.scenario(saved.latest(EXERCISE))
    named = [o for o in outcomes if o.strip()]
    if not named:
        return ()
    checked = check_scenario_outcomes(outcomes)
    notes = [Note("Your outcomes: " + "; ".join(f"{n}. {o}" for n, o in enumerate(named, 1)), " ".join((checked.headline(), *checked.reasons, *checked.tips)))]
    for m in measures:
        quadrant = logic.QUADRANT_LABELS.get(m.quadrant or "", "no RBA question the kit could see")
        notes.append(Note(f"Measure for outcome {m.outcome + 1}: {m.text}", f"The kit reads it as: {quadrant}"))
    for warning in logic.measure_warnings(outcomes, measures, logic.load()):
        notes.append(Note(warning.about, f"{warning.message} {warning.tip}".strip()))
    return tuple(notes)
