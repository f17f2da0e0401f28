"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ...scoring import check_logic_model
from ...stepkit.feedback import sorting_notes
from ...stepkit.parts import Note, Saved, StepProgress
from ...stepkit.progress import Part, combine, sorting_part
from . import logic, record
from . import OWN


def read(saved: Saved) -> StepProgress:
    """Finished when the example is rebuilt and the learner's own model has every column and has been checked."""
    sort = sorting_part(logic.example().sorting, saved, "cards")
    model = record.logic_model(saved.latest(OWN))
    columns = {c["column"] for c in model["cards"]}
    checked = any(row.payload.get("action") == "checked" for row in saved.history(OWN, "model"))
    missing = [logic.HEADINGS[c].lower() for c in logic.COLUMNS if c not in columns]
    reasons = [f"Your own model has {len(model['cards'])} cards and {len(model['links'])} links" + (f"; no {', '.join(missing)} yet." if missing else ".")]
    if model["cards"]:
        result = check_logic_model(model)
        reasons.append(("The kit's check of your model as it stands: " + result.headline()) if checked else 'Press "Check the model" when it is ready.')
    return combine("logic_model", saved, sort, Part(not missing and checked, (), reasons))


def feedback(saved: Saved) -> tuple[Note, ...]:
    notes = list(sorting_notes(logic.example().sorting, saved))
    model = record.logic_model(saved.latest(OWN))
    if model["cards"]:
        result = check_logic_model(model)
        names = {c["id"]: f"{logic.HEADINGS.get(c['column'], c['column'])}: {c['text']}" for c in model["cards"]}
        cards = "; ".join(names.values())
        problems = [f"{logic.name_cards(p.item, names)}: {logic.plain_columns(p.message)} {logic.plain_columns(p.tip)}".strip() for p in result.problems]
        notes.append(Note(f"Your logic model ({len(model['links'])} links): {cards}", " ".join([result.headline(), *problems])))
    return tuple(notes)
