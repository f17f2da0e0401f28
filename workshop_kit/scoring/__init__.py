"""Explained feedback on outcome statements, measures and plans.

Plain data in, frozen result values out; no widget code. Every result has
``reasons`` and ``tips`` in plain English, and says when there was nothing to
check. See ``datasets/README.md`` for the labelled banks the rules are
evaluated on, and ``python -m workshop_kit.scoring.evaluate`` for the figures.
"""

from .measures import classify_measure
from .results import Criterion, Judgement, MeasureResult, Problem, ReviewResult, SmartResult, StatementResult, StructureResult
from .review import review_outcome
from .smart import check_smart
from .statements import classify_statement
from .structure import check_indicator_map, check_logic_model, check_scenario_outcomes

__all__ = [
    "classify_statement",
    "check_smart",
    "classify_measure",
    "review_outcome",
    "check_scenario_outcomes",
    "check_logic_model",
    "check_indicator_map",
    "StatementResult",
    "SmartResult",
    "Judgement",
    "MeasureResult",
    "Criterion",
    "ReviewResult",
    "Problem",
    "StructureResult",
]
