"""Step 3: personal outcomes (Social Care Wales, "Understanding an outcomes approach").

The page has three parts: spot the personal outcome among services and
resources (a sorting exercise), rewrite weak statements with a live review as
an individual outcome, and the OARS conversation skills as prompts a
practitioner can use (not a quiz).

Saved rows (``store.save(group, exercise, item, payload)``; nothing is updated):

* exercise ``personal_outcomes_sort`` (the :class:`SortingQuiz` rows):
  item = statement id, ``{"choice", "attempt", "correct", "verdict"}``; item
  ``_attempt``: ``{"attempt": n}``.
* exercise ``personal_rewrite``: item = weak statement id (from
  ``content/personal_outcomes/guide.json``), one row per new version of the
  rewrite, after a pause in typing or on "Check":
  ``{"text": str, "version": int, "score": int | None, "before": int | None,
  "failed": [criterion names]}``. ``store.history`` gives every version.
"""

from __future__ import annotations

from typing import Callable

import ipywidgets as widgets

from ... import content, context
from .logic import LEVEL, WeakStatement, compare_rewrite, guide
from ...scoring import review_outcome
from ...scoring.results import ReviewResult
from ...scoring.warm import warm_up
from ...store import Group, Store
from ...widgets.common import NAME_FIRST, SAVE_FAILED, guarded, live, notice
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.sorting_quiz import SortingQuiz
from ...widgets.verdict import verdict_fields, verdict_said
from ...widgets.reviewed_text import CRITERION_NAMES, ReviewedText

from . import REWRITE_EXERCISE, SORT_EXERCISE
from .views import model_answer_html, oars_html, qualities_html, section, weak_statement_html

BEFORE_NAMING = "Name your table at the top of the page to start. Each version you check is saved."


class RewriteCard:
    """One weak statement, its review, and the table's rewrite reviewed as they type."""

    def __init__(self, number: int, weak: WeakStatement, on_checked: Callable[[RewriteCard, ReviewResult, int | None], str]) -> None:
        self.weak = weak
        self.number = number
        self._on_checked = on_checked
        original = review_outcome(weak.text, LEVEL)
        not_met = [CRITERION_NAMES.get(c.name, c.name) for c in original.criteria if not c.passed]
        self.original = widgets.HTML(weak_statement_html(number, weak, verdict_said(original), not_met))
        self.reviewed = ReviewedText(f"Your rewrite of statement {number}", LEVEL, self._checked, f"Check rewrite {number}", placeholder="I want to...", rows=2)
        self.comparison = live(widgets.HTML())
        self.view = widgets.VBox([self.original, self.reviewed.view, self.comparison])
        self.view.add_class("kit-card")
        self.view.add_class("kit-rewrite")

    def _checked(self, box: ReviewedText, result: ReviewResult) -> None:
        comparison = compare_rewrite(self.weak.text, result)
        gained = ", ".join(CRITERION_NAMES.get(n, n) for n in comparison.gained)
        message = comparison.summary + (f" Now met: {gained}." if gained else "")
        saved_note = self._on_checked(self, result, comparison.before)
        self.comparison.value = notice(message + (f" {saved_note}" if saved_note else ""), "success" if (comparison.after or 0) > (comparison.before or 0) else "info")


class RewriteExercise:
    """All the rewrite cards, saving each new version under one group."""

    def __init__(self, store: Store, group: Group | None = None) -> None:
        self._store = store
        self.group: Group | None = None
        self._saved: dict[str, str] = {}
        self._versions: dict[str, int] = {}
        self.status = live(widgets.HTML())
        self.cards = [RewriteCard(n, w, self._save) for n, w in enumerate(guide().weak_statements, start=1)]
        self.view = widgets.VBox([self.status, *[c.view for c in self.cards]])
        self.set_group(group)

    def card(self, weak_id: str) -> RewriteCard:
        return next(c for c in self.cards if c.weak.id == weak_id)

    def _save(self, card: RewriteCard, result: ReviewResult, before: int | None) -> str:
        """Save a new version; return a sentence for the card ('' when nothing new was saved)."""
        item = card.weak.id
        value = card.reviewed.value
        if self.group is None:
            self.status.value = notice(NAME_FIRST, "warning")
            return ""
        if self._saved.get(item, "") == value:
            return f"Version {self._versions.get(item, 0)} is saved." if self._versions.get(item) else ""
        version = self._versions.get(item, 0) + 1
        try:
            self._store.save(
                self.group,
                REWRITE_EXERCISE,
                item,
                {
                    "text": value,
                    "version": version,
                    "score": result.score,
                    "before": before,
                    **verdict_fields(result),
                    "failed": [c.name for c in result.criteria if not c.passed],
                },
            )
        except Exception:  # noqa: BLE001 - say so plainly; keep the text on screen
            return SAVE_FAILED
        self._saved[item] = value
        self._versions[item] = version
        return f"Saved as version {version}."

    def set_group(self, group: Group | None) -> None:
        @guarded(self.status)
        def _load() -> None:
            self.group = group
            for card in self.cards:
                card.reviewed.cancel()
                card.reviewed.set_disabled(group is None)
                card.comparison.value = ""
            self._saved, self._versions = {}, {}
            if group is not None:
                for card in self.cards:
                    history = self._store.history(group, REWRITE_EXERCISE, card.weak.id)
                    if history:
                        self._saved[card.weak.id] = history[-1].payload.get("text", "")
                        self._versions[card.weak.id] = len(history)
            for card in self.cards:
                card.reviewed.show(self._saved.get(card.weak.id, ""))
                if card.weak.id in self._versions:
                    card.comparison.value = notice(f"Version {self._versions[card.weak.id]} is saved.", "info")
            saved = f"Your latest rewrites are shown below ({len(self._saved)} of {len(self.cards)} statements rewritten so far)." if self._saved else ""
            self.status.value = StepPage.welcome_back(group, saved, BEFORE_NAMING)

        _load()


class PersonalOutcomesPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    quiz: SortingQuiz
    rewrites: RewriteExercise


def build() -> PersonalOutcomesPage:
    warm_up()  # before the visitor arrives, so the first answer is as quick as the rest
    store = context.store()
    quiz = SortingQuiz(content.sorting_exercise(SORT_EXERCISE), store)
    rewrites = RewriteExercise(store)

    def on_group(group: Group | None) -> None:
        quiz.set_group(group)
        rewrites.set_group(group)

    body = widgets.VBox(
        [
            widgets.HTML(section("spot")),
            quiz.view,
            widgets.HTML(section("rewrite")),
            rewrites.view,
            widgets.HTML(oars_html()),
        ]
    )
    page = step_frame(
        "personal_outcomes",
        body,
        on_group,
        intro=(
            "A personal outcome describes what a person wants to achieve: a realistic goal that they, and the "
            "people supporting them, can work towards. It is about what matters to that person, so no two are the same.",
        ),
        intro_html=qualities_html(),
        hints=guide().hints,
        model_answer_html=model_answer_html(),
        body_heading="Spot, rewrite, and talk",
        page_class=PersonalOutcomesPage,
    )
    page.quiz = quiz
    page.rewrites = rewrites
    return page


def show() -> None:
    show_page(build)
