"""The self-study progress page: where a learner is in the course, where to pick up, and their summary.

Not a workshop step: it is not in the step registry, so the agenda never counts it. It reads
the learner's rows with each step's rule (``selfstudy.progress``) and only displays what comes back.
"""

from __future__ import annotations

import base64

import ipywidgets as widgets

from .. import content, context, steps
from ..content.model import Step
from ..markup import render
from ..selfstudy.progress import LearnerProgress, learner_progress, rules, when
from ..selfstudy.summary import build_summary, file_name, save_copy, to_html
from ..settings import Settings
from ..store import Group, Store
from ..widgets.common import guarded, live, notice
from ..widgets.group_picker import GroupPicker
from ..widgets.page_parts import back_link, group_picker, heading, page_header, pages_nav, show as show_page, step_link


def _ready_steps() -> list[Step]:
    return [s for s in steps.listed() if s.ready]


def progress_table_html(progress: LearnerProgress, group: Group) -> str:
    """Every step: a link carrying the learner, where they are and why, the score and what it means, and when."""
    rows = [
        {
            "number": number,
            "href": step_link(step.notebook or "", group),
            "title": step.title,
            "found": found,
            "when": when(found.last_saved) if found.last_saved else "Not yet",
        }
        for number, (step, found) in enumerate(zip(_ready_steps(), progress.steps), start=1)
    ]
    return render("pages/my_progress/table.html", rows=rows)


def continue_html(progress: LearnerProgress, group: Group) -> str:
    """The place to pick up, as one clear link."""
    steps = _ready_steps()
    at = next((n for n, s in enumerate(steps) if s.id == progress.continue_at), None)
    done = f"You have finished {progress.finished_count} of {len(steps)} steps."
    if at is None:
        return notice(f"{done} {progress.continue_reason}", "success")
    step = steps[at]
    href = step_link(step.notebook or "", group)
    return render("pages/my_progress/continue.html", done=done, href=href, number=at + 1, title=step.title, reason=progress.continue_reason)


class ProgressPage:
    """The learner's progress table, the continue link and the summary download, for one group at a time."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self._store = store
        self._settings = settings
        self.group: Group | None = None
        self.progress: LearnerProgress | None = None
        self.back = widgets.HTML(back_link(None))
        self.continue_view = live(widgets.HTML())
        self.table = widgets.HTML()
        self.refresh_button = widgets.Button(description="Check my progress again", tooltip="Read your saved answers again, for example after working in another tab")
        self.summary_button = widgets.Button(description="Make my summary", button_style="primary", tooltip="A web page of what you wrote, the feedback and what to read next")
        self.summary_result = live(widgets.HTML())
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.summary_button.on_click(lambda _b: self.make_summary())
        self.set_group(None)

    def set_group(self, group: Group | None) -> None:
        self.group = group
        self.back.value = back_link(group)
        self.summary_result.value = ""
        self.refresh_button.disabled = self.summary_button.disabled = group is None
        self.refresh()

    def refresh(self) -> None:
        @guarded(self.continue_view)
        def _refresh() -> None:
            if self.group is None:
                self.progress = None
                self.table.value = ""
                self.continue_view.value = notice("Type the name you use on the steps above to see your progress.", "info")
                return
            self.progress = learner_progress(self._store.rows_of(self.group))
            self.table.value = progress_table_html(self.progress, self.group)
            self.continue_view.value = continue_html(self.progress, self.group)

        _refresh()

    def make_summary(self) -> None:
        @guarded(self.summary_result)
        def _make() -> None:
            if self.group is None:
                self.summary_result.value = notice("Please type your name at the top of the page first.", "warning")
                return
            self.summary_result.value = notice("Making your summary: this takes a few seconds.", "info")
            self.summary_button.disabled = True
            try:
                data = to_html(build_summary(self._store, self.group))
            finally:
                self.summary_button.disabled = False
            try:
                kept_at = str(save_copy(data, self._settings.data_dir, self.group))
            except OSError:
                kept_at = ""
            self.summary_result.value = render(
                "pages/my_progress/summary_link.html",
                file_name=file_name(self.group),
                encoded=base64.b64encode(data).decode("ascii"),
                kilobytes=len(data) // 1024 + 1,
                kept_at=kept_at,
            )

        _make()


def nav_html(group: Group | None) -> str:
    return pages_nav(group)


class MyProgressView(widgets.VBox):
    """The whole progress page. Its parts are public so tests and scripts can drive it as a learner would."""

    progress_page: ProgressPage
    picker: GroupPicker


def build() -> MyProgressView:
    about = content.start_page().progress
    if about is None:
        raise LookupError("start_page.json names no progress page")
    # every step's progress rule imports its step (charts included): do it now, while a preheated
    # kernel waits for its visitor, not after the visitor has arrived
    rules()
    body = ProgressPage(context.store(), context.settings())
    nav = widgets.HTML(nav_html(None))

    def group_changed(group: Group | None) -> None:
        body.set_group(group)
        nav.value = nav_html(group)

    picker = group_picker(group_changed, 'Type the name you use on the steps, with "Studying alone" chosen.', default_mode="alone")
    header = widgets.HTML(page_header(about.title, about.intro))
    page = MyProgressView(
        [
            body.back,
            header,
            widgets.HTML(heading("Who are you?")),
            picker.view,
            widgets.HTML(heading("Where to pick up")),
            body.continue_view,
            widgets.HTML(heading("Every step")),
            body.table,
            body.refresh_button,
            widgets.HTML(render("pages/my_progress/summary_intro.html")),
            body.summary_button,
            body.summary_result,
            nav,
        ]
    )
    page.progress_page = body
    page.picker = picker
    return page


def show() -> None:
    show_page(build)
