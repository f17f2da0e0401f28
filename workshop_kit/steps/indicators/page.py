"""Step 7: indicators and data. RBA's three questions, balance and data gaps, turn the curve, distance travelled.

The three exercises are classes of their own (``parts.py``); ``IndicatorsPage`` lays them out under one group.
"""

from __future__ import annotations

import ipywidgets as widgets

from ... import context
from ...scoring.warm import warm_up
from ...store import Group, Store
from ...widgets.common import guarded, notice
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from . import EXERCISE
from . import logic as ind
from .parts import DistanceTravelled, MeasureMap, TurnTheCurve
from .views import model_answer_html

STEP = EXERCISE


class IndicatorsPage:
    """The step's three exercises under one group: ``mapping``, ``curve`` and ``distance``, their ``parts`` in one card."""

    def __init__(self, store: Store, data: ind.IndicatorData | None = None) -> None:
        self._store = store
        self.data = data or ind.synthetic_data()
        """The area's imported indicator data when the session has some, else the synthetic set."""
        self.group: Group | None = None
        self.mapping = MeasureMap(store)
        self.curve = TurnTheCurve(store, self.data)
        self.distance = DistanceTravelled(store)
        self.view = widgets.VBox([*self.mapping.parts, *self.curve.parts, *self.distance.parts])
        self.view.add_class("kit-card")
        self.set_group(None)

    def set_group(self, group: Group | None) -> None:
        """Switch to a group (or none) and show what it saved, each part from its own row."""
        feedback = self.mapping.measure_feedback

        @guarded(feedback)
        def _load() -> None:
            self.group = group
            for widget in [*self.mapping.inputs(), *self.curve.inputs(), *self.distance.inputs()]:
                widget.disabled = group is None
            latest = self._store.latest(group, EXERCISE) if group is not None else {}
            self.mapping.load(group, latest["map"].payload if "map" in latest else {})
            self.curve.load(group, latest["curve"].payload if "curve" in latest else {}, saved="curve" in latest)
            self.distance.load(group, latest["distance"].payload if "distance" in latest else {})
            if group is None:
                feedback.value = notice("Type your table's name at the top of the page to start. Your answers are saved under it.", "info")
            elif latest:
                feedback.value = notice(f"Welcome back. Your map has {len(self.mapping.measures)} measures.", "success")
            else:
                feedback.value = ""

        _load()


class IndicatorsStepPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    exercise: IndicatorsPage


def build() -> IndicatorsStepPage:
    warm_up()  # before the visitor arrives, so the first answer is as quick as the rest
    body = IndicatorsPage(context.store(), ind.data_for(context.store(), context.settings().session))
    g = ind.guide()
    page = step_frame(STEP, body.view, body.set_group, intro=g["intro"], hints=g["hints"], model_answer_html=model_answer_html(), body_heading="Measure what matters", page_class=IndicatorsStepPage)
    page.exercise = body
    return page


def show() -> None:
    show_page(build)
