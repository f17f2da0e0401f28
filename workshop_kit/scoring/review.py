"""Reviewing an outcome statement against criteria that fit its level.

Levels follow the chain in Council for Disabled Children, "Outcomes, outputs
and impact": strategic (big, broad, for all children and young people in an
area; needs no date), operational (the strategic outcomes applied to the people
a service works with), individual (what a child, young person or family wants,
in their own words), SMART outcome (formalised: measurable and with a date) and
target (a smaller, time-bound step that sits under an outcome).

Every level must describe a change for people, not provision. The score is the
weighted share of criteria passed, rounded to a whole number out of 100; the
result lists every criterion with its weight, so a facilitator can explain it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import cues
from .results import NOTHING_TO_CHECK, Criterion, ReviewResult
from .smart import letters
from .statements import classify_statement, subject_of
from .text import prepare, sentences, truncation_note
from ..wording import with_article

_CDC = "(Council for Disabled Children, 'Outcomes, outputs and impact')"
_SCW = "(Social Care Wales, 'Understanding an outcomes approach')"
_IPC = "(Institute of Public Care, 'Focussing on outcomes')"
LEVELS = ("strategic", "operational", "individual", "smart", "target")
_ALIASES = {"smart_outcome": "smart", "smart outcome": "smart", "targets": "target", "personal": "individual"}
WEIGHTS: dict[str, dict[str, int]] = {
    "strategic": {"change_for_people": 30, "broad": 20, "person_centred": 10, "strengths_not_deficits": 15,
                  "plain_english": 15, "one_outcome": 10},
    "operational": {"change_for_people": 30, "about_people_served": 15, "person_centred": 15,
                    "strengths_not_deficits": 15, "plain_english": 15, "one_outcome": 10},
    "individual": {"change_for_people": 30, "person_centred": 25, "strengths_not_deficits": 15,
                   "plain_english": 15, "one_outcome": 15},
    "smart": {"change_for_people": 25, "time_bound": 15, "measurable": 15, "specific": 10, "person_centred": 10,
              "strengths_not_deficits": 10, "plain_english": 10, "one_outcome": 5},
    "target": {"change_for_people": 20, "time_bound": 20, "measurable": 20, "specific": 10,
               "strengths_not_deficits": 10, "plain_english": 10, "one_outcome": 10},
}
"""How much each criterion counts at each level (each level adds up to 100)."""

_ACRONYM = re.compile(r"(?<![\w&])[A-Z][A-Z&]{1,7}s?(?![\w&])")
_VOWELS = re.compile(r"[aeiouy]+")
_CLAUSE_SPLIT = re.compile(r"\s*(?:;|,?\s+and\s+|,?\s+as well as\s+|,?\s+plus\s+|,?\s+while\s+)\s*")


@lru_cache(maxsize=1)
def _words_sets() -> tuple[frozenset[str], frozenset[str]]:
    return cues.word_set("review", "acronyms_ok"), cues.word_set("finite_verbs")


def _syllables(word: str) -> int:
    return max(1, len(_VOWELS.findall(word.rstrip("e")))) if word else 0


def _criterion(name: str, weight: int, passed: bool, yes: str, no: str, tip: str) -> Criterion:
    return Criterion(name, passed, yes if passed else no, "" if passed else tip, weight)


def review_outcome(text: str, level: str) -> ReviewResult:
    """Review *text* as an outcome at *level*.

    *level* is one of "strategic", "operational", "individual", "smart" (or
    "smart_outcome") and "target"; any other level raises ValueError. Empty
    text does not raise: it gives ``empty=True`` and ``score=None``.
    """
    key = _ALIASES.get(str(level).strip().casefold(), str(level).strip().casefold())
    if key not in LEVELS:
        raise ValueError(f"Unknown level {level!r}: use one of {', '.join(LEVELS)} (or 'smart_outcome').")
    p = prepare(text)
    if p.empty:
        return ReviewResult(p.original, key, (), None, "There is nothing to score.", (NOTHING_TO_CHECK,),
                            ("Write one outcome statement to review.",), empty=True)
    weights = WEIGHTS[key]
    statement = classify_statement(p.clean)
    smart = letters(p) if {"time_bound", "measurable", "specific"} & weights.keys() else None
    subject, who = subject_of(p)
    first_person = bool(re.search(r"(?<![\w'])(?:i|i'm|my|me|we|our)(?![\w'])", p.lower))
    named = subject == "people" and who[:1].isupper()
    crit: dict[str, Criterion] = {}

    crit["change_for_people"] = _criterion(
        "change_for_people", weights["change_for_people"], statement.kind == "outcome",
        f"It describes a change for people, an outcome {_CDC}.",
        f"It reads like {with_article(statement.kind)}, "
        "not a change for people.",
        f"Say what will be different in people's lives; services and resources are not outcomes in themselves {_SCW}.")

    if "broad" in weights:
        broad_words = cues.group("review", "broad").words(p.lower)
        narrow = named or re.search(r"(?<![\w'])(?:i|my|me)(?![\w'])", p.lower)
        crit["broad"] = _criterion(
            "broad", weights["broad"], bool(not narrow and (broad_words or subject == "people")),
            "It is big and broad, about a whole group" + (f" ('{broad_words[0]}')" if broad_words else "")
            + f"; a strategic outcome needs no date {_CDC}.",
            "A strategic outcome should be about everyone, or all children and young people in the area; this is "
            + ("about one person." if narrow else "not clearly about a group of people."),
            f"Make it big and broad: 'All children and young people in our area...' {_CDC}.")
    if "about_people_served" in weights:
        crit["about_people_served"] = _criterion(
            "about_people_served", weights["about_people_served"], subject == "people" and not named,
            "It is about the people a service works with, as an operational outcome should be.",
            "An operational outcome is about all the people using a particular service, not one person or the service itself.",
            f"Apply a strategic outcome to the people this service works with, e.g. 'Young people using the service...' {_CDC}.")

    if "person_centred" in weights:
        if key == "individual":
            ok = first_person or named or '"' in p.clean
            crit["person_centred"] = _criterion(
                "person_centred", weights["person_centred"], ok,
                "It is in the person's own voice or names them, so it is led by them.",
                "It does not sound like the person's own words or name them.",
                f"Write it as the person would say it ('I want to...') or use their name {_SCW}.")
        else:
            crit["person_centred"] = _criterion(
                "person_centred", weights["person_centred"], subject == "people",
                f"It puts people ('{who}') at the centre, not the service.",
                "It puts the service or the system at the centre rather than people.",
                "Start with the people who will be better off, then say what changes for them.")

    if smart is not None:
        for name in ("time_bound", "measurable", "specific"):
            if name in weights:
                letter = smart[name]
                crit[name] = Criterion(name, letter.passed, letter.reason, letter.tip, weights[name])

    deficits = cues.group("review", "deficit").words(p.lower)
    crit["strengths_not_deficits"] = _criterion(
        "strengths_not_deficits", weights["strengths_not_deficits"], not deficits,
        "It is written in terms of what people can do, not deficits.",
        f"It is framed around deficits ({', '.join(repr(d) for d in deficits[:3])}).",
        f"Describe what the person will be able to do or enjoy, building on strengths {_IPC}.")

    crit["plain_english"] = _plain_english(p.clean, p.lower, weights["plain_english"])
    crit["one_outcome"] = _one_outcome(p.clean, weights["one_outcome"])

    ordered = tuple(crit[name] for name in weights)
    total = sum(c.weight for c in ordered)
    got = sum(c.weight for c in ordered if c.passed)
    score = round(100 * got / total)
    explained = (f"{got} of {total} points: " + "; ".join(f"{c.name} {c.weight if c.passed else 0}/{c.weight}"
                                                         for c in ordered) + ".")
    reasons = tuple([f"{c.name}: {c.reason}" for c in ordered if not c.passed]
                    + [f"{c.name}: {c.reason}" for c in ordered if c.passed]) + truncation_note(p)
    if key == "target":
        reasons += ("A target should sit under a holistic outcome, from one service's point of view: check that link as a table.",)
    tips = tuple(c.tip for c in ordered if not c.passed and c.tip)
    return ReviewResult(p.original, key, ordered, score, explained, reasons, tips, truncated=p.truncated)


def _plain_english(clean: str, lower: str, weight: int) -> Criterion:
    ok_acronyms, _ = _words_sets()
    problems, tips = [], []
    jargon = cues.group("review", "jargon").words(lower)
    if jargon:
        problems.append(f"jargon ({', '.join(repr(j) for j in jargon[:3])})")
        tips.append("swap jargon for everyday words")
    acronyms = [a for a in dict.fromkeys(_ACRONYM.findall(clean)) if a.casefold() not in ok_acronyms
                and a.rstrip("s").casefold() not in ok_acronyms]
    if acronyms:
        problems.append(f"acronyms ({', '.join(acronyms[:4])})")
        tips.append(f"spell out {', '.join(acronyms[:4])} in full on first use")
    parts = sentences(clean) or [clean]
    words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", clean)
    longest = max(len(re.findall(r"\S+", s)) for s in parts)
    if longest > 30:
        problems.append(f"a sentence of {longest} words")
        tips.append("keep sentences under about 25 words")
    if words:
        hard = [w for w in words if _syllables(w.casefold()) >= 4]
        if len(words) >= 6 and len(hard) / len(words) > 0.2:
            problems.append(f"many long words ({', '.join(hard[:3])})")
            tips.append("use shorter, everyday words")
    return Criterion("plain_english", not problems,
                     "It is in plain English." if not problems else "It is hard to read: " + "; ".join(problems) + ".",
                     "" if not problems else _sentence(" and ".join(tips)), weight)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _one_outcome(clean: str, weight: int) -> Criterion:
    _, verbs = _words_sets()
    parts = sentences(clean)
    if len(parts) > 1:
        return Criterion("one_outcome", False, f"It has {len(parts)} sentences; it may hold more than one outcome.",
                         "Keep one outcome per statement; write the others as separate statements.", weight)
    clauses = [c for c in _CLAUSE_SPLIT.split(clean.casefold()) if c.strip()]
    with_verbs = [c for c in clauses if len(c.split()) >= 3 and any(w.strip(",.") in verbs for w in c.split())]
    if len(with_verbs) >= 2:
        return Criterion("one_outcome", False, "It joins two separate changes with 'and'; each could be its own outcome.",
                         "Split it into two statements, so each can be measured on its own.", weight)
    return Criterion("one_outcome", True, "It describes one outcome.", "", weight)
