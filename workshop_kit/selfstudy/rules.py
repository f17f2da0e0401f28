"""How far a learner has got on each step: one plain function per step, from the saved rows.

Each function takes a :class:`~.progress.Saved` (the learner's rows for the
step's exercises) and returns a frozen :class:`~.progress.StepProgress`:
finished or not, the step's scores (recomputed with the same scoring
functions the pages use) with what each counts, and the reasons. The step
modules declare which function reads them (``PROGRESS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean
from typing import Iterable, Sequence

from .. import content
from ..content.model import SortingExercise
from ..exercises import drafting, framework, indicators as ind, logic_model as lm, personal
from ..exercises.homelessness import QUADRANTS
from ..exercises.sorting import score
from ..scoring import check_logic_model, review_outcome
from . import answers
from .progress import Saved, Score, StepProgress, judge


@dataclass(frozen=True)
class _Part:
    """What one part of a step found: done or not, its scores and its reasons."""

    done: bool
    scores: Sequence[Score] = ()
    reasons: Sequence[str] = ()


def _combine(step: str, saved: Saved, *parts: _Part) -> StepProgress:
    return judge(step, saved, all(p.done for p in parts),
                 [s for p in parts for s in p.scores], [r for p in parts for r in p.reasons])


def _average(values: Iterable[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return round(mean(known)) if known else None


def sorting_part(exercise: SortingExercise, saved: Saved, what: str = "statements") -> _Part:
    """A sorting exercise's latest attempt: finished when every statement is sorted."""
    attempt, choices = answers.sorting_choices(saved.latest(exercise.id))
    tally = score(exercise, choices)
    again = f" (attempt {attempt})" if attempt > 1 else ""
    if tally.answered == 0:
        if attempt > 1:
            return _Part(False, (), (f"Attempt {attempt} started: none of the {tally.total} {what} sorted yet; earlier attempts are kept.",))
        return _Part(False, (), (f"None of the {tally.total} {what} sorted yet.",))
    scores = (Score(tally.correct, tally.total, f"{what} sorted the way the sources do{again}"),)
    if tally.finished:
        return _Part(True, scores, (f"All {tally.total} {what} sorted{again}.",))
    return _Part(False, scores, (f"{tally.answered} of {tally.total} {what} sorted so far{again}.",))


def outputs_outcomes_impact(saved: Saved) -> StepProgress:
    """Finished when every statement in the latest attempt is sorted; scored on matches with the sources."""
    return _combine("outputs_outcomes_impact", saved, sorting_part(content.sorting_exercise("outputs_outcomes_impact"), saved))


def levels_of_outcomes(saved: Saved) -> StepProgress:
    """Finished when the sort is done and the ladder (aspiration to a target) is written and checked as a whole."""
    sort = sorting_part(content.sorting_exercise("levels_sort"), saved)
    latest = saved.latest("levels_ladder")
    texts = answers.ladder_texts(latest)
    written = [r for r in answers.LADDER_RUNGS if texts[r].strip()]
    complete = all(texts[r].strip() for r in ("aspiration", "sought", "smart")) and any(r.startswith("target_") for r in written)
    checked = "_check" in latest
    reviews = [review_outcome(texts[r], answers.ladder_level(r)) for r in written]
    average = _average(r.score for r in reviews)
    reasons = [f"Your ladder has {len(written)} of {len(answers.LADDER_RUNGS)} rungs written"
               + ("." if complete else " (the aspiration, the outcomes sought, the SMART outcome and at least one target are needed).")]
    if written:
        reasons.append("You have checked the whole ladder." if checked else "Press \"Check the whole ladder\" when it is written.")
    scores = ([Score(average, 100, "the average review score of your ladder's rungs, each at its own level"),
               Score(sum(r.accepted for r in reviews), len(reviews), "rungs ready at their own level")]
              if average is not None else [])
    return _combine("levels_of_outcomes", saved, sort, _Part(complete and checked, scores, reasons))


def personal_outcomes(saved: Saved) -> StepProgress:
    """Finished when the sort is done and every weak statement has a rewrite."""
    sort = sorting_part(content.sorting_exercise("personal_outcomes_sort"), saved)
    weak = personal.guide().weak_statements
    done = answers.rewrites(saved.latest("personal_rewrite"))
    mine = [w for w in weak if w.id in done]
    rewritten = [review_outcome(done[w.id], personal.LEVEL) for w in mine]
    average = _average(r.score for r in rewritten)
    before = _average(review_outcome(w.text, personal.LEVEL).score for w in mine)
    scores = ([Score(average, 100, f"the average score of your rewrites as personal outcomes (the weak statements score {before})"),
               Score(sum(r.accepted for r in rewritten), len(rewritten), "rewrites ready as personal outcomes")]
              if average is not None else [])
    reasons = (f"{len(mine)} of {len(weak)} weak statements rewritten.",)
    return _combine("personal_outcomes", saved, sort, _Part(len(mine) == len(weak), scores, reasons))


def drafting_statements(saved: Saved) -> StepProgress:
    """Finished when every theme has a draft; scored on the drafts' review as strategic outcomes."""
    themes_content = drafting.load()
    found = answers.drafts(saved.latest("drafting_statements"), themes_content)
    reviews = [drafting.review_draft(text, theme, themes_content) for _item, theme, text in found]
    themed = {item for item, theme, _text in found if theme is not None}
    total = len(themes_content.themes)
    average = _average(r.review.score for r in reviews if r.review is not None)
    reasons = [f"{len(themed)} of {total} themes drafted" + (f", and {len(found) - len(themed)} draft(s) of your own." if len(found) > len(themed) else ".")]
    service_led = sum(r.service_led for r in reviews)
    if service_led:
        reasons.append(f"{service_led} draft(s) still read as service-led.")
    reviewed = [r.review for r in reviews if r.review is not None]
    scores = ([Score(average, 100, f"the average review score of your drafts as {themes_content.level} outcomes"),
               Score(sum(r.accepted for r in reviewed), len(reviewed), f"drafts ready as {themes_content.level} outcomes")]
              if average is not None else [])
    return _combine("drafting_statements", saved, _Part(len(themed) == total, scores, reasons))


def homelessness_scenario(saved: Saved) -> StepProgress:
    """Finished when 3 or 4 outcomes are agreed and each has at least one measure."""
    outcomes, measures = answers.scenario(saved.latest("homelessness_scenario"))
    named = [n for n, o in enumerate(outcomes) if o.strip()]
    measured = [n for n in named if any(m.outcome == n for m in measures)]
    better_off = [n for n in named if any(m.outcome == n and m.quadrant == QUADRANTS[-1] for m in measures)]
    reasons = [f"{len(named)} outcome(s) written (the brief asks for 3 or 4).",
               f"{len(measured)} of {len(named)} outcomes have at least one measure." if named else "No measures yet: save your outcomes in Stage 1 first."]
    scores = [Score(len(better_off), len(named), "outcomes with at least one 'better off' measure")] if named and measures else []
    return _combine("homelessness_scenario", saved, _Part(3 <= len(named) <= 4 and len(measured) == len(named), scores, reasons))


def logic_model(saved: Saved) -> StepProgress:
    """Finished when the example is rebuilt and the learner's own model has every column and has been checked."""
    sort = sorting_part(lm.example().sorting, saved, "cards")
    model = answers.logic_model(saved.latest("logic_model_own"))
    columns = {c["column"] for c in model["cards"]}
    checked = any(row.payload.get("action") == "checked" for row in saved.history("logic_model_own", "model"))
    missing = [lm.HEADINGS[c].lower() for c in lm.COLUMNS if c not in columns]
    reasons = [f"Your own model has {len(model['cards'])} cards and {len(model['links'])} links"
               + (f"; no {', '.join(missing)} yet." if missing else ".")]
    if model["cards"]:
        result = check_logic_model(model)
        reasons.append(("The kit's check of your model as it stands: " + result.headline()) if checked
                       else "Press \"Check the model\" when it is ready.")
    return _combine("logic_model", saved, sort, _Part(not missing and checked, (), reasons))


def indicators(saved: Saved) -> StepProgress:
    """Finished when the map has measures, the curve is saved and distance travelled is saved."""
    latest = saved.latest("indicators")
    measures = answers.indicator_measures(latest)
    questions = {m.get("question") for m in measures} & set(ind.QUESTIONS)
    agreed = sum(ind.measure_feedback(m["text"], str(m.get("question"))).agrees for m in measures)
    parts = {"an indicator map with measures": bool(measures), "a turned curve": "curve" in latest,
             "a distance-travelled chart": "distance" in latest}
    left = [name for name, done in parts.items() if not done]
    reasons = [f"{len(measures)} measure(s) on your map." if measures else "No measures on your map yet.",
               ("Still to do: " + ", ".join(left) + ".") if left else "All three parts saved."]
    scores = [Score(len(questions), len(ind.QUESTIONS), "Results Based Accountability questions your measures answer"),
              Score(agreed, len(measures), "measures the kit reads the same way you do")] if measures else []
    return _combine("indicators", saved, _Part(not left, scores, reasons))


def outcomes_framework(saved: Saved) -> StepProgress:
    """Finished when outcomes, services and a contribution are saved, and required against actual for an outcome."""
    latest = saved.latest("outcomes_framework")
    found = answers.framework(latest)
    entries = answers.required_actual(latest)
    contributions = framework.keep_known(found)
    outcomes = found["outcomes"]
    reasons = [f"{len(outcomes)} outcome(s), {len(found['services'])} service(s) and {len(contributions)} contribution(s) saved.",
               f"Required against actual written for {len(entries)} outcome(s)."]
    scores = []
    if outcomes and found["services"]:
        analysis = framework.analyse(found)
        scores.append(Score(len(outcomes) - len(analysis.gaps), len(outcomes), "outcomes at least one service contributes to"))
    done = bool(outcomes and found["services"] and contributions and entries)
    return _combine("outcomes_framework", saved, _Part(done, scores, reasons))


def action_planning(saved: Saved) -> StepProgress:
    """Finished when every part of the plan is written and at least one action added. A plan is not scored."""
    latest = saved.latest("action_planning")
    sections = content.load_raw("action_planning/plan")["sections"]
    plan = latest.get("plan")
    written = [s for s in sections if plan is not None and str(plan.payload.get(s["id"], "")).strip()]
    actions = [item for item in latest if item.startswith("action-")]
    reasons = (f"{len(written)} of {len(sections)} parts of the plan written.", f"{len(actions)} action(s) added.",
               "The kit does not score a plan.")
    return _combine("action_planning", saved, _Part(len(written) == len(sections) and bool(actions), (), reasons))
