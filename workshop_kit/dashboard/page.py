"""The dashboard page: what every table has saved, step by step, refreshed every few seconds;
the room's statements with votes, agreement, merging and a full-screen view; the write-up;
and importing the area's own framework and indicator data (``imports``)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from .. import room, steps
from ..data_folder import reason, storage_problem
from ..export import FORMATS, default_path, export_bytes
from ..markup import render
from ..room import FACILITATOR
from ..settings import Settings
from ..store import Answer, Store
from ..widgets.common import guarded, live, notice
from .imports import ImportPanel
from .render import side_by_side_html
from ..wording import shorten
from .room_panel import RoomPanel
from .warm_panel import WarmPanel

REFRESH_SECONDS = 5
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "csv": "text/csv",
}


class Dashboard:
    """Everything the facilitator sees; ``refresh()`` re-reads the store."""

    def __init__(self, store: Store, settings: Settings, refresh_seconds: float = REFRESH_SECONDS) -> None:
        self._store = store
        self._settings = settings
        self.session = settings.session
        self.refresh_seconds = refresh_seconds
        self._candidates: list[room.Candidate] = []
        self.refreshed = live(widgets.HTML())
        self.room_places = RoomPanel(settings)
        self.warm = WarmPanel(settings, lambda: len(store.groups_in(settings.session)))
        self.storage = live(widgets.HTML())
        self.refresh_button = widgets.Button(description="Refresh now")
        self.step = widgets.Dropdown(description="Step", options=[], style={"description_width": "initial"})
        self.tables = widgets.SelectMultiple(description="Tables side by side", options=[], rows=6, style={"description_width": "initial"})
        self.grid = widgets.HTML()
        self.statements = widgets.HTML()
        self.statement = widgets.Dropdown(description="Statement", options=[], style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
        self.project_button = widgets.Button(description="Show full screen")
        self.voter = widgets.Dropdown(description="Voting table", options=[], style={"description_width": "initial"})
        self.vote_button = widgets.Button(description="Record this table's vote")
        self.agreed = widgets.SelectMultiple(description="Agreed (up to 4)", options=[], rows=6, style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
        self.agree_button = widgets.Button(description="Mark as agreed", button_style="primary")
        self.to_merge = widgets.SelectMultiple(description="Merge these", options=[], rows=6, style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
        self.merged_wording = widgets.Text(description="Merged wording", style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
        self.merge_button = widgets.Button(description="Merge into one")
        self.room_message = live(widgets.HTML())
        self.projected = widgets.HTML()
        self.close_projection = widgets.Button(description="Close full screen")
        self.projector = widgets.VBox([self.projected, self.close_projection], layout=widgets.Layout(display="none"))
        self.projector.add_class("kit-projector")
        self.export_buttons = {fmt: widgets.Button(description=f"Write-up as {fmt.upper()}") for fmt in FORMATS}
        self.export_result = live(widgets.HTML())
        self.imports = ImportPanel(store, self.session)
        self._wire()
        self.view = DashboardView(
            [
                widgets.HTML(render("dashboard/heading.html", session=self.session, refresh_seconds=refresh_seconds)),
                self.storage,
                widgets.HBox([self.refresh_button, self.refreshed]),
                self.room_places.view,
                self.warm.view,
                widgets.HTML(render("dashboard/section_heading.html", part="saved")),
                widgets.HBox([self.step, self.tables]),
                self.grid,
                widgets.HTML(render("dashboard/section_heading.html", part="statements")),
                self.statements,
                self.statement,
                widgets.HBox([self.project_button]),
                widgets.HBox([self.voter, self.vote_button]),
                self.agreed,
                self.agree_button,
                self.to_merge,
                self.merged_wording,
                self.merge_button,
                self.room_message,
                widgets.HTML(render("dashboard/section_heading.html", part="write_up")),
                widgets.HBox(list(self.export_buttons.values())),
                self.export_result,
                self.imports.view,
                self.projector,
            ]
        )
        self.refresh()

    def _wire(self) -> None:
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.step.observe(lambda _c: self._draw_grid(), names="value")
        self.tables.observe(lambda _c: self._draw_grid(), names="value")
        self.project_button.on_click(lambda _b: self.project())
        self.close_projection.on_click(lambda _b: self.close())
        self.vote_button.on_click(lambda _b: self.vote())
        self.agree_button.on_click(lambda _b: self.mark_agreed())
        self.merge_button.on_click(lambda _b: self.merge())
        for fmt, button in self.export_buttons.items():
            button.on_click(lambda _b, fmt=fmt: self.export(fmt))

    # -- reading the store --------------------------------------------------

    def refresh(self) -> None:
        problem = self.check_storage()
        self.room_places.refresh()
        self.warm.refresh()
        if problem and self._settings.database_url:  # a server that is down cannot be read either
            self.refreshed.value = render("dashboard/refreshed.html", unreadable=True)
            return

        @guarded(self.refreshed)
        def _refresh() -> None:
            rows = self._store.all_answers(self.session)
            self._latest: dict[str, dict[str, dict[str, Answer]]] = {}
            for answer in rows:
                if answer.group == FACILITATOR or answer.exercise.startswith("room_"):
                    continue
                self._latest.setdefault(answer.exercise, {}).setdefault(answer.group, {})[answer.item] = answer
            titles = {s.id: s.title for s in steps.listed()}
            step_options = [(titles.get(e, e), e) for e in sorted(self._latest, key=lambda e: list(titles).index(e) if e in titles else 99)]
            groups = [g.name for g in self._store.groups_in(self.session) if g.name != FACILITATOR]
            _keep(self.step, step_options)
            _keep(self.tables, groups, default_all=True)
            _keep(self.voter, groups)
            self._candidates = room.candidates(self._store, self.session)
            options = [(_label(c), c.key) for c in self._candidates]
            _keep(self.statement, options)
            _keep(self.agreed, options)
            _keep(self.to_merge, options)
            self._draw_grid()
            self._draw_statements()
            self.refreshed.value = render("dashboard/refreshed.html", unreadable=False, at=datetime.now(), tables=len(groups), answers=len(rows))

        _refresh()

    def check_storage(self) -> str | None:
        """Say plainly, at the top of the page, when the data folder or database stops taking writes (and why)."""

        @guarded(self.storage)
        def _check() -> str | None:
            problem = storage_problem(self._settings)
            self.storage.value = notice("Saving is failing. " + problem, "error") if problem else ""
            return problem

        return _check()

    def _draw_grid(self) -> None:
        exercise = self.step.value
        title = None if exercise is None else dict((v, k) for k, v in self.step.options).get(exercise, exercise)
        self.grid.value = side_by_side_html(title, list(self.tables.value), self._latest.get(exercise, {}))

    def _draw_statements(self) -> None:
        votes = room.vote_counts(self._store, self.session) if self._candidates else {}
        agreed = {c.key for c in room.agreed(self._store, self.session)} if self._candidates else set()
        rows = [(c, votes.get(c.key, 0), c.key in agreed) for c in self._candidates]
        self.statements.value = render("dashboard/statements.html", rows=rows)

    def _candidate(self, key: str | None) -> room.Candidate | None:
        return next((c for c in self._candidates if c.key == key), None)

    # -- the room -----------------------------------------------------------

    def project(self) -> None:
        chosen = self._candidate(self.statement.value)
        if chosen is None:
            self.room_message.value = notice("Choose a statement to show full screen.", "warning")
            return
        self.projected.value = render("dashboard/projected.html", text=chosen.text)
        self.projector.layout.display = "flex"

    def close(self) -> None:
        self.projector.layout.display = "none"

    def vote(self) -> None:
        if not self.voter.value or not self.statement.value:
            self.room_message.value = notice("Choose the voting table and the statement it votes for.", "warning")
            return
        room.record_vote(self._store, self.session, self.voter.value, self.statement.value)
        self.room_message.value = notice("Vote recorded. Each table has one vote; voting again moves it.", "success")
        self.refresh()

    def mark_agreed(self) -> None:
        try:
            room.set_agreed(self._store, self.session, list(self.agreed.value))
        except ValueError as problem:
            self.room_message.value = notice(str(problem), "warning")
            return
        self.room_message.value = notice(f"{len(self.agreed.value)} statements marked as agreed.", "success")
        self.refresh()

    def merge(self) -> None:
        try:
            room.merge(self._store, self.session, list(self.to_merge.value), self.merged_wording.value)
        except ValueError as problem:
            self.room_message.value = notice(str(problem), "warning")
            return
        self.merged_wording.value = ""
        self.room_message.value = notice("Merged. The merged statement replaces the originals in the list; they stay saved.", "success")
        self.refresh()

    # -- the write-up -------------------------------------------------------

    def export(self, fmt: str) -> None:
        @guarded(self.export_result)
        def _export() -> None:
            data = export_bytes(self._store, self.session, fmt)
            folder = self._settings.data_dir / "exports"
            path = default_path(folder, self.session, fmt)
            saved_at, not_saved = "", ""
            try:
                folder.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                saved_at = str(path)
            except OSError as problem:
                not_saved = reason(problem)
            self.export_result.value = render("dashboard/download.html", file_name=path.name, mime=MIME[fmt], data=data, fmt=fmt, saved_at=saved_at, not_saved=not_saved)

        _export()

    # -- refreshing by itself ----------------------------------------------

    def start_auto_refresh(self) -> bool:
        """Refresh every few seconds on the kernel's event loop (only where one is running)."""
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            return False
        if not loop.is_running():
            return False

        def tick() -> None:
            self.refresh()
            loop.call_later(self.refresh_seconds, tick)

        loop.call_later(self.refresh_seconds, tick)
        return True


def _label(candidate: room.Candidate) -> str:
    return f"{shorten(candidate.text, 90)} ({candidate.table})"


def _keep(widget: widgets.Widget, options: list[Any], default_all: bool = False) -> None:
    """Replace a selector's options, keeping what the facilitator had chosen where it still exists."""
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    if isinstance(widget, widgets.SelectMultiple):
        kept = tuple(v for v in widget.value if v in values)
        was_all = set(widget.value) == set(v for v in (o[1] if isinstance(o, tuple) else o for o in widget.options))
        if list(widget.options) != options:
            widget.options = options
        widget.value = tuple(values) if default_all and (was_all or not kept) else kept
        return
    current = widget.value
    if list(widget.options) != options:
        widget.options = options
    if current in values:
        widget.value = current
    elif values:
        widget.value = values[0]


class DashboardView(widgets.VBox):
    """The facilitator's whole page; it holds its ``dashboard`` (kept alive with the page, and driven by tests)."""

    dashboard: Dashboard


def build() -> DashboardView:
    from .. import context

    dashboard = Dashboard(context.store(), context.settings())
    dashboard.start_auto_refresh()
    page = dashboard.view
    page.dashboard = dashboard
    return page


def show() -> None:
    from ..widgets.page_parts import show as show_page

    show_page(build)
