"""The contribution matrix as a heat map: outcomes down the side, services across, each cell labelled in words."""

from __future__ import annotations

import textwrap

import numpy as np
from matplotlib.colors import ListedColormap

from .logic import Analysis
from ...charts import new_figure, png_bytes

# none (light grey), one measure, two, three or more: darker means more measures; labels carry the meaning.
_COLOURS = ListedColormap(["#f0f0f0", "#cfe3f5", "#8fbde6", "#4a8fcf"])


def cell_label(count: int) -> str:
    if count < 0:
        return "no"
    if count == 0:
        return "yes, no measure"
    return f"yes, {count} measure" + ("" if count == 1 else "s")


def alt_text(a: Analysis) -> str:
    parts = [f"Heat map of {len(a.outcomes)} outcomes (rows) against {len(a.services)} services (columns)."]
    for o, row in zip(a.outcomes, a.counts):
        who = [f"{s} ({cell_label(n)[5:]})" for s, n in zip(a.services, row) if n >= 0]
        parts.append(f"{o}: " + (", ".join(who) if who else "no service contributes") + ".")
    parts.extend(a.sentences())
    return " ".join(parts)


def draw(a: Analysis) -> tuple[bytes, str]:
    rows, cols = max(len(a.outcomes), 1), max(len(a.services), 1)
    figure, axes = new_figure(3 + 2.2 * cols, 1.5 + 1.0 * rows)
    data = np.array([[min(n + 1, 3) for n in row] for row in a.counts] or [[0]])
    axes.imshow(data, cmap=_COLOURS, vmin=0, vmax=3, aspect="auto")
    duplicated = {(d.outcome, s) for d in a.duplicates for s in d.services}
    for i, row in enumerate(a.counts):
        for j, n in enumerate(row):
            label = cell_label(n).replace(", ", ",\n") + ("\n(duplicate)" if (a.outcomes[i], a.services[j]) in duplicated else "")
            axes.text(j, i, label, ha="center", va="center", fontsize=11, color="#1a1a1a")
    services = [textwrap.fill(s, 16) + ("\n(no outcome)" if s in a.unlinked else "") for s in a.services]
    outcomes = [("GAP: " if o in a.gaps else "") + o for o in a.outcomes]
    axes.set_xticks(range(len(a.services)), services, fontsize=11)
    axes.set_yticks(range(len(a.outcomes)), [textwrap.fill(o, 30) for o in outcomes], fontsize=11)
    axes.xaxis.tick_top()
    axes.set_xticks(np.arange(-0.5, cols, 1), minor=True)
    axes.set_yticks(np.arange(-0.5, rows, 1), minor=True)
    axes.grid(which="minor", color="white", linewidth=3)
    axes.tick_params(which="minor", length=0)
    return png_bytes(figure), alt_text(a)
