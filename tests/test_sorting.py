"""Checking sorted statements: verdicts, debatable items and the tally."""

import pytest

from workshop_kit.stepkit.sorting import check_choice, score


def test_a_right_answer_says_yes_and_names_the_source(exercise) -> None:
    """Is "Number of workshops delivered" confirmed as an output, citing the CDC?"""
    result = check_choice(exercise, exercise.item("cdc-output-1"), "output")
    assert result.correct and result.verdict == "right"
    assert result.headline == "Yes: this is an output."
    assert "Council for Disabled Children" in result.source


def test_a_wrong_answer_points_to_the_accepted_one_and_reminds_why(exercise) -> None:
    """Does calling an output an outcome say 'not quite', name output and give its definition?"""
    result = check_choice(exercise, exercise.item("cdc-output-1"), "outcome")
    assert not result.correct and result.verdict == "not_quite"
    assert "output" in result.headline and "not outcome" in result.headline
    assert result.reminder.startswith("Output:")


def test_a_debatable_item_accepts_each_reasoned_answer_and_says_so(exercise) -> None:
    """Is the vacancy rate accepted as output, process or impact, flagged as debatable?"""
    item = exercise.item("ipc-5")
    for choice in ("output", "process", "impact"):
        result = check_choice(exercise, item, choice)
        assert result.correct and result.verdict == "debatable"
        assert "debatable" in result.headline
    wrong = check_choice(exercise, item, "outcome")
    assert not wrong.correct
    assert "debatable, but not that way" in wrong.headline


def test_a_choice_the_page_never_offers_is_refused(exercise) -> None:
    """Is a made-up category refused rather than scored?"""
    with pytest.raises(ValueError):
        check_choice(exercise, exercise.item("ipc-1"), "banana")


def test_the_score_counts_answered_and_matching(exercise) -> None:
    """Does the tally count only answered items, and finish when all are answered?"""
    partial = score(exercise, {"ipc-1": "outcome", "ipc-3": "output"})
    assert (partial.answered, partial.correct, partial.total) == (2, 1, len(exercise.items))
    assert not partial.finished and "2 of" in partial.message
    everything = {item.id: item.accepted[0] for item in exercise.items}
    full = score(exercise, everything)
    assert full.finished and full.correct == full.total
    assert full.message.startswith("Finished:")


def test_feedback_names_a_level_as_a_whole_phrase() -> None:
    """Does a right answer in the levels sort read 'an individual outcome', not 'an individual.'?"""
    from workshop_kit.content import sorting_exercise
    from workshop_kit.stepkit.sorting import check_choice

    levels = sorting_exercise("levels_sort")
    item = next(i for i in levels.items if i.accepted == ("individual",))
    assert check_choice(levels, item, "individual").headline == "Yes: this is an individual outcome."
