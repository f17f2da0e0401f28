"""Step 7's parts: one class per exercise on the page, each with its widgets (``parts``), its load and its saves.

``MeasureMap`` (RBA's three questions, balance and data gaps, the sources a table has), ``TurnTheCurve`` and
``DistanceTravelled``; ``page.IndicatorsPage`` lays them out under one group. What each saves is in ``record.py``.
"""

from __future__ import annotations

import ipywidgets as widgets

from ...charts import image_html
from ...markup import render
from ...store import Group, Store
from ...widgets.common import guarded, live, notice, save_or_say
from ...widgets.data_sources_panel import DataSourcesPanel
from ...widgets.starting_rows import StartingRowsPanel
from . import EXERCISE, curve_chart, radar_chart as radar
from . import logic as ind
from .views import balance_html, data_note, gaps_html, map_html

WIDE = {"description_width": "initial"}
FULL = widgets.Layout(width="95%")
STORY_PROMPT = "What is driving it? Who can help? What works? What will you do?"
NO_FIGURES = "The area's data has no figures for this indicator in this area: choose another area."


class MeasureMap:
    """The outcome, a measure at a time with the kit's reading, the map, its balance and the gaps; saved (item ``map``) after each change."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.group: Group | None = None
        self.measures: list[dict] = []
        self.gaps: list[str] = []
        g = ind.guide()
        self.starting = StartingRowsPanel("indicator map", "The first is filled in below as the outcome you are measuring; type another to map it instead.")
        self.sources = DataSourcesPanel(store, EXERCISE)
        self.outcome = widgets.Text(description="The outcome you are measuring", layout=FULL, style=WIDE)
        self.measure = widgets.Text(description="Measure", placeholder="e.g. Percentage of young people who feel safer", layout=FULL, style=WIDE)
        self.question = widgets.Dropdown(description="Which question does it answer?", options=[(q["label"], q["id"]) for q in g["questions"]], style=WIDE)
        self.subjective = widgets.Dropdown(description="Where does the data come from?", style=WIDE, options=[("What people tell us (subjective)", True), ("Records and counts (objective)", False)])
        self.term = widgets.Dropdown(description="What does it show?", options=[(t["label"], t["id"]) for t in g["terms"]], style=WIDE)
        self.have_data = widgets.Dropdown(description="Do we have this data?", style=WIDE, options=[("Yes, the area already collects it", True), ("No, we would need to collect it", False)])
        self.add_measure = widgets.Button(description="Add measure", button_style="primary", tooltip="Add this measure to the map")
        self.measure_feedback = live(widgets.HTML())
        self.map_html = widgets.HTML()
        self.balance_html = widgets.HTML()
        self.gap = widgets.Text(description="Another data gap", placeholder="Data we need but do not have", layout=FULL, style=WIDE)
        self.add_gap = widgets.Button(description="Add to the gap list", tooltip="Add this to the list of data gaps")
        self.gaps_html = live(widgets.HTML())
        self.add_measure.on_click(lambda _b: self.add())
        self.add_gap.on_click(lambda _b: self.add_data_gap())
        intro = widgets.HTML(render("steps/indicators/questions.html", questions=g["questions"]))
        gaps_intro = widgets.HTML(render("steps/indicators/gaps_intro.html"))
        form = [self.outcome, self.measure, self.question, self.subjective, self.term, self.have_data, self.add_measure]
        self.parts = [self.starting.view, intro, *form, self.measure_feedback, self.map_html, self.balance_html, gaps_intro, self.gap, self.add_gap, self.gaps_html, self.sources.view]

    def inputs(self) -> list[widgets.Widget]:
        return [self.outcome, self.measure, self.question, self.subjective, self.term, self.have_data, self.add_measure, self.gap, self.add_gap]

    def load(self, group: Group | None, saved_map: dict) -> None:
        """Show a group's saved map (``{}`` for none) without saving it again."""
        self.group = group
        self.outcome.value = saved_map.get("outcome", "")
        self.measures = list(saved_map.get("measures", []))
        self.gaps = list(saved_map.get("gaps", []))
        started = self.starting.load(self._store, group, kept=bool(saved_map))
        if not saved_map:  # a table's own saved map is never overwritten
            self.outcome.value = started.first
        self.sources.set_group(group)
        self.measure.value = self.gap.value = ""
        self.show_map()

    def _save_map(self) -> bool:
        return save_or_say(self._store, self.group, EXERCISE, "map", {"outcome": self.outcome.value, "measures": self.measures, "gaps": self.gaps, **self.starting.payload()}, self.measure_feedback)

    def add(self) -> None:
        @guarded(self.measure_feedback)
        def _add() -> None:
            measure = self.measure.value.strip()
            problem = ind.too_long("The outcome", self.outcome.value) or ind.too_long("The measure", measure)
            if problem:
                self.measure_feedback.value = notice(problem, "warning")
                return
            if not measure:
                self.measure_feedback.value = notice("Type a measure first.", "warning")
                return
            feedback = ind.measure_feedback(measure, self.question.value)
            entry = {"text": measure, "question": self.question.value, "kit_question": feedback.kit_question}
            entry |= {"subjective": self.subjective.value, "term": self.term.value, "have_data": self.have_data.value}
            self.measures.append(entry)
            if not self._save_map():
                self.measures.pop()
                return
            kind = "success" if feedback.agrees else "debatable"
            self.measure_feedback.value = render("steps/indicators/measure_feedback.html", kind=kind, measure=measure, sentence=feedback.sentence)
            self.measure.value = ""
            self.show_map()

        _add()

    def add_data_gap(self) -> None:
        @guarded(self.gaps_html)
        def _add() -> None:
            gap = self.gap.value.strip()
            problem = ind.too_long("The data gap", gap)
            if problem or not gap:
                self.gaps_html.value = notice(problem or "Type the data gap first.", "warning") + gaps_html(self.measures, self.gaps)
                return
            self.gaps.append(gap)
            if not self._save_map():
                self.gaps.pop()
                return
            self.gap.value = ""
            self.show_map()

        _add()

    def show_map(self) -> None:
        self.map_html.value = map_html(self.outcome.value, self.measures)
        self.balance_html.value = balance_html(self.measures)
        self.gaps_html.value = gaps_html(self.measures, self.gaps)


class TurnTheCurve:
    """The chart redrawn as the indicator, area or target change; "Draw and save" keeps them (item ``curve``)."""

    def __init__(self, store: Store, data: ind.IndicatorData) -> None:
        self._store = store
        self.data = data
        self.group: Group | None = None
        self.indicator = widgets.Dropdown(description="Indicator", options=self.data.indicator_choices(), style=WIDE, layout=widgets.Layout(width="95%"))
        self.area = widgets.Dropdown(description="Area", options=self.data.area_choices(), style=WIDE)
        self.target = widgets.FloatText(description="Target for the end of the forecast", value=0.0, style=WIDE, layout=widgets.Layout(width="32em"))
        self.story = widgets.Textarea(description="The story behind the curve", layout=widgets.Layout(width="95%", height="7em"), style=WIDE, placeholder=STORY_PROMPT)
        self.draw_curve = widgets.Button(description="Draw and save the curve", button_style="primary")
        self.curve_message = live(widgets.HTML())
        self.curve_html = widgets.HTML()
        self.draw_curve.on_click(lambda _b: self.save_curve())
        self.indicator.observe(lambda _c: self.show_curve(), names="value")
        self.area.observe(lambda _c: self.show_curve(), names="value")
        self._target_set = False
        self.target.observe(self._target_changed, names="value")
        intro = render("steps/indicators/curve_intro.html", prompts=ind.guide()["story_prompts"], data_note=data_note(self.data))
        self.parts = [widgets.HTML(intro), self.indicator, self.area, self.target, self.story, self.draw_curve, self.curve_message, self.curve_html]

    def inputs(self) -> list[widgets.Widget]:
        return [self.indicator, self.area, self.target, self.story, self.draw_curve]

    def load(self, group: Group | None, curve: dict, saved: bool) -> None:
        """Show a group's saved curve (``{}`` for none) without saving it again."""
        self.group = group
        known = [value for _label, value in self.indicator.options]
        self.indicator.value = curve["indicator"] if curve.get("indicator") in known else known[0]
        self.area.value = curve["area"] if curve.get("area") in self.area.options else self.area.options[0]
        self.target.value = curve.get("target") or 0.0
        self._target_set = saved
        self.story.value = curve.get("story", "")
        self.curve_message.value = ""
        self.show_curve()

    def _target_changed(self, _change: object = None) -> None:
        self._target_set = self.group is not None
        self.show_curve()

    def show_curve(self) -> None:
        @guarded(self.curve_message)
        def _show() -> None:
            try:
                c = self.data.curve(self.indicator.value, self.area.value)
            except KeyError:
                self.curve_html.value = notice(NO_FIGURES, "info")
                return
            png, alt = curve_chart.draw(c, self.target.value if self._target_set else None)
            self.target.description = f"Target for {c.forecast_periods[-1]}" + (f" ({c.unit})" if c.unit else "")
            self.curve_html.value = image_html(png, alt, f"{c.label}, {c.area} ({c.source_label})")

        _show()

    def save_curve(self) -> None:
        @guarded(self.curve_message)
        def _save() -> None:
            problem = ind.too_long("The story", self.story.value, ind.MAX_STORY)
            if problem:
                self.curve_message.value = notice(problem, "warning")
                return
            try:
                c = self.data.curve(self.indicator.value, self.area.value)
            except KeyError:
                self.curve_message.value = notice(NO_FIGURES, "warning")
                return
            payload = ind.saved_curve(c, self.target.value, self.story.value)
            if save_or_say(self._store, self.group, EXERCISE, "curve", payload, self.curve_message):
                self._target_set = True
                said = f"Saved. Latest value {c.latest:,.1f}, trend {c.direction}; target {self.target.value:,.1f} by {c.forecast_periods[-1]}."
                story = render("steps/indicators/curve_story.html", story=self.story.value) if self.story.value.strip() else ""
                self.curve_message.value = notice(said, "success") + story
                self.show_curve()  # the words first: drawing the chart takes a few hundred milliseconds

        _save()


class DistanceTravelled:
    """A score from 1 to 10 per area of life, start against review, drawn as a radar and saved (item ``distance``)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.group: Group | None = None
        g = ind.guide()
        self.areas = list(g["outcome_areas"])
        self.start = [widgets.Dropdown(description=f"{a}: start", options=list(range(1, 11)), value=s, style=WIDE) for a, s in zip(self.areas, g["radar_example"]["start"])]
        self.review = [widgets.Dropdown(description=f"{a}: review", options=list(range(1, 11)), value=r, style=WIDE) for a, r in zip(self.areas, g["radar_example"]["review"])]
        self.draw_radar = widgets.Button(description="Draw and save the chart", button_style="primary")
        self.radar_message = live(widgets.HTML())
        self.radar_html = widgets.HTML()
        self.draw_radar.on_click(lambda _b: self.save_distance())
        scores = [widgets.HBox([a, b]) for a, b in zip(self.start, self.review)]
        self.parts = [widgets.HTML(render("steps/indicators/distance_intro.html")), *scores, self.draw_radar, self.radar_message, self.radar_html]

    def inputs(self) -> list[widgets.Widget]:
        return [*self.start, *self.review, self.draw_radar]

    def load(self, group: Group | None, distance: dict) -> None:
        """Show a group's saved scores (``{}`` for none: the worked example) without saving them again."""
        self.group = group
        example = ind.guide()["radar_example"]
        for dropdown, value in zip(self.start, distance.get("start", example["start"])):
            dropdown.value = value
        for dropdown, value in zip(self.review, distance.get("review", example["review"])):
            dropdown.value = value
        self.radar_message.value = ""
        self.show_radar()

    def show_radar(self) -> None:
        png, alt = radar.draw(self.areas, [s.value for s in self.start], [r.value for r in self.review])
        self.radar_html.value = image_html(png, alt, "Distance travelled")

    def save_distance(self) -> None:
        @guarded(self.radar_message)
        def _save() -> None:
            payload = {"areas": self.areas, "start": [s.value for s in self.start], "review": [r.value for r in self.review]}
            if save_or_say(self._store, self.group, EXERCISE, "distance", payload, self.radar_message):
                self.radar_message.value = notice("Saved. " + "; ".join(ind.distance_summary(self.areas, payload["start"], payload["review"])) + ".", "success")
                self.show_radar()  # the words first, then the chart

        _save()
