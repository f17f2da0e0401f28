"""What this step saves, read back as plain values, and what it adds to the day's write-up.

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

from typing import Any

from ...data_sources import TableSources, read_sources, suggest
from ...golden_thread import GoldenThread
from ...stepkit.answers import Latest
from ...stepkit.starting_rows import Followed, StartingRow, follow, followed_section, saved_rows
from ...stepkit.writeup import Section
from . import logic

SOURCES = "sources"
"""The item the table's ticked public sources and the gaps it sees are saved under (``data_sources.sources_payload``)."""


def indicator_measures(latest: Latest) -> list[dict[str, Any]]:
    saved = latest.get("map")
    measures = saved.payload.get("measures", []) if saved else []
    return [m for m in measures if isinstance(m, dict) and isinstance(m.get("text"), str)]


def started_from(latest: Latest) -> tuple[StartingRow, ...]:
    """The outcomes the table's indicator map started from (its drafts, the room's, the area's), as saved with it."""
    saved = latest.get("map")
    return saved_rows(saved.payload if saved else None)


def followed(latest: Latest) -> tuple[Followed, ...]:
    """What became of each outcome the map started from: the one it measures, kept or reworded; the rest not used."""
    saved = latest.get("map")
    return follow(started_from(latest), (str(saved.payload.get("outcome", "")),) if saved else ())


def table_sources(latest: Latest) -> TableSources:
    """The public sources the table ticked and the gaps it wrote (empty when it saved none)."""
    saved = latest.get(SOURCES)
    return read_sources(saved.payload if saved else None)


SOURCES_HEADER = ("Indicator with no data source (a break in the thread)", "Outcome", "Sources the table has that may hold it", "Other public sources that may hold it")


def sources_section(latest: Latest, thread: GoldenThread | None) -> Section | None:
    """The sources a table has and the gaps it sees, beside its golden thread: each indicator with no data
    source is a break, with the ticked sources (and others) that may hold it. None when there is nothing to say."""
    have = table_sources(latest)
    unsourced = [(i, strand.outcome) for strand in (thread.strands if thread else ()) for i in strand.indicators if not i.source]
    if have.empty and not unsourced:
        return None
    ticked = {s.id for s in have.have}
    rows = []
    for indicator, outcome in unsourced:
        maybe = suggest(indicator.text, limit=len(ticked) + 2)
        mine = [s.name for s in maybe if s.id in ticked]
        others = [s.name for s in maybe if s.id not in ticked][:2]
        rows.append((indicator.text, outcome, "; ".join(mine) or "none ticked", "; ".join(others) or "none found"))
    names = [s.name for s in have.have] + [f"{name} (no longer in the kit's list)" for name in have.unknown]
    said = (
        "Sources the table has: " + ("; ".join(names) if names else "none ticked") + ".",
        "Gaps the table sees: " + (have.gaps.strip() or "none written") + ("" if have.gaps.strip().endswith((".", "!", "?")) else "."),
        f"{len(unsourced)} indicator(s) in the golden thread have no data source." if unsourced else "Every indicator in the golden thread has a data source.",
    )
    return Section(title="Data sources and gaps", paragraphs=said, header=SOURCES_HEADER if rows else (), rows=tuple(rows))


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
    followed = followed_section("Indicator map: where its outcome came from", started_from(latest), (mapped.payload.get("outcome", ""),) if mapped else (), "indicator map")
    if followed:
        sections.append(followed)
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
