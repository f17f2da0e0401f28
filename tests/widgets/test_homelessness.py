"""The homelessness scenario without a browser: outcomes checked, measures placed and warned about, scorecard."""

from __future__ import annotations


import ipywidgets as widgets
import pytest

from workshop_kit import context
from workshop_kit.steps.homelessness_scenario.logic import load
from workshop_kit.steps.homelessness_scenario import page as homelessness_scenario
from workshop_kit.steps.homelessness_scenario.page import EXERCISE, ScenarioExercise
from workshop_kit.store import Store
from workshop_kit.widgets.group_picker import GroupPicker

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)> People keep their home",
    "People feel at home 😀🏠",
    "يشعر الناس بالأمان في منازلهم",
]
GOOD = ["People at risk of losing their home stay in a home that suits them", "People who become homeless move into a settled home and keep it", "People feel safe and less alone"]


PAGE_SESSION, PAGE_QUERY = "homelessness", ""
pytestmark = pytest.mark.usefixtures("page_context")


def _exercise(store: Store, name: str | None = "Table 1") -> ScenarioExercise:
    exercise = ScenarioExercise(load(), store)
    picker = GroupPicker(store, "day", exercise.set_group)
    if name is not None:
        picker.name.value = name
    return exercise


def _latest(store: Store, name: str = "Table 1") -> dict:
    return {k: a.payload for k, a in store.latest(store.group("day", name), EXERCISE).items()}


def _outcomes(exercise: ScenarioExercise, outcomes: list[str]) -> None:
    for box, value in zip(exercise.outcome_boxes, outcomes + [""] * 4):
        box.value = value
    exercise.check_outcomes.click()


def _measure(exercise: ScenarioExercise, outcome: int, text: str, subjective="objective", source="Council homelessness case records", frequency="Quarterly", reporting="Quarterly report") -> None:
    exercise.for_outcome.value = outcome
    exercise.measure_text.value = text
    exercise.subjective.value = subjective
    exercise.source.value = source
    exercise.frequency.value = frequency
    exercise.reporting.value = reporting
    exercise.add_measure.click()


def test_nothing_can_be_entered_before_the_table_is_named(store: Store) -> None:
    """Are the inputs disabled with a sentence saying why, and is nothing saved?"""
    exercise = _exercise(store, None)
    assert exercise.check_outcomes.disabled and exercise.add_measure.disabled
    assert all(box.disabled for box in exercise.outcome_boxes)
    assert "name at the top" in exercise.status.value
    assert store.count_answers() == 0


def test_stage_one_checks_the_outcomes_and_saves_them(store: Store) -> None:
    """Are three good outcomes passed and saved with the notes, and a service named as not an outcome?"""
    exercise = _exercise(store)
    exercise.who.value = "Mostly single adults; many with mental health needs"
    exercise.commission.value = "A housing support service"
    _outcomes(exercise, GOOD)
    assert "All the checks that were run passed" in exercise.stage1_feedback.value
    saved = _latest(store)["stage1"]
    assert saved["outcomes"] == GOOD + [""] and saved["ok"] is True
    assert saved["who"].startswith("Mostly single adults") and saved["commission"] == "A housing support service"
    _outcomes(exercise, GOOD[:2] + ["Provide 40 hostel beds"])
    assert "reads like an output, not an outcome" in exercise.stage1_feedback.value
    assert _latest(store)["stage1"]["ok"] is False


def test_too_few_outcomes_are_named(store: Store) -> None:
    """Is agreeing only two outcomes met with 'agree no more than 3 or 4'?"""
    exercise = _exercise(store)
    _outcomes(exercise, GOOD[:2])
    assert "There are 2 outcomes" in exercise.stage1_feedback.value


def test_a_measure_is_placed_in_its_quadrant_and_saved(store: Store) -> None:
    """Is a tenancy measure read as 'better off' and saved with its source, frequency and reporting?"""
    exercise = _exercise(store)
    _outcomes(exercise, GOOD)
    _measure(exercise, 1, "Percentage of people still in their tenancy after 12 months")
    assert "Is anyone better off?" in exercise.measure_feedback.value
    saved = _latest(store)["measure-1"]
    assert saved == {
        "outcome": 1,
        "outcome_text": GOOD[1],
        "text": "Percentage of people still in their tenancy after 12 months",
        "subjective": False,
        "source": "Council homelessness case records",
        "frequency": "Quarterly",
        "reporting": "Quarterly report",
        "quadrant": "better_off",
        "collectable": True,
        "removed": False,
    }
    assert exercise.measure_text.value == ""  # the form is ready for the next measure
    assert exercise.subjective.value == "not_said" and exercise.subjective.label == "Not said yet"


def test_an_unsaid_subjective_or_objective_is_saved_as_none_and_warned_about(store: Store) -> None:
    """Left at 'Not said yet', is the measure saved with subjective None and a warning to mark it?"""
    exercise = _exercise(store)
    _outcomes(exercise, GOOD)
    _measure(exercise, 0, "Percentage of people still in their home after a year", subjective="not_said")
    assert _latest(store)["measure-1"]["subjective"] is None
    assert "It does not say whether it is subjective or objective" in exercise.warnings.value


def test_warnings_for_output_only_and_uncollectable_measures(store: Store) -> None:
    """Do counts with an 'unknown' source warn about no better-off measure, all-output, and collection?"""
    exercise = _exercise(store)
    _outcomes(exercise, GOOD)
    _measure(exercise, 0, "Number of households given advice", source="unknown")
    warnings = exercise.warnings.value
    assert "None of its indicators shows whether anyone is better off" in warnings
    assert "Every measure counts what was done" in warnings
    assert "Its data source is &#x27;unknown&#x27;, so nobody would collect it" in warnings
    assert _latest(store)["measure-1"]["collectable"] is False
    _measure(exercise, 2, "Percentage of people who feel safe", subjective="subjective", source="Case records")
    assert "not a way of asking people" in exercise.warnings.value


def test_the_scorecard_shows_a_table_and_a_chart_with_alt_text(store: Store) -> None:
    """Does the scorecard list each measure under its outcome, and draw a chart described in words?"""
    exercise = _exercise(store)
    _outcomes(exercise, GOOD)
    _measure(exercise, 1, "Percentage of people still in their tenancy after 12 months")
    _measure(exercise, 1, "Number of people given advice")
    card = exercise.scorecard.value
    assert "<caption>Scorecard: outcomes and their measures</caption>" in card
    assert "Percentage of people still in their tenancy after 12 months" in card
    assert 'alt="Bar chart of the number of measures for each outcome' in card
    assert "outcome 1 (People at risk of losing their home stay in a hom…): 0 how much did we do, 0 how well did we do it, 0 is anyone better off" in card
    assert "outcome 2 (People who become homeless move into a settled ho…): 1 how much did we do, 0 how well did we do it, 1 is anyone better off" in card


def test_removing_a_measure_keeps_it_in_the_history(store: Store) -> None:
    """Does 'Remove' take a measure off the scorecard while its rows stay in the store?"""
    exercise = _exercise(store)
    _outcomes(exercise, GOOD)
    _measure(exercise, 0, "Number of people given advice")
    exercise.remove_choice.value = "measure-1"
    exercise.remove_button.click()
    assert "Number of people given advice" not in exercise.scorecard.value
    history = store.history(store.group("day", "Table 1"), EXERCISE, "measure-1")
    assert [a.payload.get("removed") for a in history] == [False, True]


def test_everything_comes_back_on_reload(store: Store) -> None:
    """After a reload, are the notes, outcomes and measures back, and nothing saved again?"""
    exercise = _exercise(store)
    exercise.who.value = "Families leaving private rented homes"
    _outcomes(exercise, GOOD)
    _measure(exercise, 2, "Percentage of people who feel safe", subjective="subjective", source="Exit survey")
    rows = store.count_answers()
    again = _exercise(store)
    assert again.who.value == "Families leaving private rented homes"
    assert [b.value for b in again.outcome_boxes] == GOOD + [""]
    assert [m.text for m in again.measures] == ["Percentage of people who feel safe"]
    assert "Welcome back" in again.status.value
    assert store.count_answers() == rows


def test_a_measure_needs_an_outcome_and_words(store: Store) -> None:
    """Before outcomes are saved, or with no words, is the measure refused with a sentence?"""
    exercise = _exercise(store)
    exercise.measure_text.value = "Number of people"
    exercise.add_measure.click()
    assert "Choose the outcome" in exercise.measure_feedback.value
    _outcomes(exercise, GOOD)
    exercise.measure_text.value = "  "
    exercise.add_measure.click()
    assert "Type the measure" in exercise.measure_feedback.value
    assert not any(k.startswith("measure-") for k in _latest(store))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_shown_escaped_and_saved_exactly(store: Store, hostile: str) -> None:
    """Is markup, emoji or Arabic in every field saved exactly and shown only escaped?"""
    exercise = _exercise(store)
    exercise.who.value = exercise.commission.value = hostile
    _outcomes(exercise, [hostile] + GOOD[:2])
    _measure(exercise, 0, hostile, source=hostile, reporting=hostile)
    latest = _latest(store)
    assert latest["stage1"]["outcomes"][0] == hostile and latest["stage1"]["who"] == hostile
    assert latest["measure-1"]["text"] == hostile and latest["measure-1"]["source"] == hostile
    assert latest["measure-1"]["reporting"] == hostile
    shown = exercise.stage1_feedback.value + exercise.measure_feedback.value + exercise.warnings.value + exercise.scorecard.value
    assert "<script>" not in shown and "<img src=x" not in shown


def test_ten_thousand_characters_get_a_sentence_and_are_not_saved(store: Store) -> None:
    """Is a 10,000-character outcome or measure refused plainly, with no crash and no row?"""
    exercise = _exercise(store)
    _outcomes(exercise, ["x" * 10_000] + GOOD[:2])
    assert "Outcome 1 is 10,000 characters long" in exercise.stage1_feedback.value
    assert store.count_answers() == 0
    _outcomes(exercise, GOOD)
    _measure(exercise, 0, "y" * 10_000)
    assert "The measure is 10,000 characters long" in exercise.measure_feedback.value
    assert not any(k.startswith("measure-") for k in _latest(store))


def test_a_failed_save_says_so_plainly(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the store fails, is there a plain sentence and no traceback?"""
    exercise = _exercise(store)

    def broken(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(store, "save", broken)
    _outcomes(exercise, GOOD)
    assert "We could not save that just now" in exercise.stage1_feedback.value


def test_the_page_shows_the_synthetic_profile_and_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the profile labelled synthetic with its source, and does 'Start again' clear the page keeping rows?"""
    monkeypatch.setenv("QUERY_STRING", "group=Table+5")
    context.query_string.cache_clear()
    page = homelessness_scenario.build()
    stack, found, html = [page], [], []
    while stack:
        current = stack.pop()
        if isinstance(current, widgets.HTML):
            html.append(current.value)
        if isinstance(current, (widgets.Text, widgets.Textarea, widgets.Button, widgets.Dropdown, widgets.Combobox)):
            found.append(current)
            assert current.description, f"{type(current).__name__} has no label"
        stack.extend(getattr(current, "children", ()))
    all_html = "\n".join(html)
    assert "synthetic" in all_html and "Ministry of Housing, Communities and Local Government" in all_html
    assert 'alt="Bar chart of synthetic figures for Northbrook' in all_html
    assert "<caption>Northbrook&#x27;s homelessness profile" in all_html or "<caption>Northbrook's homelessness profile" in all_html
    assert {"Show a hint", "Show a model answer", "Start again for the next group"} <= {w.description for w in found}
    exercise = page.exercise
    _outcomes(exercise, GOOD)
    page.start_again()
    assert all(b.value == "" and b.disabled for b in exercise.outcome_boxes)
    assert context.store().count_answers() == 1
