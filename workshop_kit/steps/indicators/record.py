"""What this step saves, read back as plain values, and what it adds to the day's write-up.

Saved rows, exercise ``indicators`` (all appended; the latest row per item is what the table sees):

* item ``map``: the table's indicator map after each change::

      {"outcome": str,
       "measures": [{"text": str, "question": "how_much"|"how_well"|"better_off",
                     "kit_question": same or None,  # what classify_measure reads
                     "subjective": bool, "term": "interim"|"long_term"|"distance", "have_data": bool}, ...],
       "gaps": [str, ...]}          # data gaps the table added by hand

* item ``curve``: ``{"indicator": id, "area": str, "target": float|None, "story": str,
  "latest": float, "trend_per_quarter": float, "forecast_end": float, "forecast_period": "2027-Q4",
  "data": "synthetic" | "imported"}``; a curve of the area's imported data (``ind.data_for``) also keeps
  the figures it was drawn from, ``"series": {"label", "unit", "source", "step", "periods", "values",
  "forecast_periods", "forecast", "slope"}``, so the write-up draws it as it was (``trend_per_quarter``
  is then per ``step``).
* item ``distance``: ``{"areas": [str, ...], "start": [int 1-10, ...], "review": [int 1-10, ...]}``
"""

from __future__ import annotations

from typing import Any

from ...stepkit.answers import Latest
from ...stepkit.writeup import Section
from . import logic


def indicator_measures(latest: Latest) -> list[dict[str, Any]]:
    saved = latest.get("map")
    measures = saved.payload.get("measures", []) if saved else []
    return [m for m in measures if isinstance(m, dict) and isinstance(m.get("text"), str)]


def export_sections(exercise_id: str, latest: Latest) -> list[Section]:
    """The indicator map and data gaps, the turn-the-curve chart and story, and distance travelled."""
    from . import curve_chart, radar_chart as radar  # matplotlib loads with the first chart, not with the page

    sections = []
    mapped = latest.get("map")
    if mapped:
        measures = mapped.payload.get("measures", [])
        rows = tuple(
            (
                m.get("text", ""),
                str(m.get("question", "")),
                str(m.get("kit_question", "")),
                "subjective" if m.get("subjective") else "objective",
                str(m.get("term", "")),
                "yes" if m.get("have_data") else "no",
            )
            for m in measures
        )
        gaps = mapped.payload.get("gaps", [])
        sections.append(
            Section(
                title="Indicator map",
                paragraphs=(f"Outcome: {mapped.payload.get('outcome', '')}", "Data gaps: " + ("; ".join(gaps) if gaps else "none listed")),
                header=("Measure", "Table's RBA question", "Kit's reading", "Subjective or objective", "Term", "Data exists"),
                rows=rows,
            )
        )
    turned = latest.get("curve")
    if turned and turned.payload.get("indicator") and turned.payload.get("area"):
        p = turned.payload
        try:
            target = float(p["target"]) if str(p.get("target", "")).strip() else None
        except ValueError:
            target = None
        try:
            drawn = logic.curve_from_payload(p)
        except KeyError:
            drawn = None
        png, alt = curve_chart.draw(drawn, target) if drawn else (None, "")
        sections.append(
            Section(
                title="Turning the curve",
                paragraphs=(
                    f"Target: {p.get('target') or 'not set'}.",
                    f"The story behind the curve: {p.get('story') or 'not written'}",
                    f"Data: {drawn.source_label if drawn else 'the chart can no longer be drawn'}.",
                ),
                image_png=png,
                image_alt=alt,
                synthetic=drawn is None or drawn.synthetic,
            )
        )
    travelled = latest.get("distance")
    if travelled and travelled.payload.get("areas"):
        p = travelled.payload
        png, alt = radar.draw(p["areas"], p["start"], p["review"])
        sections.append(Section(title="Distance travelled", image_png=png, image_alt=alt))
    return sections
