"""Step 3: draft the area's strategic outcome statements, with a live review and saved versions.

One draft per common theme (Council for Disabled Children, "Outcomes, outputs
and impact"), plus "Add another draft". Each draft is reviewed after a pause in
typing, on "Check and save" and when "Propose to the room" is ticked; each
review that finds a changed wording (or a changed tick) saves a new row, so
the store holds every version. Reloading shows the latest wording and its
history; restoring an earlier wording saves it again as a new version.

Saved rows: exercise ``drafting_statements``, item = theme id such as ``fun``,
or ``extra-1``, ``extra-2``... for added drafts; one row per version, shaped by
``logic.draft_payload``. Empty and over-long drafts are never saved.
"""

from __future__ import annotations

import asyncio
from typing import Any

import ipywidgets as widgets

from ... import context
from .logic import (
    DraftingContent,
    DraftReview,
    Theme,
    Version,
    draft_payload,
    extra_ids,
    payloads_by_item,
    load,
    next_extra_id,
    preview,
    review_draft,
    versions,
)
from ...scoring.warm import warm_up
from ...store import Group, Store
from ...widgets.common import NAME_FIRST, guarded, live, notice, save_or_say
from .views import draft_heading_html, history_html, intro_html, model_answer_html, proposed_html, review_html, section
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.verdict import verdict_fields

from . import EXERCISE

PAUSE_SECONDS = 0.8
BEFORE_NAMING = "Type your table's name at the top of the page to start. Your drafts are saved under it."


class DraftCard:
    """One draft: the text box, its review, "Propose to the room" and its history."""

    def __init__(self, board: "DraftingBoard", item_id: str, theme: Theme | None, number: int) -> None:
        self.board = board
        self.item_id = item_id
        self.theme = theme
        self.loading = False
        self.saved_text = ""
        self.saved_proposed = False
        self.history: list[Version] = []
        self._timer: Any = None
        self.heading = widgets.HTML(draft_heading_html(number, theme))
        self.box = widgets.Textarea(
            description=f"Draft {number} wording",
            placeholder="Children and young people ...",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="48em", max_width="100%", height="5em"),
        )
        self.check_button = widgets.Button(description="Check and save", tooltip=f"Review draft {number} now and save it")
        self.proposed = widgets.Checkbox(description=f"Propose draft {number} to the room", indent=False, value=False)
        self.feedback = live(widgets.HTML())
        self.status = live(widgets.HTML())
        self.history_view = widgets.HTML()
        self.version_choice = widgets.Dropdown(description="Earlier wording", options=[], value=None, style={"description_width": "initial"}, layout=widgets.Layout(width="40em", max_width="100%"))
        self.restore_button = widgets.Button(description="Restore this wording", tooltip="Put the chosen wording back; it is saved as a new version")
        self.view = widgets.VBox(
            [
                self.heading,
                self.box,
                widgets.HBox([self.check_button, self.proposed]),
                self.status,
                self.feedback,
                self.history_view,
                widgets.HBox([self.version_choice, self.restore_button]),
            ]
        )
        self.view.add_class("kit-card")
        self.view.add_class("kit-draft")
        self.box.observe(self._typed, names="value")
        self.proposed.observe(self._proposed_changed, names="value")
        self.check_button.on_click(lambda _b: self.board.check(self, "check"))
        self.restore_button.on_click(lambda _b: self.board.restore(self, self.version_choice.value))

    def set_enabled(self, enabled: bool) -> None:
        for w in (self.box, self.check_button, self.proposed, self.version_choice, self.restore_button):
            w.disabled = not enabled
        if enabled:
            self.restore_button.disabled = not self.history

    def show_saved(self, found: list[Version]) -> None:
        """Put the latest saved wording and its history on screen without saving again."""
        self.history = found
        latest = found[-1] if found else None
        self.saved_text = latest.text if latest else ""
        self.saved_proposed = latest.proposed if latest else False
        self.put(self.saved_text, self.saved_proposed)
        self.version_choice.options = [(f"Version {v.number}: {preview(v.text)}", v.number) for v in reversed(found)]
        self.version_choice.value = None
        self.history_view.value = history_html(found)
        self.restore_button.disabled = self.box.disabled or not found

    def put(self, wording: str | None = None, proposed: bool | None = None) -> None:
        """Change the wording or the tick on screen without it counting as typing (nothing is reviewed or saved)."""
        self.loading = True
        try:
            self.box.value = self.box.value if wording is None else wording
            self.proposed.value = self.proposed.value if proposed is None else proposed
        finally:
            self.loading = False

    def cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _typed(self, _change: dict[str, Any]) -> None:
        if self.loading:
            return
        self.cancel_timer()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return  # no event loop (tests, scripts): the review runs on "Check and save"
        self._timer = loop.call_later(self.board.pause, lambda: self.board.check(self, "pause"))

    def _proposed_changed(self, _change: dict[str, Any]) -> None:
        if not self.loading:
            self.board.check(self, "propose")


class DraftingBoard:
    """All the drafts of one table, saving under its group."""

    def __init__(self, drafting: DraftingContent, store: Store, group: Group | None = None, pause: float = PAUSE_SECONDS) -> None:
        self.drafting = drafting
        self._store = store
        self.pause = pause
        self.group: Group | None = None
        self.status = live(widgets.HTML())
        self.cards: list[DraftCard] = []
        self.cards_box = widgets.VBox()
        self.add_button = widgets.Button(description="Add another draft", tooltip="A new, empty draft of your own")
        self.add_button.on_click(lambda _b: self.add_draft())
        self.proposed_view = live(widgets.HTML())
        self.view = widgets.VBox(
            [
                self.status,
                self.cards_box,
                self.add_button,
                widgets.HTML(section("proposed")),
                self.proposed_view,
            ]
        )
        self.view.add_class("kit-drafting")
        self.set_group(group)

    # -- cards ----------------------------------------------------------------

    def _reset_cards(self, extras: list[str]) -> None:
        for card in self.cards:
            card.cancel_timer()
        self.cards = [DraftCard(self, t.id, t, n) for n, t in enumerate(self.drafting.themes, start=1)]
        for extra in extras:
            self.cards.append(DraftCard(self, extra, None, len(self.cards) + 1))
        self.cards_box.children = [c.view for c in self.cards]

    def card(self, item_id: str) -> DraftCard:
        return next(c for c in self.cards if c.item_id == item_id)

    def add_draft(self) -> DraftCard | None:
        if self.group is None:
            return None
        card = DraftCard(self, next_extra_id(c.item_id for c in self.cards), None, len(self.cards) + 1)
        card.set_enabled(True)  # no history yet, so nothing to restore
        self.cards.append(card)
        self.cards_box.children = [c.view for c in self.cards]
        return card

    # -- loading --------------------------------------------------------------

    def set_group(self, group: Group | None) -> None:
        """Switch to a group and show the latest wording of each of its drafts."""

        @guarded(self.status)
        def _load() -> None:
            self.group = group
            by_item = payloads_by_item(self._store.history(group, EXERCISE) if group is not None else [])
            self._reset_cards(extra_ids(by_item))
            for card in self.cards:
                card.set_enabled(group is not None)
                if group is not None:
                    card.show_saved(versions(by_item.get(card.item_id, [])))
            self.add_button.disabled = group is None
            saved = sum(1 for c in self.cards if c.history)
            self.status.value = StepPage.welcome_back(group, f"The latest wording of your {saved} saved draft(s) is shown below." if saved else "", BEFORE_NAMING)
            self._show_proposed()

        _load()

    # -- reviewing and saving -------------------------------------------------

    def check(self, card: DraftCard, trigger: str = "check") -> DraftReview | None:
        """Review a draft and save it as a new version if its wording or its tick changed."""

        @guarded(card.feedback)
        def _check() -> DraftReview | None:
            card.cancel_timer()
            value = card.box.value
            result = review_draft(value, card.theme, self.drafting)
            card.feedback.value = review_html(result, self.drafting.max_chars)
            if self.group is None:
                card.status.value = notice(NAME_FIRST, "warning")
                return result
            if result.too_long:
                card.status.value = notice("Not saved: the draft is too long.", "warning")
                return result
            if result.empty:
                if card.proposed.value:
                    card.put(proposed=False)
                    card.status.value = notice("Write a draft before proposing it to the room.", "warning")
                return result
            if value == card.saved_text and card.proposed.value == card.saved_proposed and trigger != "restore":
                return result
            self._save(card, result, trigger)
            return result

        return _check()

    def _save(self, card: DraftCard, result: DraftReview, trigger: str, restored_from: int | None = None) -> None:
        assert self.group is not None and result.review is not None
        payload = draft_payload(card.theme, result, bool(card.proposed.value), len(card.history) + 1, verdict_fields(result.review), trigger, restored_from)
        if not save_or_say(self._store, self.group, EXERCISE, card.item_id, payload, card.status):
            return  # said so plainly; the wording stays on screen
        card.show_saved(card.history + [Version(payload["version"], result.text, payload["proposed"], restored_from)])
        card.status.value = notice(f"Saved as version {payload['version']}.", "success")
        self._show_proposed()

    def restore(self, card: DraftCard, number: int | None) -> None:
        """Put an earlier wording back on screen and save it as a new version."""

        @guarded(card.status)
        def _restore() -> None:
            if self.group is None:
                return
            chosen = next((v for v in card.history if v.number == number), None)
            if chosen is None:
                card.status.value = notice("Choose an earlier wording from the list first.", "warning")
                return
            card.cancel_timer()
            card.put(chosen.text)
            result = review_draft(chosen.text, card.theme, self.drafting)
            card.feedback.value = review_html(result, self.drafting.max_chars)
            self._save(card, result, "restore", restored_from=chosen.number)

        _restore()

    def _show_proposed(self) -> None:
        self.proposed_view.value = proposed_html([(c.theme, c.history[-1].text) for c in self.cards if c.history and c.history[-1].proposed])


class DraftingPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    board: DraftingBoard


def build() -> DraftingPage:
    warm_up()  # before the visitor arrives, so the first answer is as quick as the rest
    drafting = load()
    board = DraftingBoard(drafting, context.store())
    page = step_frame(
        EXERCISE,
        board.view,
        board.set_group,
        intro=drafting.intro,
        intro_html=intro_html(drafting),
        hints=drafting.hints,
        model_answer_html=model_answer_html(drafting),
        body_heading="Your drafts",
        page_class=DraftingPage,
    )
    page.board = board
    return page


def show() -> None:
    show_page(build)
