"""The start page: what the day is about, the table's name, and a link to every step."""

from __future__ import annotations

import html

import ipywidgets as widgets

from .. import content, steps
from ..content.model import Step
from ..store import Group
from ..widgets.common import paragraph
from ..widgets.page_parts import group_picker, progress_link, show as show_page, step_link


def steps_html(steps: tuple[Step, ...], group: Group | None) -> str:
    """The list of steps: ready ones as links carrying the group, the rest marked as coming."""
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


def self_study_html(group: Group | None) -> str:
    """The way to the progress page, for anyone studying alone (never one of the steps)."""
    page = content.start_page().progress
    if page is None:
        return ""
    return f"<h2>Studying alone?</h2><p>{html.escape(page.start_text)} {progress_link(group)}.</p>"


def talks_html(group: Group | None) -> str:
    """The way to the pages beside the steps (``steps.SIDE_PAGES``): the talks' slides, and step 3 with young people."""
    side = steps.side_pages()
    href = html.escape(step_link(side["presenter"].notebook, group), quote=True)
    return (
        "<h2>The talks</h2><p>Slides for the overview of outcomes-based commissioning and the examples from other "
        f'areas, with check questions for each table: <a href="{href}">Talks for the day</a>.</p>'
        "<h2>With young people</h2><p>Young people or parent carers at the tables? Personal outcomes in short sentences and "
        f'plain words, with children\'s cases: <a href="{html.escape(step_link(side["young_people"].notebook, group), quote=True)}">'
        "What I want for my life</a>.</p>"
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
    header = widgets.HTML(f"<h1>{html.escape(page.title)}</h1>" + "".join(paragraph(p) for p in page.intro))
    return widgets.VBox([header, widgets.HTML("<h2>Your table</h2>"), picker.view, widgets.HTML("<h2>The steps</h2>"), step_list, talks, self_study])


def show() -> None:
    show_page(build)
