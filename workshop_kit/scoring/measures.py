"""Sorting a measure into Results Based Accountability's three questions.

Mark Friedman's Results Based Accountability asks: How much did we do? How
well did we do it? Is anybody better off? (Council for Disabled Children,
"Outcomes Based Commissioning and the SEND Reforms").

* ``how_much``: counts of effort: activity delivered, people served.
* ``how_well``: quality, timeliness, cost or satisfaction of the service.
* ``better_off``: change for the people served: skills, knowledge, attitude,
  behaviour or circumstance.

Weighted cue groups from ``cues.json`` vote; a change for people outweighs a
percentage, and a percentage or a quality word outweighs a plain count.
"""

from __future__ import annotations

import re

from . import cues
from .results import NOTHING_TO_CHECK, MeasureResult
from .text import prepare, truncation_note

QUADRANTS = ("how_much", "how_well", "better_off")
_TIE_ORDER = {"better_off": 0, "how_well": 1, "how_much": 2}
_COUNT_TRAINED = re.compile(
    r"^(?:the\s+)?(?:number|numbers|total|count|how\s+many)\s+(?:of\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:trained|receiving\s+training|completing\s+training|contacted|treated|served|enrolled)(?![\w])"
)
_RBA = "(Council for Disabled Children, 'Outcomes Based Commissioning and the SEND Reforms')"
_TIPS = {
    "how_much": f"This counts effort. Pair it with a 'better off' measure: what changed for the people served? {_RBA}",
    "how_well": "This shows how well the service works. Keep it, and add a 'better off' measure for the people served.",
    "better_off": "This shows whether anyone is better off. Say where the data comes from and how often it is collected.",
}


def classify_measure(text: str) -> MeasureResult:
    """Say which RBA question the measure *text* answers: how_much, how_well or better_off.

    Never raises for any string: empty text gives ``empty=True, quadrant=None``.
    """
    p = prepare(text)
    if p.empty:
        return MeasureResult(p.original, None, 0.0, (NOTHING_TO_CHECK,), ("Write one measure, for example 'Percentage of parents reporting less isolation'.",), empty=True)
    scores = {q: 0.0 for q in QUADRANTS}
    reasons, fired = [], []
    for group in cues.voting_groups("measure"):
        found = group.words(p.lower)
        if not found:
            continue
        scores[group.kind] += group.weight * min(len(found), 2)
        fired.append(f"{group.kind}: {group.label}: {', '.join(found)}")
        src = f" ({group.source})" if group.source else ""
        reasons.append(f"Words for {group.label}: {', '.join(repr(f) for f in found[:4])}{src}.")
    counted = _COUNT_TRAINED.search(p.lower)
    if counted:
        scores["how_much"] += 4
        fired.append(f"how_much: a count of people trained or served: {counted.group(0)}")
        reasons.append(f"It counts people trained or served ('{counted.group(0)}'): how much was done {_RBA}.")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _TIE_ORDER[kv[0]]))
    (quadrant, top), (runner, second) = ranked[0], ranked[1]
    if top <= 0:
        quadrant, confidence = "how_much", 0.0
        reasons.append("No cue words were recognised, so this is only a guess: a plain count is 'how much'.")
    else:
        confidence = round(max(0.0, min(1.0, (top - second) / (top + 1))), 2)
        reasons.append(f"Verdict: {quadrant} (cue weight {top:g}, against {second:g} for {runner}).")
    reasons.extend(truncation_note(p))
    return MeasureResult(p.original, quadrant, confidence, tuple(reasons), (_TIPS[quadrant],), tuple(fired), tuple((q, round(v, 2)) for q, v in ranked), truncated=p.truncated)
