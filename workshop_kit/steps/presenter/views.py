"""What the presenter page shows besides its controls, as HTML built from the slides (no widgets)."""

from __future__ import annotations

from ...markup import render
from ...store import Group
from ...widgets.page_parts import pages_nav
from .logic import Deck


def slide_html(d: Deck, position: int) -> str:
    """One slide: its title, its points, the talk and agenda slot it belongs to, and its sources."""
    return render("steps/presenter/slide.html", slide=d.slides[position], number=position + 1, count=len(d.slides))


def question_html(question: str) -> str:
    return render("steps/presenter/question.html", question=question)


def nav_html(group: Group | None) -> str:
    return pages_nav(group)
