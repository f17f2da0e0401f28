"""Structural checks for the later exercises: scenario outcomes, logic models, indicator maps.

Each check takes plain data and returns a :class:`StructureResult` with
``ok`` and a tuple of :class:`Problem` values, each naming the card, outcome or
indicator concerned.
"""

from __future__ import annotations

import difflib
from typing import Any, Mapping, Sequence

from .measures import classify_measure
from .results import Problem, StructureResult
from .statements import classify_statement
from .text import STOP_WORDS, prepare
from ..wording import article, shorten, with_article

_IPC = "(Institute of Public Care, 'Focussing on outcomes')"
_RBA = "(Council for Disabled Children, 'Outcomes Based Commissioning and the SEND Reforms')"
NEAR_DUPLICATE = 0.8
"""Two outcomes whose wording is at least this similar (0-1) count as near-duplicates."""
COLUMNS = ("inputs", "outputs", "interim_outcomes", "final_outcomes")
"""Logic-model columns, left to right."""
COLUMN_KINDS = {"inputs": {"input"}, "outputs": {"output", "process", "impact"}, "interim_outcomes": {"outcome"}, "final_outcomes": {"outcome"}}
"""The statement kinds that belong in each column.

Impact (a difference made to professionals or the system, Council for Disabled
Children) is not an outcome for people, so the outcome columns refuse it; in a
four-column model it sits with what the service delivers, on the way to outcomes.
"""
_STOP = STOP_WORDS


def _short(text: str, limit: int = 60) -> str:
    return shorten(text, limit, flatten=True)


def _tokens(text: str) -> set[str]:
    return {w for w in prepare(text).words if w not in _STOP}


def similarity(a: str, b: str) -> float:
    """How alike two statements are, 0-1: the larger of a character match and a word-overlap score."""
    ta, tb = _tokens(a), _tokens(b)
    overlap = len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0
    matcher = difflib.SequenceMatcher(None, prepare(a).lower[:300], prepare(b).lower[:300])
    if matcher.real_quick_ratio() <= overlap or matcher.quick_ratio() <= overlap:
        return overlap  # the character match cannot beat the word overlap: skip the slow part
    return max(matcher.ratio(), overlap)


def _result(check: str, problems: list[Problem], checked: list[str], empty: bool = False) -> StructureResult:
    reasons = tuple(checked) + tuple(f"{p.item}: {p.message}" for p in problems)
    tips = tuple(dict.fromkeys(p.tip for p in problems if p.tip))
    return StructureResult(check, not problems and not empty, tuple(problems), reasons, tips, empty)


def check_scenario_outcomes(outcomes: Sequence[str]) -> StructureResult:
    """Check a table's agreed scenario outcomes (Stage 1 of the homelessness scenario, Institute of Public Care).

    *outcomes* is a list of statements. Checks: there are 3 or 4 (blank ones
    ignored), each reads as an outcome, passes the review's gates as an
    operational outcome (it names a change, not a service received) and is in
    plain English (the same review every page shows; fewer people sleeping rough
    is how the Institute of Public Care frames these outcomes, so deficit
    framing is not held against them here), and no two are near-duplicates.
    """
    items = [o for o in (outcomes or []) if isinstance(o, str) and not prepare(o).empty]
    if not items:
        return _result("scenario_outcomes", [Problem("outcomes", "No outcomes were given.", "Agree 3 or 4 outcomes for the people in the scenario.")], ["Nothing to check yet."], empty=True)
    problems: list[Problem] = []
    if not 3 <= len(items) <= 4:
        problems.append(
            Problem(
                "outcomes",
                f"There are {len(items)} outcomes; agree no more than 3 or 4 {_IPC}.",
                "Merge or drop outcomes until there are 3 or 4." if len(items) > 4 else "Add outcomes until there are 3 or 4.",
            )
        )
    from .review import review_outcome  # here, not at the top: review imports the classifier this module uses

    for text in items:
        res = classify_statement(text)
        if res.kind != "outcome":
            assert res.kind is not None  # a kind is found for every item: blank ones were left out above
            problems.append(Problem(_short(text), f"This reads like {with_article(res.kind)}, not an outcome.", res.tips[0] if res.tips else ""))
            continue
        review = review_outcome(text, "operational")
        failed = review.failed_gates or tuple(c for c in review.criteria if not c.passed and c.name == "plain_english")
        if failed:
            problems.append(
                Problem(
                    _short(text),
                    f"{review.verdict_label} as an outcome for the people in the scenario: " + " ".join(c.reason for c in failed[:2]),
                    next((c.rewrite or c.tip for c in failed if c.rewrite or c.tip), ""),
                )
            )
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            score = similarity(a, b)
            if score >= NEAR_DUPLICATE:
                problems.append(Problem(f"{_short(a, 40)} / {_short(b, 40)}", f"These two are near-duplicates (similarity {score:.2f}).", "Keep one, or make each about a different change."))
    return _result("scenario_outcomes", problems, [f"Checked {len(items)} outcomes: how many, whether each is an outcome, and near-duplicates."])


def check_logic_model(model: Mapping[str, Any]) -> StructureResult:
    """Check a logic model: inputs → outputs → interim outcomes → final outcomes.

    *model* is a dict::

        {"cards": [{"id": "c1", "column": "inputs", "text": "3 volunteers"}, ...],
         "links": [["c1", "c2"], ...]}

    ``column`` is one of ``inputs``, ``outputs``, ``interim_outcomes``,
    ``final_outcomes``; each link goes from one card id to another. Checks:
    every card has a known column, ids are unique, every link joins known cards
    and points forward (left to right), no card is an orphan (inputs lead
    somewhere, final outcomes are reached, middle cards have both), and each
    card's text fits its column (cards in the wrong column are named).
    """
    cards = list((model or {}).get("cards") or []) if isinstance(model, Mapping) else []
    links = list((model or {}).get("links") or []) if isinstance(model, Mapping) else []
    if not cards:
        return _result("logic_model", [Problem("model", "There are no cards.", "Add cards to each column.")], ["Nothing to check yet."], empty=True)
    problems: list[Problem] = []
    column: dict[str, str] = {}
    text: dict[str, str] = {}
    for n, card in enumerate(cards, 1):
        card = card if isinstance(card, Mapping) else {}
        cid = str(card.get("id", f"card {n}"))
        col = str(card.get("column", ""))
        if cid in column:
            problems.append(Problem(cid, "Two cards share this id.", "Give each card its own id."))
            continue
        column[cid], text[cid] = col, str(card.get("text", ""))
        if col not in COLUMNS:
            problems.append(Problem(cid, f"Unknown column {col!r}.", f"Use one of: {', '.join(COLUMNS)}."))
    outgoing = {cid: 0 for cid in column}
    incoming = {cid: 0 for cid in column}
    for link in links:
        if not isinstance(link, (list, tuple)) or len(link) != 2:
            problems.append(Problem(str(link), "A link must be a pair [from_id, to_id].", ""))
            continue
        a, b = str(link[0]), str(link[1])
        missing = [x for x in (a, b) if x not in column]
        if missing:
            problems.append(Problem(f"{a} → {b}", f"Links to a card that does not exist ({', '.join(missing)}).", "Remove the link or add the card."))
            continue
        outgoing[a] += 1
        incoming[b] += 1
        ca, cb = column[a], column[b]
        if ca in COLUMNS and cb in COLUMNS and COLUMNS.index(cb) <= COLUMNS.index(ca):
            problems.append(Problem(f"{a} → {b}", f"This link goes from {ca} back to {cb}; links should point forward.", "Each link should lead from a card to one in a column further right."))
    for cid, col in column.items():
        label = f"{cid} ('{_short(text[cid], 40)}')"
        if col not in COLUMNS:
            continue
        if outgoing[cid] == 0 and incoming[cid] == 0:
            problems.append(Problem(label, "This card is an orphan: nothing links to or from it.", "Link it into the chain, or remove it."))
        elif col != "final_outcomes" and outgoing[cid] == 0:
            problems.append(Problem(label, "Nothing leads on from this card.", "Link it to what it makes possible in the next column."))
        elif col != "inputs" and incoming[cid] == 0:
            problems.append(Problem(label, "Nothing leads to this card.", "Link it from what makes it happen."))
        kind = classify_statement(text[cid]).kind
        if kind is not None:
            if kind not in COLUMN_KINDS[col] and kind == "impact":
                problems.append(
                    Problem(
                        label,
                        f"This card is in {col} but reads like impact: a change for staff, services "
                        "or the system, not for the people served (Council for Disabled Children, "
                        "'Outcomes, outputs and impact').",
                        "Move it to outputs, or reword it as the change for people that it leads to.",
                    )
                )
            elif kind not in COLUMN_KINDS[col]:
                right = next(c for c in COLUMNS if kind in COLUMN_KINDS[c])
                problems.append(Problem(label, f"This card is in {col} but reads like {article(kind)} {kind}.", f"Consider moving it to {right}, or rewording it."))
    return _result("logic_model", problems, [f"Checked {len(column)} cards and {len(links)} links: columns, direction, orphans and wording."])


def check_indicator_map(indicator_map: Mapping[str, Sequence[Mapping[str, Any]]]) -> StructureResult:
    """Check an indicator map: the measures a table will use for each outcome.

    *indicator_map* is a dict from outcome text to a list of indicators::

        {"Parents feel less isolated": [
            {"text": "% of parents reporting less isolation", "subjective": True,
             "source": "exit survey", "frequency": "quarterly"}, ...]}

    Checks: each outcome has at least one indicator and at least one
    "better off" measure; across the map there is a balance of subjective
    (self-reported) and objective indicators (Institute of Public Care,
    after nef 2009); every indicator names a data source and a frequency.
    """
    if not isinstance(indicator_map, Mapping) or not indicator_map:
        return _result("indicator_map", [Problem("map", "There are no outcomes.", "Add an outcome and its indicators.")], ["Nothing to check yet."], empty=True)
    problems: list[Problem] = []
    subjective = objective = 0
    for outcome, indicators in indicator_map.items():
        name = _short(outcome)
        indicators = [i for i in (indicators or []) if isinstance(i, Mapping)]
        if not indicators:
            problems.append(Problem(name, "This outcome has no indicators.", f"Develop one or more indicators for each outcome {_IPC}."))
            continue
        quadrants = set()
        for ind in indicators:
            itext = str(ind.get("text", ""))
            label = f"{name}: '{_short(itext, 40)}'"
            quadrants.add(classify_measure(itext).quadrant)
            if ind.get("subjective") is True:
                subjective += 1
            elif ind.get("subjective") is False:
                objective += 1
            else:
                problems.append(Problem(label, "It does not say whether it is subjective or objective.", "Mark it subjective (self-reported) or objective."))
            for key, what in (("source", "a data source"), ("frequency", "how often it is collected")):
                if not str(ind.get(key) or "").strip():
                    problems.append(Problem(label, f"It does not name {what}.", f"Add {what}."))
        if "better_off" not in quadrants:
            problems.append(Problem(name, "None of its indicators shows whether anyone is better off.", f"Add a 'better off' measure: change for the people served {_RBA}."))
    if subjective == 0 or objective == 0:
        problems.append(
            Problem("map", f"There are {subjective} subjective and {objective} objective indicators; aim for a balance.", f"Balance subjective (self-reported) and objective indicators {_IPC}.")
        )
    return _result("indicator_map", problems, [f"Checked {len(indicator_map)} outcomes: indicators, better-off measures, subjective/objective balance, sources and frequency."])
