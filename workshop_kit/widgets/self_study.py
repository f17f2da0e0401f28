"""Help for someone working alone: hints one at a time, and a model answer only when asked."""

from __future__ import annotations

from typing import Sequence

import ipywidgets as widgets
from markupsafe import Markup

from ..markup import render

from .common import live


class SelfStudyHelp:
    """'Show a hint' reveals the next hint; 'Show a model answer' reveals the answer."""

    def __init__(self, hints: Sequence[str], model_answer_html: str) -> None:
        self._hints = list(hints)
        self._model_answer_html = model_answer_html
        self.shown_hints = 0
        self.hint_button = widgets.Button(description="Show a hint", tooltip="A nudge that does not give the answer away")
        self.answer_button = widgets.Button(description="Show a model answer", tooltip="One good answer, with the reasoning")
        self.hints = live(widgets.HTML())
        self.answer = widgets.HTML()
        self.hint_button.on_click(lambda _b: self.next_hint())
        self.answer_button.on_click(lambda _b: self.show_answer())
        self.hint_button.disabled = not self._hints
        self.view = widgets.VBox(
            [
                widgets.HTML(render("parts/self_study_intro.html")),
                widgets.HBox([self.hint_button, self.answer_button]),
                self.hints,
                self.answer,
            ]
        )
        self.view.add_class("kit-self-study")

    def next_hint(self) -> None:
        if self.shown_hints < len(self._hints):
            self.shown_hints += 1
        self.hints.value = render("parts/hints.html", hints=self._hints[: self.shown_hints])
        self.hint_button.disabled = self.shown_hints >= len(self._hints)
        if self.hint_button.disabled:
            self.hint_button.description = "No more hints"

    def show_answer(self) -> None:
        self.answer.value = render("parts/model_answer.html", answer_html=Markup(self._model_answer_html))
        self.answer_button.disabled = True

    def reset(self) -> None:
        """Hide hints and the answer again, for the next group."""
        self.shown_hints = 0
        self.hints.value = ""
        self.answer.value = ""
        self.hint_button.disabled = not self._hints
        self.hint_button.description = "Show a hint"
        self.answer_button.disabled = False
