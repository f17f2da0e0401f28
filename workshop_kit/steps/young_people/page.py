"""Personal outcomes with young people, on screen: plain words, a short sort, "I want to...", and children's cases.

Saved rows: the sort as every :class:`SortingQuiz` saves (exercise ``young_people_sort``);
exercise ``young_people_own``, item ``own``: ``{"text": str}``, one row per save.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ... import content, context
from ...store import Group, Store
from ...widgets.common import guarded, live, notice, save_or_say, text
from ...widgets.page_parts import START_NOTEBOOK, back_link, group_picker, show as show_page, step_link
from ...widgets.sorting_quiz import SortingQuiz
from .cases import Case, cases, own_problem, plain_page

SORT_EXERCISE = "young_people_sort"
OWN_EXERCISE = "young_people_own"
STEP_NOTEBOOK = "03_personal_outcomes.ipynb"


def intro_html() -> str:
    page = plain_page()
    sentences = "".join(f"<p>{html.escape(s)}</p>" for s in page.intro)
    good = "".join(f"<li>{html.escape(s)}</li>" for s in page.good_outcome)
    return (
        f"{sentences}<h2>A good outcome</h2><ul>{good}</ul>"
        f'<p class="kit-source">From {html.escape(content.sources()[page.source].short)}, in plain words.</p>'
    )


def case_html(case: Case) -> str:
    """One child's or young person's case, from aspiration to the EHC plan's outcome (all synthetic)."""
    rows = (
        ("What they hope for (aspiration)", case.aspiration),
        (f"What they want now (outcome sought, {case.voice_label})", case.outcome_sought),
        ("How an EHC plan would write it (SMART outcome)", case.ehc_outcome),
        ("A smaller step for one service (target)", case.target),
        ("Written the service-led way (not an outcome)", f"{case.service_led} {case.why_service_led}"),
    )
    body = "".join(f'<tr><th scope="row">{html.escape(label)}</th><td>{html.escape(value)}</td></tr>' for label, value in rows)
    return (
        f'<div class="kit-card"><h3>{html.escape(case.name)}, {html.escape(case.age)}: {html.escape(case.stage_label)} (synthetic)</h3>'
        f"<p>{html.escape(case.about)}</p>"
        f'<table class="kit-table"><caption>{html.escape(case.name)}\'s outcome, step by step</caption><tbody>{body}</tbody></table></div>'
    )


def cases_html() -> str:
    found = cases()
    named = "; ".join(content.sources()[s].short for s in found.sources)
    return (
        f"<p>{html.escape(found.synthetic_note)}</p>"
        + "".join(case_html(c) for c in found.cases)
        + f'<p class="kit-source">The steps from aspiration to target follow {html.escape(named)}. The people are made up.</p>'
    )


class OwnOutcome:
    """One box for "I want to...", saved under the table's name and brought back on reload."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.group: Group | None = None
        self.box = widgets.Textarea(description="What I want", placeholder="I want to...", rows=3,
                                    layout=widgets.Layout(width="95%"), style={"description_width": "initial"})
        self.save = widgets.Button(description="Save what I want", button_style="primary",
                                   tooltip="Keep this under your table's name; you can change it and save again")
        self.message = live(widgets.HTML())
        self.save.on_click(lambda _b: self.keep())
        self.view = widgets.VBox([widgets.HTML(f"<p>{html.escape(plain_page().own_prompt)}</p>"), self.box, self.save, self.message])
        self.view.add_class("kit-card")
        self.set_group(None)

    def keep(self) -> None:
        @guarded(self.message)
        def _keep() -> None:
            problem = own_problem(self.box.value)
            if problem:
                self.message.value = notice(problem, "warning")
                return
            if save_or_say(self._store, self.group, OWN_EXERCISE, "own", {"text": self.box.value}, self.message):
                self.message.value = notice("Saved. You can change it and save again.", "success")

        _keep()

    def set_group(self, group: Group | None) -> None:
        @guarded(self.message)
        def _load() -> None:
            self.group = group
            self.box.disabled = self.save.disabled = group is None
            saved = self._store.latest(group, OWN_EXERCISE).get("own") if group is not None else None
            self.box.value = saved.payload.get("text", "") if saved is not None else ""
            self.message.value = (
                notice("Name your table at the top of the page first.", "info") if group is None
                else f'<p>Your saved words: {text(self.box.value)}</p>' if saved is not None else ""
            )

        _load()


def nav_html(group: Group | None) -> str:
    start = html.escape(step_link(START_NOTEBOOK, group), quote=True)
    step = html.escape(step_link(STEP_NOTEBOOK, group), quote=True)
    return (
        '<nav class="kit-step-nav" aria-label="Move between pages"><ul>'
        f'<li><a href="{step}">The full personal outcomes step (step 3)</a></li>'
        f'<li><a href="{start}">Back to the start page</a></li></ul></nav>'
    )


def build() -> widgets.Widget:
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
    page = widgets.VBox([
        back,
        widgets.HTML(f"<h1>{html.escape(page_text.title)}</h1><p><em>{html.escape(page_text.for_whom)}</em></p>"),
        widgets.HTML("<h2>Your table</h2>"), picker.view,
        widgets.HTML("<h2>What is a personal outcome?</h2>" + intro_html()),
        widgets.HTML(f"<h2>{html.escape(quiz.exercise.title)}</h2>"), quiz.view,
        widgets.HTML("<h2>What I want</h2>"), own.view,
        widgets.HTML("<h2>Children's and young people's stories</h2>" + cases_html()),
        nav,
    ])
    page.quiz = quiz  # type: ignore[attr-defined]
    page.own = own  # type: ignore[attr-defined]
    page.picker = picker  # type: ignore[attr-defined]
    return page


def show() -> None:
    show_page(build)
