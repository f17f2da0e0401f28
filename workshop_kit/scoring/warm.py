"""Compiling every cue pattern before anyone answers.

The scoring rules compile their word lists into patterns on first use, which
takes a few hundred milliseconds once per process. A page calls ``warm_up``
while it is built, so a preheated kernel pays that before a visitor arrives
and the first answer on a page comes back as fast as the rest.
"""

from __future__ import annotations

from functools import lru_cache

from .measures import classify_measure
from .review import LEVELS, review_outcome
from .smart import check_smart
from .statements import classify_statement
from .structure import check_indicator_map, check_logic_model, check_scenario_outcomes

_SAMPLE = "By March, 20 parents will feel more confident and attend 4 sessions a month."
_WEAK = "Young people are helped; Ella will go to a social skills group to cut self-harm"
"""A sample that fails the gates, so the patterns only failures use are compiled too."""
_MEASURE = "Percentage of parents who say they feel more confident"


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Run every public scoring function once on a short sample (its results are thrown away)."""
    classify_statement(_SAMPLE)
    check_smart(_SAMPLE)
    classify_measure(_MEASURE)
    for level in LEVELS:
        review_outcome(_SAMPLE, level)
        review_outcome(_WEAK, level)
    check_scenario_outcomes([_SAMPLE, "Children are safe at home", "Families cope well"])
    cards = [
        {"id": "a", "column": "inputs", "text": "Two youth workers"},
        {"id": "b", "column": "outputs", "text": _SAMPLE},
        {"id": "c", "column": "interim_outcomes", "text": "Parents feel less alone"},
        {"id": "d", "column": "final_outcomes", "text": "Children are safe at home"},
    ]
    check_logic_model({"cards": cards, "links": [["a", "b"], ["b", "c"], ["c", "d"]]})
    check_indicator_map({"Parents feel less alone": [{"text": _MEASURE, "subjective": True, "source": "exit survey", "frequency": "quarterly"}]})
