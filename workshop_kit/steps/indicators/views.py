"""What the page shows besides its controls, as HTML rendered from content and results (no widgets)."""

from __future__ import annotations

from ...markup import render
from . import logic as ind


def data_note(data: ind.IndicatorData) -> str:
    """Where the curve's figures come from: the synthetic practice set, or the area's own imported data."""
    if data.synthetic:
        return "All figures are synthetic: made up for the workshop, shaped like public statistics for England. See datasets/local_indicators_synthetic.md."
    return f"These are {data.source}: the area's own figures, not made up. Without imported data the kit uses its synthetic practice data."


def map_html(outcome: str, measures: list[dict]) -> str:
    """The table's measures with the question it chose and the question the kit reads, or a line saying there are none."""
    terms = ind.term_labels()
    rows = [
        {
            "text": m["text"],
            "question": ind.QUESTIONS.get(m["question"], ""),
            "kit_question": ind.QUESTIONS.get(m.get("kit_question") or "", "-"),
            "subjective": m["subjective"],
            "term": terms.get(m["term"], m["term"]),
            "have_data": m["have_data"],
        }
        for m in measures
    ]
    return render("steps/indicators/map.html", outcome=outcome, rows=rows)


def gaps_html(measures: list[dict], gaps: list[str]) -> str:
    """Every data gap: measures whose data the area lacks and the gaps the table added."""
    return render("steps/indicators/gaps.html", gaps=ind.data_gaps(measures, gaps))


def balance_html(measures: list[dict]) -> str:
    return render("steps/indicators/balance.html", sentences=ind.balance(measures))


def model_answer_html() -> str:
    g = ind.guide()
    terms = ind.term_labels()
    rows = [{**m, "question": ind.QUESTIONS[m["question"]], "term": terms[m["term"]]} for m in g["example"]["measures"]]
    return render("steps/indicators/model_answer.html", outcome=g["example"]["outcome"], rows=rows)
