"""What the page shows besides its controls, rendered from templates/html/steps/levels_of_outcomes/ (no widgets)."""

from __future__ import annotations

from ... import content
from ...markup import render
from ...widgets.common import notice
from .logic import LitmusResult, Rung, ThreadResult, ladder_content, levels

from . import SORT_EXERCISE

TEMPLATES = "steps/levels_of_outcomes"


def section(part: str) -> str:
    """One of the page's own headings with its instructions (``sections.html``)."""
    return render(f"{TEMPLATES}/sections.html", part=part)


def rung_heading_html(rung: Rung, extra: str = "") -> str:
    return render(f"{TEMPLATES}/rung_heading.html", rung=rung, extra=extra)


def levels_table_html() -> str:
    return render(f"{TEMPLATES}/levels_table.html", levels=levels(), source=content.sources()["seed-000"].short)


def worked_example_html() -> str:
    """Bea's ladder from the source, top rung first, each target under the SMART outcome it serves."""
    data = ladder_content()
    ex = data.example
    smart_outcomes = [(smart, [t for t in ex.targets if t.serves == index]) for index, smart in enumerate(ex.smart)]
    return render(f"{TEMPLATES}/worked_example.html", ex=ex, smart_outcomes=smart_outcomes, source=content.sources()[data.source].short)


def thread_html(result: ThreadResult) -> str:
    if result.empty:
        return notice(result.headline, "info")
    rows = [(_rung_label(c.rung), _check_label(c.check), c) for c in result.checks]
    return render(f"{TEMPLATES}/thread.html", result=result, rows=rows)


def litmus_html(result: LitmusResult) -> str:
    if result.empty:
        return notice(result.headline, "info")
    return render(
        f"{TEMPLATES}/litmus.html",
        result=result,
        found=[(label, ", ".join(where)) for label, where in result.themes_found],
        missing=", ".join(result.themes_missing),
        service=[(_rung_label(s.rung), s.reason) for s in result.service_like],
        source=content.sources()["seed-000"].short,
    )


def _rung_label(rung: str) -> str:
    if rung.startswith("target_"):
        return f"Target {rung.split('_', 1)[1]}"
    return {"smart": "SMART outcome", "sought": "Outcomes sought", "aspiration": "Aspiration"}.get(rung, rung)


def _check_label(check: str) -> str:
    return {"serves": "Serves the rung above", "time_bound": "Says by when", "smaller": "A smaller step"}.get(check, check)


def model_answer_html() -> str:
    return render(f"{TEMPLATES}/model_answer.html", exercise=content.sorting_exercise(SORT_EXERCISE))
