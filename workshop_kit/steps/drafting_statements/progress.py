"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ...stepkit.feedback import review_said
from ...stepkit.parts import Note, Saved, Score, StepProgress
from ...stepkit.progress import Part, combine, mean_score
from . import logic, record
from . import EXERCISE
from ...wording import with_article


def read(saved: Saved) -> StepProgress:
    """Finished when every theme has a draft; scored on the drafts' review as strategic outcomes."""
    themes_content = logic.load()
    found = record.drafts(saved.latest(EXERCISE), themes_content)
    reviews = [logic.review_draft(text, theme, themes_content) for _item, theme, text in found]
    themed = {item for item, theme, _text in found if theme is not None}
    total = len(themes_content.themes)
    average = mean_score(r.review.score for r in reviews if r.review is not None)
    reasons = [f"{len(themed)} of {total} themes drafted" + (f", and {len(found) - len(themed)} draft(s) of your own." if len(found) > len(themed) else ".")]
    service_led = sum(r.service_led for r in reviews)
    if service_led:
        reasons.append(f"{service_led} draft(s) still read as service-led.")
    reviewed = [r.review for r in reviews if r.review is not None]
    scores = (
        [
            Score(average, 100, f"the average review score of your drafts as {themes_content.level} outcomes"),
            Score(sum(r.accepted for r in reviewed), len(reviewed), f"drafts ready as {themes_content.level} outcomes"),
        ]
        if average is not None
        else []
    )
    return combine("drafting_statements", saved, Part(len(themed) == total, scores, reasons))


def feedback(saved: Saved) -> tuple[Note, ...]:
    themes_content = logic.load()
    notes = []
    for _item, theme, wording in record.drafts(saved.latest(EXERCISE), themes_content):
        result = logic.review_draft(wording, theme, themes_content)
        label = theme.label if theme else "Another outcome"
        if result.too_long:
            notes.append(Note(f"{label}: {wording}", logic.too_long_message(len(wording), themes_content.max_chars)))
            continue
        said = [f"This reads like {with_article(str(result.kind))}."]
        if result.service_led:
            said.extend(result.service_reasons)
            said.append(f"Try this: {result.suggestion}")
        if result.review is not None:
            said.append(review_said(result.review))
        notes.append(Note(f"{label}: {wording}", " ".join(said)))
    return tuple(notes)
