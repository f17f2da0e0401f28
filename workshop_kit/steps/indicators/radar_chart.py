"""Distance travelled: a radar of outcome areas on a 1-10 scale, start against review."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Sequence, cast

from matplotlib.figure import Figure

from ...charts import PALETTE, png_bytes
from .logic import distance_summary

if TYPE_CHECKING:
    from matplotlib.projections.polar import PolarAxes


def alt_text(areas: Sequence[str], start: Sequence[int], review: Sequence[int]) -> str:
    return f"Radar chart of {len(areas)} outcome areas on a scale of 1 to 10, start against review. " + "; ".join(distance_summary(areas, start, review)) + "."


def draw(areas: Sequence[str], start: Sequence[int], review: Sequence[int]) -> tuple[bytes, str]:
    figure = Figure(figsize=(8, 8), dpi=100)
    axes = cast("PolarAxes", figure.add_subplot(projection="polar"))
    angles = [2 * math.pi * i / len(areas) for i in range(len(areas))]
    closed = angles + angles[:1]
    for values, colour, style, label in ((start, PALETTE[1], "--", "Start"), (review, PALETTE[0], "-", "Review")):
        points = list(values) + [values[0]]
        axes.plot(closed, points, color=colour, linewidth=2.5, linestyle=style, marker="o", label=label)
        axes.fill(closed, points, color=colour, alpha=0.12)
    axes.set_xticks(angles, list(areas), fontsize=13)
    axes.set_ylim(0, 10)
    axes.set_yticks([2, 4, 6, 8, 10], ["2", "4", "6", "8", "10"], fontsize=10)
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    axes.legend(loc="upper right", bbox_to_anchor=(1.15, 1.1), fontsize=12)
    return png_bytes(figure), alt_text(areas, start, review)
