"""Reading a learner's progress from saved rows: one rule per step, then where to pick up."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from workshop_kit import content
from workshop_kit.steps.drafting_statements import logic as drafting
from workshop_kit.steps.personal_outcomes import logic as personal
from workshop_kit.steps.levels_of_outcomes.logic import ladder_content
from workshop_kit.steps.logic_model.logic import example as logic_model_example
from workshop_kit.scoring import classify_measure, review_outcome
from workshop_kit import steps
from workshop_kit.selfstudy.progress import FINISHED, IN_PROGRESS, NOT_STARTED, Saved, Step, StepProgress, learner_progress, pick_up, saved_for, when
from workshop_kit.selfstudy.progress import rules as declared_rules
from workshop_kit.store import Answer, Store

SESSION = "self-study"

#: each step's progress rule, by step id (each is ``read`` in the step's own progress.py)
rules = SimpleNamespace(**{step.id: step.read for step in steps.STEPS})


@pytest.fixture
def learner(store: Store):
    return store.group(SESSION, "Ann", "alone")


def _saved(store: Store, group, step: str) -> Saved:
    return saved_for(declared_rules()[step], store.rows_of(group))


def _sort(store: Store, group, exercise_id: str, count: int | None = None, right: bool = True, attempt: int = 1) -> None:
    """Sort ``count`` statements (all when None), with an accepted answer or a wrong one."""
    exercise = content.sorting_exercise(exercise_id) if exercise_id != "logic_model_scramble" else logic_model_example().sorting
    for item in exercise.items[: count if count is not None else len(exercise.items)]:
        wrong = next((c.id for c in exercise.categories if c.id not in item.accepted), item.accepted[0])
        store.save(group, exercise.id, item.id, {"choice": item.accepted[0] if right else wrong, "attempt": attempt})


def test_every_ready_step_declares_how_its_progress_is_read() -> None:
    """Does the registry list one step for each ready step, each reading its own exercises and exporting only those?"""
    found = declared_rules()
    ready = [s.id for s in content.start_page().steps if s.ready]
    assert sorted(found) == sorted(ready)
    for step_id, rule in found.items():
        assert isinstance(rule, Step) and rule.id == step_id and rule.exercises
        assert set(rule.write_up) <= set(rule.exercises)
        assert set(rule.exports) <= set(rule.exercises)


def test_nothing_saved_is_not_started_whatever_a_rule_would_say(store, learner) -> None:
    """With no rows, is every step 'not started', with no score and no time?"""
    progress = learner_progress(store.rows_of(learner))
    assert {p.status for p in progress.steps} == {NOT_STARTED}
    assert all(p.scores == () and p.last_saved is None for p in progress.steps)
    assert progress.continue_at == "outputs_outcomes_impact" and progress.finished_count == 0


def test_a_partly_sorted_first_step_is_in_progress_with_its_score(store, learner) -> None:
    """After 3 of the statements (2 right, 1 wrong), is step 1 in progress, scored 2, with the count as its reason?"""
    _sort(store, learner, "outputs_outcomes_impact", 2)
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    third = exercise.items[2]
    store.save(learner, exercise.id, third.id, {"choice": next(c.id for c in exercise.categories if c.id not in third.accepted), "attempt": 1})
    found = rules.outputs_outcomes_impact(_saved(store, learner, "outputs_outcomes_impact"))
    assert found.status == IN_PROGRESS
    assert [(s.value, s.out_of) for s in found.scores] == [(2, len(exercise.items))]
    assert found.scores[0].text == f"2 out of {len(exercise.items)}: statements sorted the way the sources do"
    assert found.reasons == (f"3 of {len(exercise.items)} statements sorted so far.",)
    assert found.last_saved is not None and found.last_saved.tzinfo is not None


def test_sorting_every_statement_finishes_step_one_and_try_again_starts_afresh(store, learner) -> None:
    """Is step 1 finished when all are sorted, and back in progress (earlier attempt kept) after 'Try again'?"""
    _sort(store, learner, "outputs_outcomes_impact", right=False)
    saved = _saved(store, learner, "outputs_outcomes_impact")
    found = rules.outputs_outcomes_impact(saved)
    assert found.status == FINISHED and found.scores[0].value == 0
    store.save(learner, "outputs_outcomes_impact", "_attempt", {"attempt": 2})
    again = rules.outputs_outcomes_impact(_saved(store, learner, "outputs_outcomes_impact"))
    assert again.status == IN_PROGRESS and again.scores == ()
    assert "Attempt 2 started" in again.reasons[0] and "earlier attempts are kept" in again.reasons[0]


LADDER = {
    "person": "Sam",
    "aspiration": "Sam wants to be a famous chef.",
    "sought": "Sam wants to cook meals for his family and friends.",
    "smart": "By the time he is 17, Sam will cook a meal for his family and friends once a week.",
    "target_1": "In 6 months, Sam will use the cooker safely on his own at college three times a week.",
}


def _ladder(store, group, rungs=LADDER) -> None:
    for item, text in rungs.items():
        store.save(group, "levels_ladder", item, {"text": text})


def test_the_ladder_counts_only_once_it_is_written_and_checked(store, learner) -> None:
    """Is step 2 unfinished until the sort is done, the ladder written and 'Check the whole ladder' pressed?"""
    _sort(store, learner, "levels_sort")
    _ladder(store, learner)
    found = rules.levels_of_outcomes(_saved(store, learner, "levels_of_outcomes"))
    assert found.status == IN_PROGRESS
    assert 'Press "Check the whole ladder"' in " ".join(found.reasons)
    store.save(learner, "levels_ladder", "_check", {"thread_ok": True})
    found = rules.levels_of_outcomes(_saved(store, learner, "levels_of_outcomes"))
    assert found.status == FINISHED
    levels = {r.id: r.level for r in ladder_content().rungs}
    expected = round(sum(review_outcome(LADDER[r], levels["target" if r.startswith("target") else r]).score for r in ("aspiration", "sought", "smart", "target_1")) / 4)
    ladder_score = next(s for s in found.scores if "average review score" in s.means)
    assert (ladder_score.value, ladder_score.out_of) == (expected, 100)


def test_a_ladder_without_a_target_is_not_finished(store, learner) -> None:
    """Even checked, is a ladder with no target left in progress, saying what is needed?"""
    _sort(store, learner, "levels_sort")
    _ladder(store, learner, {k: v for k, v in LADDER.items() if k != "target_1"})
    store.save(learner, "levels_ladder", "_check", {"thread_ok": False})
    found = rules.levels_of_outcomes(_saved(store, learner, "levels_of_outcomes"))
    assert found.status == IN_PROGRESS and "at least one target" in found.reasons[-2]


def test_personal_outcomes_finish_with_every_rewrite_and_score_them_as_the_page_does(store, learner) -> None:
    """Is step 3 finished only when every weak statement is rewritten, scored by review_outcome?"""
    _sort(store, learner, "personal_outcomes_sort")
    weak = personal.guide().weak_statements
    for w in weak[:-1]:
        store.save(learner, "personal_rewrite", w.id, {"text": w.model_rewrite, "version": 1})
    found = rules.personal_outcomes(_saved(store, learner, "personal_outcomes"))
    assert found.status == IN_PROGRESS and f"{len(weak) - 1} of {len(weak)} weak statements rewritten." in found.reasons
    store.save(learner, "personal_rewrite", weak[-1].id, {"text": weak[-1].model_rewrite, "version": 1})
    found = rules.personal_outcomes(_saved(store, learner, "personal_outcomes"))
    assert found.status == FINISHED
    expected = round(sum(review_outcome(w.model_rewrite, personal.LEVEL).score for w in weak) / len(weak))
    assert next(s for s in found.scores if "average score of your rewrites" in s.means).value == expected
    ready = next(s for s in found.scores if "rewrites ready" in s.means)
    assert (ready.value, ready.out_of) == (sum(review_outcome(w.model_rewrite, personal.LEVEL).accepted for w in weak), len(weak))


def test_drafting_finishes_with_a_draft_per_theme_and_names_service_led_drafts(store, learner) -> None:
    """Is step 4 finished with every theme drafted, and does it say how many read as service-led?"""
    themes = drafting.load().themes
    store.save(learner, "drafting_statements", themes[0].id, {"text": "Provide access to youth clubs", "version": 1})
    found = rules.drafting_statements(_saved(store, learner, "drafting_statements"))
    assert found.status == IN_PROGRESS and "1 draft(s) still read as service-led." in found.reasons
    for theme in themes:
        store.save(learner, "drafting_statements", theme.id, {"text": theme.model_answer, "version": 2})
    found = rules.drafting_statements(_saved(store, learner, "drafting_statements"))
    assert found.status == FINISHED
    expected = round(sum(drafting.review_draft(t.model_answer, t, drafting.load()).review.score for t in themes) / len(themes))
    assert found.scores[0].value == expected and found.scores[0].out_of == 100


def test_the_scenario_needs_three_outcomes_each_with_a_measure(store, learner) -> None:
    """Is step 5 finished with 3 outcomes each measured, scored on 'better off' measures as classify_measure reads them?"""
    outcomes = ["People keep a home that is right for them", "Families spend less time in temporary accommodation", "People feel safe", ""]
    store.save(learner, "homelessness_scenario", "stage1", {"who": "", "commission": "", "outcomes": outcomes})
    measures = ["Percentage of people still in their home after a year", "Number of nights families spend in B&B", "Number of support sessions delivered"]
    for n, text in enumerate(measures[:2]):
        store.save(learner, "homelessness_scenario", f"measure-{n + 1}", {"outcome": n, "text": text, "removed": False})
    found = rules.homelessness_scenario(_saved(store, learner, "homelessness_scenario"))
    assert found.status == IN_PROGRESS and "2 of 3 outcomes have at least one measure." in found.reasons
    store.save(learner, "homelessness_scenario", "measure-3", {"outcome": 2, "text": measures[2], "removed": False})
    found = rules.homelessness_scenario(_saved(store, learner, "homelessness_scenario"))
    assert found.status == FINISHED
    better_off = sum(classify_measure(t).quadrant == "better_off" for t in measures)
    assert (found.scores[0].value, found.scores[0].out_of) == (better_off, 3)
    store.save(learner, "homelessness_scenario", "measure-3", {"removed": True, "outcome": 2, "text": measures[2]})
    assert rules.homelessness_scenario(_saved(store, learner, "homelessness_scenario")).status == IN_PROGRESS


def _model(store, group, action: str, columns=("inputs", "outputs", "interim_outcomes", "final_outcomes")) -> None:
    cards = [{"id": f"{c}-1", "column": c, "text": f"A card in {c}"} for c in columns]
    links = [[a["id"], b["id"]] for a, b in zip(cards, cards[1:])]
    store.save(group, "logic_model_own", "model", {"cards": cards, "links": links, "assumptions": "", "external_factors": "", "action": action})


def test_the_logic_model_step_needs_the_example_rebuilt_and_a_checked_model(store, learner) -> None:
    """Is step 6 finished only with the scramble done and a four-column model that has been checked?"""
    _sort(store, learner, "logic_model_scramble")
    _model(store, learner, "cards", columns=("inputs", "outputs"))
    found = rules.logic_model(_saved(store, learner, "logic_model"))
    assert found.status == IN_PROGRESS and "no interim outcomes, final outcomes yet" in found.reasons[-2]
    _model(store, learner, "cards")
    assert rules.logic_model(_saved(store, learner, "logic_model")).status == IN_PROGRESS
    _model(store, learner, "checked")
    _model(store, learner, "link_added")  # changed after the check: the check still happened
    found = rules.logic_model(_saved(store, learner, "logic_model"))
    assert found.status == FINISHED and "The kit's check of your model" in found.reasons[-1]


def test_indicators_need_all_three_parts(store, learner) -> None:
    """Is step 7 finished with a map, a curve and distance travelled, scored on the RBA questions covered?"""
    measures = [
        {"text": "Number of sessions delivered", "question": "how_much", "subjective": False, "term": "interim", "have_data": True},
        {"text": "Percentage of young people who say they feel safer", "question": "better_off", "subjective": True, "term": "long_term", "have_data": False},
    ]
    store.save(learner, "indicators", "map", {"outcome": "Young people feel safe", "measures": measures, "gaps": []})
    found = rules.indicators(_saved(store, learner, "indicators"))
    assert found.status == IN_PROGRESS and "Still to do: a turned curve, a distance-travelled chart." in found.reasons
    assert (found.scores[0].value, found.scores[0].out_of) == (2, 3)
    store.save(learner, "indicators", "curve", {"indicator": "x", "area": "y", "target": 1.0, "story": ""})
    store.save(learner, "indicators", "distance", {"areas": ["a"], "start": [1], "review": [2]})
    assert rules.indicators(_saved(store, learner, "indicators")).status == FINISHED


def test_the_framework_counts_outcomes_with_a_contributor(store, learner) -> None:
    """Is step 8 scored on outcomes some service contributes to, and finished with required against actual?"""
    framework = {"outcomes": ["Children are safe", "Children learn"], "services": ["Youth club"], "contributions": [{"service": "Youth club", "outcome": "Children are safe", "measures": []}]}
    store.save(learner, "outcomes_framework", "framework", {**framework, "action": "contribution_set"})
    found = rules.outcomes_framework(_saved(store, learner, "outcomes_framework"))
    assert found.status == IN_PROGRESS and (found.scores[0].value, found.scores[0].out_of) == (1, 2)
    store.save(learner, "outcomes_framework", "required_actual", {"entries": {"Children are safe": {"required": "All", "actual": "Most"}}})
    assert rules.outcomes_framework(_saved(store, learner, "outcomes_framework")).status == FINISHED


def test_an_action_plan_is_finished_but_never_scored(store, learner) -> None:
    """Is step 9 finished with every part written and an action, with no score?"""
    sections = [s["id"] for s in content.load_raw("action_planning/plan")["sections"]]
    store.save(learner, "action_planning", "plan", {sections[0]: "Ask the parent carer forum", "follow_up": ""})
    found = rules.action_planning(_saved(store, learner, "action_planning"))
    assert found.status == IN_PROGRESS and found.scores == ()
    store.save(learner, "action_planning", "plan", {s: "Something concrete" for s in sections} | {"follow_up": ""})
    store.save(learner, "action_planning", "action-1", {"action": "Book the room", "owner": "Ann", "due": "May"})
    found = rules.action_planning(_saved(store, learner, "action_planning"))
    assert found.status == FINISHED and found.scores == () and "The kit does not score a plan." in found.reasons


@pytest.mark.parametrize("step", sorted(s.id for s in content.start_page().steps if s.ready))
def test_malformed_rows_are_read_as_in_progress_not_an_error(store, learner, step: str) -> None:
    """Does every rule read rows with odd payloads (wrong types, missing keys) without failing?"""
    rule = declared_rules()[step]
    for exercise in rule.exercises:
        for item in ("_attempt", "model", "map", "plan", "stage1", "framework", "required_actual", "measure-1", "aspiration", "fun", "action-1"):
            store.save(learner, exercise, item, {"attempt": "x", "text": 5, "cards": "no", "measures": [1, {"text": None}], "outcomes": "x", "entries": [], "outcome": "0", "choice": 3})
    found = rule.read(_saved(store, learner, step))
    assert isinstance(found, StepProgress) and found.status == IN_PROGRESS
    assert isinstance(rule.feedback(_saved(store, learner, step)), tuple)


def _progress(step: str, status: str, minutes_ago: int | None) -> StepProgress:
    at = None if minutes_ago is None else datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)
    return StepProgress(step, status, (), (), at)


def test_pick_up_at_the_unfinished_step_worked_on_most_recently() -> None:
    """With two steps in progress, is the one saved most recently the place to continue?"""
    steps = [_progress("a", IN_PROGRESS, 90), _progress("b", FINISHED, 5), _progress("c", IN_PROGRESS, 30), _progress("d", NOT_STARTED, None)]
    assert pick_up(steps)[0] == "c"


def test_otherwise_pick_up_at_the_next_step_not_started() -> None:
    """With nothing in progress, is it the first unstarted step after the last one worked on, wrapping round?"""
    steps = [_progress("a", NOT_STARTED, None), _progress("b", FINISHED, 50), _progress("c", FINISHED, 10), _progress("d", NOT_STARTED, None)]
    assert pick_up(steps) == ("d", "This is the next step you have not started.")
    steps[3] = _progress("d", FINISHED, 1)
    assert pick_up(steps)[0] == "a"
    steps[0] = _progress("a", FINISHED, 100)
    assert pick_up(steps)[0] is None


def test_times_are_shown_in_words_and_naive_times_read_as_utc() -> None:
    """Is a saved time shown as '5 March 2026 at 09:07' in local time, treating SQLite's naive times as UTC?"""
    aware = datetime(2026, 3, 5, 9, 7, tzinfo=timezone.utc)
    local = aware.astimezone()
    assert when(aware) == f"{local.day} {local:%B %Y} at {local:%H:%M}"
    assert when(datetime(2026, 3, 5, 9, 7)) == when(aware)
    assert when(None) == "never"


def test_saved_rows_give_the_latest_per_item_and_the_newest_time(store, learner) -> None:
    """Does Saved show the newest row per item, every row in order, and when the last was saved?"""
    store.save(learner, "ex", "a", {"v": 1})
    store.save(learner, "ex", "a", {"v": 2})
    store.save(learner, "other", "b", {"v": 3})
    saved = Saved(tuple(store.rows_of(learner)))
    assert saved.latest("ex")["a"].payload == {"v": 2}
    assert [r.payload["v"] for r in saved.history("ex", "a")] == [1, 2]
    assert saved.last_saved == max(r.saved_at for r in store.rows_of(learner)).replace(tzinfo=timezone.utc)


def test_rows_of_keeps_to_one_group(store, learner) -> None:
    """Does rows_of return only this learner's rows, oldest first?"""
    other = store.group(SESSION, "Table 4")
    store.save(learner, "ex", "a", {"v": 1})
    store.save(other, "ex", "a", {"v": 9})
    store.save(learner, "ex", "b", {"v": 2})
    assert [r.payload["v"] for r in store.rows_of(learner)] == [1, 2]
    assert all(isinstance(r, Answer) and r.group == "Ann" for r in store.rows_of(learner))


def test_the_last_learner_is_the_one_studying_alone_who_was_active_last(store) -> None:
    """Is the remembered learner the most recently active 'alone' group, never a table?"""
    assert store.last_learner(SESSION) is None
    first = store.group(SESSION, "Bea", "alone")
    second = store.group(SESSION, "Cy", "alone")
    table = store.group(SESSION, "Table 1", "table")
    assert store.last_learner(SESSION) == "Cy"
    store.save(first, "ex", "a", {"v": 1})
    store.save(table, "ex", "a", {"v": 1})
    assert store.last_learner(SESSION) == "Bea"
    assert store.last_learner("another session") is None
    assert second.mode == "alone"
