"""The verdict on an outcome review, shown the same way on every page, the dashboard and the summary.

Pages call :func:`verdict_html` inside their feedback and :func:`verdict_fields`
when they save, so the band words, the pass line and the gates live in one place
(``review_outcome`` and ``content/review/bands.json``), not in each page.
"""

from __future__ import annotations

import html

from ..scoring.results import ReviewResult
from ..scoring.review import bands

CSS = {"ready": "success", "nearly": "debatable", "rework": "warning"}
"""The feedback colour for each band (the kiosk template's kit-feedback-* classes)."""


def verdict_css(result: ReviewResult) -> str:
    """The kit-feedback-* colour for a review's band ("info" when there was nothing to check)."""
    return CSS.get(result.verdict, "info")


def verdict_fields(result: ReviewResult) -> dict[str, object]:
    """What a page saves beside the text, so the dashboard and self-study read the verdict without the pass line."""
    return {"verdict": result.verdict, "accepted": result.accepted}


def verdict_html(result: ReviewResult) -> str:
    """The band in words, the score as detail, and each failed gate with its words and rewrite pattern. Escaped."""
    if result.empty or not result.verdict:
        return ""
    e = html.escape
    band = bands()["bands"][result.verdict]
    parts = [
        f'<p class="kit-verdict kit-verdict-{e(result.verdict)}"><strong>{e(result.verdict_label)}</strong> '
        f"as {e(result.level_named)}. {e(band['explain'])} "
        f'<span class="kit-source">(score {result.score} out of 100; the pass line is {bands()["pass_line"]})</span></p>'
    ]
    gates = result.failed_gates
    fixes = [c for c in result.criteria if not c.passed and not c.gate]
    shown = gates or (fixes if result.verdict == "nearly" else ())
    if shown:
        parts.append('<ul class="kit-verdict-reasons">')
        for c in shown:
            words = f" Words: {', '.join(repr(w) for w in c.words[:4])}." if c.words else ""
            rewrite = f" <strong>Try:</strong> {e(c.rewrite)}" if c.rewrite else ""
            parts.append(f"<li>{e(c.reason)}{e(words)}{rewrite}</li>")
        parts.append("</ul>")
    return "".join(parts)


def verdict_said(result: ReviewResult) -> str:
    """The verdict as one plain sentence, for the summary and the facilitator's grid."""
    if result.empty or not result.verdict:
        return "There was nothing to check."
    gates = "; ".join(f"{c.reason} {c.rewrite}".strip() for c in result.failed_gates)
    return f"{result.verdict_label} as {result.level_named} ({result.score} out of 100)." + (f" {gates}" if gates else "")
