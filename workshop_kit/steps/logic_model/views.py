"""What the page shows besides its controls, rendered from templates/html/steps/logic_model/ (no widgets)."""

from __future__ import annotations

from markupsafe import Markup

from ...charts import image_html
from ...markup import render
from ...scoring import check_logic_model
from ...widgets.common import notice
from . import logic as lm
from .diagram import draw

TEMPLATES = "steps/logic_model"
EXAMPLE_TITLE = "Example logic model: a service for young people in a church hall"


def section(part: str) -> str:
    """One of the page's own headings with its instructions (``sections.html``)."""
    return render(f"{TEMPLATES}/sections.html", part=part)


def example_diagram_html() -> str:
    ex = lm.example()
    model = ex.model()
    png, alt = draw(model["cards"], model["links"])
    return render(f"{TEMPLATES}/example_diagram.html", diagram=Markup(image_html(png, alt, EXAMPLE_TITLE)), source=ex.source, links_note=ex.links_note)


def check_html(cards: list[dict], links: list[list[str]]) -> tuple[str, dict]:
    """The structural check shown as a list, and the summary saved with it."""
    result = check_logic_model({"cards": cards, "links": links})
    if result.empty:
        return notice("Add some cards first: there is nothing to check yet.", "info"), {"ok": False, "problems": []}
    names = {c["id"]: f"{lm.HEADINGS[c['column']]}: {c['text']}" for c in cards}
    problems = [(lm.name_cards(p.item, names), lm.plain_columns(p.message), lm.plain_columns(p.tip) if p.tip else "") for p in result.problems]
    summary = {"ok": result.ok, "problems": [f"{p.item}: {p.message}" for p in result.problems]}
    return render(f"{TEMPLATES}/check.html", result=result, problems=problems), summary


def links_html(cards: list[dict], links: list[list[str]]) -> str:
    """The links drawn so far, each described with its cards' words."""
    return render(f"{TEMPLATES}/links.html", links=[lm.describe_link(cards, link) for link in links])


def model_answer_html() -> str:
    ex = lm.example()
    return render(f"{TEMPLATES}/model_answer.html", cards=[(item, lm.HEADINGS[item.accepted[0]]) for item in ex.sorting.items])
