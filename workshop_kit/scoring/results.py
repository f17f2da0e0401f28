"""The frozen result values every scoring function returns.

Results are plain data: widgets, notebooks and the evaluation command only read
them. Each knows how to show itself in a notebook (``_repr_html_``), escaping
every piece of text it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NOTHING_TO_CHECK = "There is nothing to check yet: the text is empty."


class _ShowsItself:
    """Mixin: a small, escaped HTML view built from ``headline``, ``reasons`` and ``tips``."""

    reasons: tuple[str, ...]
    tips: tuple[str, ...]

    def headline(self) -> str:  # pragma: no cover - overridden
        return ""

    def _repr_html_(self) -> str:
        from ..markup import render  # only a notebook showing a result needs the templates; scoring itself stays light

        return render("scoring/result.html", headline=self.headline(), reasons=self.reasons, tips=self.tips)


@dataclass(frozen=True)
class StatementResult(_ShowsItself):
    """What kind of statement a piece of text is: input, process, output, outcome or impact."""

    text: str
    """The text that was checked (as given)."""
    kind: str | None
    """"input", "process", "output", "outcome" or "impact"; None when empty."""
    confidence: float
    """0 to 1: how clearly the winning kind beat the runner-up (0 when empty)."""
    reasons: tuple[str, ...]
    """Plain-English reasons, naming the cues that decided it."""
    tips: tuple[str, ...]
    """Suggestions for improving the statement."""
    cues: tuple[str, ...] = ()
    """The cue words or patterns found, as 'kind: label: words'."""
    scores: tuple[tuple[str, float], ...] = ()
    """Each kind's total cue weight, highest first."""
    empty: bool = False
    """True when there was nothing to check."""
    truncated: bool = False
    """True when only the start of a long text was examined."""

    def headline(self) -> str:
        if self.empty:
            return NOTHING_TO_CHECK
        return f"This reads like an {self.kind}" if self.kind in ("input", "output", "outcome", "impact") else f"This reads like a {self.kind}"


@dataclass(frozen=True)
class Judgement:
    """A SMART letter the kit cannot decide: it needs a person's judgement."""

    needs_judgement: bool
    """Always True: the kit does not pretend to know."""
    prompts: tuple[str, ...]
    """Questions for the table to discuss."""

    def __str__(self) -> str:
        return "needs a person's judgement"


@dataclass(frozen=True)
class SmartResult(_ShowsItself):
    """How a statement fares against SMART: specific, measurable, achievable, relevant, time-bound."""

    text: str
    """The text that was checked (as given)."""
    specific: bool
    """True if it names who and what should change."""
    measurable: bool
    """True if it has a quantity, frequency, percentage or count someone could check."""
    achievable: Judgement
    """Needs a person's judgement; carries prompts."""
    relevant: Judgement
    """Needs a person's judgement; carries prompts."""
    time_bound: bool
    """True if it has a date, an age, a stage or a period."""
    reasons: tuple[str, ...]
    """Plain-English reasons for each letter."""
    tips: tuple[str, ...]
    """Suggestions for the letters that are missing."""
    cues: tuple[str, ...] = ()
    """The words or patterns that decided each letter."""
    empty: bool = False
    """True when there was nothing to check."""
    truncated: bool = False
    """True when only the start of a long text was examined."""

    def headline(self) -> str:
        if self.empty:
            return NOTHING_TO_CHECK
        got = [n for n, ok in (("specific", self.specific), ("measurable", self.measurable), ("time-bound", self.time_bound)) if ok]
        return "SMART check: " + (", ".join(got) if got else "none of specific, measurable, time-bound yet")


@dataclass(frozen=True)
class MeasureResult(_ShowsItself):
    """Which Results Based Accountability question a measure answers."""

    text: str
    """The text that was checked (as given)."""
    quadrant: str | None
    """"how_much", "how_well" or "better_off"; None when empty."""
    confidence: float
    """0 to 1: how clearly the winning question beat the runner-up."""
    reasons: tuple[str, ...]
    """Plain-English reasons, naming the cues that decided it."""
    tips: tuple[str, ...]
    """Suggestions for improving the measure."""
    cues: tuple[str, ...] = ()
    """The cue words found."""
    scores: tuple[tuple[str, float], ...] = ()
    """Each question's total cue weight, highest first."""
    empty: bool = False
    """True when there was nothing to check."""
    truncated: bool = False
    """True when only the start of a long text was examined."""

    def headline(self) -> str:
        if self.empty:
            return NOTHING_TO_CHECK
        return {"how_much": "How much did we do?", "how_well": "How well did we do it?", "better_off": "Is anyone better off?"}[self.quadrant or "how_much"]


@dataclass(frozen=True)
class Criterion:
    """One criterion of an outcome review."""

    name: str
    """Short identifier, e.g. "change_for_people"."""
    passed: bool
    """True if the statement meets this criterion."""
    reason: str
    """Why it passed or failed."""
    tip: str
    """How to improve (empty when passed)."""
    weight: int
    """How much this criterion counts towards the score."""
    gate: bool = False
    """True for a gate: failing it means the statement names no change in anyone's life, so it cannot be accepted."""
    words: tuple[str, ...] = ()
    """The words in the statement that made it fail (empty when passed)."""
    rewrite: str = ""
    """A pattern for rewriting it, e.g. "Say what Ella will be able to do because of the group" (empty when passed)."""


LEVEL_NAMES = {"individual": "an individual outcome", "smart": "a SMART outcome", "target": "a target", "strategic": "a strategic outcome", "operational": "an operational outcome"}
"""How a sentence names each level a statement is reviewed at."""


@dataclass(frozen=True)
class ReviewResult(_ShowsItself):
    """A review of an outcome statement against the criteria for its level."""

    text: str
    """The text that was checked (as given)."""
    level: str
    """"strategic", "operational", "individual", "smart" or "target"."""
    criteria: tuple[Criterion, ...]
    """Each criterion with its verdict, reason, tip and weight."""
    score: int | None
    """Weighted percentage of criteria passed, 0-100; None when empty."""
    score_explained: str
    """How the score was worked out, in words."""
    reasons: tuple[str, ...]
    """The reason for each criterion, failures first."""
    tips: tuple[str, ...]
    """Tips for the criteria that failed."""
    empty: bool = False
    """True when there was nothing to check."""
    truncated: bool = False
    """True when only the start of a long text was examined."""
    verdict: str = ""
    """The band: "ready", "nearly" (one thing to fix) or "rework"; empty when there was nothing to check."""
    verdict_label: str = ""
    """The band in words a participant understands, e.g. "Nearly: one thing to fix" (from the content data)."""
    accepted: bool = False
    """True when the statement reaches the pass line (set once, in content data) and fails no gate."""

    def headline(self) -> str:
        if self.empty:
            return NOTHING_TO_CHECK
        return f"{self.verdict_label or self.level.capitalize()} ({self.level_named}, {self.score}/100)"

    @property
    def failed_gates(self) -> tuple[Criterion, ...]:
        """The gates it failed: each names the words that triggered it and a rewrite pattern."""
        return tuple(c for c in self.criteria if c.gate and not c.passed)

    @property
    def level_named(self) -> str:
        """The level as a sentence names it: "an individual outcome", "a target"."""
        return LEVEL_NAMES.get(self.level, self.level)


@dataclass(frozen=True)
class Problem:
    """One thing a structural check found wrong."""

    item: str
    """The card, outcome or indicator concerned (its id or text)."""
    message: str
    """What is wrong, in plain English."""
    tip: str = ""
    """How to put it right."""


@dataclass(frozen=True)
class StructureResult(_ShowsItself):
    """The verdict of a structural check (scenario outcomes, logic model, indicator map)."""

    check: str
    """Which check produced this: "scenario_outcomes", "logic_model" or "indicator_map"."""
    ok: bool
    """True when no problems were found by the checks that were run."""
    problems: tuple[Problem, ...]
    """Each problem, naming the item concerned."""
    reasons: tuple[str, ...]
    """Plain-English summary of what was checked and found."""
    tips: tuple[str, ...]
    """Suggestions, one per problem where there is one."""
    empty: bool = field(default=False)
    """True when there was nothing to check."""

    def headline(self) -> str:
        if self.empty:
            return "There is nothing to check yet."
        if self.ok:
            return "All the checks that were run passed."
        return f"{len(self.problems)} thing(s) to look at"
