"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from ...stepkit.answers import Latest, text_of


def rewrites(latest: Latest) -> dict[str, str]:
    """Weak statement id -> the learner's latest rewrite, for those with one."""
    return {item: text_of(answer) for item, answer in latest.items() if text_of(answer).strip()}
