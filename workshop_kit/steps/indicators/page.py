"""Step 7: indicators and data. RBA's three questions, balance and data gaps, turn the curve, distance travelled.

Saved rows, exercise ``indicators`` (all appended; the latest row per item is what the table sees):

* item ``map``: the table's indicator map after each change::

      {"outcome": str,
       "measures": [{"text": str, "question": "how_much"|"how_well"|"better_off",
                     "kit_question": same or None,  # what classify_measure reads
                     "subjective": bool, "term": "interim"|"long_term"|"distance", "have_data": bool}, ...],
       "gaps": [str, ...],          # data gaps the table added by hand
       "started_from": [...]}       # the outcomes from earlier in the day (stepkit.starting_rows), when there were any

* item ``sources``: the public sources the table has and the gaps it sees (``data_sources.sources_payload``),
  ``{"have": [source id, ...], "gaps_seen": str}``

* item ``curve``: ``{"indicator": id, "area": str, "target": float|None, "story": str,
  "latest": float, "trend_per_quarter": float, "forecast_end": float, "forecast_period": "2027-Q4",
  "data": "synthetic" | "imported"}``; a curve of the area's imported data (``ind.data_for``) also keeps
  the figures it was drawn from, ``"series": {"label", "unit", "source", "step", "periods", "values",
  "forecast_periods", "forecast", "slope"}``, so the write-up draws it as it was (``trend_per_quarter``
  is then per ``step``).
* item ``distance``: ``{"areas": [str, ...], "start": [int 1-10, ...], "review": [int 1-10, ...]}``
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ... import context
from ...charts import image_html
from . import curve_chart, radar_chart as radar
from . import logic as ind
from ...scoring.warm import warm_up
from ...store import Group, Store
from ...widgets.common import save_or_say, guarded, live, notice, text
from .views import data_note, model_answer_html
from ...widgets.data_sources_panel import DataSourcesPanel
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.starting_rows import StartingRowsPanel

from . import EXERCISE

STEP = EXERCISE
WIDE = {"description_width": "initial"}
FULL = widgets.Layout(width="95%")


class IndicatorsPage:
    """The three exercises of the step, saving under one group."""

    def __init__(self, store: Store, data: ind.IndicatorData | None = None) -> None:
        self._store = store
        self.data = data or ind.synthetic_data()
        """The area's imported indicator data when the session has some, else the synthetic set."""
        self.group: Group | None = None
        g = ind.guide()
        self.measures: list[dict] = []
        self.gaps: list[str] = []
        self.starting = StartingRowsPanel("indicator map", "The first is filled in below as the outcome you are measuring; type another to map it instead.")
        self.sources = DataSourcesPanel(store, EXERCISE)
        # -- RBA mapping
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
        # -- curve
        self.indicator = widgets.Dropdown(description="Indicator", options=self.data.indicator_choices(), style=WIDE, layout=FULL)
        self.area = widgets.Dropdown(description="Area", options=self.data.area_choices(), style=WIDE)
        self.target = widgets.FloatText(description="Target for the end of the forecast", value=0.0, style=WIDE, layout=widgets.Layout(width="32em"))
        self.story = widgets.Textarea(
            description="The story behind the curve", layout=widgets.Layout(width="95%", height="7em"), style=WIDE, placeholder="What is driving it? Who can help? What works? What will you do?"
        )
        self.draw_curve = widgets.Button(description="Draw and save the curve", button_style="primary")
        self.curve_message = live(widgets.HTML())
        self.curve_html = widgets.HTML()
        self.draw_curve.on_click(lambda _b: self.save_curve())
        self.indicator.observe(lambda _c: self.show_curve(), names="value")
        self.area.observe(lambda _c: self.show_curve(), names="value")
        self._target_set = False
        self.target.observe(self._target_changed, names="value")
        # -- distance travelled
        self.areas = list(g["outcome_areas"])
        self.start = [widgets.Dropdown(description=f"{a}: start", options=list(range(1, 11)), value=s, style=WIDE) for a, s in zip(self.areas, g["radar_example"]["start"])]
        self.review = [widgets.Dropdown(description=f"{a}: review", options=list(range(1, 11)), value=r, style=WIDE) for a, r in zip(self.areas, g["radar_example"]["review"])]
        self.draw_radar = widgets.Button(description="Draw and save the chart", button_style="primary")
        self.radar_message = live(widgets.HTML())
        self.radar_html = widgets.HTML()
        self.draw_radar.on_click(lambda _b: self.save_distance())
        prompts = "".join(f"<li>{html.escape(p)}</li>" for p in g["story_prompts"])
        questions = "".join(f"<li><strong>{html.escape(q['label'])}</strong> {html.escape(q['definition'])}</li>" for q in g["questions"])
        self.view = widgets.VBox(
            [
                self.starting.view,
                widgets.HTML(
                    f"<h3>1. Three questions for your measures</h3><ul>{questions}</ul>"
                    "<p>Pick one of your outcomes. Add the measures you would use, say which question each answers, and the kit gives its own reading.</p>"
                ),
                self.outcome,
                self.measure,
                self.question,
                self.subjective,
                self.term,
                self.have_data,
                self.add_measure,
                self.measure_feedback,
                self.map_html,
                self.balance_html,
                widgets.HTML("<h4>Data gaps</h4><p>Measures whose data you lack are listed here. Add any other gaps.</p>"),
                self.gap,
                self.add_gap,
                self.gaps_html,
                self.sources.view,
                widgets.HTML(
                    "<h3>2. Turn the curve</h3>"
                    "<p>Choose an indicator and an area. The line is the baseline; the dashed line is where it goes if nothing changes. "
                    f"Set a target and write the story behind the curve.</p><ul>{prompts}</ul>"
                    '<p class="kit-source">' + html.escape(data_note(self.data)) + "</p>"
                ),
                self.indicator,
                self.area,
                self.target,
                self.story,
                self.draw_curve,
                self.curve_message,
                self.curve_html,
                widgets.HTML(
                    "<h3>3. Distance travelled</h3><p>For one young person (made up, or anonymised), score each area of life from 1 (poor) to 10 (very good) at the start and at a review. "
                    "The chart shows how far they have come, even before an outcome is fully reached.</p>"
                ),
                *[widgets.HBox([a, b]) for a, b in zip(self.start, self.review)],
                self.draw_radar,
                self.radar_message,
                self.radar_html,
            ]
        )
        self.view.add_class("kit-card")
        self.set_group(None)

    def _inputs(self) -> list[widgets.Widget]:
        return [
            self.outcome,
            self.measure,
            self.question,
            self.subjective,
            self.term,
            self.have_data,
            self.add_measure,
            self.gap,
            self.add_gap,
            self.indicator,
            self.area,
            self.target,
            self.story,
            self.draw_curve,
            *self.start,
            *self.review,
            self.draw_radar,
        ]

    # -- loading ------------------------------------------------------------

    def set_group(self, group: Group | None) -> None:
        @guarded(self.measure_feedback)
        def _load() -> None:
            self.group = group
            for widget in self._inputs():
                widget.disabled = group is None
            latest = self._store.latest(group, EXERCISE) if group is not None else {}
            saved_map = latest["map"].payload if "map" in latest else {}
            self.outcome.value = saved_map.get("outcome", "")
            self.measures = list(saved_map.get("measures", []))
            self.gaps = list(saved_map.get("gaps", []))
            started = self.starting.load(self._store, group, kept="map" in latest)
            if "map" not in latest:  # a table's own saved map is never overwritten
                self.outcome.value = started.first
            self.sources.set_group(group)
            self.measure.value = self.gap.value = ""
            curve = latest["curve"].payload if "curve" in latest else {}
            known = [value for _label, value in self.indicator.options]
            self.indicator.value = curve["indicator"] if curve.get("indicator") in known else known[0]
            self.area.value = curve["area"] if curve.get("area") in self.area.options else self.area.options[0]
            self.target.value = curve.get("target") or 0.0
            self._target_set = "curve" in latest
            self.story.value = curve.get("story", "")
            g = ind.guide()
            distance = latest["distance"].payload if "distance" in latest else {}
            for slider, value in zip(self.start, distance.get("start", g["radar_example"]["start"])):
                slider.value = value
            for slider, value in zip(self.review, distance.get("review", g["radar_example"]["review"])):
                slider.value = value
            self.curve_message.value = self.radar_message.value = ""
            self._show_map()
            self.show_curve()
            self._show_radar()
            if group is None:
                self.measure_feedback.value = notice("Type your table's name at the top of the page to start. Your answers are saved under it.", "info")
            elif latest:
                self.measure_feedback.value = notice(f"Welcome back. Your map has {len(self.measures)} measures.", "success")
            else:
                self.measure_feedback.value = ""

        _load()

    # -- saving -------------------------------------------------------------

    def _save(self, item: str, payload: dict, show_in: widgets.HTML) -> bool:
        return save_or_say(self._store, self.group, EXERCISE, item, payload, show_in)

    def _save_map(self) -> bool:
        return self._save("map", {"outcome": self.outcome.value, "measures": self.measures, "gaps": self.gaps, **self.starting.payload()}, self.measure_feedback)

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
            entry = {
                "text": measure,
                "question": self.question.value,
                "kit_question": feedback.kit_question,
                "subjective": self.subjective.value,
                "term": self.term.value,
                "have_data": self.have_data.value,
            }
            self.measures.append(entry)
            if not self._save_map():
                self.measures.pop()
                return
            kind = "success" if feedback.agrees else "debatable"
            self.measure_feedback.value = (
                f'<div class="kit-feedback kit-feedback-{kind}"><p>{text(measure)}</p><p>{html.escape(feedback.sentence)}</p>'
                "<p class=\"kit-source\">Source: Council for Disabled Children, 'Outcomes Based Commissioning and the SEND Reforms' (Results Based Accountability).</p></div>"
            )
            self.measure.value = ""
            self._show_map()

        _add()

    def add_data_gap(self) -> None:
        @guarded(self.gaps_html)
        def _add() -> None:
            gap = self.gap.value.strip()
            problem = ind.too_long("The data gap", gap)
            if problem or not gap:
                self.gaps_html.value = notice(problem or "Type the data gap first.", "warning") + self._gaps_list()
                return
            self.gaps.append(gap)
            if not self._save_map():
                self.gaps.pop()
                return
            self.gap.value = ""
            self._show_map()

        _add()

    def _gaps_list(self) -> str:
        gaps = ind.data_gaps(self.measures, self.gaps)
        if not gaps:
            return "<p>No data gaps listed yet.</p>"
        return "<ul>" + "".join(f"<li>{text(g)}</li>" for g in gaps) + "</ul>"

    def _show_map(self) -> None:
        terms = ind.term_labels()
        if self.measures:
            rows = "".join(
                f"<tr><td>{text(m['text'])}</td><td>{html.escape(ind.QUESTIONS.get(m['question'], ''))}</td>"
                f"<td>{html.escape(ind.QUESTIONS.get(m.get('kit_question') or '', '-'))}</td>"
                f"<td>{'Subjective' if m['subjective'] else 'Objective'}</td><td>{html.escape(terms.get(m['term'], m['term']))}</td>"
                f"<td>{'Yes' if m['have_data'] else 'No'}</td></tr>"
                for m in self.measures
            )
            outcome = f" for: {text(self.outcome.value)}" if self.outcome.value.strip() else ""
            self.map_html.value = (
                f'<table class="kit-table"><caption>Our measures{outcome}</caption><thead><tr>'
                '<th scope="col">Measure</th><th scope="col">Our question</th><th scope="col">The kit reads it as</th>'
                '<th scope="col">Subjective or objective</th><th scope="col">Shows</th><th scope="col">Data we have?</th>'
                f"</tr></thead><tbody>{rows}</tbody></table>"
            )
        else:
            self.map_html.value = "<p>No measures yet.</p>"
        self.balance_html.value = "<h4>Balance</h4><ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in ind.balance(self.measures)) + "</ul>"
        self.gaps_html.value = self._gaps_list()

    # -- the curve ----------------------------------------------------------

    def _target_changed(self, _change: object = None) -> None:
        self._target_set = self.group is not None
        self.show_curve()

    def show_curve(self) -> None:
        @guarded(self.curve_message)
        def _show() -> None:
            try:
                c = self.data.curve(self.indicator.value, self.area.value)
            except KeyError:
                self.curve_html.value = notice("The area's data has no figures for this indicator in this area: choose another area.", "info")
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
                self.curve_message.value = notice("The area's data has no figures for this indicator in this area: choose another area.", "warning")
                return
            payload = {
                **ind.curve_payload(c),
                "target": self.target.value,
                "story": self.story.value,
                "latest": c.latest,
                "trend_per_quarter": round(c.slope, 4),
                "forecast_end": c.forecast[-1],
                "forecast_period": c.forecast_periods[-1],
            }
            if self._save("curve", payload, self.curve_message):
                self._target_set = True
                story = f"<p>Your story: {text(self.story.value)}</p>" if self.story.value.strip() else ""
                self.curve_message.value = notice(f"Saved. Latest value {c.latest:,.1f}, trend {c.direction}; target {self.target.value:,.1f} by {c.forecast_periods[-1]}.", "success") + story
                self.show_curve()  # the words first: drawing the chart takes a few hundred milliseconds

        _save()

    # -- distance travelled -------------------------------------------------

    def _show_radar(self) -> None:
        png, alt = radar.draw(self.areas, [s.value for s in self.start], [r.value for r in self.review])
        self.radar_html.value = image_html(png, alt, "Distance travelled")

    def save_distance(self) -> None:
        @guarded(self.radar_message)
        def _save() -> None:
            payload = {"areas": self.areas, "start": [s.value for s in self.start], "review": [r.value for r in self.review]}
            if self._save("distance", payload, self.radar_message):
                self.radar_message.value = notice("Saved. " + "; ".join(ind.distance_summary(self.areas, payload["start"], payload["review"])) + ".", "success")
                self._show_radar()  # the words first, then the chart

        _save()


class IndicatorsStepPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    exercise: IndicatorsPage


def build() -> IndicatorsStepPage:
    warm_up()  # before the visitor arrives, so the first answer is as quick as the rest
    body = IndicatorsPage(context.store(), ind.data_for(context.store(), context.settings().session))
    g = ind.guide()
    page = step_frame(
        STEP,
        body.view,
        body.set_group,
        intro=g["intro"],
        hints=g["hints"],
        model_answer_html=model_answer_html(),
        body_heading="Measure what matters",
        page_class=IndicatorsStepPage,
    )
    page.exercise = body
    return page


def show() -> None:
    show_page(build)
