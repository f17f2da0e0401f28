"""The presenter page on screen: one slide at a time, buttons and keys to move, large type, check questions.

Speaker notes are never shown here; they are in the facilitator guide
(``facilitator_guide/presenter.md``). Answers to the check questions are saved
under the table's name and come back on reload.
"""

from __future__ import annotations

import ipywidgets as widgets

from ... import context
from ...store import Group, Store
from ...widgets.common import guarded, live, notice, save_or_say
from ...widgets.group_picker import GroupPicker
from ...widgets.inbound import REPEATABLE
from ...widgets.page_parts import back_link, group_picker, heading, page_header, show as show_page
from . import EXERCISE
from .logic import Deck, Slide, check_answer, deck, first_of_talk, move
from .record import CheckAnswer, check_answers
from .views import nav_html, question_html, slide_html


class PresenterPage:
    """The slides and their controls, saving check answers under one group."""

    def __init__(self, store: Store, d: Deck | None = None) -> None:
        self._store = store
        self.deck = d or deck()
        self.group: Group | None = None
        self.position = 0
        self.answers: dict[str, int] = {}
        self.status = live(widgets.HTML())
        self.slide = live(widgets.HTML())
        self.slide.add_class("kit-slide")
        self.first = widgets.Button(description="First slide", tooltip="Go to the first slide (Home key)")
        self.previous = widgets.Button(description="Previous slide", tooltip="Go back one slide (left arrow)")
        self.next = widgets.Button(description="Next slide", button_style="primary", tooltip="Go on one slide (right arrow or space)")
        self.last = widgets.Button(description="Last slide", tooltip="Go to the last slide (End key)")
        for button, how in ((self.first, "first"), (self.previous, "previous"), (self.next, "next"), (self.last, "last")):
            button.add_class(f"kit-slide-{how}")
            setattr(button, REPEATABLE, True)  # a quick second press of an arrow key is a second slide, not a double click
            button.on_click(lambda _b, how=how: self.go(how))
        self.large = widgets.ToggleButton(value=False, description="Large type for a projector", tooltip="Make the slide text much bigger, for a projector at the front of the room")
        self.large.observe(lambda _c: self._large_changed(), names="value")
        self.talk_buttons = []
        for talk in self.deck.talks:
            button = widgets.Button(description=f"Start: {talk.title}", tooltip=f"Go to the first slide of {talk.slot}")
            button.on_click(lambda _b, talk_id=talk.id: self.show(first_of_talk(self.deck, talk_id)))
            self.talk_buttons.append(button)
        self.question = widgets.HTML()
        self.options = widgets.RadioButtons(options=[], value=None, description="Your answer:", style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
        self.check = widgets.Button(description="Check our answer", tooltip="See whether your table's answer fits, and why")
        self.check.on_click(lambda _b: self.answer())
        self.feedback = live(widgets.HTML())
        self._check_parts = (self.question, self.options, self.check, self.feedback)
        self.check_box = widgets.VBox(list(self._check_parts))
        self.check_box.add_class("kit-card")
        self.controls = widgets.HBox([self.first, self.previous, self.next, self.last])
        self.controls.add_class("kit-slide-controls")
        self.view = widgets.VBox([self.status, widgets.HBox(self.talk_buttons), self.large, self.slide, self.check_box, self.controls])
        self.view.add_class("kit-slides")
        self.set_group(None)

    # -- moving ---------------------------------------------------------------

    def go(self, how: str) -> None:
        self.show(move(self.position, how, len(self.deck.slides)))

    def show(self, position: int) -> None:
        """Put slide ``position`` on screen, with its check question and any answer the table gave."""

        @guarded(self.status)
        def _show() -> None:
            self.position = max(0, min(position, len(self.deck.slides) - 1))
            slide = self.deck.slides[self.position]
            self.slide.value = slide_html(self.deck, self.position)
            self.first.disabled = self.previous.disabled = self.position == 0
            self.next.disabled = self.last.disabled = self.position == len(self.deck.slides) - 1
            self._show_check(slide)

        _show()

    def _show_check(self, slide: Slide) -> None:
        if slide.check is None:
            # out of the page altogether, not just hidden: nothing to tab to or press on a slide without a question
            self.check_box.children = ()
            self.check_box.layout.display = "none"
            self.options.options = []
            self.feedback.value = ""
            return
        self.check_box.children = self._check_parts
        self.check_box.layout.display = None
        self.question.value = question_html(slide.check.question)
        self.options.options = [(o.text, n) for n, o in enumerate(slide.check.options)]
        saved = self.answers.get(slide.id)
        self.options.value = saved
        self.options.disabled = self.check.disabled = self.group is None
        self.feedback.value = self._feedback_html(slide, saved) if saved is not None else ""

    @staticmethod
    def _feedback_html(slide: Slide, option: int) -> str:
        result = check_answer(slide, option)
        return notice(result.sentence, "success" if result.correct else "warning")

    def _large_changed(self) -> None:
        if self.large.value:
            self.view.add_class("kit-slides-large")
        else:
            self.view.remove_class("kit-slides-large")

    # -- answering ------------------------------------------------------------

    def answer(self) -> None:
        slide = self.deck.slides[self.position]

        @guarded(self.feedback)
        def _answer() -> None:
            if slide.check is None:
                return
            if self.options.value is None:
                self.feedback.value = notice("Choose an answer first, then press Check our answer.", "warning")
                return
            option = int(self.options.value)
            result = check_answer(slide, option)
            if not save_or_say(self._store, self.group, EXERCISE, slide.id, CheckAnswer(option, result.correct).payload(), self.feedback):
                return
            self.answers[slide.id] = option
            self.feedback.value = self._feedback_html(slide, option)

        _answer()

    def set_group(self, group: Group | None) -> None:
        """Switch to a group and bring back its answers to the check questions."""

        @guarded(self.status)
        def _load() -> None:
            self.group = group
            self.answers = {}
            if group is not None:
                self.answers = check_answers(self._store.latest(group, EXERCISE), self.deck)
            self.status.value = notice(f"Welcome back. {len(self.answers)} of your table's answers to the check questions are shown on their slides.", "success") if self.answers else ""
            self.show(self.position)

        _load()


class SlidesPage(widgets.VBox):
    """The whole page. Its parts are public so tests and scripts can drive it as a table would."""

    presenter: PresenterPage
    picker: GroupPicker


def build() -> SlidesPage:
    body = PresenterPage(context.store())
    back = widgets.HTML(back_link(None))
    nav = widgets.HTML(nav_html(None))

    def group_changed(group: Group | None) -> None:
        body.set_group(group)
        back.value = back_link(group)
        nav.value = nav_html(group)

    picker = group_picker(group_changed, "Name your table to answer the check questions; the answers are saved under it.")
    header = widgets.HTML(page_header(body.deck.title, body.deck.intro))
    page = SlidesPage([back, header, widgets.HTML(heading("Your table")), picker.view, body.view, nav])
    page.presenter = body
    page.picker = picker
    return page


def show() -> None:
    show_page(build)
