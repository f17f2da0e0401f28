"""What the page shows besides its controls, as HTML built from content and results (no widgets)."""

from __future__ import annotations

import html


from ...charts import image_html
from .diagram import draw
from . import logic as lm
from ...scoring import check_logic_model
from ...widgets.common import notice, text

EXAMPLE_TITLE = "Example logic model: a service for young people in a church hall"


def example_diagram_html() -> str:
    model = lm.example().model()
    png, alt = draw(model["cards"], model["links"])
    return image_html(png, alt, EXAMPLE_TITLE) + (f'<p class="kit-source">Source: {html.escape(lm.example().source)}. {html.escape(lm.example().links_note)}</p>')


def check_html(cards: list[dict], links: list[list[str]]) -> tuple[str, dict]:
    """The structural check shown as a list, and the summary saved with it."""
    result = check_logic_model({"cards": cards, "links": links})
    if result.empty:
        return notice("Add some cards first: there is nothing to check yet.", "info"), {"ok": False, "problems": []}
    names = {c["id"]: f"{lm.HEADINGS[c['column']]}: {c['text']}" for c in cards}
    items = []
    for p in result.problems:
        item = lm.name_cards(p.item, names)
        tip = f" {html.escape(lm.plain_columns(p.tip))}" if p.tip else ""
        items.append(f"<li>{text(item)}: {html.escape(lm.plain_columns(p.message))}{tip}</li>")
    kind = "success" if result.ok else "warning"
    head = f'<div class="kit-feedback kit-feedback-{kind}"><p><strong>{html.escape(result.headline())}</strong></p>'
    body = f"<ul>{''.join(items)}</ul>" if items else "<p>Every card is linked, links point forward and each card's wording fits its column.</p>"
    summary = {"ok": result.ok, "problems": [f"{p.item}: {p.message}" for p in result.problems]}
    return head + body + f'<p class="kit-source">{html.escape(result.reasons[0])}</p></div>', summary


def model_answer_html() -> str:
    ex = lm.example()
    rows = "".join(f"<tr><td>{html.escape(item.text)}</td><td>{html.escape(lm.HEADINGS[item.accepted[0]])}</td><td>{html.escape(item.explanation)}</td></tr>" for item in ex.sorting.items)
    return (
        '<table class="kit-table"><caption>Where each example card belongs</caption>'
        '<thead><tr><th scope="col">Card</th><th scope="col">Column</th><th scope="col">Why</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        "<p>For your own model: every input leads to an output, every output to at least one interim outcome, "
        "and every final outcome has interim outcomes leading to it. Write outcomes as changes for people "
        '("fewer", "better", "more able to"), not as things the service provides.</p>'
    )
