"""Step 8: the outcomes framework. Which services contribute to which outcomes, with which measures; required against actual.

Saved rows, exercise ``outcomes_framework`` (appended; the latest row per item is what the table sees):

* item ``framework``, after each change::

      {"outcomes": [str, ...], "services": [str, ...],
       "contributions": [{"service": str, "outcome": str, "measures": [str, ...]}, ...],
       "action": "lists" | "contribution_set" | "contribution_removed",
       "findings": {"gaps": [str], "duplicates": [{"outcome": str, "services": [str], "measures": [str]}],
                    "unlinked": [str]},
       "started_from": [...]}  # the outcomes from earlier in the day (stepkit.starting_rows), when there were any

* item ``required_actual``: every outcome's entry so far, ``{"entries": {outcome: {"required": str, "actual": str}}}``
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ... import context
from ...charts import image_html
from . import logic as fw
from ...store import Group, Store
from ...widgets.common import save_or_say, set_options, guarded, live, notice
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.starting_rows import StartingRowsPanel

from . import EXERCISE
from .views import found_html, matrix_html, model_answer_html, section

STEP = EXERCISE
WIDE = {"description_width": "initial"}
FULL = widgets.Layout(width="95%")
BEFORE_NAMING = "Type your table's name at the top of the page to start. Your framework is saved under it."


class FrameworkExercise:
    """The outcomes and services lists, who contributes to what (the matrix, its findings and heat map), and required against actual, saved under one group."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.group: Group | None = None
        self.framework: dict = {"outcomes": [], "services": [], "contributions": []}
        self.entries: dict[str, dict] = {}
        self.starting = StartingRowsPanel("outcomes framework", "They are filled in below as your required outcomes (with the services the area's framework names), for you to edit.")
        g = fw.guide()
        self.outcomes = widgets.Textarea(description="Required outcomes (one per line)", layout=widgets.Layout(width="95%", height="7em"), style=WIDE)
        self.services = widgets.Textarea(description="Services (one per line)", layout=widgets.Layout(width="95%", height="7em"), style=WIDE)
        self.use_lists = widgets.Button(description="Use these lists", button_style="primary")
        self.message = live(widgets.HTML())
        self.service = widgets.Dropdown(description="Service", options=[], style=WIDE, layout=FULL)
        self.outcome = widgets.Dropdown(description="Contributes to", options=[], style=WIDE, layout=FULL)
        self.measures = widgets.Text(description="With these measures (separate with ;)", layout=FULL, style=WIDE)
        self.set_button = widgets.Button(description="Add contribution", button_style="primary", tooltip="Record that this service contributes to this outcome")
        self.remove_button = widgets.Button(description="Remove contribution", tooltip="Record that this service does not contribute to this outcome")
        self.contribution_message = live(widgets.HTML())
        self.matrix = widgets.HTML()
        self.found = live(widgets.HTML())
        self.chart = widgets.HTML()
        self.ra_outcome = widgets.Dropdown(description="Outcome", options=[], style=WIDE, layout=FULL)
        self.required = widgets.Textarea(description="Required: what we are setting out to achieve", layout=widgets.Layout(width="95%", height="5em"), style=WIDE)
        self.actual = widgets.Textarea(description="Actual: how things are now", layout=widgets.Layout(width="95%", height="5em"), style=WIDE)
        self.save_ra = widgets.Button(description="Save required and actual", button_style="primary")
        self.ra_message = live(widgets.HTML())
        self.use_lists.on_click(lambda _b: self.update_lists())
        self.set_button.on_click(lambda _b: self.set_contribution())
        self.remove_button.on_click(lambda _b: self.remove_contribution())
        self.save_ra.on_click(lambda _b: self.save_required_actual())
        self.ra_outcome.observe(self._ra_outcome_changed, names="value")
        ra = g["required_actual"]
        self.view = widgets.VBox(
            [
                self.starting.view,
                widgets.HTML(section("lists")),
                self.outcomes,
                self.services,
                self.use_lists,
                self.message,
                widgets.HTML(section("contributions")),
                self.service,
                self.outcome,
                self.measures,
                widgets.HBox([self.set_button, self.remove_button]),
                self.contribution_message,
                self.matrix,
                self.found,
                self.chart,
                widgets.HTML(section("required_actual", required=ra["required"], actual=ra["actual"])),
                self.ra_outcome,
                self.required,
                self.actual,
                self.save_ra,
                self.ra_message,
            ]
        )
        self.view.add_class("kit-card")
        self.set_group(None)

    def _inputs(self) -> list[widgets.Widget]:
        return [self.outcomes, self.services, self.use_lists, self.service, self.outcome, self.measures, self.set_button, self.remove_button, self.ra_outcome, self.required, self.actual, self.save_ra]

    def set_group(self, group: Group | None) -> None:
        @guarded(self.message)
        def _load() -> None:
            self.group = group
            for widget in self._inputs():
                widget.disabled = group is None
            latest = self._store.latest(group, EXERCISE) if group is not None else {}
            saved = latest["framework"].payload if "framework" in latest else {}
            self.framework = {"outcomes": list(saved.get("outcomes", [])), "services": list(saved.get("services", [])), "contributions": list(saved.get("contributions", []))}
            self.entries = dict(latest["required_actual"].payload.get("entries", {})) if "required_actual" in latest else {}
            self.outcomes.value = "\n".join(self.framework["outcomes"])
            self.services.value = "\n".join(self.framework["services"])
            started = self.starting.load(self._store, group, kept=bool(saved))
            if not saved:  # a table's own saved framework is never overwritten
                self.outcomes.value, self.services.value = started.lines(), started.services()
            self.measures.value = ""
            self.contribution_message.value = self.ra_message.value = ""
            self._refresh()
            self._show_entry()
            said = f"Your framework has {len(self.framework['outcomes'])} outcomes and {len(self.framework['services'])} services." if saved else ""
            self.message.value = StepPage.welcome_back(group, said, BEFORE_NAMING)

        _load()

    def _save(self, item: str, payload: dict, show_in: widgets.HTML) -> bool:
        return save_or_say(self._store, self.group, EXERCISE, item, payload, show_in)

    def _save_framework(self, action: str, show_in: widgets.HTML) -> bool:
        return self._save("framework", {**self.framework, "action": action, "findings": fw.findings(fw.analyse(self.framework)), **self.starting.payload()}, show_in)

    def update_lists(self) -> None:
        @guarded(self.message)
        def _update() -> None:
            outcomes, services = fw.split_lines(self.outcomes.value), fw.split_lines(self.services.value)
            problems = fw.list_problems("outcomes", outcomes) + fw.list_problems("services", services)
            if problems:
                self.message.value = notice(" ".join(problems), "warning")
                return
            self.framework = {"outcomes": outcomes, "services": services, "contributions": []}
            self.framework["contributions"] = fw.keep_known({**self.framework, "contributions": self._previous()})
            if self._save_framework("lists", self.message):
                self.message.value = notice(f"Saved: {len(outcomes)} outcomes and {len(services)} services.", "success")
            self._refresh()

        _update()

    def _previous(self) -> list[dict]:
        latest = self._store.latest(self.group, EXERCISE) if self.group is not None else {}
        return list(latest["framework"].payload.get("contributions", [])) if "framework" in latest else []

    def set_contribution(self) -> None:
        @guarded(self.contribution_message)
        def _set() -> None:
            if self.service.value is None or self.outcome.value is None:
                self.contribution_message.value = notice("Add outcomes and services first, then choose one of each.", "warning")
                return
            measures = fw.split_measures(self.measures.value)
            too_long = [m for m in measures if len(m) > fw.MAX_TEXT]
            if too_long or len(self.measures.value) > fw.MAX_NOTE:
                self.contribution_message.value = notice(
                    f"A measure is {max([len(m) for m in too_long] + [len(self.measures.value)]):,} characters long; keep each under {fw.MAX_TEXT} characters.", "warning"
                )
                return
            old = self.framework["contributions"]
            self.framework["contributions"] = fw.set_contribution(old, self.service.value, self.outcome.value, measures)
            if not self._save_framework("contribution_set", self.contribution_message):
                self.framework["contributions"] = old
                return
            self.contribution_message.value = notice(
                f"Saved: {self.service.value} contributes to {self.outcome.value}" + (f" ({len(measures)} measure{'' if len(measures) == 1 else 's'})." if measures else " (no measure yet)."),
                "success",
            )
            self.measures.value = ""
            self._refresh()

        _set()

    def remove_contribution(self) -> None:
        @guarded(self.contribution_message)
        def _remove() -> None:
            old = self.framework["contributions"]
            new = fw.remove_contribution(old, self.service.value, self.outcome.value)
            if new == old:
                self.contribution_message.value = notice("That service is not marked as contributing to that outcome.", "warning")
                return
            self.framework["contributions"] = new
            if self._save_framework("contribution_removed", self.contribution_message):
                self.contribution_message.value = notice(f"Removed: {self.service.value} no longer marked against {self.outcome.value}.", "success")
            self._refresh()

        _remove()

    def save_required_actual(self) -> None:
        @guarded(self.ra_message)
        def _save() -> None:
            if self.ra_outcome.value is None:
                self.ra_message.value = notice("Add your outcomes first, then choose one.", "warning")
                return
            for label, box in (("Required", self.required), ("Actual", self.actual)):
                if len(box.value) > fw.MAX_NOTE:
                    self.ra_message.value = notice(f"{label} is {len(box.value):,} characters long; please keep it under {fw.MAX_NOTE:,}.", "warning")
                    return
            entries = {**self.entries, self.ra_outcome.value: {"required": self.required.value, "actual": self.actual.value}}
            if self._save("required_actual", {"entries": entries}, self.ra_message):
                self.entries = entries
                self.ra_message.value = notice(f"Saved required and actual for: {self.ra_outcome.value}.", "success")

        _save()

    def _ra_outcome_changed(self, change: dict[str, Any]) -> None:
        """Show the chosen outcome's saved entry; words typed before any outcome existed stay to be saved."""
        if change["old"] is None and change["new"] not in self.entries:
            return
        self._show_entry()

    def _show_entry(self) -> None:
        entry = self.entries.get(self.ra_outcome.value or "", {})
        self.required.value = entry.get("required", "")
        self.actual.value = entry.get("actual", "")

    def _refresh(self) -> None:
        f = self.framework
        set_options(self.service, f["services"])
        set_options(self.outcome, f["outcomes"])
        set_options(self.ra_outcome, f["outcomes"])  # a new choice shows its entry; unsaved typing is kept otherwise
        if not f["outcomes"] or not f["services"]:
            self.matrix.value = section("matrix_waits")
            self.found.value = self.chart.value = ""
            return
        analysis = fw.analyse(f)
        self.matrix.value = matrix_html(f)
        self.found.value = found_html(analysis)
        from . import heatmap  # matplotlib loads with the first heat map, not with the page

        png, alt = heatmap.draw(analysis)
        self.chart.value = image_html(png, alt, "Contribution heat map")


class FrameworkStepPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    exercise: FrameworkExercise


def build() -> FrameworkStepPage:
    body = FrameworkExercise(context.store())
    g = fw.guide()
    page = step_frame(STEP, body.view, body.set_group, intro=g["intro"], hints=g["hints"], model_answer_html=model_answer_html(), body_heading="Your contribution matrix", page_class=FrameworkStepPage)
    page.exercise = body
    return page


def show() -> None:
    show_page(build)
