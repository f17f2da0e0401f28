"""The sorting exercise on screen: a card per statement, instant feedback, a score and "try again".

Every choice is saved as it is made. "Try again" starts a new attempt by
saving a marker row; earlier answers stay in the store as history.
"""

from __future__ import annotations

from typing import Any, Callable

import ipywidgets as widgets

from ..content.model import SortingExercise, SortingItem
from ..markup import render
from ..stepkit.sorting import SortFeedback, check_choice, score
from ..store import Group, Store
from .common import NAME_FIRST, guarded, live, notice, save_or_say

ATTEMPT_ITEM = "_attempt"


def feedback_html(feedback: SortFeedback) -> str:
    """The feedback block for one card; every piece of text is escaped."""
    css = {"right": "success", "debatable": "debatable", "not_quite": "warning"}[feedback.verdict]
    return render("parts/sort_feedback.html", css=css, f=feedback)


class _ItemCard:
    """One statement with its five choices and its feedback."""

    def __init__(self, number: int, item: SortingItem, exercise: SortingExercise, on_choice: Callable[[_ItemCard, str], None]) -> None:
        self.item = item
        self._exercise = exercise
        self._on_choice = on_choice
        self._loading = False
        self.statement = widgets.HTML(render("parts/statement.html", number=number, statement=item.text))
        self.choices = widgets.ToggleButtons(
            options=[(c.label, c.id) for c in exercise.categories],
            value=None,
            description=f"Statement {number} is:",
            tooltips=[c.definition for c in exercise.categories],
            style={"button_width": "auto", "description_width": "initial"},
        )
        self.choices.add_class("kit-choices")
        self.feedback = live(widgets.HTML())
        self.view = widgets.VBox([self.statement, self.choices, self.feedback])
        self.view.add_class("kit-card")
        self.choices.observe(self._changed, names="value")

    def _changed(self, change: dict[str, Any]) -> None:
        if self._loading or change["new"] is None:
            return
        self._on_choice(self, change["new"])

    def show(self, choice: str | None) -> None:
        """Put a saved choice back on screen without saving it again."""
        self._loading = True
        try:
            self.choices.value = choice
        finally:
            self._loading = False
        self.feedback.value = feedback_html(check_choice(self._exercise, self.item, choice)) if choice else ""


class SortingQuiz:
    """All the cards of a sorting exercise, saving under one group."""

    def __init__(self, exercise: SortingExercise, store: Store, group: Group | None = None) -> None:
        self.exercise = exercise
        self._store = store
        self.group: Group | None = None
        self.attempt = 1
        self.choices: dict[str, str] = {}
        self.cards = [_ItemCard(n, item, exercise, self._choose) for n, item in enumerate(exercise.items, start=1)]
        self.status = live(widgets.HTML())
        self.score = live(widgets.HTML())
        self.try_again = widgets.Button(description="Try again", tooltip="Clear the answers on screen and start a new attempt", icon="", disabled=True)
        self.try_again.on_click(lambda _b: self.restart())
        self.view = widgets.VBox([self.status, *[card.view for card in self.cards], self.score, self.try_again])
        self.view.add_class("kit-quiz")
        self.set_group(group)

    # -- loading ------------------------------------------------------------

    def set_group(self, group: Group | None) -> None:
        """Switch to a group and show what it has already answered in its latest attempt."""

        @guarded(self.status)
        def _load() -> None:
            self.group = group
            for card in self.cards:
                card.choices.disabled = group is None
            if group is None:
                self.status.value = notice("Type your table's name at the top of the page to start. Your answers are saved under it.", "info")
                self._show_all({})
                return
            latest = self._store.latest(group, self.exercise.id)
            marker = latest.get(ATTEMPT_ITEM)
            self.attempt = int(marker.payload.get("attempt", 1)) if marker else 1
            saved = {item: answer.payload["choice"] for item, answer in latest.items() if item != ATTEMPT_ITEM and answer.payload.get("attempt", 1) == self.attempt}
            self._show_all(saved)
            self.status.value = notice(f"Welcome back. {len(saved)} of your earlier answers are shown below.", "success") if saved else ""

        _load()

    def _show_all(self, saved: dict[str, str]) -> None:
        known = {c.id for c in self.exercise.categories}
        self.choices = {k: v for k, v in saved.items() if v in known}
        for card in self.cards:
            card.show(self.choices.get(card.item.id))
        self._update_score()

    # -- answering ----------------------------------------------------------

    def _choose(self, card: _ItemCard, choice: str) -> None:
        @guarded(card.feedback)
        def _save() -> None:
            if self.group is None:
                card.show(None)
                self.status.value = notice(NAME_FIRST, "warning")
                return
            feedback = check_choice(self.exercise, card.item, choice)
            chosen = {"choice": choice, "attempt": self.attempt, "correct": feedback.correct, "verdict": feedback.verdict}
            if not save_or_say(self._store, self.group, self.exercise.id, card.item.id, chosen, card.feedback):
                return  # said so plainly; the choice stays on screen
            self.choices[card.item.id] = choice
            card.feedback.value = feedback_html(feedback)
            self._update_score()

        _save()

    def answer(self, item_id: str, choice: str) -> None:
        """Choose for one statement as a participant would (used by tests and scripts)."""
        card = next(c for c in self.cards if c.item.id == item_id)
        card.choices.value = choice

    def _update_score(self) -> None:
        result = score(self.exercise, self.choices)
        kind = "success" if result.finished else "info"
        self.score.value = render("parts/score.html", kind=kind, message=result.message)
        self.try_again.disabled = self.group is None or result.answered == 0

    def restart(self) -> None:
        """Begin a new attempt: clear the screen, keep every saved row."""

        @guarded(self.status)
        def _restart() -> None:
            if not save_or_say(self._store, self.group, self.exercise.id, ATTEMPT_ITEM, {"attempt": self.attempt + 1}, self.status):
                return  # the answers stay on screen, as saved
            self.attempt += 1
            self._show_all({})
            self.status.value = notice(f"Attempt {self.attempt}: the statements are clear again. Your earlier answers are still saved.", "info")

        _restart()
