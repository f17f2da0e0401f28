"""The start page: what the day is about, the table's name, and a link to every step."""

from __future__ import annotations

import ipywidgets as widgets
from markupsafe import Markup

from .. import content, steps
from ..content.model import Step
from ..markup import render
from ..store import Group
from ..widgets.page_parts import group_picker, heading, page_header, progress_link, show as show_page, step_link


def steps_html(steps: tuple[Step, ...], group: Group | None) -> str:
    """The list of steps: ready ones as links carrying the group, the rest marked as coming."""
    rows = [(step, step_link(step.notebook or "", group) if step.ready else "") for step in steps]
    return render("pages/start/steps.html", rows=rows)


def self_study_html(group: Group | None) -> str:
    """The way to the progress page, for anyone studying alone (never one of the steps)."""
    page = content.start_page().progress
    if page is None:
        return ""
    return render("pages/start/self_study.html", start_text=page.start_text, link=Markup(progress_link(group)))


def talks_html(group: Group | None) -> str:
    """The way to the pages beside the steps (``steps.SIDE_PAGES``): the talks' slides, and step 3 with young people."""
    side = steps.side_pages()
    return render(
        "pages/start/talks.html",
        presenter_href=step_link(side["presenter"].notebook, group),
        young_people_href=step_link(side["young_people"].notebook, group),
    )


def build() -> widgets.Widget:
    page = content.start_page()
    listed = steps.listed()
    step_list = widgets.HTML(steps_html(listed, None))
    self_study = widgets.HTML(self_study_html(None))
    talks = widgets.HTML(talks_html(None))

    def group_chosen(group: Group | None) -> None:
        step_list.value = steps_html(listed, group)
        self_study.value = self_study_html(group)
        talks.value = talks_html(group)

    picker = group_picker(group_chosen, page.group_help)
    header = widgets.HTML(page_header(page.title, page.intro))
    return widgets.VBox([header, widgets.HTML(heading("Your table")), picker.view, widgets.HTML(heading("The steps")), step_list, talks, self_study])


def show() -> None:
    show_page(build)
