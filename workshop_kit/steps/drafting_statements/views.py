"""What the page shows besides its controls, as HTML built from content and results (no widgets)."""

from __future__ import annotations

import html


from ... import content
from .logic import (
    DraftingContent,
    DraftReview,
    Version,
    too_long_message,
)
from ...widgets.common import notice, text
from ...widgets.verdict import verdict_css, verdict_html

from ...wording import with_article


def review_html(result: DraftReview, limit: int) -> str:
    """The feedback for one draft; every piece of typed text is escaped."""
    if result.empty:
        return ""
    if result.too_long:
        return notice(too_long_message(len(result.text), limit), "warning")
    review = result.review
    assert review is not None
    css = "warning" if result.service_led else verdict_css(review)
    parts = [f'<div class="kit-feedback kit-feedback-{css}">', verdict_html(review), f"<p>This reads like {html.escape(with_article(str(result.kind)))}.</p>"]
    if result.service_led:
        parts.append("<p><strong>Service-led wording.</strong></p><ul>")
        parts.extend(f"<li>{html.escape(r)}</li>" for r in result.service_reasons)
        parts.append(f"</ul><p><strong>Try this:</strong> {text(result.suggestion)}</p>")
    failed = [c for c in review.criteria if not c.passed and not c.gate]  # failed gates are in the verdict above
    passed = [c for c in review.criteria if c.passed]
    if failed:
        parts.append("<p>To look at:</p><ul>")
        parts.extend(f"<li>{html.escape(c.reason)} {html.escape(c.tip)}</li>" for c in failed)
        parts.append("</ul>")
    if passed:
        parts.append("<p>Already good:</p><ul>")
        parts.extend(f"<li>{html.escape(c.reason)}</li>" for c in passed)
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def history_html(found: list[Version]) -> str:
    if not found:
        return "<p>No saved versions yet.</p>"
    rows = []
    for v in reversed(found):
        notes = []
        if v.restored_from:
            notes.append(f"restored from version {v.restored_from}")
        if v.proposed:
            notes.append("proposed to the room")
        note = f" <em>({html.escape(', '.join(notes))})</em>" if notes else ""
        rows.append(f"<li>Version {v.number}: {text(v.text)}{note}</li>")
    return f"<details open><summary>History: {len(found)} saved version(s), newest first</summary><ul>{''.join(rows)}</ul></details>"


def intro_html(drafting: DraftingContent) -> str:
    sources = content.sources()
    themes = "".join(f"<li>{html.escape(t.label)}</li>" for t in drafting.themes)
    drawn_from = "; ".join(sources[s].short for s in drafting.sources)
    return f'<p>Common themes of strategic outcomes:</p><ul>{themes}</ul><p class="kit-source">This exercise draws on: {html.escape(drawn_from)}.</p>'


def model_answer_html(drafting: DraftingContent) -> str:
    rows = "".join(f'<tr><th scope="row">{html.escape(t.label)}</th><td>{html.escape(t.model_answer)}</td></tr>' for t in drafting.themes)
    return (
        '<table class="kit-table"><caption>One way to word each theme, in the voice of children and young people'
        '</caption><thead><tr><th scope="col">Theme</th><th scope="col">Draft</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        "<p>Yours should sound like your area: test the wording with children, young people and families.</p>"
    )
