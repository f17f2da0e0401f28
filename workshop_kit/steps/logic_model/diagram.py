"""A logic model drawn as four columns of boxes with arrows, readable on a projector.

The figure grows with the longest column, so up to eight cards a column sit
without overlapping. The alt text lists each column's cards and each link.
"""

from __future__ import annotations

import textwrap
from typing import Mapping, Sequence

from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ...charts import PALETTE, new_figure, png_bytes
from ...wording import ELLIPSIS, shorten

COLUMNS = ("inputs", "outputs", "interim_outcomes", "final_outcomes")
HEADINGS = ("Inputs", "Outputs", "Interim outcomes", "Final outcomes")
BOX_WIDTH = 0.78
BOX_HEIGHT = 0.82
WRAP = 22
MAX_LINES = 4


def _wrapped(value: str) -> str:
    lines = textwrap.wrap(value, WRAP, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = shorten(lines[-1] + ELLIPSIS, WRAP)
    return "\n".join(lines)


def positions(cards: Sequence[Mapping[str, str]]) -> tuple[dict[str, tuple[float, float]], int]:
    """Centre of each card's box (x = column index, y counted down from the top) and the rows used."""
    by_column = {c: [card for card in cards if card.get("column") == c] for c in COLUMNS}
    rows = max([len(v) for v in by_column.values()] + [1])
    centres = {}
    for x, column in enumerate(COLUMNS):
        column_cards = by_column[column]
        offset = (rows - len(column_cards)) / 2  # centre short columns
        for n, card in enumerate(column_cards):
            centres[str(card["id"])] = (float(x), rows - 0.5 - offset - n)
    return centres, rows


def alt_text(cards: Sequence[Mapping[str, str]], links: Sequence[Sequence[str]], assumptions: str = "", external: str = "") -> str:
    text = {str(c["id"]): str(c["text"]) for c in cards}
    parts = [f"A logic model with {len(cards)} cards in four columns and {len(links)} links."]
    for column, heading in zip(COLUMNS, HEADINGS):
        items = [str(c["text"]) for c in cards if c.get("column") == column]
        parts.append(f"{heading} ({len(items)}): " + ("; ".join(items) if items else "none") + ".")
    if links:
        parts.append("Links: " + "; ".join(f"{text.get(str(a), a)} leads to {text.get(str(b), b)}" for a, b in links) + ".")
    if assumptions.strip():
        parts.append(f"Assumptions: {' '.join(assumptions.split())}.")
    if external.strip():
        parts.append(f"External factors: {' '.join(external.split())}.")
    return " ".join(parts)


def draw(cards: Sequence[Mapping[str, str]], links: Sequence[Sequence[str]], assumptions: str = "", external: str = "") -> tuple[bytes, str]:
    """The diagram as PNG bytes, and alt text describing it in words."""
    centres, rows = positions(cards)
    figure, axes = new_figure(13, 1.6 + 1.15 * rows)
    axes.set_xlim(-0.5, 3.5)
    axes.set_ylim(-0.1, rows + 0.6)
    axes.axis("off")
    for n, heading in enumerate(HEADINGS):
        axes.text(n, rows + 0.3, heading, ha="center", va="center", fontsize=15, fontweight="bold", color=PALETTE[n])
    for a, b in links:
        if str(a) in centres and str(b) in centres:
            (xa, ya), (xb, yb) = centres[str(a)], centres[str(b)]
            axes.add_patch(
                FancyArrowPatch(
                    (xa + BOX_WIDTH / 2, ya),
                    (xb - BOX_WIDTH / 2, yb),
                    arrowstyle="-|>",
                    mutation_scale=16,
                    color="#3b4650",
                    linewidth=1.3,
                    zorder=1,
                )
            )
    for card in cards:
        cid = str(card["id"])
        if cid not in centres:
            continue
        x, y = centres[cid]
        colour = PALETTE[COLUMNS.index(str(card["column"]))]
        axes.add_patch(
            FancyBboxPatch(
                (x - BOX_WIDTH / 2, y - BOX_HEIGHT / 2),
                BOX_WIDTH,
                BOX_HEIGHT,
                boxstyle="round,pad=0.02",
                facecolor="white",
                edgecolor=colour,
                linewidth=2,
                zorder=2,
            )
        )
        axes.text(x, y, _wrapped(str(card["text"])), ha="center", va="center", fontsize=11, color="#1a1a1a", zorder=3)
    notes = []
    if assumptions.strip():
        notes.append("Assumptions: " + " ".join(assumptions.split()))
    if external.strip():
        notes.append("External factors: " + " ".join(external.split()))
    if notes:
        axes.text(-0.5, -0.1, textwrap.fill("   ".join(notes)[:600], 150), ha="left", va="top", fontsize=11, color="#1a1a1a")
    return png_bytes(figure), alt_text(cards, links, assumptions, external)
