"""What the presenter page shows besides its controls, as HTML built from the slides (no widgets)."""

from __future__ import annotations

import html

from ...store import Group
from ...widgets.page_parts import START_NOTEBOOK, step_link
from .logic import Deck


def slide_html(d: Deck, position: int) -> str:
    """One slide: its title, its points, the talk and agenda slot it belongs to, and its sources."""
    slide = d.slides[position]
    points = "".join(f"<li>{html.escape(p)}</li>" for p in slide.points)
    return (
        f'<p class="kit-slide-where">Slide {position + 1} of {len(d.slides)}. {html.escape(slide.talk.title)}. '
        f"Agenda slot: {html.escape(slide.talk.slot)}.</p>"
        f'<h2 class="kit-slide-title">{html.escape(slide.title)}</h2>'
        f'<ul class="kit-slide-points">{points}</ul>'
        f'<p class="kit-source">Source: {html.escape("; ".join(slide.sources))}.</p>'
    )


def nav_html(group: Group | None) -> str:
    href = html.escape(step_link(START_NOTEBOOK, group), quote=True)
    return f'<nav class="kit-step-nav" aria-label="Move between pages"><ul><li><a href="{href}">Back to the start page</a></li></ul></nav>'
