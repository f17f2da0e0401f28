"""Step 9: action planning. Each table records its next steps; they feed the write-up.

Saved payloads (exercise ``action_planning``):
- item ``plan``: ``{"<section id>": text, ..., "follow_up": "YYYY-MM-DD" or ""}``, one row per "Save the plan",
  with ``"started_from": [...]`` (the outcomes from earlier in the day, ``stepkit.starting_rows``) when there were any;
- item ``action-N``: ``{"action": text, "owner": text, "due": text}``, one row per action added, with
  ``"outcome": text`` when the table tied it to one of those outcomes (the golden thread follows it).
"""

from __future__ import annotations

import ipywidgets as widgets

from ... import content, context
from ...markup import render
from ...store import Answer, Group
from ...widgets.common import NAME_FIRST, guarded, live, notice, save_or_say
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.starting_rows import StartingRowsPanel
from . import record

from . import EXERCISE

MAX_TEXT = 2_000


def _too_long(values: dict[str, str]) -> str | None:
    for label, value in values.items():
        if len(value) > MAX_TEXT:
            return f'"{label}" is {len(value):,} characters long. Please shorten it to {MAX_TEXT:,} characters or fewer; nothing was saved.'
    return None


class ActionPlan:
    """The plan's text boxes, the follow-up date and a list of actions, saved per table."""

    def __init__(self) -> None:
        self._store = context.store()
        self._plan = content.load_raw("action_planning/plan")
        self.group: Group | None = None
        self.boxes = {
            s["id"]: widgets.Textarea(
                description=s["label"],
                placeholder=s["placeholder"],
                tooltip=s["prompt"],
                style={"description_width": "11em"},
                layout=widgets.Layout(width="100%", height="6em"),
            )
            for s in self._plan["sections"]
        }
        self.follow_up = widgets.DatePicker(description="Follow-up date", style={"description_width": "11em"})
        self.save = widgets.Button(description="Save the plan", button_style="primary")
        self.status = live(widgets.HTML())
        self.action = widgets.Text(description="Action", style={"description_width": "11em"}, layout=widgets.Layout(width="100%"))
        self.owner = widgets.Text(description="Who", style={"description_width": "11em"})
        self.due = widgets.Text(description="By when", placeholder="e.g. end of March", style={"description_width": "11em"})
        self.starting = StartingRowsPanel("action plan", 'Tie each action to one of them with "For which outcome".')
        self.for_outcome = widgets.Dropdown(description="For which outcome", options=record.outcome_choices(()), style={"description_width": "11em"}, layout=widgets.Layout(width="100%"))
        self.add = widgets.Button(description="Add this action")
        self.actions = live(widgets.HTML())
        self.save.on_click(lambda _b: self.save_plan())
        self.add.on_click(lambda _b: self.add_action())
        self.view = widgets.VBox(
            [
                self.starting.view,
                widgets.HTML(render("steps/action_planning/prompts.html", sections=self._plan["sections"])),
                *self.boxes.values(),
                self.follow_up,
                self.save,
                self.status,
                widgets.HTML(render("steps/action_planning/actions_intro.html")),
                self.action,
                self.for_outcome,
                widgets.HBox([self.owner, self.due]),
                self.add,
                self.actions,
            ]
        )
        self.set_group(None)

    def _inputs(self) -> list[widgets.Widget]:
        return [*self.boxes.values(), self.follow_up, self.save, self.action, self.for_outcome, self.owner, self.due, self.add]

    def set_group(self, group: Group | None) -> None:
        @guarded(self.status)
        def _load() -> None:
            self.group = group
            for widget in self._inputs():
                widget.disabled = group is None
            latest = self._store.latest(group, EXERCISE) if group else {}
            plan = latest.get("plan")
            self.for_outcome.options = record.outcome_choices(self.starting.load(self._store, group, kept=plan is not None).texts)
            for key, box in self.boxes.items():
                box.value = plan.payload.get(key, "") if plan else ""
            self.follow_up.value = None
            if plan and plan.payload.get("follow_up"):
                import datetime as _dt

                self.follow_up.value = _dt.date.fromisoformat(plan.payload["follow_up"])
            self.status.value = notice("Type your table's name at the top of the page to start.", "info") if group is None else ""
            self._show_actions(latest)

        _load()

    def _show_actions(self, latest: dict[str, Answer]) -> None:
        rows = [a.payload for item, a in sorted(latest.items(), key=lambda kv: kv[1].id) if item.startswith("action-")]
        self.actions.value = render("steps/action_planning/actions.html", rows=rows) if rows or self.group else ""

    def save_plan(self) -> None:
        if self.group is None:
            self.status.value = notice(NAME_FIRST, "warning")
            return
        values = {key: box.value for key, box in self.boxes.items()}
        problem = _too_long({self.boxes[k].description: v for k, v in values.items()})
        if problem:
            self.status.value = notice(problem, "warning")
            return
        if not any(v.strip() for v in values.values()):
            self.status.value = notice("The plan is empty: write at least one part before saving.", "warning")
            return
        values["follow_up"] = self.follow_up.value.isoformat() if self.follow_up.value else ""
        if not save_or_say(self._store, self.group, EXERCISE, "plan", {**values, **self.starting.payload()}, self.status):
            return
        self.status.value = notice("Plan saved. Change it and save again at any time; earlier versions are kept.", "success")

    def add_action(self) -> None:
        if self.group is None:
            self.status.value = notice(NAME_FIRST, "warning")
            return
        action = self.action.value.strip()
        if not action:
            self.status.value = notice("Type the action first, then add it.", "warning")
            return
        problem = _too_long({"Action": action, "Who": self.owner.value, "By when": self.due.value})
        if problem:
            self.status.value = notice(problem, "warning")
            return
        latest = self._store.latest(self.group, EXERCISE)
        number = 1 + sum(1 for item in latest if item.startswith("action-"))
        added = {"action": action, "owner": self.owner.value.strip(), "due": self.due.value.strip()}
        if self.for_outcome.value:  # the golden thread ties the action to this outcome
            added["outcome"] = self.for_outcome.value
        if not save_or_say(self._store, self.group, EXERCISE, f"action-{number}", added, self.status):
            return
        self.action.value = self.owner.value = self.due.value = ""
        self.status.value = notice("Action added.", "success")
        self._show_actions(self._store.latest(self.group, EXERCISE))


class ActionPlanPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    plan: ActionPlan


def build() -> ActionPlanPage:
    plan = content.load_raw("action_planning/plan")
    body = ActionPlan()
    page = step_frame(
        EXERCISE,
        body.view,
        body.set_group,
        intro=plan["intro"],
        hints=plan["hints"],
        model_answer_html=render("steps/action_planning/model_answer.html", sentences=plan["model_answer"]),
        body_heading="Your table's plan",
        page_class=ActionPlanPage,
    )
    page.plan = body
    return page


def show() -> None:
    show_page(build)
