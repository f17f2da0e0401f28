"""The homelessness scenario's logic: the synthetic profile, the measure checks and the scorecard.

Pure logic, no widgets. The scenario is Stage 1 and Stage 2 of the exercise
in Institute of Public Care, "Focussing on outcomes": agree 3 or 4 outcomes
(``check_scenario_outcomes``), then measures for each, placed in Results Based
Accountability's quadrants (``classify_measure``; Council for Disabled
Children, "Outcomes Based Commissioning and the SEND Reforms") and checked as
an indicator map (``check_indicator_map``). This module adds the two rules the
scoring library has not got: measures nobody could collect, and monitoring
that counts only outputs.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ... import content, locations
from ...content import ContentError
from ...scoring import check_indicator_map, classify_measure
from ...store import Answer
from ...wording import shorten

CONTENT = "homelessness_scenario/scenario"
DATASETS = locations.datasets_dir()
QUADRANTS = ("how_much", "how_well", "better_off")
QUADRANT_LABELS = {"how_much": "How much did we do?", "how_well": "How well did we do it?", "better_off": "Is anyone better off?"}
MAX_OUTCOMES = 4


@dataclass(frozen=True)
class Scenario:
    """The scenario's content from ``content/homelessness_scenario/scenario.json``."""

    raw: Mapping[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.raw[name]
        except KeyError:
            raise AttributeError(name) from None


@lru_cache(maxsize=1)
def load() -> Scenario:
    """The scenario content, with its sources and its model answer's measures checked."""
    raw = content.load_raw(CONTENT)
    known = content.sources()
    for ref in raw["sources"]:
        if ref not in known:
            raise ContentError(f"{CONTENT}: unknown source {ref!r}; add it to sources.json.")
    outcomes = raw["model_answer"]["outcomes"]
    for measure in raw["model_answer"]["measures"]:
        if measure["outcome"] >= len(outcomes):
            raise ContentError(f"{CONTENT}: a model measure refers to outcome {measure['outcome']}, which does not exist.")
        if measure["frequency"] not in raw["frequencies"]:
            raise ContentError(f"{CONTENT}: model frequency {measure['frequency']!r} is not one of the choices.")
    return Scenario(raw)


# -- the synthetic profile ----------------------------------------------------


@dataclass(frozen=True)
class ProfileRow:
    section: str
    category: str
    unit: str
    counts: tuple[int, ...]
    """One count per period, in the order of ``Profile.periods``."""


@dataclass(frozen=True)
class Profile:
    area: str
    periods: tuple[str, ...]
    rows: tuple[ProfileRow, ...]

    def row(self, category: str) -> ProfileRow:
        return next(r for r in self.rows if r.category == category)


PROFILE_COLUMNS = ("area", "data_status", "period", "section", "category", "unit", "count")


def load_profile(path: Path) -> Profile:
    """Read the profile CSV; refuse it unless every row is labelled synthetic and complete."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != PROFILE_COLUMNS:
            raise ContentError(f"{path.name}: expected columns {', '.join(PROFILE_COLUMNS)}.")
        records = list(reader)
    if not records:
        raise ContentError(f"{path.name} has no rows.")
    if any(r["data_status"] != "synthetic" for r in records):
        raise ContentError(f"{path.name}: every row must be labelled synthetic.")
    areas = {r["area"] for r in records}
    if len(areas) != 1:
        raise ContentError(f"{path.name}: expected one area, found {len(areas)}.")
    periods = tuple(dict.fromkeys(r["period"] for r in records))
    grouped: dict[tuple[str, str, str], dict[str, int]] = {}
    for r in records:
        try:
            count = int(r["count"])
        except ValueError:
            raise ContentError(f"{path.name}: count {r['count']!r} is not a whole number.") from None
        if count < 0:
            raise ContentError(f"{path.name}: a count is negative.")
        grouped.setdefault((r["section"], r["category"], r["unit"]), {})[r["period"]] = count
    rows = []
    for (section, category, unit), by_period in grouped.items():
        if set(by_period) != set(periods):
            raise ContentError(f"{path.name}: {category!r} is missing a period.")
        rows.append(ProfileRow(section, category, unit, tuple(by_period[p] for p in periods)))
    return Profile(areas.pop(), periods, tuple(rows))


def scenario_profile(scenario: Scenario | None = None) -> Profile:
    scenario = scenario or load()
    return load_profile(DATASETS / scenario.profile["dataset"])


def profile_alt_text(profile: Profile, categories: Sequence[str]) -> str:
    """The profile chart described in words, from the data."""
    parts = []
    for category in categories:
        row = profile.row(category)
        first, last = row.counts[0], row.counts[-1]
        trend = "rose" if last > first else "fell" if last < first else "stayed level"
        parts.append(f"{category}: {trend} from {first} in {profile.periods[0]} to {last} in {profile.periods[-1]}")
    return f"Bar chart of synthetic figures for {profile.area}, one group of bars per quarter. " + "; ".join(parts) + "."


# -- measures -----------------------------------------------------------------


def _has_phrase(text: str, phrases: Iterable[str]) -> bool:
    lower = " ".join(text.casefold().split())
    return any(re.search(rf"(?<![\w]){re.escape(p.casefold())}(?![\w])", lower) for p in phrases)


def collect_problem(measure: Mapping[str, Any], unrealistic: Iterable[str], asking_words: Iterable[str]) -> str:
    """Why nobody could collect this measure, or "" when someone could.

    Rules: the data source is empty or says it is not known ("unknown",
    "not sure", "n/a"...); or the measure is subjective (what people tell us)
    but its source names no way of asking them (a survey, interview,
    conversation, review...).
    """
    source = " ".join(str(measure.get("source") or "").split())
    if not source:
        return "It names no data source, so nobody would collect it."
    if source.casefold().strip(" .") in {u.casefold() for u in unrealistic}:
        return f"Its data source is '{source}', so nobody would collect it."
    if measure.get("subjective") is True and not _has_phrase(source, asking_words):
        return "It is subjective (what people tell us), but its source is not a way of asking people: name a survey, interview, review conversation or similar."
    return ""


def all_output(quadrants: Iterable[str | None]) -> bool:
    """True when there are measures and every one only counts effort ("how much")."""
    found = [q for q in quadrants if q is not None]
    return bool(found) and all(q == "how_much" for q in found)


@dataclass(frozen=True)
class Measure:
    """One measure a table has added for one of its outcomes."""

    id: str
    outcome: int
    text: str
    subjective: bool | None
    """True: what people tell us; False: what records show; None: not said."""
    source: str
    frequency: str
    reporting: str

    @property
    def quadrant(self) -> str | None:
        return classify_measure(self.text).quadrant


@dataclass(frozen=True)
class MeasureWarning:
    about: str
    message: str
    tip: str = ""


def measure_warnings(outcomes: Sequence[str], measures: Sequence[Measure], scenario: Scenario) -> list[MeasureWarning]:
    """Everything to look at in a table's measures: the indicator map check plus collectability and all-output."""
    named = [(i, o) for i, o in enumerate(outcomes) if o.strip()]
    if not named:
        return []
    indicator_map: dict[str, list[dict[str, Any]]] = {}
    for i, outcome in named:
        key = outcome if outcome not in indicator_map else f"{outcome} ({i + 1})"
        indicator_map[key] = [{"text": m.text, "subjective": m.subjective, "source": m.source, "frequency": m.frequency} for m in measures if m.outcome == i]
    result = check_indicator_map(indicator_map)
    warnings = [MeasureWarning(p.item, p.message, p.tip) for p in result.problems]
    for m in measures:
        problem = collect_problem({"source": m.source, "subjective": m.subjective}, scenario.unrealistic_sources, scenario.asking_words)
        if problem:
            warnings.append(MeasureWarning(f"'{m.text}'", problem, "Name where the figure comes from and who collects it."))
    if all_output(m.quadrant for m in measures):
        warnings.append(
            MeasureWarning(
                "All measures",
                "Every measure counts what was done (how much); none says how well it was done or whether anyone is better off.",
                "Monitoring only outputs tells you about effort, not outcomes: add 'better off' measures.",
            )
        )
    return warnings


def quadrant_counts(outcome_count: int, measures: Sequence[Measure]) -> list[dict[str, int]]:
    """For each outcome (by position), how many of its measures fall in each RBA quadrant."""
    counts = [{q: 0 for q in QUADRANTS} for _ in range(outcome_count)]
    for m in measures:
        quadrant = m.quadrant
        if 0 <= m.outcome < outcome_count and quadrant in QUADRANTS:
            counts[m.outcome][quadrant] += 1
    return counts


def scorecard_alt_text(outcomes: Sequence[str], counts: Sequence[Mapping[str, int]]) -> str:
    """The scorecard chart described in words, from the data."""
    if not any(sum(c.values()) for c in counts):
        return "Bar chart of measures per outcome: there are no measures yet."
    parts = []
    for n, (outcome, c) in enumerate(zip(outcomes, counts), start=1):
        spread = ", ".join(f"{c[q]} {QUADRANT_LABELS[q].rstrip('?').lower()}" for q in QUADRANTS)
        parts.append(f"outcome {n} ({short(outcome, 50)}): {spread}")
    return "Bar chart of the number of measures for each outcome, split by Results Based Accountability question: " + "; ".join(parts) + "."


def short(value: str, limit: int = 60) -> str:
    return shorten(value, limit, flatten=True)


def measure_from_payload(item: str, payload: Mapping[str, Any]) -> Measure | None:
    """A saved measure row as a Measure, or None for a removed or malformed row."""
    if payload.get("removed") or not isinstance(payload.get("text"), str) or not isinstance(payload.get("outcome"), int):
        return None
    subjective = payload.get("subjective")
    return Measure(
        item,
        int(payload["outcome"]),
        payload["text"],
        subjective if isinstance(subjective, bool) else None,
        str(payload.get("source") or ""),
        str(payload.get("frequency") or ""),
        str(payload.get("reporting") or ""),
    )


def next_measure_id(existing: Iterable[str]) -> str:
    numbers = [int(i.split("-", 1)[1]) for i in existing if i.startswith("measure-") and i.split("-", 1)[1].isdigit()]
    return f"measure-{max(numbers, default=0) + 1}"


def saved_measures(latest: Mapping[str, Answer]) -> list[Measure]:
    """The measures still on a table's scorecard (removed ones left out), in the order they were added."""
    found = [measure_from_payload(item, answer.payload) for item, answer in latest.items() if item.startswith("measure-")]
    return sorted((m for m in found if m is not None), key=lambda m: int(m.id.split("-")[1]))


def too_long(values: Mapping[str, str], limit: int) -> str:
    """A plain sentence naming the first value longer than ``limit`` characters (by its label), or ""."""
    for label, value in values.items():
        if len(value) > limit:
            return f"{label} is {len(value):,} characters long, more than the {limit:,} we can save. Please shorten it."
    return ""


def stage1_payload(who: str, commission: str, outcomes: list[str], result: Any) -> dict[str, Any]:
    """The row saved for Stage 1 (item ``stage1``): outcomes by position, blanks kept; ``result`` is
    ``check_scenario_outcomes`` on them."""
    return {"who": who, "commission": commission, "outcomes": outcomes, "ok": result.ok, "problems": [f"{p.item}: {p.message}" for p in result.problems]}


def measure_payload(measure: Measure, outcome_text: str, collectable: bool) -> dict[str, Any]:
    """The row saved for one measure (item ``measure-<n>``); removing it saves the item again with ``removed``."""
    return {
        "outcome": measure.outcome,
        "outcome_text": outcome_text,
        "text": measure.text,
        "subjective": measure.subjective,
        "source": measure.source,
        "frequency": measure.frequency,
        "reporting": measure.reporting,
        "quadrant": measure.quadrant,
        "collectable": collectable,
        "removed": False,
    }
