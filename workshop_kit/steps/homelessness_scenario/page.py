"""Step 4: the homelessness scenario (Institute of Public Care, "Focussing on outcomes").

Stage 1: the brief, a synthetic profile of Northbrook's homeless population
(table and chart), what the table plans to commission, and 3 or 4 outcomes
checked with ``check_scenario_outcomes``. Stage 2: measures for each outcome,
placed in their Results Based Accountability quadrant (``classify_measure``),
with warnings from ``check_indicator_map`` and the kit's own rules
(``logic.py`` beside it). A scorecard (table and chart) ends the page.

Saved rows (exercise ``homelessness_scenario``):

* item ``stage1``: ``{"who": "...", "commission": "...", "outcomes": ["", "", "", ""],
  "ok": true, "problems": ["...", ...]}`` (outcomes by position 0-3, blanks kept
  so positions stay stable; ``ok``/``problems`` from ``check_scenario_outcomes``).
* item ``measure-1``, ``measure-2``...: ``{"outcome": 0, "outcome_text": "...",
  "text": "...", "subjective": true | false | None, "source": "...",
  "frequency": "Quarterly", "reporting": "...", "quadrant": "better_off",
  "collectable": true, "removed": false}``. Removing a measure saves the same
  item again with ``"removed": true``; nothing is deleted.
"""

from __future__ import annotations

import ipywidgets as widgets

from ... import context
from .logic import (
    MAX_OUTCOMES,
    Measure,
    Scenario,
    collect_problem,
    load,
    measure_payload,
    measure_warnings,
    next_measure_id,
    saved_measures,
    short,
    stage1_payload,
    too_long,
)
from ...scoring import check_scenario_outcomes, classify_measure
from ...scoring.warm import warm_up
from ...store import Group, Store
from ...widgets.common import NAME_FIRST, guarded, live, notice, save_or_say
from .views import intro_html, measure_added_html, model_answer_html, outcomes_result_html, profile_html, scorecard_chart_html, scorecard_table_html, section, warnings_html
from ...widgets.page_parts import StepPage, show as show_page, step_frame

from . import EXERCISE

STAGE1 = "stage1"
SUBJECTIVE_CHOICES = [("Not said yet", "not_said"), ("Objective: records show it", "objective"), ("Subjective: people tell us", "subjective")]
SUBJECTIVE_VALUES = {"not_said": None, "objective": False, "subjective": True}
_WIDE = widgets.Layout(width="48em", max_width="100%")
_STYLE = {"description_width": "initial"}
BEFORE_NAMING = "Type your table's name at the top of the page to start. Your answers are saved under it."


class ScenarioExercise:
    """Both stages and the scorecard, saving under one group."""

    def __init__(self, scenario: Scenario, store: Store, group: Group | None = None) -> None:
        self.scenario = scenario
        self._store = store
        self.group: Group | None = None
        self.outcomes: list[str] = [""] * MAX_OUTCOMES
        self.measures: list[Measure] = []
        self.limit = int(scenario.max_chars)
        self.status = live(widgets.HTML())
        # stage 1
        self.who = widgets.Textarea(description="Who are they? Your notes", style=_STYLE, layout=_WIDE, placeholder="What does the profile tell you about the people who are homeless here?")
        self.commission = widgets.Textarea(description="What you plan to commission", style=_STYLE, layout=_WIDE)
        self.outcome_boxes = [widgets.Text(description=f"Outcome {n}", style=_STYLE, layout=_WIDE, placeholder="People who are homeless ...") for n in range(1, MAX_OUTCOMES + 1)]
        self.check_outcomes = widgets.Button(description="Check and save outcomes", button_style="primary", tooltip="Check your outcomes and save Stage 1")
        self.check_outcomes.on_click(lambda _b: self.save_stage1())
        self.stage1_feedback = live(widgets.HTML())
        stage1 = widgets.VBox(
            [
                widgets.HTML(profile_html(scenario)),
                self.who,
                self.commission,
                widgets.HTML(section("outcomes")),
                *self.outcome_boxes,
                self.check_outcomes,
                self.stage1_feedback,
            ]
        )
        stage1.add_class("kit-card")
        # stage 2
        self.for_outcome = widgets.Dropdown(description="For outcome", options=[], value=None, style=_STYLE, layout=_WIDE)
        self.measure_text = widgets.Text(description="Measure or indicator", style=_STYLE, layout=_WIDE, placeholder="for example: Percentage of people still in their home after a year")
        self.subjective = widgets.Dropdown(description="Subjective or objective", options=SUBJECTIVE_CHOICES, value="not_said", style=_STYLE)
        self.source = widgets.Combobox(
            description="Data source", options=list(scenario.source_suggestions), ensure_option=False, style=_STYLE, layout=_WIDE, placeholder="Choose a suggestion or type your own"
        )
        self.frequency = widgets.Dropdown(description="How often", options=[("Not said yet", "")] + [(f, f) for f in scenario.frequencies], value="", style=_STYLE)
        self.reporting = widgets.Text(description="How the contract would report it", style=_STYLE, layout=_WIDE)
        self.add_measure = widgets.Button(description="Add this measure", button_style="primary", tooltip="Save this measure for the chosen outcome")
        self.add_measure.on_click(lambda _b: self.save_measure())
        self.measure_feedback = live(widgets.HTML())
        self.measure_list = widgets.HTML()
        self.remove_choice = widgets.Dropdown(description="Measure to remove", options=[], value=None, style=_STYLE, layout=_WIDE)
        self.remove_button = widgets.Button(description="Remove this measure", tooltip="Take it off the scorecard; it stays in the history")
        self.remove_button.on_click(lambda _b: self.remove_measure(self.remove_choice.value))
        self.warnings = live(widgets.HTML())
        stage2 = widgets.VBox(
            [
                self.for_outcome,
                self.measure_text,
                self.subjective,
                self.source,
                self.frequency,
                self.reporting,
                self.add_measure,
                self.measure_feedback,
                widgets.HTML(section("warnings")),
                self.warnings,
                widgets.HBox([self.remove_choice, self.remove_button]),
            ]
        )
        stage2.add_class("kit-card")
        self.scorecard = widgets.HTML()
        self.view = widgets.VBox(
            [
                self.status,
                widgets.HTML(section("stage1")),
                stage1,
                widgets.HTML(section("stage2")),
                stage2,
                widgets.HTML(section("scorecard")),
                self.scorecard,
            ]
        )
        self.view.add_class("kit-homelessness")
        self.set_group(group)

    def _inputs(self) -> list[widgets.Widget]:
        return [
            self.who,
            self.commission,
            *self.outcome_boxes,
            self.check_outcomes,
            self.for_outcome,
            self.measure_text,
            self.subjective,
            self.source,
            self.frequency,
            self.reporting,
            self.add_measure,
            self.remove_choice,
            self.remove_button,
        ]

    # -- loading ----------------------------------------------------------------

    def set_group(self, group: Group | None) -> None:
        @guarded(self.status)
        def _load() -> None:
            self.group = group
            for w in self._inputs():
                w.disabled = group is None
            self.stage1_feedback.value = self.measure_feedback.value = ""
            self._clear_measure_form()
            latest = self._store.latest(group, EXERCISE) if group is not None else {}
            stage1 = latest.get(STAGE1)
            payload = stage1.payload if stage1 else {}
            self.who.value = str(payload.get("who", ""))
            self.commission.value = str(payload.get("commission", ""))
            written = [str(o) for o in payload.get("outcomes", [])][:MAX_OUTCOMES]
            self.outcomes = written + [""] * (MAX_OUTCOMES - len(written))
            for box, value in zip(self.outcome_boxes, self.outcomes):
                box.value = value
            self.measures = saved_measures(latest)
            saved = f"Your outcomes and {len(self.measures)} measure(s) are shown below." if stage1 or self.measures else ""
            self.status.value = StepPage.welcome_back(group, saved, BEFORE_NAMING)
            self._refresh()

        _load()

    # -- stage 1 ----------------------------------------------------------------

    def save_stage1(self) -> None:
        @guarded(self.stage1_feedback)
        def _save() -> None:
            if self.group is None:
                self.stage1_feedback.value = notice(NAME_FIRST, "warning")
                return
            outcomes = [box.value for box in self.outcome_boxes]
            fields = {"Who they are": self.who.value, "What you plan to commission": self.commission.value, **{f"Outcome {n}": o for n, o in enumerate(outcomes, 1)}}
            over = too_long(fields, self.limit)
            if over:
                self.stage1_feedback.value = notice(over + " Not saved.", "warning")
                return
            result = check_scenario_outcomes(outcomes)
            payload = stage1_payload(self.who.value, self.commission.value, outcomes, result)
            if not save_or_say(self._store, self.group, EXERCISE, STAGE1, payload, self.stage1_feedback):
                return
            self.outcomes = outcomes
            self.stage1_feedback.value = outcomes_result_html(result) + notice("Stage 1 saved.", "success")
            self._refresh()

        _save()

    # -- stage 2 ----------------------------------------------------------------

    def _clear_measure_form(self) -> None:
        self.measure_text.value = self.source.value = self.reporting.value = ""
        self.subjective.value = "not_said"
        self.frequency.value = ""

    def save_measure(self) -> Measure | None:
        @guarded(self.measure_feedback)
        def _save() -> Measure | None:
            if self.group is None:
                self.measure_feedback.value = notice(NAME_FIRST, "warning")
                return None
            if self.for_outcome.value is None:
                self.measure_feedback.value = notice("Choose the outcome this measure is for (save your outcomes in Stage 1 first).", "warning")
                return None
            if not self.measure_text.value.strip():
                self.measure_feedback.value = notice("Type the measure or indicator first.", "warning")
                return None
            over = too_long({"The measure": self.measure_text.value, "The data source": self.source.value, "How the contract reports it": self.reporting.value}, self.limit)
            if over:
                self.measure_feedback.value = notice(over + " Not saved.", "warning")
                return None
            item = next_measure_id([m.id for m in self.measures] + list(self._store.latest(self.group, EXERCISE)))
            index = int(self.for_outcome.value)
            measure = Measure(item, index, self.measure_text.value, SUBJECTIVE_VALUES[self.subjective.value], self.source.value, self.frequency.value, self.reporting.value)
            result = classify_measure(measure.text)
            problem = collect_problem({"source": measure.source, "subjective": measure.subjective}, self.scenario.unrealistic_sources, self.scenario.asking_words)
            if not save_or_say(self._store, self.group, EXERCISE, item, measure_payload(measure, self.outcomes[index], not problem), self.measure_feedback):
                return None
            self.measures.append(measure)
            self.measure_feedback.value = measure_added_html(measure, result, problem)
            self._clear_measure_form()
            self._refresh()
            return measure

        return _save()

    def remove_measure(self, item: str | None) -> None:
        @guarded(self.measure_feedback)
        def _remove() -> None:
            measure = next((m for m in self.measures if m.id == item), None)
            if self.group is None or measure is None:
                self.measure_feedback.value = notice("Choose a measure to remove first.", "warning")
                return
            removed = {"removed": True, "outcome": measure.outcome, "text": measure.text}
            if not save_or_say(self._store, self.group, EXERCISE, measure.id, removed, self.measure_feedback):
                return
            self.measures.remove(measure)
            self.measure_feedback.value = notice("Measure removed from the scorecard; it stays in your history.", "info")
            self._refresh()

        _remove()

    # -- display ----------------------------------------------------------------

    def _refresh(self) -> None:
        named = [(f"Outcome {n + 1}: {short(o)}", n) for n, o in enumerate(self.outcomes) if o.strip()]
        current = self.for_outcome.value
        self.for_outcome.options = named
        self.for_outcome.value = current if current in [v for _, v in named] else (named[0][1] if named else None)
        self.remove_choice.options = [(f"Outcome {m.outcome + 1}: {short(m.text)}", m.id) for m in self.measures]
        self.remove_choice.value = None
        if self.group is not None:
            self.remove_button.disabled = not self.measures
        self.warnings.value = warnings_html(measure_warnings(self.outcomes, self.measures, self.scenario)) if named else section("outcomes_first")
        self.scorecard.value = scorecard_table_html(self.outcomes, self.measures) + scorecard_chart_html(self.outcomes, self.measures)


class ScenarioPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    exercise: ScenarioExercise


def build() -> ScenarioPage:
    warm_up()  # before the visitor arrives, so the first answer is as quick as the rest
    scenario = load()
    exercise = ScenarioExercise(scenario, context.store())
    page = step_frame(
        EXERCISE,
        exercise.view,
        exercise.set_group,
        intro=scenario.intro,
        intro_html=intro_html(scenario),
        hints=scenario.hints,
        model_answer_html=model_answer_html(scenario),
        page_class=ScenarioPage,
    )
    page.exercise = exercise
    return page


def show() -> None:
    show_page(build)
