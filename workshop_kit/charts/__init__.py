"""Charts drawn with matplotlib, turned into images that carry their alt text.

Every chart is drawn off-screen (Agg), with fixed sizes and no timestamps in
the PNG, so the same data gives the same bytes (nbval stays stable). A chart
is shown as an ``<img>`` whose ``alt`` describes it in words, with the same
words below it for sighted readers, and a link to download it as PNG.

matplotlib is imported when the first chart is drawn, not with this package:
a page that shows no chart until the table has typed something (the outcomes
framework) starts about half a second sooner and some 40 MB smaller.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from ..markup import render

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Colours with at least 4.5:1 contrast against white, distinguishable without colour names.
PALETTE = ("#0b3a66", "#8a4b00", "#00703c", "#5b2a86", "#a11212", "#3b4650")


def new_figure(width: float = 10, height: float = 6) -> tuple[Figure, Axes]:
    """A figure sized for a projector, with large text."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    # Labels hold typed text: "$5 to $10" is money, not maths to typeset (and "$\frac{$" would not draw at all).
    matplotlib.rcParams.update({"font.size": 13, "svg.hashsalt": "workshop-kit", "text.parse_math": False})
    figure = Figure(figsize=(width, height), dpi=100)
    axes = figure.add_subplot()
    return figure, axes


def png_bytes(figure: Figure) -> bytes:
    """The figure as PNG, with no creation time or software stamp so the bytes repeat."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def _file_name(title: str) -> str:
    return (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "chart") + ".png"


def image_html(png: bytes, alt_text: str, title: str, download: bool = True) -> str:
    """An <img> with alt text, the description in words beneath it, and a PNG download link (``templates/html/charts/image.html``)."""
    return render("charts/image.html", png=png, alt_text=alt_text, title=title, download=download, file_name=_file_name(title))
