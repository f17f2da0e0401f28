"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ... import content
from ...scoring import review_outcome
from ...stepkit.feedback import review_said, sorting_notes
from ...stepkit.parts import Note, Saved, Score, StepProgress
from ...stepkit.progress import Part, combine, mean_score, sorting_part
from . import record
from .logic import check_golden_thread, litmus_test
from . import LADDER_EXERCISE, SORT_EXERCISE


def read(saved: Saved) -> StepProgress:
    """Finished when the sort is done and the ladder (aspiration to a target) is written and checked as a whole."""
    sort = sorting_part(content.sorting_exercise(SORT_EXERCISE), saved)
    latest = saved.latest(LADDER_EXERCISE)
    texts = record.ladder_texts(latest)
    written = [r for r in record.LADDER_RUNGS if texts[r].strip()]
    complete = all(texts[r].strip() for r in ("aspiration", "sought", "smart")) and any(r.startswith("target_") for r in written)
    checked = "_check" in latest
    reviews = [review_outcome(texts[r], record.ladder_level(r)) for r in written]
    average = mean_score(r.score for r in reviews)
    reasons = [
        f"Your ladder has {len(written)} of {len(record.LADDER_RUNGS)} rungs written"
        + ("." if complete else " (the aspiration, the outcomes sought, the SMART outcome and at least one target are needed).")
    ]
    if written:
        reasons.append("You have checked the whole ladder." if checked else 'Press "Check the whole ladder" when it is written.')
    scores = (
        [Score(average, 100, "the average review score of your ladder's rungs, each at its own level"), Score(sum(r.accepted for r in reviews), len(reviews), "rungs ready at their own level")]
        if average is not None
        else []
    )
    return combine("levels_of_outcomes", saved, sort, Part(complete and checked, scores, reasons))


def feedback(saved: Saved) -> tuple[Note, ...]:
    notes = list(sorting_notes(content.sorting_exercise(SORT_EXERCISE), saved))
    texts = record.ladder_texts(saved.latest(LADDER_EXERCISE))
    if texts["person"].strip():
        notes.append(Note(f"Your ladder is for: {texts['person']}", "Keep it a made-up first name, so nothing here can identify anyone."))
    for rung in record.LADDER_RUNGS:
        if texts[rung].strip():
            notes.append(Note(f"{record.ladder_label(rung)}: {texts[rung]}", review_said(review_outcome(texts[rung], record.ladder_level(rung)))))
    if any(texts[r].strip() for r in record.LADDER_RUNGS):
        draft = record.ladder_draft(texts)
        thread, litmus = check_golden_thread(draft), litmus_test(draft)
        notes.append(Note("The whole ladder: the golden thread", " ".join((thread.headline, *thread.tips))))
        notes.append(Note("The whole ladder: the litmus test", " ".join((litmus.headline, *litmus.tips))))
    return tuple(notes)
