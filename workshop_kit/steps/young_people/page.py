"""Personal outcomes with young people, on screen: plain words, a short sort, "I want to...", and children's cases.

What it saves is in ``record.py``.
"""

from __future__ import annotations

import ipywidgets as widgets

from ... import content, context
from ...markup import render
from ...store import Group, Store
from ...widgets.common import guarded, live, notice, paragraph, save_or_say
from ...widgets.group_picker import GroupPicker
from ...widgets.page_parts import back_link, group_picker, heading, show as show_page
from ...widgets.sorting_quiz import SortingQuiz
from . import OWN_EXERCISE, SORT_EXERCISE
from .logic import own_problem, plain_page
from .record import OWN_ITEM, OwnWords, own_words
from .views import cases_html, intro_html, nav_html


class OwnOutcome:
    """One box for "I want to...", saved under the table's name and brought back on reload."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.group: Group | None = None
        self.box = widgets.Textarea(description="What I want", placeholder="I want to...", rows=3, layout=widgets.Layout(width="95%"), style={"description_width": "initial"})
        self.save = widgets.Button(description="Save what I want", button_style="primary", tooltip="Keep this under your table's name; you can change it and save again")
        self.message = live(widgets.HTML())
        self.save.on_click(lambda _b: self.keep())
        self.view = widgets.VBox([widgets.HTML(paragraph(plain_page().own_prompt)), self.box, self.save, self.message])
        self.view.add_class("kit-card")
        self.set_group(None)

    def keep(self) -> None:
        @guarded(self.message)
        def _keep() -> None:
            problem = own_problem(self.box.value)
            if problem:
                self.message.value = notice(problem, "warning")
                return
            if save_or_say(self._store, self.group, OWN_EXERCISE, OWN_ITEM, OwnWords(self.box.value).payload(), self.message):
                self.message.value = notice("Saved. You can change it and save again.", "success")

        _keep()

    def set_group(self, group: Group | None) -> None:
        @guarded(self.message)
        def _load() -> None:
            self.group = group
            self.box.disabled = self.save.disabled = group is None
            saved = own_words(self._store.latest(group, OWN_EXERCISE)) if group is not None else None
            self.box.value = saved.text if saved is not None else ""
            if group is None:
                self.message.value = notice("Name your table at the top of the page first.", "info")
            else:
                self.message.value = render("steps/young_people/own_saved.html", words=self.box.value) if saved is not None else ""

        _load()


class YoungPeoplePage(widgets.VBox):
    """The whole page. Its parts are public so tests and scripts can drive it as a table would."""

    quiz: SortingQuiz
    own: OwnOutcome
    picker: GroupPicker


def build() -> YoungPeoplePage:
    store = context.store()
    quiz = SortingQuiz(content.sorting_exercise(SORT_EXERCISE), store)
    own = OwnOutcome(store)
    back = widgets.HTML(back_link(None))
    nav = widgets.HTML(nav_html(None))

    def group_changed(group: Group | None) -> None:
        quiz.set_group(group)
        own.set_group(group)
        back.value = back_link(group)
        nav.value = nav_html(group)

    page_text = plain_page()
    picker = group_picker(group_changed, "Type your table's name. Your answers are saved under it.")
    page = YoungPeoplePage(
        [
            back,
            widgets.HTML(render("steps/young_people/header.html", title=page_text.title, for_whom=page_text.for_whom)),
            widgets.HTML(heading("Your table")),
            picker.view,
            widgets.HTML(intro_html()),
            widgets.HTML(heading(quiz.exercise.title)),
            quiz.view,
            widgets.HTML(heading("What I want")),
            own.view,
            widgets.HTML(cases_html()),
            nav,
        ]
    )
    page.quiz = quiz
    page.own = own
    page.picker = picker
    return page


def show() -> None:
    show_page(build)
