"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ...stepkit.parts import Note, Saved, Score, StepProgress
from ...stepkit.progress import Part, combine
from . import logic, record
from . import EXERCISE


def read(saved: Saved) -> StepProgress:
    """Finished when the map has measures, the curve is saved and distance travelled is saved."""
    latest = saved.latest(EXERCISE)
    measures = record.indicator_measures(latest)
    questions = {m.get("question") for m in measures} & set(logic.QUESTIONS)
    agreed = sum(logic.measure_feedback(m["text"], str(m.get("question"))).agrees for m in measures)
    parts = {"an indicator map with measures": bool(measures), "a turned curve": "curve" in latest, "a distance-travelled chart": "distance" in latest}
    left = [name for name, done in parts.items() if not done]
    reasons = [f"{len(measures)} measure(s) on your map." if measures else "No measures on your map yet.", ("Still to do: " + ", ".join(left) + ".") if left else "All three parts saved."]
    scores = (
        [Score(len(questions), len(logic.QUESTIONS), "Results Based Accountability questions your measures answer"), Score(agreed, len(measures), "measures the kit reads the same way you do")]
        if measures
        else []
    )
    return combine("indicators", saved, Part(not left, scores, reasons))


def feedback(saved: Saved) -> tuple[Note, ...]:
    latest = saved.latest(EXERCISE)
    measures = record.indicator_measures(latest)
    notes = []
    for m in measures:
        chosen = logic.QUESTIONS.get(str(m.get("question")), "no question")
        notes.append(Note(f"{m['text']} (you said: {chosen})", logic.measure_feedback(m["text"], str(m.get("question"))).sentence))
    if measures:
        notes.append(Note("The balance of your measures", " ".join(logic.balance(measures))))
    curve = latest.get("curve")
    if curve is not None:
        p = curve.payload
        try:
            line = logic.curve_from_payload(p)
        except KeyError:
            line = None
        if line is not None:
            notes.append(
                Note(
                    f"Your curve: {line.label}, {line.area} ({line.source_label}); target {p.get('target')}; your story: {p.get('story') or 'not written'}",
                    f"The line is {line.direction}. If nothing changes it reaches {line.forecast[-1]:,.1f} "
                    f"by {line.forecast_periods[-1]}. A target is only credible if the story says what will bend the line.",
                )
            )
    return tuple(notes)
