"""The outcome ladder: the golden thread between its rungs, and the strategic-themes litmus test.

Council for Disabled Children, "Outcomes, outputs and impact" describes an
individual's outcomes as a ladder: aspiration -> outcomes sought -> SMART
outcome -> targets, with "a strong thread running through all levels", and
uses the strategic themes as a litmus test: do they show in a person's
outcomes, or do those outcomes read like service targets?

The kit can only read words, so both checks are about words:

* **Golden thread** (:func:`check_golden_thread`). The SMART outcome should
  share meaningful words or a strategic theme with the outcomes sought; each
  target should share words or a theme with the SMART outcome (a sentence the
  table writes on how the target helps counts too), be time-bound, and be
  smaller: not a copy of the outcome, and not due later than it when both
  give a period such as "in 6 months".
* **Litmus test** (:func:`litmus_test`). Which of the strategic themes appear
  in which rung, and which rungs read like service targets (the statement
  classifier calls them an input, process or output, or they use words such
  as "attend", "receive" or "sessions").

Plain data in, frozen results out; nothing here imports ipywidgets. When the
words cannot decide (two time scales that cannot be compared), the check says
so and asks the table, rather than pretending to know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ... import content
from ...scoring import check_smart, classify_statement
from ...scoring.text import STOP_WORDS, prepare
from ...wording import with_article

MAX_TARGETS = 2

# -- content ------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One level of outcomes: what it is, who owns it, and examples."""

    id: str
    label: str
    what: str
    owner: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Rung:
    """One rung of the ladder and the level ``review_outcome`` checks it at."""

    id: str
    label: str
    level: str
    what: str
    prompt: str


@dataclass(frozen=True)
class Theme:
    """A common strategic theme and the words that show it."""

    id: str
    label: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class WorkedTarget:
    text: str
    #: index of the SMART outcome it sits under
    serves: int
    #: how it serves that outcome, in words
    link: str


@dataclass(frozen=True)
class WorkedExample:
    person: str
    aspiration: str
    sought: str
    smart: tuple[str, ...]
    targets: tuple[WorkedTarget, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class LadderContent:
    source: str
    rungs: tuple[Rung, ...]
    example: WorkedExample
    themes: tuple[Theme, ...]
    service_words: tuple[str, ...]
    hints: tuple[str, ...] = ()
    """Nudges for the step page, shown one at a time to someone studying alone."""

    def rung(self, rung_id: str) -> Rung:
        return next(r for r in self.rungs if r.id == rung_id)


@lru_cache(maxsize=None)
def levels() -> tuple[Level, ...]:
    raw = content.load_raw("levels_of_outcomes/levels")
    if raw["source"] not in content.sources():
        raise content.ContentError(f"levels_of_outcomes/levels: unknown source {raw['source']!r}.")
    return tuple(Level(lv["id"], lv["label"], lv["what"], lv["owner"], tuple(lv["examples"])) for lv in raw["levels"])


@lru_cache(maxsize=None)
def ladder_content() -> LadderContent:
    """The ladder's rungs, the worked example and the themes, with their references checked."""
    raw = content.load_raw("levels_of_outcomes/ladder")
    if raw["source"] not in content.sources():
        raise content.ContentError(f"levels_of_outcomes/ladder: unknown source {raw['source']!r}.")
    rungs = tuple(Rung(**r) for r in raw["rungs"])
    if [r.id for r in rungs] != ["aspiration", "sought", "smart", "target"]:
        raise content.ContentError("levels_of_outcomes/ladder: rungs must be aspiration, sought, smart, target in order.")
    ex = raw["worked_example"]
    targets = tuple(WorkedTarget(t["text"], t["serves"], t["link"]) for t in ex["targets"])
    for target in targets:
        if target.serves >= len(ex["smart"]):
            raise content.ContentError(f"levels_of_outcomes/ladder: target {target.text!r} serves a SMART outcome that is not there.")
    themes = tuple(Theme(t["id"], t["label"], tuple(t["words"])) for t in raw["themes"])
    if len({t.id for t in themes}) != len(themes):
        raise content.ContentError("levels_of_outcomes/ladder: duplicate theme id.")
    example = WorkedExample(ex["person"], ex["aspiration"], ex["sought"], tuple(ex["smart"]), targets, tuple(ex["notes"]))
    return LadderContent(raw["source"], rungs, example, themes, tuple(raw["service_words"]), tuple(raw["hints"]))


# -- words ----------------------------------------------------------------------

_STOP = STOP_WORDS | frozenset(
    "able age aged best better good well day days week weeks month months year years term terms time times once twice "
    "end next new number numbers percent percentage old lot lots thing things way ways like likes want wants wanted really".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty": 20,
}
_UNIT_MONTHS = {"day": 1 / 30, "week": 0.25, "fortnight": 0.5, "month": 1.0, "term": 4.0, "year": 12.0}
_HORIZON = re.compile(
    r"\b(?:in|within|over|after|for)\s+(?:the\s+(?:next|coming)\s+)?"
    r"(\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")\s+(day|week|fortnight|month|term|year)s?\b"
)
_NEXT_UNIT = re.compile(r"\b(?:in|within|over|by the end of)\s+(?:the\s+)?next\s+(day|week|fortnight|month|term|year)\b")


def stem(word: str) -> str:
    """A crude stem so that 'friends', 'friendships' and 'friend' can meet ('friend', 'friendship')."""
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + replacement
    return word


def meaningful_words(text: str, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of the words that carry meaning: no stop words, numbers, or words in ``ignore`` (e.g. the person's name)."""
    found = set()
    for word in _WORD.findall(prepare(text).lower):
        if len(word) < 3 or word in _STOP or word in ignore:
            continue
        stemmed = stem(word)
        if stemmed in ignore or stemmed in _STOP:
            continue
        found.add(stemmed)
    return frozenset(found)


def themes_in(text: str, themes: tuple[Theme, ...]) -> tuple[Theme, ...]:
    """The strategic themes whose words appear in ``text`` (whole words, 'friends' matching 'friend')."""
    lower = prepare(text).lower
    stems = {stem(w) for w in _WORD.findall(lower)}
    found = []
    for theme in themes:
        for word in theme.words:
            if " " in word:
                hit = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lower) is not None
            else:
                hit = stem(word) in stems
            if hit:
                found.append(theme)
                break
    return tuple(found)


def horizon_months(text: str) -> float | None:
    """How far ahead a statement is due, from phrases like 'in 6 months' or 'within a year'; None if it does not say.

    Frequencies ('once every two months') and ages ('by the time she is 14') are not periods and give None.
    """
    lower = prepare(text).lower
    found: list[float] = []
    for number, unit in _HORIZON.findall(lower):
        value = _NUMBER_WORDS.get(number)
        found.append((float(number) if value is None else value) * _UNIT_MONTHS[unit])
    for unit in _NEXT_UNIT.findall(lower):
        found.append(_UNIT_MONTHS[unit])
    return max(found) if found else None


def _quote(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in sorted(words)[:5])


# -- the golden thread ------------------------------------------------------------


@dataclass(frozen=True)
class LadderDraft:
    """What a table has written on its ladder. Empty strings for rungs not written yet."""

    person: str = ""
    aspiration: str = ""
    sought: str = ""
    smart: str = ""
    targets: tuple[str, ...] = ()
    #: for each target, the table's sentence on how it helps the SMART outcome (may be empty)
    links: tuple[str, ...] = ()

    def written_targets(self) -> tuple[tuple[int, str, str], ...]:
        """(number from 1, target, link) for each target that has text."""
        out = []
        for index, target in enumerate(self.targets):
            if prepare(target).words:
                link = self.links[index] if index < len(self.links) else ""
                out.append((index + 1, target, link))
        return tuple(out)


@dataclass(frozen=True)
class ThreadCheck:
    """One check of the golden thread."""

    #: which rung is checked: "smart" or "target_1", "target_2", ...
    rung: str
    #: "serves" (linked to the rung above), "time_bound" or "smaller"
    check: str
    passed: bool
    #: why, naming the shared words or themes when there are any
    reason: str
    #: how to put it right (empty when passed)
    tip: str = ""
    #: True when the words could not decide and the table should judge (counted as passed)
    needs_judgement: bool = False


@dataclass(frozen=True)
class ThreadResult:
    """The golden thread through a ladder: every check that could be run, and what it found."""

    #: True when every check that could be run passed
    ok: bool
    checks: tuple[ThreadCheck, ...]
    #: one line per check, failures first
    reasons: tuple[str, ...]
    #: one tip per failed check
    tips: tuple[str, ...]
    #: True when there was not enough on the ladder to check (no SMART outcome, or nothing above it)
    empty: bool = False

    @property
    def headline(self) -> str:
        if self.empty:
            return "Nothing to check yet: write the outcomes sought and a SMART outcome first."
        if self.ok:
            return "The thread holds: all the checks the kit could run passed."
        failed = sum(not c.passed for c in self.checks)
        return f"The thread has {failed} weak point{'s' if failed != 1 else ''} to look at."


def _link(rung: str, child: str, extra: str, parent: str, parent_label: str, ignore: frozenset[str], themes: tuple[Theme, ...], tip: str) -> ThreadCheck:
    shared = meaningful_words(child + " " + extra, ignore) & meaningful_words(parent, ignore)
    child_themes = {t.id for t in themes_in(child + " " + extra, themes)}
    shared_themes = [t.label for t in themes_in(parent, themes) if t.id in child_themes]
    if shared:
        return ThreadCheck(rung, "serves", True, f"It shares {_quote(shared)} with the {parent_label}.")
    if shared_themes:
        return ThreadCheck(rung, "serves", True, f"Both are about the theme '{shared_themes[0]}'.")
    return ThreadCheck(rung, "serves", False, f"We could not see a link in the words to the {parent_label}.", tip)


def check_golden_thread(draft: LadderDraft, themes: tuple[Theme, ...] | None = None) -> ThreadResult:
    """Does each target serve the SMART outcome, and the SMART outcome the outcomes sought?"""
    themes = ladder_content().themes if themes is None else themes
    name_words = {w for w in _WORD.findall(prepare(draft.person).lower)}
    ignore = frozenset(name_words | {stem(w) for w in name_words})
    if not prepare(draft.smart).words or not prepare(draft.sought).words:
        return ThreadResult(False, (), ("Write the outcomes sought and a SMART outcome to check the thread.",), (), empty=True)
    checks = [
        _link("smart", draft.smart, "", draft.sought, "outcomes sought", ignore, themes, "Take one of the outcomes sought and make it measurable and time-bound, keeping the family's words."),
    ]
    smart_months = horizon_months(draft.smart)
    smart_words = meaningful_words(draft.smart, ignore)
    for number, target, link in draft.written_targets():
        rung = f"target_{number}"
        checks.append(
            _link(rung, target, link, draft.smart, "SMART outcome", ignore, themes, "Say in the 'how it helps' box how this target brings the SMART outcome closer, or reword it so the link shows.")
        )
        smart_letters = check_smart(target)
        checks.append(
            ThreadCheck(
                rung,
                "time_bound",
                smart_letters.time_bound,
                "It says by when." if smart_letters.time_bound else "It does not say by when.",
                "" if smart_letters.time_bound else "Add a time, such as 'In 6 months, ...'.",
            )
        )
        checks.append(_smaller(rung, target, smart_words, smart_months, ignore))
    ordered = sorted(checks, key=lambda c: c.passed)
    reasons = tuple(f"{_rung_name(c.rung)}: {c.reason}" for c in ordered)
    tips = tuple(c.tip for c in ordered if not c.passed and c.tip)
    return ThreadResult(all(c.passed for c in checks), tuple(checks), reasons, tips)


def _smaller(rung: str, target: str, smart_words: frozenset[str], smart_months: float | None, ignore: frozenset[str]) -> ThreadCheck:
    target_words = meaningful_words(target, ignore)
    if target_words and target_words == smart_words:
        return ThreadCheck(rung, "smaller", False, "It says the same as the SMART outcome.", "A target is a smaller step under the outcome, from one service's point of view.")
    months = horizon_months(target)
    if months is not None and smart_months is not None:
        if months > smart_months:
            return ThreadCheck(
                rung,
                "smaller",
                False,
                f"It is due in {months:g} months, later than the SMART outcome ({smart_months:g} months).",
                "A target should be reached on the way to the outcome, so before it.",
            )
        return ThreadCheck(rung, "smaller", True, f"It is due in {months:g} months, no later than the SMART outcome ({smart_months:g} months).")
    return ThreadCheck(
        rung, "smaller", True, "The kit cannot compare the time scales from the words; check as a table that it is a smaller, earlier step than the SMART outcome.", needs_judgement=True
    )


def _rung_name(rung: str) -> str:
    if rung.startswith("target_"):
        return f"Target {rung.split('_', 1)[1]}"
    return {"smart": "SMART outcome", "sought": "Outcomes sought", "aspiration": "Aspiration"}.get(rung, rung)


# -- the litmus test --------------------------------------------------------------


@dataclass(frozen=True)
class ServiceLike:
    """A rung that reads like a service target rather than a change in the person's life."""

    rung: str
    reason: str


@dataclass(frozen=True)
class LitmusResult:
    """Do the strategic themes show in this person's outcomes, or do they read like service targets?"""

    #: (theme label, the rungs it appears in) for each theme found
    themes_found: tuple[tuple[str, tuple[str, ...]], ...]
    #: labels of the themes that appear nowhere on the ladder
    themes_missing: tuple[str, ...]
    #: rungs that read like service targets
    service_like: tuple[ServiceLike, ...]
    #: True when at least one theme shows and neither the outcomes sought nor the SMART outcome reads like a service target
    ok: bool
    reasons: tuple[str, ...]
    tips: tuple[str, ...]
    empty: bool = False

    @property
    def headline(self) -> str:
        if self.empty:
            return "Nothing to test yet: write some of the ladder first."
        if self.ok:
            return "The strategic themes show in this person's outcomes."
        return "Some of this ladder reads more like service targets than the person's outcomes."


def _service_reason(text: str, service_words: tuple[str, ...]) -> str:
    lower = prepare(text).lower
    words = [w for w in service_words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lower)]
    kind = classify_statement(text).kind
    parts = []
    if kind in ("input", "process", "output"):
        parts.append(f"it reads like {with_article(kind)}")
    if words:
        parts.append(f"it uses service words ({_quote(words)})")
    return " and ".join(parts)


def litmus_test(draft: LadderDraft, content_: LadderContent | None = None) -> LitmusResult:
    """Which strategic themes show on the ladder, and which rungs read like service targets."""
    data = ladder_content() if content_ is None else content_
    rungs = [("aspiration", draft.aspiration), ("sought", draft.sought), ("smart", draft.smart)]
    rungs += [(f"target_{n}", t) for n, t, _ in draft.written_targets()]
    rungs = [(r, t) for r, t in rungs if prepare(t).words]
    if not rungs:
        return LitmusResult((), tuple(t.label for t in data.themes), (), False, ("Nothing is written on the ladder yet.",), (), empty=True)
    found = []
    for theme in data.themes:
        where = tuple(_rung_name(r) for r, t in rungs if theme in themes_in(t, (theme,)))
        if where:
            found.append((theme.label, where))
    missing = tuple(t.label for t in data.themes if t.label not in {f for f, _ in found})
    service_like = []
    for rung, text_ in rungs:
        if rung == "aspiration":
            continue
        reason = _service_reason(text_, data.service_words)
        if reason:
            service_like.append(ServiceLike(rung, reason))
    outcome_flags = [s for s in service_like if s.rung in ("sought", "smart")]
    ok = bool(found) and not outcome_flags
    reasons = [f"'{label}' shows in: {', '.join(where)}." for label, where in found]
    if not found:
        reasons.append("None of the common strategic themes show in the words of this ladder.")
    reasons += [f"{_rung_name(s.rung)}: {s.reason}." for s in service_like]
    tips = []
    if not found:
        tips.append("Ask what this would mean for the person's fun, friendships, independence, work or health.")
    if outcome_flags:
        tips.append("Rewrite the outcomes sought and the SMART outcome as changes in the person's life, not the services they will attend or receive.")
    if any(s.rung.startswith("target_") for s in service_like):
        tips.append("Targets can come from one service, but they should still say what changes for the person.")
    return LitmusResult(tuple(found), missing, tuple(service_like), ok, tuple(reasons), tuple(tips))
