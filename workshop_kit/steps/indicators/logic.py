"""Indicators and data as plain logic: RBA feedback, balance, data gaps, the curve's trend, distance travelled.

No widget code here. The synthetic data set lives in ``datasets/`` (see
``datasets/local_indicators_synthetic.md``; ``locations`` says where that is).
When a session has imported the area's own indicator data (``workshop-kit import
indicators``), ``data_for`` gives that instead, and every curve says which it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from ... import content, locations
from ...content import ContentError
from ...scoring import classify_measure

DATASET = locations.datasets_dir() / "local_indicators_synthetic.csv"
QUESTIONS = {"how_much": "How much did we do?", "how_well": "How well did we do it?", "better_off": "Is anybody better off?"}
MAX_TEXT = 300
"""Longest measure, outcome or data gap, in characters."""
MAX_STORY = 2000
FORECAST_QUARTERS = 8
FORECAST_PERIODS = {"quarter": 8, "month": 12, "year": 3, "financial_year": 3, "date": 4}
"""How far ahead a forecast runs, by the kind of period the data comes in."""
SYNTHETIC = "synthetic"

if TYPE_CHECKING:
    import pandas as pd


@lru_cache(maxsize=None)
def guide() -> dict[str, Any]:
    """The step's content file, with the references a schema cannot see checked."""
    raw = content.load_raw("indicators/guide")
    areas = raw["outcome_areas"]
    for key in ("start", "review"):
        if len(raw["radar_example"][key]) != len(areas):
            raise ContentError(f"indicators/guide: radar_example {key} needs one score per outcome area.")
    terms = {t["id"] for t in raw["terms"]}
    for m in raw["example"]["measures"]:
        if m["term"] not in terms:
            raise ContentError(f"indicators/guide: unknown term {m['term']!r}.")
    return raw


def term_labels() -> dict[str, str]:
    return {t["id"]: t["label"] for t in guide()["terms"]}


def too_long(label: str, value: str, limit: int = MAX_TEXT) -> str:
    """A sentence when ``value`` is longer than ``limit`` characters, else ''."""
    return f"{label} is {len(value):,} characters long; please keep it under {limit:,}." if len(value) > limit else ""


@dataclass(frozen=True)
class MeasureFeedback:
    agrees: bool
    kit_question: str | None
    sentence: str


def measure_feedback(text: str, chosen: str) -> MeasureFeedback:
    """Compare the table's choice of RBA question with ``classify_measure``'s reading of the wording."""
    result = classify_measure(text)
    if result.empty or result.quadrant is None:
        return MeasureFeedback(False, None, "Write the measure first.")
    kit = result.quadrant
    tip = result.tips[0] if result.tips else ""
    if kit == chosen:
        return MeasureFeedback(True, kit, f"Agreed: the wording reads as '{QUESTIONS[kit]}'. {tip}")
    return MeasureFeedback(
        False,
        kit,
        f"The kit reads the wording as '{QUESTIONS[kit]}', not '{QUESTIONS.get(chosen, chosen)}'. Talk it through: if you are right, could the wording make it clearer? {tip}",
    )


def balance(measures: Sequence[Mapping[str, Any]]) -> list[str]:
    """Sentences on the balance of a table's measures (Institute of Public Care, after nef 2009)."""
    if not measures:
        return ["No measures yet."]
    count = lambda key, value: sum(1 for m in measures if m.get(key) == value)  # noqa: E731
    said = []
    subj, obj = count("subjective", True), count("subjective", False)
    said.append(f"{subj} subjective (what people tell you) and {obj} objective (from records)." + ("" if subj and obj else " Aim for at least one of each."))
    questions = {q: count("question", q) for q in QUESTIONS}
    said.append("; ".join(f"{QUESTIONS[q]} {n}" for q, n in questions.items()) + "." + ("" if questions["better_off"] else " Add at least one 'better off' measure."))
    terms = term_labels()
    said.append("; ".join(f"{label}: {count('term', t)}" for t, label in terms.items()) + "." + ("" if count("term", "distance") else " Consider a distance-travelled measure."))
    lacking = count("have_data", False)
    said.append(f"{len(measures) - lacking} use data the area already has; {lacking} need data the area lacks.")
    return said


def data_gaps(measures: Sequence[Mapping[str, Any]], added: Sequence[str]) -> list[str]:
    """The data-gap list: measures whose data the area lacks, then gaps the table added."""
    return [f"Data for: {m['text']}" for m in measures if m.get("have_data") is False] + list(added)


# -- the curve -------------------------------------------------------------


@lru_cache(maxsize=None)
def dataset(path: str = str(DATASET)) -> pd.DataFrame:
    """The synthetic local indicators, one row per indicator, area and quarter.

    pandas is imported here, not with the module: every page's self-study help
    imports this module, and only the indicators step reads the data.
    """
    import pandas as pd

    frame = pd.read_csv(path)
    if set(frame["synthetic"]) != {"yes"}:
        raise ContentError(f"{path} must label every row synthetic.")
    return frame


def indicator_choices() -> list[tuple[str, str]]:
    frame = dataset()
    pairs = frame[["indicator_label", "indicator"]].drop_duplicates()
    return [(row.indicator_label, row.indicator) for row in pairs.itertuples()]


def area_choices() -> list[str]:
    return list(dict.fromkeys(dataset()["area"]))


@dataclass(frozen=True)
class Curve:
    indicator: str
    label: str
    unit: str
    area: str
    periods: tuple[str, ...]
    values: tuple[float, ...]
    forecast_periods: tuple[str, ...]
    forecast: tuple[float, ...]
    slope: float
    """Change per period (``step``) of the fitted straight line."""
    source: str = SYNTHETIC
    """"synthetic", or where the area's own data came from (e.g. "the area's data, imported from figures.csv")."""
    step: str = "quarter"
    """The period one step of the line is: quarter, month, year or period."""

    @property
    def synthetic(self) -> bool:
        return self.source == SYNTHETIC

    @property
    def source_label(self) -> str:
        """How a chart names its data: 'synthetic data' or the area's own."""
        return "synthetic data" if self.synthetic else self.source

    @property
    def latest(self) -> float:
        return self.values[-1]

    @property
    def direction(self) -> str:
        mean = sum(self.values) / len(self.values) if self.values else 0.0
        if abs(self.slope) < 0.01 * max(abs(float(mean)), 1e-9) / 4:
            return "roughly flat"
        return "rising" if self.slope > 0 else "falling"


def _next_periods(last: str, count: int) -> list[str]:
    year, quarter = int(last[:4]), int(last[-1])
    out = []
    for _ in range(count):
        quarter += 1
        if quarter > 4:
            year, quarter = year + 1, 1
        out.append(f"{year}-Q{quarter}")
    return out


def _fitted(values: Sequence[float], ahead: int) -> tuple[float, tuple[float, ...]]:
    """The slope of the least-squares line through the values, and that line carried ``ahead`` periods on."""
    import numpy as np

    x = np.arange(len(values))
    if len(values) < 2:
        return 0.0, tuple(float(values[-1]) for _ in range(ahead))
    slope, intercept = np.polyfit(x, np.asarray(values, dtype=float), 1)
    future = np.arange(len(values), len(values) + ahead)
    return float(slope), tuple(float(v) for v in np.round(intercept + slope * future, 2))


@dataclass(frozen=True)
class IndicatorData:
    """What the turn-the-curve exercise draws on: the kit's synthetic set, or the area's imported figures.

    ``series`` maps (indicator, area) to its points in time order: (period label, value).
    """

    source: str
    labels: Mapping[str, str]
    units: Mapping[str, str]
    series: Mapping[tuple[str, str], tuple[tuple[str, float], ...]]
    kinds: Mapping[tuple[str, str], str]
    """The kind of period of each series (quarter, year, financial_year, month, date)."""
    step_days: Mapping[tuple[str, str], int]

    @property
    def synthetic(self) -> bool:
        return self.source == SYNTHETIC

    def indicator_choices(self) -> list[tuple[str, str]]:
        return [(self.labels[i], i) for i in dict.fromkeys(i for i, _a in self.series)]

    def area_choices(self) -> list[str]:
        return list(dict.fromkeys(a for _i, a in self.series))

    def curve(self, indicator: str, area: str, ahead: int | None = None) -> Curve:
        from ...importing.periods import STEP_NAMES, next_labels, parse_period

        points = self.series.get((indicator, area))
        if not points:
            raise KeyError(f"No data for {indicator!r} in {area!r}.")
        kind = self.kinds[(indicator, area)]
        ahead = FORECAST_PERIODS[kind] if ahead is None else ahead
        values = tuple(v for _p, v in points)
        slope, forecast = _fitted(values, ahead)
        future = next_labels(parse_period(points[-1][0]), ahead, self.step_days.get((indicator, area), 0))
        return Curve(indicator, self.labels[indicator], self.units.get(indicator, ""), area, tuple(p for p, _v in points), values, tuple(future), forecast, slope, self.source, STEP_NAMES[kind])


@lru_cache(maxsize=1)
def synthetic_data() -> IndicatorData:
    """The kit's synthetic local indicators (datasets/local_indicators_synthetic.csv) as curve data."""
    frame = dataset().sort_values(["indicator", "area", "year", "quarter"], kind="stable")
    series: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for row in frame.itertuples():
        series.setdefault((row.indicator, row.area), []).append((row.period, float(row.value)))
    order = {i: n for n, i in enumerate(dict.fromkeys(dataset()["indicator"]))}
    areas = {a: n for n, a in enumerate(dict.fromkeys(dataset()["area"]))}
    keys = sorted(series, key=lambda k: (order[k[0]], areas[k[1]]))
    labels = dict(zip(frame["indicator"], frame["indicator_label"]))
    units = dict(zip(frame["indicator"], frame["unit"]))
    return IndicatorData(SYNTHETIC, labels, units, {k: tuple(series[k]) for k in keys}, {k: "quarter" for k in keys}, {})


NO_AREA = "The area"
"""How a series whose file named no area is shown."""


def imported_data(values: Iterable[Any], file_name: str) -> IndicatorData:
    """The area's imported figures (``importing.IndicatorValue``) as curve data."""
    series: dict[tuple[str, str], list[Any]] = {}
    units: dict[str, str] = {}
    for value in values:
        series.setdefault((value.indicator, value.area or NO_AREA), []).append(value)
        units.setdefault(value.indicator, value.unit)
    ordered: dict[tuple[str, str], tuple[tuple[str, float], ...]] = {}
    kinds: dict[tuple[str, str], str] = {}
    steps: dict[tuple[str, str], int] = {}
    for key, points in series.items():
        points.sort(key=lambda v: v.period.start)
        ordered[key] = tuple((v.period.label, v.value) for v in points)
        kinds[key] = points[0].period.kind
        gaps = sorted((b.period.start - a.period.start).days for a, b in zip(points, points[1:]))
        steps[key] = gaps[len(gaps) // 2] if gaps else 0
    labels = {indicator: indicator for indicator, _area in series}
    return IndicatorData(f"the area's own data, imported from {file_name}", labels, units, ordered, kinds, steps)


def data_for(store: Any, session: str) -> IndicatorData:
    """The area's imported indicator data when the session has some, the synthetic data otherwise."""
    from ...importing import stored

    record = stored.latest(store, session, "indicators")
    if record is None:
        return synthetic_data()
    return imported_data(stored.indicator_values(store, record), record.file_name)


def curve_payload(c: Curve) -> dict[str, Any]:
    """What a saved curve keeps so it can be drawn again as it was: imported figures are kept with it."""
    saved: dict[str, Any] = {"indicator": c.indicator, "area": c.area, "data": SYNTHETIC if c.synthetic else "imported"}
    if not c.synthetic:
        saved["series"] = {
            "label": c.label,
            "unit": c.unit,
            "source": c.source,
            "step": c.step,
            "periods": list(c.periods),
            "values": list(c.values),
            "forecast_periods": list(c.forecast_periods),
            "forecast": list(c.forecast),
            "slope": c.slope,
        }
    return saved


def saved_curve(c: Curve, target: float, story: str) -> dict[str, Any]:
    """The ``curve`` row: what draws it again, the table's target and story, and where the line was heading."""
    return {
        **curve_payload(c),
        "target": target,
        "story": story,
        "latest": c.latest,
        "trend_per_quarter": round(c.slope, 4),
        "forecast_end": c.forecast[-1],
        "forecast_period": c.forecast_periods[-1],
    }


def curve_from_payload(payload: Mapping[str, Any]) -> Curve:
    """The curve a table saved: rebuilt from its own figures when it drew the area's data, from the synthetic set otherwise.

    KeyError when it cannot be drawn again (an indicator the synthetic set no longer has).
    """
    kept = payload.get("series")
    if isinstance(kept, Mapping):
        return Curve(
            str(payload["indicator"]),
            str(kept["label"]),
            str(kept["unit"]),
            str(payload["area"]),
            tuple(kept["periods"]),
            tuple(float(v) for v in kept["values"]),
            tuple(kept["forecast_periods"]),
            tuple(float(v) for v in kept["forecast"]),
            float(kept["slope"]),
            str(kept["source"]),
            str(kept["step"]),
        )
    return curve(str(payload.get("indicator")), str(payload.get("area")))


def curve(indicator: str, area: str, ahead: int = FORECAST_QUARTERS) -> Curve:
    """The baseline for one indicator and area of the synthetic data, and a straight-line forecast 'if nothing changes'."""
    import numpy as np

    frame = dataset()
    rows = frame[(frame["indicator"] == indicator) & (frame["area"] == area)].sort_values(["year", "quarter"])
    if rows.empty:
        raise KeyError(f"No data for {indicator!r} in {area!r}.")
    values = rows["value"].to_numpy(dtype=float)
    x = np.arange(len(values))
    slope, intercept = np.polyfit(x, values, 1)
    future = np.arange(len(values), len(values) + ahead)
    forecast = np.round(intercept + slope * future, 2)
    periods = tuple(rows["period"])
    return Curve(
        indicator,
        str(rows["indicator_label"].iloc[0]),
        str(rows["unit"].iloc[0]),
        area,
        periods,
        tuple(float(v) for v in values),
        tuple(_next_periods(periods[-1], ahead)),
        tuple(float(v) for v in forecast),
        float(slope),
    )


# -- distance travelled ----------------------------------------------------


def distance_summary(areas: Sequence[str], start: Sequence[int], review: Sequence[int]) -> list[str]:
    """One sentence per outcome area: where it started, where it is now, and the change."""
    said = []
    for area, a, b in zip(areas, start, review):
        change = "no change" if a == b else (f"up {b - a}" if b > a else f"down {a - b}")
        said.append(f"{area}: {a} at the start, {b} at the review ({change})")
    return said
