"""Checking a statement against SMART.

* **Specific**: it names who and what should change, not "things get better".
* **Measurable**: it has a quantity, frequency, percentage or count that
  someone could check ("once every two months", "by 50%", "3 times a week").
  "Regularly", "more" and "better" on their own are not measurable.
* **Time-bound**: it has a date, an age, a stage or a period ("by the time she
  is 14", "in 6 months", "by March", "over the next term").
* **Achievable** and **relevant** need a person's judgement; the result gives
  prompts for the table instead of pretending to know.

The examples come from the "Bea" chain in Council for Disabled Children,
"Outcomes, outputs and impact".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from . import cues
from .results import NOTHING_TO_CHECK, Judgement, SmartResult
from .statements import _first_person_noun, _named_person
from .text import STOP_WORDS, Prepared, prepare, truncation_note

_CDC = "(Council for Disabled Children, 'Outcomes, outputs and impact')"
_SCW = "(Social Care Wales, 'Understanding an outcomes approach')"
_STOP = STOP_WORDS

ACHIEVABLE = Judgement(
    True,
    (
        "Is this realistic for this person or service, with the support and resources available?",
        f"What strengths and resources can the person draw on: in themselves, their family, friends and community? {_SCW}",
        "Is the amount of change possible in the time given?",
    ),
)
RELEVANT = Judgement(
    True,
    (
        f"Does it matter to the person it is for, and is it in their own words? {_SCW}",
        f"Does it connect to the big, broad strategic outcomes? {_CDC}",
        "If it happened, would anyone be better off? Ask 'so what?'.",
    ),
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    num = cues.number_pattern()
    units = "|".join(sorted((re.escape(u) for u in cues.raw()["smart"]["time_units"]), key=len, reverse=True))
    named = cues.group("smart", "named_times").pattern.pattern
    events = cues.group("smart", "events").pattern.pattern
    months = "january|february|march|april|may|june|july|august|september|october|november|december"
    small = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a|an|a few|a couple of)"
    time = "|".join(
        [
            rf"(?:by|before|until|till|from|on|in)\s+(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\w%])",
            rf"(?:by|before|until|till|from|on)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})",
            rf"(?:by|before|until|till|at|from|during|in|over)\s+(?:the\s+)?(?:(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+)?)?(?:next|this|her|his|their|my|our|the)?\s*(?:[a-z0-9-]+\s+)?{named}",
            rf"(?:at|by|before|after|until|till|from|on)\s+(?:the\s+)?(?:end|start|beginning|close|finish|completion)\s+of\s+"
            rf"(?:the\s+|this\s+|her\s+|his\s+|their\s+|my\s+|our\s+)?(?:[a-z0-9-]+\s+){{0,2}}?{events}",
            rf"(?:for|over|within)\s+(?:at\s+least|up\s+to|no\s+more\s+than)\s+{small}\s+(?:weeks?|months?|years?|terms?)",
            rf"{small}\s+(?:{units})\s+(?:after|from|of)\s+(?:the\s+)?(?:start|starting|leaving|joining|closure|discharge|referral|"
            rf"becoming|moving|their|his|her|the)",
            rf"(?:in|within|over|after|for|during|before|under|inside|at the end of|by the end of)\s+(?:the\s+)?(?:next|first|last|coming|following)?\s*{small}?\s*(?:{units})(?![\w])(?!\s+ahead)",
            rf"(?:in|within|over|during|for)\s+the\s+(?:next|first|last|coming|following)\s+(?:[\w-]+\s+)?(?:{units})(?![\w])",
            r"(?<!\d)(?:19|20)\d\d(?!\d)",
            r"by\s+the\s+time\s+\w+\s+(?:is|are|am|turns?|reach\w*|leaves?|starts?|goes|moves|finish\w*|gets?)",
            rf"(?:by|at|before|until|from)\s+(?:the\s+)?age\s+(?:of\s+)?{num}",
            rf"aged\s+{num}",
            r"(?:at|by)\s+\d{1,2}(?=\s*(?:$|[,.;]|years|and|or))",
            r"(?:by|at)\s+(?:the\s+)?(?:next|this)\s+(?:review|meeting|assessment|birthday|transition)",
        ]
    )
    quantity = "|".join(
        [
            rf"{num}\s?%|\d+\s?per\s?cent|\bpercent",
            # an indicator's own wording is a measure: '% of families who...', 'the proportion of'
            r"%\s+of|(?:percentage|proportion)\s+of",
            rf"(?:by|to|at least|at most|up to|no more than|more than|fewer than|less than|under|below|above|over)\s+{num}",
            r"halve[sd]?|halving|double[sd]?|treble[sd]?|by\s+(?:a\s+)?(?:half|third|quarter|fifth|tenth)",
            cues.group("smart", "frequency").pattern.pattern,
            r"(?<![\w£])(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|a third|a quarter)(?![\w])",
        ]
    )
    return {"time": re.compile(r"(?<![\w])(?:" + time + r")(?![\w])"), "quantity": re.compile(r"(?<![\w])(?:" + quantity + r")"), "word": re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")}


def _who(lower: str, clean: str) -> str:
    name = _named_person(clean)
    if name:
        return name
    m = re.search(r"(?<![\w'])(?:i|my)(?![\w'])", lower)
    if m:
        return m.group(0)
    vague = cues.word_set("smart", "vague_content")
    finders: tuple[Callable[[], re.Match[str] | None], ...] = (
        lambda: _first_person_noun(lower),
        lambda: cues.group("system").pattern.search(lower),
        lambda: cues.group("smart", "who_extra").pattern.search(lower),
    )
    for finder in finders:
        m = finder()
        if m and m.group(0) not in vague:
            return m.group(0)
    return ""


def _is_measured_thing(who: str) -> bool:
    """True for a 'who' that is really a measured quantity, like 'vacancy rate' or 'exclusions'."""
    return bool(who) and bool(cues.group("smart", "who_extra").pattern.fullmatch(who.casefold()))


@dataclass(frozen=True)
class Letter:
    """The verdict on one SMART letter."""

    passed: bool
    """True if the statement meets it."""
    reason: str
    """Why, in plain English."""
    tip: str
    """How to meet it (empty when passed)."""
    cues: str
    """The words that decided it (empty when none)."""


def letters(p: Prepared) -> dict[str, Letter]:
    """Specific, measurable and time-bound for an already prepared, non-empty statement."""
    pats = _patterns()
    lower = p.lower
    out: dict[str, Letter] = {}

    times = [m.group(0) for m in pats["time"].finditer(lower)]
    if times:
        out["time_bound"] = Letter(True, f"Time-bound: it says when ('{times[0]}').", "", "time: " + ", ".join(times))
    else:
        loose = cues.group("smart", "not_time").words(lower)
        out["time_bound"] = Letter(
            False,
            "Not time-bound: " + (f"'{loose[0]}' is not a date, age, stage or period." if loose else "no date, age, stage or period was found."),
            f"Add when: a date ('by March'), an age ('by the time she is 14'), a stage ('by the end of Year 6') or a period ('in 6 months') {_CDC}.",
            "",
        )

    # Measurable: look for quantities outside the time phrases.
    rest = cues.group("smart", "not_measures").pattern.sub(" ", pats["time"].sub(" ", lower))
    amounts = [m.group(0).strip() for m in pats["quantity"].finditer(rest)]
    if amounts:
        out["measurable"] = Letter(True, f"Measurable: someone could check '{amounts[0]}'.", "", "measure: " + ", ".join(amounts))
    else:
        vague = cues.group("smart", "vague").words(rest)
        out["measurable"] = Letter(
            False,
            (f"Not measurable: {', '.join(repr(v) for v in vague[:3])} cannot be checked on its own." if vague else "Not measurable: no quantity, frequency, percentage or count was found."),
            "Say how much or how often, so someone could check it: 'once every two months', '3 times a week', 'by 50%', '80% of parents'.",
            "",
        )

    # Specific: who, and what changes.
    who = _who(rest, p.clean)
    vague_content = cues.word_set("smart", "vague_content")
    who_words = who.casefold().split()
    content = [w for w in pats["word"].findall(rest) if w not in _STOP and w not in vague_content and w not in who_words]
    specific = bool(who and content) or len(content) >= 2 or (_is_measured_thing(who) and bool(cues.group("change_words").pattern.search(rest)))
    if specific:
        what = ", ".join(repr(w) for w in content[:3]) or "a change"
        out["specific"] = Letter(True, f"Specific: it names {('who (' + repr(who) + ') and ') if who else ''}what changes ({what}).", "", f"specific: who={who or '-'}; what={', '.join(content[:5])}")
    else:
        out["specific"] = Letter(
            False,
            "Not specific: " + ("it names who but not what should change." if who else "it does not say who should be better off or what should change."),
            "Name who (a person, or a group such as 'young carers') and what will be different for them.",
            "",
        )
    return out


def check_smart(text: str) -> SmartResult:
    """Check *text* for specific, measurable and time-bound; give prompts for achievable and relevant.

    Never raises for any string: empty text gives ``empty=True`` and all False.
    """
    p = prepare(text)
    if p.empty:
        return SmartResult(
            p.original, False, False, ACHIEVABLE, RELEVANT, False, (NOTHING_TO_CHECK,), ("Write one outcome, for example 'By March, Sam will go to youth club once a week'.",), empty=True
        )
    verdict = letters(p)
    order = ("time_bound", "measurable", "specific")
    reasons = tuple(verdict[k].reason for k in order) + ("Achievable and relevant need a person's judgement: see the prompts.",) + truncation_note(p)
    return SmartResult(
        p.original,
        verdict["specific"].passed,
        verdict["measurable"].passed,
        ACHIEVABLE,
        RELEVANT,
        verdict["time_bound"].passed,
        reasons,
        tuple(verdict[k].tip for k in order if not verdict[k].passed),
        tuple(verdict[k].cues for k in order if verdict[k].cues),
        truncated=p.truncated,
    )
