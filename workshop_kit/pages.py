"""Whole pages, one function each, so every notebook is two lines long.

A page is built from content files and widgets; building it never shows a
traceback to a participant. The group named in the address (``?group=...``)
is picked up so moving between steps keeps the table's name.
"""

from __future__ import annotations

import html
import logging
from typing import Callable
from urllib.parse import urlencode

import ipywidgets as widgets
from IPython.display import display

from . import content, context
from .content.model import Step
from .store import Group
from .widgets.common import PAGE_FAILED, notice, paragraph, text
from .widgets.group_picker import GroupPicker
from .widgets.sorting_quiz import SortingQuiz

log = logging.getLogger("workshop_kit")

START_NOTEBOOK = "00_start.ipynb"


def step_link(notebook: str, group: Group | None) -> str:
    """A relative address of a step page that carries the group's name along."""
    if group is None:
        return notebook
    return f"{notebook}?{urlencode({'group': group.name, 'mode': group.mode})}"


def _steps_html(steps: tuple[Step, ...], group: Group | None) -> str:
    rows = []
    for step in steps:
        title = html.escape(step.title)
        if step.ready:
            href = html.escape(step_link(step.notebook or "", group), quote=True)
            heading = f'<a class="kit-step-link" href="{href}">{title}</a>'
            status = ""
        else:
            heading = title
            status = ' <span class="kit-coming">(coming soon)</span>'
        rows.append(
            f'<li class="kit-step"><span class="kit-step-title">{heading}</span>{status}'
            f'<br><span class="kit-step-purpose">{html.escape(step.purpose)}</span> '
            f'<span class="kit-minutes">About {step.minutes} minutes.</span></li>'
        )
    return '<nav aria-label="Workshop steps"><ol class="kit-steps">' + "".join(rows) + "</ol></nav>"


def _picker(on_change: Callable[[Group], None], help_text: str = "") -> GroupPicker:
    return GroupPicker(
        context.store(),
        context.settings().session,
        on_change,
        initial_name=context.query_value("group"),
        initial_mode=context.query_value("mode"),
        help_text=help_text,
    )


def start_page() -> widgets.Widget:
    """What the day is about, the group's name, and a link to every step."""
    page = content.start_page()
    steps = widgets.HTML(_steps_html(page.steps, None))

    def group_chosen(group: Group) -> None:
        steps.value = _steps_html(page.steps, group)

    picker = _picker(group_chosen, page.group_help)
    header = widgets.HTML(
        f"<h1>{html.escape(page.title)}</h1>" + "".join(paragraph(p) for p in page.intro)
    )
    return widgets.VBox(
        [header, widgets.HTML("<h2>Your table</h2>"), picker.view, widgets.HTML("<h2>The steps</h2>"), steps]
    )


def _back_link(group: Group | None) -> str:
    href = html.escape(step_link(START_NOTEBOOK, group), quote=True)
    return f'<p class="kit-back"><a href="{href}">Back to the start page</a></p>'


def sorting_page(exercise_id: str) -> widgets.Widget:
    """A sorting exercise with its definitions, the group box and the quiz."""
    exercise = content.sorting_exercise(exercise_id)
    sources = content.sources()
    rows = "".join(
        f"<tr><th scope=\"row\">{html.escape(c.label)}</th><td>{html.escape(c.definition)}</td>"
        f"<td>{html.escape(sources[c.source].short)}</td></tr>"
        for c in exercise.categories
    )
    definitions = (
        '<table class="kit-table"><caption>The five kinds of statement</caption>'
        '<thead><tr><th scope="col">Kind</th><th scope="col">What it means</th><th scope="col">Source</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    drawn_from = "; ".join(sources[s].short for s in exercise.sources)
    header = widgets.HTML(
        f"<h1>{html.escape(exercise.title)}</h1>"
        + "".join(paragraph(p) for p in exercise.intro)
        + definitions
        + f'<p class="kit-source">This exercise draws on: {html.escape(drawn_from)}.</p>'
    )
    back = widgets.HTML(_back_link(None))
    quiz = SortingQuiz(exercise, context.store())

    def group_chosen(group: Group) -> None:
        back.value = _back_link(group)
        quiz.set_group(group)

    picker = _picker(group_chosen)
    return widgets.VBox([back, header, widgets.HTML("<h2>Your table</h2>"), picker.view, widgets.HTML("<h2>Sort the statements</h2>"), quiz.view])


def show(build: Callable[[], widgets.Widget]) -> None:
    """Display a page, or a plain sentence if it cannot be built."""
    try:
        display(build())
    except Exception:  # noqa: BLE001 - never a traceback on a participant's screen
        log.exception("page %s failed to build", getattr(build, "__name__", build))
        display(widgets.HTML(notice(PAGE_FAILED, "error")))


def show_start_page() -> None:
    show(start_page)


def show_outputs_outcomes_impact() -> None:
    show(lambda: sorting_page("outputs_outcomes_impact"))
