"""What the page shows besides its controls, rendered from templates/html/steps/outcomes_framework/ (no widgets)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...markup import render
from . import logic as fw

TEMPLATES = "steps/outcomes_framework"
MATRIX_CAPTION = "Which services contribute to which outcomes, and with which measures"


def section(part: str, **values: str) -> str:
    """One of the page's own headings with its instructions (``sections.html``)."""
    return render(f"{TEMPLATES}/sections.html", part=part, **values)


def matrix_html(framework: dict[str, Any], caption: str = MATRIX_CAPTION, typed: bool = True) -> str:
    """The contribution matrix as a table: outcomes down the side, services across, measures in the cells.

    ``typed``: the words are a table's own, so each is isolated as typed text (the model answer's are not).
    """
    found = {(c["service"], c["outcome"]): c["measures"] for c in fw.keep_known(framework)}
    rows = [(o, [((s, o) in found, found.get((s, o)) or []) for s in framework["services"]]) for o in framework["outcomes"]]
    return render(f"{TEMPLATES}/matrix.html", caption=caption, services=framework["services"], rows=rows, typed=typed)


def found_html(analysis: fw.Analysis) -> str:
    """What the matrix shows, in sentences: green when there is nothing to look at."""
    kind = "success" if not (analysis.gaps or analysis.duplicates or analysis.unlinked) else "warning"
    return render(f"{TEMPLATES}/found.html", kind=kind, sentences=analysis.sentences())


def model_answer_html() -> str:
    ex = fw.guide()["example"]
    framework = {"outcomes": ex["outcomes"], "services": ex["services"], "contributions": ex["contributions"]}
    return render(f"{TEMPLATES}/model_answer.html", matrix=Markup(matrix_html(framework, "A worked example (made up)", typed=False)), reading=ex["reading"])
