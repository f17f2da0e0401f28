"""A text box the kit reviews as an outcome statement after a pause in typing: the levels ladder's
rungs and the personal outcomes rewrites use it."""

from __future__ import annotations

import threading
from typing import Callable

import ipywidgets as widgets
from markupsafe import Markup

from ..markup import render
from ..scoring import review_outcome
from ..scoring.results import ReviewResult
from .common import guarded, live, notice
from .verdict import verdict_css, verdict_html

MAX_TEXT = 2000
"""Free text longer than this is not reviewed or saved; the table is told so plainly."""

CRITERION_NAMES = {
    "change_for_people": "A change for people",
    "names_a_change": "Names a change you could see",
    "not_provision": "More than a service received",
    "broad": "Big and broad",
    "about_people_served": "About the people served",
    "person_centred": "Led by the person",
    "time_bound": "Time-bound",
    "measurable": "Measurable",
    "specific": "Specific",
    "strengths_not_deficits": "Strengths, not deficits",
    "plain_english": "Plain English",
    "one_outcome": "One outcome",
}


def too_long(value: str) -> str:
    """A plain sentence when free text is over the limit, else ''."""
    if len(value) <= MAX_TEXT:
        return ""
    return f"That is {len(value):,} characters long. Please keep it under {MAX_TEXT:,} characters; it has not been checked or saved."


def review_html(result: ReviewResult) -> str:
    """A review as a table: each criterion passed or not, why, and a tip; then the score. All text escaped."""
    if result.empty:
        return notice("There is nothing to check yet. Type a statement first.", "info")
    return render(
        "parts/review.html",
        css=verdict_css(result),
        verdict=Markup(verdict_html(result)),
        level=result.level_named,
        rows=[(CRITERION_NAMES.get(c.name, c.name), c) for c in result.criteria],
        score_explained=result.score_explained,
    )


class ReviewedText:
    """A labelled text box reviewed with ``review_outcome`` after a pause in typing, or at once by its Check button.

    ``on_checked(box, result)`` is called after each review of acceptable text,
    so the owner can save it. Set ``debounce`` to None to turn off the pause
    timer (the Check button and :meth:`check` still work).
    """

    debounce: float | None = 0.8

    def __init__(self, label: str, level: str, on_checked: Callable[["ReviewedText", ReviewResult], None], button_label: str, placeholder: str = "", rows: int = 3) -> None:
        self.level = level
        self._on_checked = on_checked
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self.box = widgets.Textarea(
            description=label,
            placeholder=placeholder,
            continuous_update=True,
            rows=rows,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        self.check_button = widgets.Button(description=button_label, tooltip="Review this statement now")
        self.feedback = live(widgets.HTML())
        self.view = widgets.VBox([self.box, self.check_button, self.feedback])
        self.view.add_class("kit-reviewed")
        self.box.observe(self._typed, names="value")
        self.check_button.on_click(lambda _b: self.check())
        self._loading = False

    @property
    def value(self) -> str:
        return self.box.value

    def _typed(self, _change: object) -> None:
        if self._loading or self.debounce is None:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.debounce, self.check)
        self._timer.daemon = True
        self._timer.start()

    def check(self) -> ReviewResult | None:
        """Review the text now and show the result; returns it (None when the text is too long)."""

        @guarded(self.feedback)
        def _check() -> ReviewResult | None:
            with self._lock:
                value = self.box.value
                message = too_long(value)
                if message:
                    self.feedback.value = notice(message, "warning")
                    return None
                result = review_outcome(value, self.level)
                self.feedback.value = review_html(result)
                if value.strip():
                    self._on_checked(self, result)
                return result

        return _check()

    def show(self, value: str) -> None:
        """Put saved text back without saving it again, with its review."""
        self._loading = True
        try:
            self.box.value = value
        finally:
            self._loading = False
        self.feedback.value = review_html(review_outcome(value, self.level)) if value and not too_long(value) else ""

    def set_disabled(self, disabled: bool) -> None:
        self.box.disabled = disabled
        self.check_button.disabled = disabled

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
