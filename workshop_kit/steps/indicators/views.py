"""What the page shows besides its controls, as HTML built from content and results (no widgets)."""

from __future__ import annotations

import html


from . import logic as ind


def data_note(data: ind.IndicatorData) -> str:
    """Where the curve's figures come from: the synthetic practice set, or the area's own imported data."""
    if data.synthetic:
        return "All figures are synthetic: made up for the workshop, shaped like public statistics for England. See datasets/local_indicators_synthetic.md."
    return f"These are {data.source}: the area's own figures, not made up. Without imported data the kit uses its synthetic practice data."


def model_answer_html() -> str:
    g = ind.guide()
    terms = ind.term_labels()
    rows = "".join(
        f"<tr><td>{html.escape(m['text'])}</td><td>{html.escape(ind.QUESTIONS[m['question']])}</td>"
        f"<td>{'Subjective' if m['subjective'] else 'Objective'}</td><td>{html.escape(terms[m['term']])}</td>"
        f"<td>{'Yes' if m['have_data'] else 'No: a data gap'}</td></tr>"
        for m in g["example"]["measures"]
    )
    return (
        f'<table class="kit-table"><caption>Measures for: {html.escape(g["example"]["outcome"])}</caption><thead><tr>'
        '<th scope="col">Measure</th><th scope="col">Question</th><th scope="col">Subjective or objective</th>'
        f'<th scope="col">Shows</th><th scope="col">Data we have?</th></tr></thead><tbody>{rows}</tbody></table>'
        "<p>Every question has a measure, at least one 'better off' measure is subjective and one objective, "
        "and there is an interim, a long-term and a distance-travelled measure. The story behind a rising curve "
        "names causes (for example rents rising faster than incomes), partners (housing, health, schools) and what "
        "the area will do, before a target is set.</p>"
    )
