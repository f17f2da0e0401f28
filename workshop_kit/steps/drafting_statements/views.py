"""What the page shows besides its controls, rendered from templates/html/steps/drafting_statements/ (no widgets)."""

from __future__ import annotations

from markupsafe import Markup

from ... import content
from ...markup import render
from ...widgets.common import notice
from ...widgets.verdict import verdict_css, verdict_html
from ...wording import with_article
from .logic import DraftingContent, DraftReview, Theme, Version, too_long_message

TEMPLATES = "steps/drafting_statements"
ANOTHER = "Another outcome"
"""The label of a draft the table added, with no theme."""


def draft_heading_html(number: int, theme: Theme | None) -> str:
    return render(f"{TEMPLATES}/draft_heading.html", number=number, label=theme.label if theme else ANOTHER, prompt=theme.prompt if theme else "")


def review_html(result: DraftReview, limit: int) -> str:
    """The feedback for one draft; every piece of typed text is escaped."""
    if result.empty:
        return ""
    if result.too_long:
        return notice(too_long_message(len(result.text), limit), "warning")
    review = result.review
    assert review is not None
    return render(
        f"{TEMPLATES}/review.html",
        result=result,
        css="warning" if result.service_led else verdict_css(review),
        verdict=Markup(verdict_html(review)),
        reads_like=with_article(str(result.kind)),
        failed=[c for c in review.criteria if not c.passed and not c.gate],  # failed gates are in the verdict
        passed=[c for c in review.criteria if c.passed],
    )


def history_html(found: list[Version]) -> str:
    """Every saved wording, newest first, each with how it came about (restored, proposed)."""
    newest_first = []
    for v in reversed(found):
        notes = [f"restored from version {v.restored_from}"] if v.restored_from else []
        notes += ["proposed to the room"] if v.proposed else []
        newest_first.append((v, ", ".join(notes)))
    return render(f"{TEMPLATES}/history.html", newest_first=newest_first)


def section(part: str) -> str:
    """One of the page's own headings with its instructions (``sections.html``)."""
    return render(f"{TEMPLATES}/sections.html", part=part)


def proposed_html(chosen: list[tuple[Theme | None, str]]) -> str:
    """The drafts proposed to the room: (theme or None for an added draft, latest wording)."""
    return render(f"{TEMPLATES}/proposed.html", chosen=[(theme.label if theme else ANOTHER, wording) for theme, wording in chosen])


def intro_html(drafting: DraftingContent) -> str:
    sources = content.sources()
    return render(f"{TEMPLATES}/intro.html", themes=drafting.themes, drawn_from="; ".join(sources[s].short for s in drafting.sources))


def model_answer_html(drafting: DraftingContent) -> str:
    return render(f"{TEMPLATES}/model_answer.html", themes=drafting.themes)
