"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ... import charts
from ...stepkit.answers import Latest
from ...stepkit.writeup import Section
from .logic import MAX_OUTCOMES, QUADRANT_LABELS, QUADRANTS, Measure, measure_from_payload, quadrant_counts, scorecard_alt_text

if TYPE_CHECKING:
    from matplotlib.ticker import MaxNLocator


def scenario(latest: Latest) -> tuple[list[str], list[Measure]]:
    """The homelessness scenario's outcomes (by position, blanks kept) and its measures still on the scorecard."""
    stage1 = latest.get("stage1")
    raw = stage1.payload.get("outcomes", []) if stage1 else []
    outcomes = [str(o) for o in raw][:MAX_OUTCOMES] if isinstance(raw, list) else []
    measures = [m for item, answer in latest.items() if item.startswith("measure-") for m in [measure_from_payload(item, answer.payload)] if m is not None]
    return outcomes, sorted(measures, key=lambda m: m.id)


def subjective_label(value: bool | None) -> str:
    return {True: "Subjective", False: "Objective", None: "Not said"}[value]


def scorecard_chart(outcomes: list[str], measures: list[Measure]) -> tuple[bytes, str] | None:
    """The scorecard chart as PNG bytes and its alt text (None before there is anything to draw)."""
    named = [(n, o) for n, o in enumerate(outcomes) if o.strip()]
    if not named or not measures:
        return None
    counts_all = quadrant_counts(len(outcomes), measures)
    counts = [counts_all[n] for n, _ in named]
    figure, axes = charts.new_figure(10, 5)
    width = 0.8 / len(QUADRANTS)
    hatches = ("", "//", "..")
    for k, quadrant in enumerate(QUADRANTS):
        xs = [i + (k - 1) * width for i in range(len(named))]
        axes.bar(xs, [c[quadrant] for c in counts], width, label=QUADRANT_LABELS[quadrant], color=charts.PALETTE[k], hatch=hatches[k], edgecolor="white")
    axes.set_xticks(range(len(named)), [f"Outcome {n + 1}" for n, _ in named])
    axes.set_ylabel("Number of measures")
    cast("MaxNLocator", axes.yaxis.get_major_locator()).set_params(integer=True)  # a bar chart's value axis has matplotlib's default locator
    axes.set_ylim(0, max(max(c.values()) for c in counts) + 0.5)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=11, frameon=False)
    return charts.png_bytes(figure), scorecard_alt_text([o for _, o in named], counts)


def export_sections(exercise_id: str, latest: Latest) -> list[Section]:
    """The table's brief, outcomes and scorecard (table and chart) for the write-up."""
    stage1 = latest.get("stage1")
    outcomes = list(stage1.payload.get("outcomes", [])) if stage1 else []
    measures = [
        Measure(item, a.payload["outcome"], a.payload.get("text", ""), a.payload.get("subjective"), a.payload.get("source", ""), a.payload.get("frequency", ""), a.payload.get("reporting", ""))
        for item, a in sorted(latest.items(), key=lambda kv: kv[1].id)
        if item.startswith("measure-") and not a.payload.get("removed") and isinstance(a.payload.get("outcome"), int)
    ]
    paragraphs = []
    if stage1:
        paragraphs.append(f"Who they are: {stage1.payload.get('who', '') or 'not written'}")
        paragraphs.append(f"What the table plans to commission: {stage1.payload.get('commission', '') or 'not written'}")
    rows = []
    for n, outcome in enumerate(outcomes):
        if not str(outcome).strip():
            continue
        mine = [m for m in measures if m.outcome == n]
        if not mine:
            rows.append((f"{n + 1}. {outcome}", "no measures yet", "", "", "", "", ""))
        for m in mine:
            rows.append(
                (f"{n + 1}. {outcome}", m.text, QUADRANT_LABELS.get(m.quadrant or "", ""), subjective_label(m.subjective), m.source or "none", m.frequency or "none", m.reporting or "not said")
            )
    drawn = scorecard_chart(outcomes, measures)
    return [
        Section(
            title="The homelessness scenario: scorecard",
            paragraphs=tuple(paragraphs),
            header=("Outcome", "Measure", "RBA question", "Subjective or objective", "Data source", "How often", "How the contract reports it"),
            rows=tuple(rows),
            image_png=drawn[0] if drawn else None,
            image_alt=drawn[1] if drawn else "",
            synthetic=True,
        )
    ]
