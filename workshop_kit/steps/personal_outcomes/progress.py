"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ... import content
from ...scoring import review_outcome
from ...stepkit.feedback import review_said, sorting_notes
from ...stepkit.parts import Note, Saved, Score, StepProgress
from ...stepkit.progress import Part, combine, mean_score, sorting_part
from . import logic, record
from . import REWRITE_EXERCISE, SORT_EXERCISE


def read(saved: Saved) -> StepProgress:
    """Finished when the sort is done and every weak statement has a rewrite."""
    sort = sorting_part(content.sorting_exercise(SORT_EXERCISE), saved)
    weak = logic.guide().weak_statements
    done = record.rewrites(saved.latest(REWRITE_EXERCISE))
    mine = [w for w in weak if w.id in done]
    rewritten = [review_outcome(done[w.id], logic.LEVEL) for w in mine]
    average = mean_score(r.score for r in rewritten)
    before = mean_score(review_outcome(w.text, logic.LEVEL).score for w in mine)
    scores = (
        [
            Score(average, 100, f"the average score of your rewrites as personal outcomes (the weak statements score {before})"),
            Score(sum(r.accepted for r in rewritten), len(rewritten), "rewrites ready as personal outcomes"),
        ]
        if average is not None
        else []
    )
    reasons = (f"{len(mine)} of {len(weak)} weak statements rewritten.",)
    return combine("personal_outcomes", saved, sort, Part(len(mine) == len(weak), scores, reasons))


def feedback(saved: Saved) -> tuple[Note, ...]:
    notes = list(sorting_notes(content.sorting_exercise(SORT_EXERCISE), saved))
    done = record.rewrites(saved.latest(REWRITE_EXERCISE))
    for weak in logic.guide().weak_statements:
        if weak.id in done:
            review = review_outcome(done[weak.id], logic.LEVEL)
            compared = logic.compare_rewrite(weak.text, review)
            notes.append(Note(f'Your rewrite of "{weak.text}": {done[weak.id]}', f"{compared.summary} {review_said(review)}"))
    return tuple(notes)
