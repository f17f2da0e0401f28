"""The dashboard's "Get a step ready": warm pages for every table before the room opens a step.

The facilitator picks the step the room moves to next and how many tables will open
it, a minute before saying so. The participants' kiosk then starts that many pages in
advance (``workshop_kit.room_warmup``), so thirty tables opening it in the same second
get pages that have already run, instead of queueing behind each other's start-up.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

import ipywidgets as widgets

from .. import room_warmup, steps
from ..markup import render
from ..room_warmup import WarmStatus
from ..settings import Settings
from ..widgets.common import live, notice

#: a status older than the request it answers, this long after asking, means the kiosk did not answer
NO_ANSWER_SECONDS = 10


def step_choices() -> list[tuple[str, str]]:
    """(label, notebook) for every ready step, numbered as on the start page."""
    return [(f"{number}. {entry.title}", entry.notebook) for number, entry in enumerate(steps.listed(), 1) if entry.ready and entry.notebook]


def describe(status: WarmStatus | None, asked: room_warmup.WarmRequest | None, titles: dict[str, str], now: datetime) -> str:
    """One plain sentence (HTML) about the latest request."""
    if asked is None:
        return render("dashboard/warm_status.html", state="none", title="", status=None)
    title = titles.get(asked.page, asked.page)
    if status is None or status.updated < asked.asked_at:
        late = (now - asked.asked_at).total_seconds() > NO_ANSWER_SECONDS
        return render("dashboard/warm_status.html", state="no_answer" if late else "asked", title=title, status=None)
    return render("dashboard/warm_status.html", state=status.state, title=titles.get(status.page, status.page), status=status)


class WarmPanel:
    """The step picker, the number of tables, the button and the kiosk's answer."""

    def __init__(self, settings: Settings, tables_now: Callable[[], int]) -> None:
        self._settings = settings
        self._tables_now = tables_now
        self._titles = {notebook: label for label, notebook in step_choices()}
        self.step = widgets.Dropdown(description="The room opens next", options=step_choices(), style={"description_width": "initial"}, layout=widgets.Layout(width="32em"))
        self.tables = widgets.BoundedIntText(
            description="Tables", min=1, max=room_warmup.MOST_TABLES, value=max(1, tables_now()), style={"description_width": "initial"}, layout=widgets.Layout(width="10em")
        )
        self.button = widgets.Button(description="Get this step ready", tooltip="Start this step's page for every table now, before they open it")
        self.message = live(widgets.HTML())
        self.status = live(widgets.HTML())
        self.button.on_click(lambda _b: self.ask())
        self.view = widgets.VBox(
            [
                widgets.HTML(render("dashboard/warm_intro.html")),
                widgets.HBox([self.step, self.tables, self.button]),
                self.message,
                self.status,
            ]
        )
        self.refresh()

    def ask(self) -> None:
        if not self.step.value:
            self.message.value = notice("Choose a step first.", "warning")
            return
        try:
            request = room_warmup.ask(self._settings.data_dir, self.step.value, self.tables.value)
        except OSError:
            self.message.value = notice("The request could not be written to the data folder. The pages will still open, only more slowly.", "error")
            return
        self.message.value = notice(f"Asked for {self._titles.get(request.page, request.page)} to be made ready for {request.tables} {'table' if request.tables == 1 else 'tables'}.", "info")
        self.refresh()

    def refresh(self) -> None:
        """Re-read the kiosk's answer; the table count follows the room until the facilitator changes it."""
        data = self._settings.data_dir
        self.status.value = describe(room_warmup.read_status(data), room_warmup.read_request(data), self._titles, datetime.now(timezone.utc))
