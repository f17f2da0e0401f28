"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

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
