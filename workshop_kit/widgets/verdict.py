"""The verdict on an outcome review, shown the same way on every page, the dashboard and the summary.

Pages call :func:`verdict_html` inside their feedback and :func:`verdict_fields`
when they save, so the band words, the pass line and the gates live in one place
(``review_outcome`` and ``content/review/bands.json``), not in each page.
"""

from __future__ import annotations

from ..markup import render
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
    gates = result.failed_gates
    fixes = [c for c in result.criteria if not c.passed and not c.gate]
    shown = gates or (fixes if result.verdict == "nearly" else ())
    reasons = [(c, f" Words: {', '.join(repr(w) for w in c.words[:4])}." if c.words else "") for c in shown]
    explain = bands()["bands"][result.verdict]["explain"]
    return render("parts/verdict.html", r=result, explain=explain, pass_line=bands()["pass_line"], reasons=reasons)


def verdict_said(result: ReviewResult) -> str:
    """The verdict as one plain sentence, for the summary and the facilitator's grid."""
    if result.empty or not result.verdict:
        return "There was nothing to check."
    gates = "; ".join(f"{c.reason} {c.rewrite}".strip() for c in result.failed_gates)
    return f"{result.verdict_label} as {result.level_named} ({result.score} out of 100)." + (f" {gates}" if gates else "")
