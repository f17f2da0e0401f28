"""What the page shows besides its controls, rendered from templates/html/steps/personal_outcomes/ (no widgets)."""

from __future__ import annotations

from ... import content
from ...markup import render
from .logic import WeakStatement, guide

from . import SORT_EXERCISE

TEMPLATES = "steps/personal_outcomes"


def section(part: str) -> str:
    """One of the page's own headings with its instructions (``sections.html``)."""
    return render(f"{TEMPLATES}/sections.html", part=part)


def qualities_html() -> str:
    data = guide()
    return render(f"{TEMPLATES}/qualities.html", qualities=data.qualities, source=content.sources()[data.source].short)


def oars_html() -> str:
    """Part 3: the OARS conversation skills as prompts a practitioner can use."""
    data = guide()
    return render(f"{TEMPLATES}/oars.html", skills=data.oars, remember=data.remember, source=content.sources()[data.source].short)


def weak_statement_html(number: int, weak: WeakStatement, verdict: str, not_met: list[str]) -> str:
    """A statement to rewrite, why it is weak, and the kit's verdict (``verdict``, and the criteria ``not_met``)."""
    return render(f"{TEMPLATES}/weak_statement.html", number=number, weak=weak, verdict=verdict, not_met=", ".join(not_met))


def model_answer_html() -> str:
    return render(f"{TEMPLATES}/model_answer.html", exercise=content.sorting_exercise(SORT_EXERCISE), weak_statements=guide().weak_statements)
