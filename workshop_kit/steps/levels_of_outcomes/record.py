"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from typing import Mapping

from ...stepkit.answers import Latest, text_of
from .logic import MAX_TARGETS, LadderDraft, ladder_content


LADDER_RUNGS = ("aspiration", "sought", "smart", *(f"target_{n}" for n in range(1, MAX_TARGETS + 1)))


def ladder_texts(latest: Latest) -> dict[str, str]:
    """Rung or link id -> the text saved for it ('' when not written)."""
    return {item: text_of(latest.get(item)) for item in ("person", *LADDER_RUNGS, "link_1", "link_2")}


def ladder_level(rung: str) -> str:
    """The level a rung is reviewed at (targets share the 'target' rung's level)."""
    return ladder_content().rung("target" if rung.startswith("target_") else rung).level


def ladder_label(rung: str) -> str:
    if rung.startswith("target_"):
        return f"Target {rung.split('_', 1)[1]}"
    return ladder_content().rung(rung).label


def ladder_draft(texts: Mapping[str, str]) -> LadderDraft:
    return LadderDraft(
        person=texts.get("person", ""),
        aspiration=texts.get("aspiration", ""),
        sought=texts.get("sought", ""),
        smart=texts.get("smart", ""),
        targets=tuple(texts.get(f"target_{n}", "") for n in range(1, MAX_TARGETS + 1)),
        links=tuple(texts.get(f"link_{n}", "") for n in range(1, MAX_TARGETS + 1)),
    )
