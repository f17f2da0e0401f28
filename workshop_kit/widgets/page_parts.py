"""The frame every step page shares: back link, title, the table's name, self-study help and
"start again for the next group".

A step module builds only its own exercise and hands it to ``step_frame``;
the frame owns the group. When the group changes (named, renamed, or cleared
for the next group) the step's ``on_group`` is called with it (or None).
"""

from __future__ import annotations

import logging
from typing import Callable, Sequence, TypeVar
from urllib.parse import urlencode

import ipywidgets as widgets
from IPython.display import display
from markupsafe import Markup

from .. import content, context
from ..content.model import Step
from ..markup import render
from ..store import Group
from .common import PAGE_FAILED, notice
from . import inbound
from .group_picker import GroupPicker
from .self_study import SelfStudyHelp
from .welcome_back import welcome_back

log = logging.getLogger("workshop_kit")

START_NOTEBOOK = "00_start.ipynb"


def step_link(notebook: str, group: Group | None) -> str:
    """A relative address of a page that carries the group's name along."""
    if group is None:
        return notebook
    return f"{notebook}?{urlencode({'group': group.name, 'mode': group.mode})}"


def progress_link(group: Group | None) -> str:
    """A link to the self-study progress page carrying the group, or '' when there is none."""
    page = content.start_page().progress
    if page is None:
        return ""
    return render("parts/progress_link.html", href=step_link(page.notebook, group), link_text=page.link_text)


def back_link(group: Group | None) -> str:
    return render("parts/back_link.html", href=step_link(START_NOTEBOOK, group))


def page_header(title: str, intro: Sequence[str] = (), intro_html: str = "", minutes: int | None = None) -> str:
    """A page's title and opening paragraphs; ``intro_html`` must come from ``render``."""
    return render("parts/page_header.html", title=title, intro=intro, intro_html=Markup(intro_html), minutes=minutes)


def heading(text: str, level: int = 2) -> str:
    """A heading for a part of a page (content words, escaped like any value)."""
    return render("parts/heading.html", level=level, text=text)


def step_info(step_id: str) -> Step:
    for step in content.start_page().steps:
        if step.id == step_id:
            return step
    raise KeyError(f"No step {step_id!r} in start_page.json")


def neighbours(step_id: str) -> tuple[Step | None, Step | None]:
    """The ready steps before and after this one, in the start page's order."""
    ready = [step for step in content.start_page().steps if step.ready]
    ids = [step.id for step in ready]
    if step_id not in ids:
        return None, None
    at = ids.index(step_id)
    return (ready[at - 1] if at > 0 else None), (ready[at + 1] if at + 1 < len(ready) else None)


def step_nav(step_id: str, group: Group | None) -> str:
    """Links to the previous and next steps and the start page, carrying the group.

    In kiosk mode there is no address bar or back button, so every page offers
    the way on by itself.
    """
    previous, following = neighbours(step_id)
    links = [{"label": label, "href": step_link(step.notebook or "", group), "title": step.title} for label, step in (("Next step", following), ("Previous step", previous)) if step is not None]
    return render("parts/step_nav.html", links=links, start_href=step_link(START_NOTEBOOK, group), progress=Markup(progress_link(group)))


def pages_nav(group: Group | None, links: Sequence[tuple[str, str]] = ()) -> str:
    """The way on from a page beside the steps: ``links`` as (notebook, words), then the start page."""
    shown = [{"href": step_link(notebook, group), "text": words} for notebook, words in links]
    return render("parts/pages_nav.html", links=shown, start_href=step_link(START_NOTEBOOK, group))


def group_picker(on_change: Callable[[Group | None], None], help_text: str = "", default_mode: str = "table") -> GroupPicker:
    """A group box for this kernel's store and session, filled from the page address.

    With no name in the address, JupyterLab self-study (only) fills in the
    learner who last studied alone here; see ``context.remembered_learner``.
    """
    signed_in = context.hub_user()
    if signed_in:
        return _hub_learner_picker(signed_in, on_change, help_text)
    name, mode = context.query_value("group"), context.query_value("mode")
    remembered = None if name else context.remembered_learner()
    picker = GroupPicker(
        context.store(),
        context.settings().session,
        on_change,
        initial_name=name or remembered,
        initial_mode=mode or ("alone" if remembered else default_mode),
        help_text=help_text,
    )
    if remembered and picker.group is not None:
        picker.message.value += notice("Filled in from your last sitting. Not you? Type your own name above.", "info")
    return picker


def _hub_learner_picker(signed_in: str, on_change: Callable[[Group | None], None], help_text: str) -> GroupPicker:
    """On a JupyterHub the learner is who signed in: the name box is filled with the hub identity and locked."""
    picker = GroupPicker(
        context.store(),
        context.settings().session,
        on_change,
        initial_name=signed_in,
        initial_mode="alone",
        help_text=help_text,
        fixed=True,
    )
    if picker.group is not None:
        picker.message.value += notice("You are signed in to the hub, so your answers are kept under your sign-in name.", "info")
    return picker


class StepPage(widgets.VBox):
    """A step's whole page. Its parts are public so tests and scripts can drive the page as a
    participant would; a step that shows more declares them in a subclass (``page_class``)."""

    picker: GroupPicker
    #: clears the page for the next group, as the "Start again for the next group" button does
    start_again: Callable[..., None]

    #: the notice at the top of a step's exercise as a table arrives: name the table first, welcome back
    #: to its saved work, or nothing for a new table (``welcome_back.py``). Static, so an exercise built
    #: before its page (and in tests, without one) says it the same way.
    welcome_back = staticmethod(welcome_back)


P_ = TypeVar("P_", bound=StepPage)


def step_frame(
    step_id: str,
    body: widgets.Widget,
    on_group: Callable[[Group | None], None],
    intro: Sequence[str] = (),
    intro_html: str = "",
    hints: Sequence[str] = (),
    model_answer_html: str = "",
    body_heading: str = "",
    page_class: type[P_] = StepPage,
) -> P_:
    """Wrap a step's exercise in the shared page frame.

    ``intro`` paragraphs are escaped; ``intro_html`` and ``model_answer_html`` must come from ``markup.render``.
    """
    step = step_info(step_id)
    back = widgets.HTML(back_link(None))
    nav = widgets.HTML(step_nav(step_id, None))
    help_panel = SelfStudyHelp(hints, model_answer_html) if (hints or model_answer_html) else None

    def group_changed(group: Group | None) -> None:
        back.value = back_link(group)
        nav.value = step_nav(step_id, group)
        on_group(group)

    picker = group_picker(group_changed)
    next_group = widgets.Button(
        description="Start again for the next group",
        tooltip="Clear this page for another table; nothing saved is deleted",
    )

    def start_again(_button: object = None) -> None:
        picker.clear()
        if help_panel is not None:
            help_panel.reset()

    next_group.on_click(start_again)
    header = widgets.HTML(page_header(step.title, intro, intro_html, step.minutes))
    parts: list[widgets.Widget] = [back, header, widgets.HTML(heading("Your table")), picker.view]
    if body_heading:
        parts.append(widgets.HTML(heading(body_heading)))
    parts.append(body)
    if help_panel is not None:
        parts.append(help_panel.view)
    parts.append(widgets.HTML(render("parts/step_finished.html")))
    parts.append(nav)
    parts.append(widgets.HTML(render("parts/step_next_group.html")))
    parts.append(next_group)
    page = page_class(parts)
    page.start_again = start_again
    page.picker = picker
    return page


class RefusalNotice:
    """A message box, hidden until a change from the page is refused, with a button to close it."""

    def __init__(self) -> None:
        self.message = widgets.HTML()
        self.message.add_class("kit-alert")
        self.close = widgets.Button(description="Close this message")
        self.close.on_click(lambda _button: self.hide())
        self.view = widgets.VBox([self.message, self.close], layout=widgets.Layout(display="none"))
        self.view.add_class("kit-refusal")

    def tell(self, sentence: str) -> None:
        self.message.value = notice(sentence, "warning")
        self.view.layout.display = "flex"

    def hide(self) -> None:
        self.message.value = ""
        self.view.layout.display = "none"


def show(build: Callable[[], widgets.Widget]) -> None:
    """Display a page, or a plain sentence if it cannot be built.

    From here on, every message the page sends is checked (``inbound``), and a refused one
    is explained in a box of its own.
    """
    try:
        page = build()
    except Exception:  # noqa: BLE001 - never a traceback on a participant's screen
        log.exception("page %s failed to build", getattr(build, "__name__", build))
        display(widgets.HTML(notice(PAGE_FAILED, "error")))
        return
    refusals = RefusalNotice()
    inbound.install(refusals.tell)
    display(page)
    display(refusals.view)
