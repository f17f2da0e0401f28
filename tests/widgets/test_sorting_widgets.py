"""The first exercise without a browser: name a table, choose, see feedback, find the rows."""

from __future__ import annotations

import pytest

from workshop_kit.store import Store
from workshop_kit.widgets.group_picker import GroupPicker
from workshop_kit.widgets.sorting_quiz import ATTEMPT_ITEM, SortingQuiz


def _page(store: Store, exercise, name: str | None = None):
    quiz = SortingQuiz(exercise, store)
    picker = GroupPicker(store, "day", quiz.set_group)
    if name is not None:
        picker.name.value = name
        picker.use.click()
    return picker, quiz


def _card(quiz: SortingQuiz, item_id: str):
    return next(c for c in quiz.cards if c.item.id == item_id)


def test_nothing_can_be_chosen_before_the_table_is_named(store: Store, exercise) -> None:
    """Are the choices disabled, with a sentence saying why, until a name is given?"""
    picker, quiz = _page(store, exercise)
    assert all(card.choices.disabled for card in quiz.cards)
    assert "Type your table&#x27;s name" in quiz.status.value or "Type your table's name" in quiz.status.value
    picker.use.click()
    assert "Please type a name" in picker.message.value
    assert store.count_answers() == 0


def test_a_choice_shows_feedback_and_saves_a_row(store: Store, exercise) -> None:
    """Does choosing 'output' for a count show 'Yes' with the source and save the choice?"""
    picker, quiz = _page(store, exercise, "Table 1")
    card = _card(quiz, "cdc-output-1")
    card.choices.value = "output"
    assert "Yes: this is an output." in card.feedback.value
    assert "Council for Disabled Children" in card.feedback.value
    saved = store.latest(picker.group, exercise.id)["cdc-output-1"].payload
    assert saved == {"choice": "output", "attempt": 1, "correct": True, "verdict": "right"}
    assert "sorted 1 of" in quiz.score.value


def test_a_debatable_item_says_so(store: Store, exercise) -> None:
    """Is the waiting-time item's feedback marked debatable with the reasoning?"""
    _, quiz = _page(store, exercise, "Table 1")
    card = _card(quiz, "ipc-6")
    card.choices.value = "impact"
    assert "For discussion" in card.feedback.value
    assert "kit-feedback-debatable" in card.feedback.value
    assert "how well did we do it?" in card.feedback.value
    assert "The argument both ways" in card.feedback.value and "Efficiency outcomes" in card.feedback.value
    assert "poses it without an answer" in card.feedback.value


def test_reopening_with_the_same_name_shows_earlier_answers(store: Store, exercise) -> None:
    """On another device, does ' table 1' bring back Table 1's answers and score?"""
    _, quiz = _page(store, exercise, "Table 1")
    quiz.answer("ipc-1", "outcome")
    quiz.answer("ipc-2", "outcome")
    _, again = _page(store, exercise, " table 1")
    assert _card(again, "ipc-1").choices.value == "outcome"
    assert _card(again, "ipc-2").choices.value == "outcome"
    assert "Not quite" in _card(again, "ipc-2").feedback.value
    assert "Welcome back. 2 of your earlier answers" in again.status.value
    assert store.count_answers() == 2  # showing them again saved nothing new


def test_finishing_gives_a_score_and_try_again_keeps_history(store: Store, exercise) -> None:
    """After every item, is there a final score, and does 'Try again' clear the screen but no rows?"""
    picker, quiz = _page(store, exercise, "Table 2")
    for item in exercise.items:
        quiz.answer(item.id, item.accepted[0])
    assert f"Finished: {len(exercise.items)} out of {len(exercise.items)}" in quiz.score.value
    rows_before = store.count_answers()
    quiz.try_again.click()
    assert all(card.choices.value is None for card in quiz.cards)
    assert "No statements sorted yet" in quiz.score.value
    assert store.count_answers() == rows_before + 1
    assert store.latest(picker.group, exercise.id)[ATTEMPT_ITEM].payload == {"attempt": 2}
    _, reopened = _page(store, exercise, "Table 2")
    assert all(card.choices.value is None for card in reopened.cards)
    assert len(store.history(picker.group, exercise.id, "ipc-1")) == 1


def test_the_same_choice_twice_saves_once(store: Store, exercise) -> None:
    """Does a double click on the chosen button add no second row?"""
    _, quiz = _page(store, exercise, "Table 3")
    quiz.answer("ipc-3", "outcome")
    quiz.answer("ipc-3", "outcome")
    assert store.count_answers() == 1


def test_a_failed_save_says_so_plainly_and_keeps_earlier_rows(store: Store, exercise, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the database refuses a write, does the card say so without a traceback?"""
    _, quiz = _page(store, exercise, "Table 4")
    quiz.answer("ipc-1", "outcome")

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "save", broken)
    quiz.answer("ipc-3", "outcome")
    card = _card(quiz, "ipc-3")
    assert "We could not save that just now" in card.feedback.value
    assert "Traceback" not in card.feedback.value
    monkeypatch.undo()
    assert store.count_answers() == 1


def test_hostile_group_names_are_shown_as_text(store: Store, exercise) -> None:
    """Is a name full of HTML shown escaped, and an enormous one refused?"""
    picker, quiz = _page(store, exercise, '<img src=x onerror="alert(1)">')
    assert "<img" not in picker.message.value
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in picker.message.value
    assert picker.group is not None and picker.group.name == '<img src=x onerror="alert(1)">'
    picker.name.value = "y" * 10_000
    assert "10,000 characters long" in picker.message.value
    assert picker.group.name == '<img src=x onerror="alert(1)">'  # the page keeps the last good name
