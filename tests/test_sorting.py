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
    """Is the vacancy rate accepted as impact, outcome or input, marked for discussion as the kit's reading?"""
    item = exercise.item("ipc-5")
    for choice in ("impact", "outcome", "input"):
        result = check_choice(exercise, item, choice)
        assert result.correct and result.verdict == "debatable"
        assert result.headline.startswith("For discussion") and "the kit accepts" in result.headline
    wrong = check_choice(exercise, item, "output")
    assert not wrong.correct
    assert "the kit's reading is" in wrong.headline and "for discussion, but not that way" in wrong.headline


def test_the_ipc_quiz_is_the_kits_reading_with_the_argument_both_ways(exercise) -> None:
    """Does each of the seven IPC objectives say it is the kit's reading, and do the contested ones argue both ways?"""
    ipc = [i for i in exercise.items if i.id.startswith("ipc-")]
    assert len(ipc) == 7 and all(i.answer_from == "kit" for i in ipc)
    assert {i.id for i in ipc if i.debatable} == {"ipc-4", "ipc-5", "ipc-6", "ipc-7"}
    for item in ipc:
        assert len(item.both_ways) >= 2
        assert "files it under" not in item.explanation and "the quiz treats" not in item.explanation
    types = {t.id for t in exercise.outcome_types}
    assert types == {"service_user_carer", "population_system", "social_value", "economic", "efficiency", "legal_compliance"}
    assert exercise.item("ipc-7").outcome_types == ("legal_compliance",)
    assert "efficiency" in exercise.item("ipc-6").outcome_types
    feedback = check_choice(exercise, exercise.item("ipc-7"), "outcome")
    assert feedback.kit_reading and any("Legal compliance" in t for t in feedback.outcome_types)


def test_a_for_discussion_item_without_both_ways_is_refused(monkeypatch) -> None:
    """Is a contested item that gives no argument both ways caught when the content loads?"""
    import copy

    from workshop_kit import content
    from workshop_kit.content import ContentError

    raw = copy.deepcopy(content.load_raw("exercises/outputs_outcomes_impact"))
    next(i for i in raw["items"] if i["id"] == "ipc-5").pop("both_ways")
    real = content.load_raw
    monkeypatch.setattr(content, "load_raw", lambda name: raw if name == "exercises/outputs_outcomes_impact" else real(name))
    content.sorting_exercise.cache_clear()
    try:
        with pytest.raises(ContentError, match="both ways"):
            content.sorting_exercise("outputs_outcomes_impact")
    finally:
        content.sorting_exercise.cache_clear()


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
