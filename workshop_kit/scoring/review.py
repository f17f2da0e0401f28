"""Reviewing an outcome statement against criteria that fit its level, with a verdict in words.

Levels follow the chain in Council for Disabled Children, "Outcomes, outputs
and impact": strategic (big, broad, for all children and young people in an
area; needs no date), operational (the strategic outcomes applied to the people
a service works with), individual (what a child, young person or family wants,
in their own words), SMART outcome (formalised: measurable and with a date) and
target (a smaller, time-bound step that sits under an outcome).

The review **gates** before it adds. A statement that names no change in
anyone's life cannot be accepted at any level, whatever else it gets right:
one that reads as an input, process, output or impact; one that is vague or
passive ("Young people are helped"); one whose verb makes a service the change
("Ella will go to a social skills group"; SEND Code of Practice 9.66, Social
Care Wales). A failed gate names the words that triggered it and a rewrite
pattern, and caps the score.

The other criteria are weighted so that each one a facilitator would send a
statement back for (deficit framing at strategic and individual level, jargon
and unexplained acronyms, a missing date or measure at SMART and target level,
the wrong scope for the level) is enough on its own to keep it under the
**pass line**. At operational level deficit framing is a tip, not a send-back:
the seeds' own operational examples are reductions ("reduced anxiety", Council
for Disabled Children; "Fewer service users will experience tenancy failure",
Institute of Public Care). The pass line, the cap and
the words of the three bands ("Ready", "Nearly: one thing to fix", "Rework")
live in ``content/review/bands.json``, set once for every page.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from . import cues
from .results import NOTHING_TO_CHECK, Criterion, ReviewResult, StatementResult
from .smart import Letter, letters
from .statements import classify_statement, provision_phrase, subject_of
from .text import Prepared, prepare, sentences, truncation_note
from ..wording import with_article

_CDC = "(Council for Disabled Children, 'Outcomes, outputs and impact')"
_SCW = "(Social Care Wales, 'Understanding an outcomes approach')"
_IPC = "(Institute of Public Care, 'Focussing on outcomes')"
_COP = "(SEND Code of Practice 9.66)"
LEVELS = ("strategic", "operational", "individual", "smart", "target")
_ALIASES = {"smart_outcome": "smart", "smart outcome": "smart", "targets": "target", "personal": "individual"}
GATES = ("change_for_people", "names_a_change", "not_provision")
"""Criteria that, failed, mean the statement names no change in anyone's life: it cannot be accepted."""
WEIGHTS: dict[str, dict[str, int]] = {
    "strategic": {"broad": 22, "strengths_not_deficits": 22, "plain_english": 22, "one_outcome": 22, "person_centred": 12},
    "operational": {"about_people_served": 25, "plain_english": 25, "one_outcome": 25, "strengths_not_deficits": 13, "person_centred": 12},
    "individual": {"person_centred": 29, "strengths_not_deficits": 29, "plain_english": 29, "one_outcome": 13},
    "smart": {"time_bound": 22, "measurable": 22, "plain_english": 22, "specific": 12, "person_centred": 8, "strengths_not_deficits": 8, "one_outcome": 6},
    "target": {"time_bound": 22, "measurable": 22, "plain_english": 22, "specific": 12, "one_outcome": 12, "strengths_not_deficits": 5, "person_centred": 5},
}
"""How much each criterion counts at each level (each level adds up to 100). The gates are not weighted: failing
one makes the verdict "rework" and caps the score."""
PERSONAL_LEVELS = ("individual", "smart", "target")

_ACRONYM = re.compile(r"(?<![\w&])[A-Z][A-Z&]{1,7}s?(?![\w&])")
_VOWELS = re.compile(r"[aeiouy]+")
_CLAUSE_SPLIT = re.compile(r"\s*(?:;|,?\s+and\s+|,?\s+as well as\s+|,?\s+plus\s+|,?\s+while\s+)\s*")
_FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|i'm|i'd|my|me|we|our)(?![\w'])")
_ABLE = re.compile(r"(?<![\w'])(?:be able to|able to|can|will|(?:goal|aim|wish|hope) is to)\s+(?:[a-z'-]+\s+)?[a-z'-]+")
_DESCRIBES_WHO = re.compile(r"(?:who|that)\s+(?:were|are|was|have\s+been|had\s+been|used\s+to\s+be)\s+(?:[\w-]+\s+)?$")
_WISH = re.compile(r"(?<![\w'])(?:wants?|wanted|would like|'d like|wishes|hopes?) to\s")
_ELIDED = re.compile(r"^(?:(?:by|in|within|at|before)\b[^,]{1,60},\s*)?(?:can|will|to be able to|is able to|is|has|understands|knows|manages|uses|travels|makes|chooses|shows|demonstrates)\s")
_POSSESSIVE_NAME = re.compile(r"^(?:(?:by|in|within|at|before)\b[^,]{1,60},\s*)?([A-Z][a-z'’]+)(?:'s|’s)\s+(?:goal|aim|wish|hope|dream|plan|outcome)")


@lru_cache(maxsize=1)
def bands() -> dict[str, Any]:
    """The verdict bands, pass line, score cap and rewrite patterns from ``content/review/bands.json``."""
    with resources.files("workshop_kit.content").joinpath("review/bands.json").open(encoding="utf-8") as fh:
        read: dict[str, Any] = json.load(fh)
    return read


def pass_line() -> int:
    """The score a statement must reach, failing no gate, to be accepted (set once, in content data)."""
    return int(bands()["pass_line"])


@lru_cache(maxsize=1)
def _words_sets() -> tuple[frozenset[str], frozenset[str]]:
    return cues.word_set("review", "acronyms_ok"), cues.word_set("finite_verbs")


def _syllables(word: str) -> int:
    return max(1, len(_VOWELS.findall(word.rstrip("e")))) if word else 0


def _rewrite(name: str, **fill: str) -> str:
    pattern: str = bands()["rewrites"].get(name, "")
    for key, value in fill.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def _criterion(name: str, weight: int, passed: bool, yes: str, no: str, tip: str, trigger: tuple[str, ...] = (), **fill: str) -> Criterion:
    if passed:
        return Criterion(name, True, yes, "", weight, gate=name in GATES)
    return Criterion(name, False, no, tip, weight, gate=name in GATES, words=trigger, rewrite=_rewrite(name, **fill))


def _quoted(words: tuple[str, ...] | list[str]) -> str:
    return ", ".join(repr(w) for w in words[:4])


def review_outcome(text: str, level: str) -> ReviewResult:
    """Review *text* as an outcome at *level*, with a verdict band and whether it is accepted.

    *level* is one of "strategic", "operational", "individual", "smart" (or
    "smart_outcome") and "target"; any other level raises ValueError. Empty
    text does not raise: it gives ``empty=True``, ``score=None`` and ``accepted=False``.
    """
    key = _ALIASES.get(str(level).strip().casefold(), str(level).strip().casefold())
    if key not in LEVELS:
        raise ValueError(f"Unknown level {level!r}: use one of {', '.join(LEVELS)} (or 'smart_outcome').")
    p = prepare(text)
    if p.empty:
        return ReviewResult(p.original, key, (), None, "There is nothing to score.", (NOTHING_TO_CHECK,), ("Write one outcome statement to review.",), empty=True)
    weights = WEIGHTS[key]
    subject, who = subject_of(p)
    statement = classify_statement(p.clean)
    smart = letters(p)
    gates = _gates(p, key, subject, who, statement, smart)
    crit = _criteria(p, key, weights, subject, who, statement, smart)

    ordered = tuple(crit[name] for name in weights)
    got = sum(c.weight for c in ordered if c.passed)
    score = round(100 * got / sum(c.weight for c in ordered))
    failed_gates = [g for g in gates if not g.passed]
    settings = bands()
    explained = f"{got} of 100 points: " + "; ".join(f"{c.name} {c.weight if c.passed else 0}/{c.weight}" for c in ordered)
    if failed_gates:
        capped = min(score, int(settings["gate_cap"]))
        explained += f". It fails the gate {', '.join(g.name for g in failed_gates)}, so the score is capped at {settings['gate_cap']} and it cannot be accepted"
        score = capped
    explained += "."
    line = int(settings["pass_line"])
    if failed_gates:
        verdict = "rework"
    elif score >= line:
        verdict = "ready"
    elif any(not c.passed and score + round(c.weight) >= line for c in ordered):
        verdict = "nearly"
    else:
        verdict = "rework"
    # a statement that fails a gate names no change in anyone's life: the gates it passed are no praise
    everything = tuple(failed_gates or gates) + ordered
    reasons = tuple([f"{c.name}: {c.reason}" for c in everything if not c.passed] + [f"{c.name}: {c.reason}" for c in everything if c.passed]) + truncation_note(p)
    if key == "target":
        reasons += ("A target should sit under a holistic outcome, from one service's point of view: check that link as a table.",)
    tips = tuple(dict.fromkeys(t for c in everything if not c.passed for t in (c.rewrite, c.tip) if t))
    return ReviewResult(
        p.original, key, everything, score, explained, reasons, tips, truncated=p.truncated, verdict=verdict, verdict_label=settings["bands"][verdict]["label"], accepted=verdict == "ready"
    )


def _gates(p: Prepared, key: str, subject: str | None, who: str, statement: StatementResult, smart: dict[str, Letter]) -> list[Criterion]:
    """The three gates: does it read as an outcome, does it name a change, is the change more than a service?"""
    kind = statement.kind or "outcome"
    cue_words = tuple(c.split(": ")[-1] for c in statement.cues if not c.startswith("outcome"))[:3]
    out = [
        _criterion(
            "change_for_people",
            0,
            kind == "outcome",
            f"It describes a change for people, an outcome {_CDC}.",
            f"It reads like {with_article(kind)}" + (f" ({_quoted(cue_words)})" if cue_words else "") + ", not a change in anyone's life.",
            f"Say what will be different in people's lives; services and resources are not outcomes in themselves {_SCW}.",
            cue_words,
        )
    ]
    vague = [v for v in cues.group("review", "vague_change").words(p.lower) if not (v.endswith("fun") and re.search(rf"{re.escape(v)}\s+(?:things|activities|with|and\s+safe)", p.lower))]
    if key in PERSONAL_LEVELS and not vague:
        general = cues.group("review", "vague_personal").words(p.lower)
        concrete = cues.group("review", "skill_markers").pattern.search(p.lower) or re.search(r"(?<![\w'])(?:be able to|able to)\s", p.lower) or smart["measurable"].passed
        if general and not concrete:
            vague = general
    if not vague:
        done_to = _done_to(p.lower)
        if done_to:
            vague = [done_to]
    out.append(
        _criterion(
            "names_a_change",
            0,
            not vague,
            "It names a change someone could see.",
            f"It is vague or passive ({_quoted(vague)}): it names no change anyone could see.",
            "Say who will do what differently, in words someone could check.",
            tuple(vague),
        )
    )
    provision = provision_phrase(p.lower)
    thing = provision[1] if provision else ""
    out.append(
        _criterion(
            "not_provision",
            0,
            not provision,
            "The change is in the person, not a service they get.",
            f"Its verb makes a service the change ('{provision[0] if provision else ''}'): provision is not an outcome {_COP} {_SCW}.",
            "Keep the service for the plan; write the outcome as what the person will do because of it.",
            (provision[0],) if provision else (),
            who=_who_for_rewrite(who, subject),
            thing=thing,
        )
    )
    return out


@lru_cache(maxsize=1)
def _done_to_pattern() -> re.Pattern[str]:
    people = cues.group("people").pattern.pattern
    done = cues.group("review", "done_to").pattern.pattern
    return re.compile(rf"^(?:(?:all|more|most|fewer|the|our)\s+)?(?:[\w'-]+\s+){{0,2}}?(?:{people})\s+(?:are\s+|were\s+|is\s+|was\s+|being\s+|will\s+be\s+)?(?:{done})(?![\w])")


def _done_to(lower: str) -> str:
    """The words, when a statement only says what was done to people ("Families diverted from crime", "Young
    people are kept engaged"), with no verb of their own after it; "Young carers supported by the service spend
    more time with friends" names a change they show, so it does not count."""
    m = _done_to_pattern().match(lower)
    if not m:
        return ""
    _, verbs = _words_sets()
    after = re.findall(r"[a-z'’-]+", lower[m.end() :])
    if any(w in verbs and (i == 0 or after[i - 1] != "to") for i, w in enumerate(after)):
        return ""
    return m.group(0)


def _who_for_rewrite(who: str, subject: str | None) -> str:
    if subject == "people" and who:
        return who if who[:1].isupper() else f"the {who}" if not who.startswith(("i", "my")) else "you"
    return "the person"


def _criteria(p: Prepared, key: str, weights: dict[str, int], subject: str | None, who: str, statement: StatementResult, smart: dict[str, Letter]) -> dict[str, Criterion]:
    crit: dict[str, Criterion] = {}
    first_person = bool(_FIRST_PERSON.search(p.lower))
    possessive = _POSSESSIVE_NAME.match(p.clean)
    if possessive:
        subject, who = "people", possessive.group(1)
    named = subject == "people" and who[:1].isupper()
    aim = _aim_without_people(p, subject, statement)
    if "broad" in weights:
        broad_words = cues.group("review", "broad").words(p.lower)
        crit["broad"] = _criterion(
            "broad",
            weights["broad"],
            not named and subject != "system" and not aim,
            "It is big and broad, about a whole group" + (f" ('{broad_words[0]}')" if broad_words else "") + f"; a strategic outcome needs no date {_CDC}.",
            "A strategic outcome should be about everyone, or all children and young people in the area; this is "
            + ("about one person." if named else f"an aim ('{aim}') that names no one who will be better off." if aim else "not clearly about a group of people."),
            f"Make it big and broad: 'All children and young people in our area...' {_CDC}.",
            (who,) if named else (aim,) if aim else (),
        )
    if "about_people_served" in weights:
        crit["about_people_served"] = _criterion(
            "about_people_served",
            weights["about_people_served"],
            subject != "system" and not named and not aim,
            "It is about the people a service works with, as an operational outcome should be.",
            "An operational outcome is about all the people using a particular service, not one person or the service itself.",
            f"Apply a strategic outcome to the people this service works with, e.g. 'Young people using the service...' {_CDC}.",
            (who,) if who else (),
        )
    if "person_centred" in weights:
        if key == "individual":
            ok = first_person or named or '"' in p.clean or bool(_WISH.search(p.lower)) or bool(_ELIDED.match(p.lower))
            crit["person_centred"] = _criterion(
                "person_centred",
                weights["person_centred"],
                ok,
                "It is in the person's own voice or names them, so it is led by them.",
                "It does not sound like the person's own words or name them.",
                f"Write it as the person would say it ('I want to...') or use their name {_SCW}.",
            )
        else:
            crit["person_centred"] = _criterion(
                "person_centred",
                weights["person_centred"],
                subject != "system",
                f"It puts people ('{who}') at the centre, not the service.",
                "It puts the service or the system at the centre rather than people.",
                "Start with the people who will be better off, then say what changes for them.",
                (who,) if who else (),
            )
    if {"time_bound", "measurable", "specific"} & weights.keys():
        for name in ("time_bound", "measurable", "specific"):
            if name not in weights:
                continue
            letter = smart[name]
            passed = letter.passed
            reason = letter.reason
            if name == "measurable" and not passed:
                checkable = _checkable_skill(p, key)
                if checkable:
                    passed, reason = True, f"Checkable: someone could see whether it happened ('{checkable}')."
            crit[name] = _criterion(name, weights[name], passed, reason, reason, letter.tip)

    deficits = _deficits(p.lower)
    crit["strengths_not_deficits"] = _criterion(
        "strengths_not_deficits",
        weights["strengths_not_deficits"],
        not deficits,
        "It is written in terms of what people can do, not deficits.",
        f"It is framed around deficits ({_quoted(deficits)}).",
        f"Describe what the person will be able to do or enjoy, building on strengths {_IPC}.",
        tuple(deficits),
        words=_quoted(deficits),
    )
    crit["plain_english"] = _plain_english(p.clean, p.lower, weights["plain_english"])
    crit["one_outcome"] = _one_outcome(p.clean, weights["one_outcome"])
    return crit


_AIM_VERBS = re.compile(
    r"^(?:(?:safely|appropriately|significantly|further|continue to|and)\s+)*(?:to\s+)?(?:reduce|increase|improve|raise|lower|cut|decrease|halve|boost|grow|tackle|maximise|narrow|close)\s+(?:the\s+)?([\w' -]{2,40})"
)


def _aim_without_people(p: Prepared, subject: str | None, statement: StatementResult) -> str:
    """The words of an aim that changes a figure or a service with no one named as better off ("to improve
    school attendance", "Increase attainment", "reduce the number of children looked after"): it says what
    will move, not who will be better off and how. Empty when people are named as the ones who change."""
    m = _AIM_VERBS.match(p.lower)
    if not m:
        return ""
    if subject == "people":
        if not any("people held by a service" in c for c in statement.cues):
            return ""
    return m.group(0).strip()


def _checkable_skill(p: Prepared, key: str) -> str:
    """Words that make a change checkable without a number: a skill done on one's own, or (for a SMART
    outcome) a named thing the person will be able to do ("will read a chapter book", "will know his colours")."""
    marker = cues.group("review", "skill_markers").pattern.search(p.lower)
    if marker:
        return marker.group(0)
    if key != "smart":
        return ""
    general = cues.group("review", "vague_personal").pattern
    vague = cues.group("smart", "vague").pattern
    for m in _ABLE.finditer(p.lower):
        phrase = m.group(0)
        if not general.search(phrase) and not vague.search(p.lower[m.start() :]) and "be more" not in phrase:
            return phrase
    return ""


def _deficits(lower: str) -> list[str]:
    """Deficit words, except where the statement frames them as a strength ("safe from harm", "overcome difficulties")."""
    frames = cues.group("review", "positive_frames").pattern
    found: list[str] = []
    for group in ("deficit", "problems"):
        for m in cues.group("review", group).find(lower):
            before = lower[max(0, m.start() - 40) : m.start()]
            framed = frames.search(before.split(" and ")[-1].split(",")[-1]) if before else None
            framed = framed or (" and " in before and frames.search(before)) or _DESCRIBES_WHO.search(before)
            if not framed and "solving" not in m.group(0) and m.group(0) not in found:
                found.append(m.group(0))
    return found


def _plain_english(clean: str, lower: str, weight: int) -> Criterion:
    ok_acronyms, _ = _words_sets()
    problems, tips, words = [], [], []
    jargon = cues.group("review", "jargon").words(lower)
    if jargon:
        problems.append(f"jargon ({_quoted(jargon[:3])})")
        tips.append("swap jargon for everyday words")
        words += jargon[:3]
    acronyms = [a for a in dict.fromkeys(_ACRONYM.findall(clean)) if a.casefold() not in ok_acronyms and a.rstrip("s").casefold() not in ok_acronyms and not _explained(a, clean)]
    if acronyms:
        problems.append(f"acronyms ({', '.join(acronyms[:4])})")
        tips.append(f"spell out {', '.join(acronyms[:4])} in full on first use")
        words += acronyms[:4]
    parts = sentences(clean) or [clean]
    all_words = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", clean)
    longest = max(len(re.findall(r"\S+", s)) for s in parts)
    if longest > 30:
        problems.append(f"a sentence of {longest} words")
        tips.append("keep sentences under about 25 words")
    if all_words:
        hard = [w for w in all_words if _syllables(w.casefold()) >= 4]
        if len(hard) >= 3 and len(hard) / len(all_words) > 0.2:
            problems.append(f"many long words ({', '.join(hard[:3])})")
            tips.append("use shorter, everyday words")
            words += hard[:3]
    if not problems:
        return Criterion("plain_english", True, "It is in plain English.", "", weight)
    return Criterion(
        "plain_english",
        False,
        "It is hard to read: " + "; ".join(problems) + ".",
        _sentence(" and ".join(tips)),
        weight,
        words=tuple(words),
        rewrite=_rewrite("plain_english", words=_sentence(" and ".join(tips))[:-1].lower()),
    )


def _explained(acronym: str, clean: str) -> bool:
    """True when the text spells the acronym out next to it: "young person (YP)" or "YP (young person)"."""
    return bool(re.search(rf"\(\s*{re.escape(acronym)}\s*\)", clean) or re.search(rf"{re.escape(acronym)}\s*\([^)]{{4,}}\)", clean))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


@lru_cache(maxsize=1)
def _clause_subject() -> re.Pattern[str]:
    """A clause that starts with its own subject and verb ("children are safe"), so it is a change of its own;
    a shared subject ("eat well, sleep well and play outside") or a relative clause is not."""
    _, verbs = _words_sets()
    verb = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
    people = cues.group("people").pattern.pattern
    # a pronoun must open its clause: "the support they have" is a description, not a change of its own
    return re.compile(
        rf"^(?:(?:the|all|every|our|their|most|more|many|some|and)\s+)?(?:(?:[\w'-]+\s+){{0,2}}?(?:{people})|i|we|they|he|she|you)"
        rf"\s+(?:\w+ly\s+)?(?:{verb})(?![\w])"
    )


def _one_outcome(clean: str, weight: int) -> Criterion:
    parts = sentences(clean)
    if len(parts) > 1:
        return Criterion(
            "one_outcome",
            False,
            f"It has {len(parts)} sentences; it may hold more than one outcome.",
            "Keep one outcome per statement; write the others as separate statements.",
            weight,
            rewrite=_rewrite("one_outcome"),
        )
    clauses = [c for c in _CLAUSE_SPLIT.split(clean.casefold()) if c.strip()]
    with_subjects = [c for c in clauses if _clause_subject().match(c.strip())]
    if len(with_subjects) >= 2 or clean.count(";") >= 2:
        return Criterion(
            "one_outcome",
            False,
            "It joins separate changes together; each could be its own outcome.",
            "Split it into separate statements, so each can be measured on its own.",
            weight,
            words=tuple(w for w in ("and", ";") if w in clean),
            rewrite=_rewrite("one_outcome"),
        )
    return Criterion("one_outcome", True, "It describes one outcome.", "", weight)
