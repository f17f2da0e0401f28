"""Turn the curve: the baseline, a dashed forecast if nothing changes, and the target."""

from __future__ import annotations

from .logic import Curve
from ...charts import PALETTE, new_figure, png_bytes


def _short(text: str, limit: int = 80) -> str:
    """A label short enough for the chart (the alt text keeps it whole), control characters shown."""
    from ...typed_text import visible

    shown = visible(" ".join(text.split()))
    return shown if len(shown) <= limit else shown[: limit - 1] + "\u2026"


def _fmt(value: float) -> str:
    return f"{value:,.1f}"


CADENCE = {"quarter": "quarterly", "month": "monthly", "year": "yearly", "period": "by period"}


def source_sentence(c: Curve) -> str:
    """The chart's first words: whose data it is."""
    return "Synthetic data." if c.synthetic else f"{c.source[:1].upper()}{c.source[1:]}."


def alt_text(c: Curve, target: float | None) -> str:
    unit = f" ({c.unit})" if c.unit else ""
    parts = [
        f"{source_sentence(c)} Line chart of {c.label} in {c.area}, {CADENCE.get(c.step, 'by period')} from {c.periods[0]} to {c.periods[-1]}.",
        f"The latest value ({c.periods[-1]}) is {_fmt(c.latest)}{unit}; the trend is {c.direction} (about {_fmt(abs(c.slope))} a {c.step}).",
        f"If nothing changes, the dashed forecast reaches {_fmt(c.forecast[-1])} by {c.forecast_periods[-1]}.",
    ]
    parts.append(f"The target is {_fmt(target)} by {c.forecast_periods[-1]}." if target is not None else "No target set yet.")
    return " ".join(parts)


def draw(c: Curve, target: float | None) -> tuple[bytes, str]:
    figure, axes = new_figure(11, 5.5)
    n = len(c.periods)
    x_all = list(range(n + len(c.forecast_periods)))
    whose = "synthetic" if c.synthetic else "the area's own data"
    axes.plot(range(n), c.values, color=PALETTE[0], linewidth=2.5, marker="o", markersize=4, label=f"Baseline ({whose})")
    fitted_last = c.forecast[0] - c.slope  # the fitted line at the latest quarter
    axes.plot([0, n - 1], [fitted_last - c.slope * (n - 1), fitted_last], color="#595959", linewidth=1.2, linestyle=":", label="Straight-line trend")
    axes.plot([n - 1, *range(n, n + len(c.forecast))], [fitted_last, *c.forecast], color=PALETTE[1], linewidth=2.5, linestyle="--", label="Forecast if nothing changes")
    if target is not None:
        axes.axhline(target, color=PALETTE[2], linewidth=2, linestyle=":", label=f"Target: {_fmt(target)}")
    labels = list(c.periods) + list(c.forecast_periods)
    if c.step == "quarter":
        ticks = [i for i in x_all if labels[i].endswith("Q1")]
        axes.set_xticks(ticks, [labels[i][:4] for i in ticks])
    else:
        every = max(1, -(-len(labels) // 10))
        ticks = x_all[::every]
        axes.set_xticks(ticks, [labels[i] for i in ticks], rotation=30 if c.step in ("period", "month") else 0)
    axes.set_ylabel(c.unit)
    axes.set_title(f"{_short(c.label)}\n{_short(c.area, 40)} ({_short(c.source_label, 60)})", fontsize=13)
    axes.grid(axis="y", color="#dddddd")
    axes.legend(loc="best", fontsize=11)
    return png_bytes(figure), alt_text(c, target)
