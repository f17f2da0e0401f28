"""Personal outcomes: the guide's content as typed records, and how a rewrite compares with the weak original.

Draws on Social Care Wales, "Understanding an outcomes approach". Plain data in,
frozen results out; no widget code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ... import content
from ...scoring import review_outcome
from ...scoring.results import ReviewResult

LEVEL = "individual"
"""Personal outcomes are reviewed as individual outcomes."""


@dataclass(frozen=True)
class Quality:
    id: str
    label: str
    meaning: str
    question: str


@dataclass(frozen=True)
class WeakStatement:
    """A statement to rewrite, why it is weak, and one good rewrite."""

    id: str
    text: str
    why_weak: str
    model_rewrite: str


@dataclass(frozen=True)
class ConversationSkill:
    """One OARS skill with prompts a practitioner can use."""

    id: str
    letter: str
    skill: str
    what: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class PersonalGuide:
    source: str
    qualities: tuple[Quality, ...]
    weak_statements: tuple[WeakStatement, ...]
    oars: tuple[ConversationSkill, ...]
    remember: tuple[str, ...]
    hints: tuple[str, ...] = ()
    """Nudges for someone studying alone, shown one at a time."""


@lru_cache(maxsize=None)
def guide() -> PersonalGuide:
    """The personal outcomes guide, with its source and ids checked."""
    raw = content.load_raw("personal_outcomes/guide")
    if raw["source"] not in content.sources():
        raise content.ContentError(f"personal_outcomes/guide: unknown source {raw['source']!r}.")
    weak = tuple(WeakStatement(**w) for w in raw["weak_statements"])
    if len({w.id for w in weak}) != len(weak):
        raise content.ContentError("personal_outcomes/guide: duplicate weak statement id.")
    return PersonalGuide(
        source=raw["source"],
        qualities=tuple(Quality(**q) for q in raw["qualities"]),
        weak_statements=weak,
        oars=tuple(ConversationSkill(o["id"], o["letter"], o["skill"], o["what"], tuple(o["prompts"])) for o in raw["oars"]),
        remember=tuple(raw["remember"]),
        hints=tuple(raw["hints"]),
    )


@dataclass(frozen=True)
class RewriteComparison:
    """How a rewrite's review compares with the original statement's."""

    #: the original's score out of 100
    before: int | None
    #: the rewrite's score out of 100 (None when the rewrite is empty)
    after: int | None
    #: criteria the rewrite now meets that the original did not (names)
    gained: tuple[str, ...]
    #: criteria the original met that the rewrite no longer does (names)
    lost: tuple[str, ...]
    #: one sentence saying what changed
    summary: str


def compare_rewrite(original: str, rewrite: ReviewResult) -> RewriteComparison:
    """Compare a reviewed rewrite with the original statement, both as individual outcomes."""
    base = review_outcome(original, LEVEL)
    if rewrite.empty or rewrite.score is None:
        return RewriteComparison(base.score, None, (), (), "Type a rewrite to compare it with the original.")
    before = {c.name: c.passed for c in base.criteria}
    after = {c.name: c.passed for c in rewrite.criteria}
    gained = tuple(n for n, ok in after.items() if ok and not before.get(n, False))
    lost = tuple(n for n, ok in after.items() if not ok and before.get(n, False))
    delta = rewrite.score - (base.score or 0)
    if delta > 0:
        summary = f"Up {delta} points on the original ({base.score} to {rewrite.score} out of 100)."
    elif delta < 0:
        summary = f"Down {-delta} points on the original ({base.score} to {rewrite.score} out of 100)."
    else:
        summary = f"The same score as the original ({rewrite.score} out of 100)."
    return RewriteComparison(base.score, rewrite.score, gained, lost, summary)
