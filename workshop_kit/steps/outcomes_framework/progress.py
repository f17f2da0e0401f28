"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ...stepkit.parts import Note, Saved, Score, StepProgress
from ...stepkit.progress import Part, combine
from . import logic, record
from . import EXERCISE


def read(saved: Saved) -> StepProgress:
    """Finished when outcomes, services and a contribution are saved, and required against actual for an outcome."""
    latest = saved.latest(EXERCISE)
    found = record.framework(latest)
    entries = record.required_actual(latest)
    contributions = logic.keep_known(found)
    outcomes = found["outcomes"]
    reasons = [f"{len(outcomes)} outcome(s), {len(found['services'])} service(s) and {len(contributions)} contribution(s) saved.", f"Required against actual written for {len(entries)} outcome(s)."]
    scores = []
    if outcomes and found["services"]:
        analysis = logic.analyse(found)
        scores.append(Score(len(outcomes) - len(analysis.gaps), len(outcomes), "outcomes at least one service contributes to"))
    done = bool(outcomes and found["services"] and contributions and entries)
    return combine("outcomes_framework", saved, Part(done, scores, reasons))


def feedback(saved: Saved) -> tuple[Note, ...]:
    found = record.framework(saved.latest(EXERCISE))
    if not found["outcomes"] or not found["services"]:
        return ()
    analysis = logic.analyse(found)
    return (Note(f"Your contribution matrix: {len(found['outcomes'])} outcome(s) and {len(found['services'])} service(s)", " ".join(analysis.sentences())),)
