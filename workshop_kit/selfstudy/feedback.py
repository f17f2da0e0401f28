"""The kit's feedback on what a learner wrote, recomputed from the saved rows for the summary.

One plain function per step, each calling the same checks the step's page
calls, so the summary says what the page said (or would say now). Each
returns :class:`~.progress.Note` values: what the learner wrote or chose, and
what the kit says about it.
"""

from __future__ import annotations

from .. import content
from ..content.model import SortingExercise
from ..exercises import drafting, framework, homelessness, indicators as ind, logic_model as lm, personal
from ..exercises.levels import check_golden_thread, litmus_test
from ..exercises.sorting import check_choice
from ..scoring import check_logic_model, check_scenario_outcomes, review_outcome
from ..scoring.results import ReviewResult
from . import answers
from .progress import Note, Saved



def _review_said(result: ReviewResult, prefix: str = "") -> str:
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
    _attempt, choices = answers.sorting_choices(saved.latest(exercise.id))
    known = {c.id for c in exercise.categories}
    notes = []
    for item in exercise.items:
        choice = choices.get(item.id)
        if choice not in known:
            continue
        feedback = check_choice(exercise, item, choice)
        notes.append(Note(f"{item.text} (you chose: {exercise.category(choice).label})",
                          f"{feedback.headline} {feedback.explanation} "
                          + "".join(f"Read as {label.lower()}: {argument} " for label, argument in feedback.both_ways)
                          + (f"From {feedback.source}, which poses it without an answer; the reading is the kit's own."
                             if feedback.kit_reading else f"Source: {feedback.source}.")))
    return tuple(notes)


def outputs_outcomes_impact(saved: Saved) -> tuple[Note, ...]:
    return sorting_notes(content.sorting_exercise("outputs_outcomes_impact"), saved)


def levels_of_outcomes(saved: Saved) -> tuple[Note, ...]:
    notes = list(sorting_notes(content.sorting_exercise("levels_sort"), saved))
    texts = answers.ladder_texts(saved.latest("levels_ladder"))
    if texts["person"].strip():
        notes.append(Note(f"Your ladder is for: {texts['person']}", "Keep it a made-up first name, so nothing here can identify anyone."))
    for rung in answers.LADDER_RUNGS:
        if texts[rung].strip():
            notes.append(Note(f"{answers.ladder_label(rung)}: {texts[rung]}",
                              _review_said(review_outcome(texts[rung], answers.ladder_level(rung)))))
    if any(texts[r].strip() for r in answers.LADDER_RUNGS):
        draft = answers.ladder_draft(texts)
        thread, litmus = check_golden_thread(draft), litmus_test(draft)
        notes.append(Note("The whole ladder: the golden thread", " ".join((thread.headline, *thread.tips))))
        notes.append(Note("The whole ladder: the litmus test", " ".join((litmus.headline, *litmus.tips))))
    return tuple(notes)


def personal_outcomes(saved: Saved) -> tuple[Note, ...]:
    notes = list(sorting_notes(content.sorting_exercise("personal_outcomes_sort"), saved))
    done = answers.rewrites(saved.latest("personal_rewrite"))
    for weak in personal.guide().weak_statements:
        if weak.id in done:
            review = review_outcome(done[weak.id], personal.LEVEL)
            compared = personal.compare_rewrite(weak.text, review)
            notes.append(Note(f"Your rewrite of \"{weak.text}\": {done[weak.id]}",
                              f"{compared.summary} {_review_said(review)}"))
    return tuple(notes)


def drafting_statements(saved: Saved) -> tuple[Note, ...]:
    themes_content = drafting.load()
    notes = []
    for _item, theme, wording in answers.drafts(saved.latest("drafting_statements"), themes_content):
        result = drafting.review_draft(wording, theme, themes_content)
        label = theme.label if theme else "Another outcome"
        if result.too_long:
            notes.append(Note(f"{label}: {wording}", drafting.too_long_message(len(wording), themes_content.max_chars)))
            continue
        said = [f"This reads like {'an' if str(result.kind)[:1] in 'aeiou' else 'a'} {result.kind}."]
        if result.service_led:
            said.extend(result.service_reasons)
            said.append(f"Try this: {result.suggestion}")
        if result.review is not None:
            said.append(_review_said(result.review))
        notes.append(Note(f"{label}: {wording}", " ".join(said)))
    return tuple(notes)


def homelessness_scenario(saved: Saved) -> tuple[Note, ...]:
    outcomes, measures = answers.scenario(saved.latest("homelessness_scenario"))
    named = [o for o in outcomes if o.strip()]
    if not named:
        return ()
    checked = check_scenario_outcomes(outcomes)
    notes = [Note("Your outcomes: " + "; ".join(f"{n}. {o}" for n, o in enumerate(named, 1)),
                  " ".join((checked.headline(), *checked.reasons, *checked.tips)))]
    for m in measures:
        quadrant = homelessness.QUADRANT_LABELS.get(m.quadrant or "", "no RBA question the kit could see")
        notes.append(Note(f"Measure for outcome {m.outcome + 1}: {m.text}", f"The kit reads it as: {quadrant}"))
    for warning in homelessness.measure_warnings(outcomes, measures, homelessness.load()):
        notes.append(Note(warning.about, f"{warning.message} {warning.tip}".strip()))
    return tuple(notes)


def logic_model(saved: Saved) -> tuple[Note, ...]:
    notes = list(sorting_notes(lm.example().sorting, saved))
    model = answers.logic_model(saved.latest("logic_model_own"))
    if model["cards"]:
        result = check_logic_model(model)
        names = {c["id"]: f"{lm.HEADINGS.get(c['column'], c['column'])}: {c['text']}" for c in model["cards"]}
        cards = "; ".join(names.values())
        problems = [f"{lm.name_cards(p.item, names)}: {lm.plain_columns(p.message)} {lm.plain_columns(p.tip)}".strip()
                    for p in result.problems]
        notes.append(Note(f"Your logic model ({len(model['links'])} links): {cards}", " ".join([result.headline(), *problems])))
    return tuple(notes)


def indicators(saved: Saved) -> tuple[Note, ...]:
    latest = saved.latest("indicators")
    measures = answers.indicator_measures(latest)
    notes = []
    for m in measures:
        chosen = ind.QUESTIONS.get(str(m.get("question")), "no question")
        notes.append(Note(f"{m['text']} (you said: {chosen})", ind.measure_feedback(m["text"], str(m.get("question"))).sentence))
    if measures:
        notes.append(Note("The balance of your measures", " ".join(ind.balance(measures))))
    curve = latest.get("curve")
    if curve is not None:
        p = curve.payload
        try:
            line = ind.curve_from_payload(p)
        except KeyError:
            line = None
        if line is not None:
            notes.append(Note(f"Your curve: {line.label}, {line.area} ({line.source_label}); target {p.get('target')}; "
                              f"your story: {p.get('story') or 'not written'}",
                              f"The line is {line.direction}. If nothing changes it reaches {line.forecast[-1]:,.1f} "
                              f"by {line.forecast_periods[-1]}. A target is only credible if the story says what will bend the line."))
    return tuple(notes)


def outcomes_framework(saved: Saved) -> tuple[Note, ...]:
    found = answers.framework(saved.latest("outcomes_framework"))
    if not found["outcomes"] or not found["services"]:
        return ()
    analysis = framework.analyse(found)
    return (Note(f"Your contribution matrix: {len(found['outcomes'])} outcome(s) and {len(found['services'])} service(s)",
                 " ".join(analysis.sentences())),)
