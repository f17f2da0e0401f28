"""Classifying a statement as an input, process, output, outcome or impact.

How it decides, in the order a facilitator would think it through:

1. **Who changes?** The first people named (children, parents, carers, a first
   name, "I") point to an *outcome*; the first professionals or parts of the
   system named (staff, services, pathways, policies, waiting times) point to
   *impact* (Council for Disabled Children, "Outcomes, outputs and impact").
2. **What kind of words?** Weighted cue groups from ``cues.json`` vote for a
   kind: change-of-state words for people, delivery and counting words,
   procedure words, resource words, system-change words.
3. **Instructions.** A statement that starts with a verb ("Develop a
   register...", "Deliver 24 workshops") is a process or an output; one that
   starts with "Reduce", "Increase" or "Improve" is judged by what it is about,
   so "Improve the number of assessments completed" is still an output.
4. **Counts of activity.** "Number of workshops", "120 families referred" and
   "24 parenting workshops" count what was done: outputs.
5. **Services received.** "Mrs Jones receives a home care service" is
   provision, not an outcome (Social Care Wales, "Understanding an outcomes
   approach").

The kind with the highest total wins; confidence is the margin over the
runner-up. Every cue that fired is named in the reasons.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import cues
from .results import NOTHING_TO_CHECK, StatementResult
from .text import Prepared, prepare, truncation_note

KINDS = ("input", "process", "output", "outcome", "impact")
_TIE_ORDER = {"outcome": 0, "process": 1, "output": 2, "impact": 3, "input": 4}
_CDC = "(Council for Disabled Children, 'Outcomes, outputs and impact')"
_SCW = "(Social Care Wales, 'Understanding an outcomes approach')"
_IPC = "(Institute of Public Care, 'Focussing on outcomes')"

_LEADING_TIME = re.compile(r"^(?:by|in|within|over|during|before|after|at|from|each|every)\b[^,]{1,60},\s*", re.I)
_LEADING_FILLER = re.compile(r"^(?:that|there (?:is|are|will be)|we will|we want to|our aim is to|aim to|to)\s+", re.I)
_TITLE = r"(?:mr|mrs|ms|miss|dr|mx)\.?"
_NAME_VERBS = (
    "has|have|is|was|will|would|can|could|goes|attends|receives|feels|sleeps|gets|uses|enjoys|lives|"
    "makes|spends|wants|travels|walks|cooks|joins|plays|stays|needs|says|moves|manages|eats|chooses|"
    "may|should|now|no|still|often|sometimes|always|usually|tells|speaks|keeps|knows|likes|loves|"
    "loved|went|did|does|reads|writes|dresses|feeds|swims|catches"
)
_NAME_START = re.compile(rf"^(?:{_TITLE}\s+)?([A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)(?:'s|’s)?\s+(?:{_NAME_VERBS})\b")
_NOT_NAME_ENDINGS = ("tion", "ment", "ness", "ity", "ing", "ship", "ance", "ence", "ism", "ies", "ers", "ists")
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+[A-Z][a-z'’-]+")
_FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|i'm|i've|i'd|my|me|myself)(?![\w'])")
_STAFF = re.compile(r"\b(?:staff|workers?|managers?|officers?|therap\w+|psychologists?|administrators?|assistants?|nurses?|practitioners?|social workers?|mentors?|coordinators?|co-ordinators?)\b")
_TRAINEES = r"(?:staff|personnel|professionals|workers|practitioners|teachers|volunteers|social\s+workers|foster\s+carers|managers|officers|nurses)"
_AUXILIARIES = frozenset(
    """will would shall should can could may might must is are was were be been being am has have had do does did
get gets got 'll won't can't""".split()
)
_DETERMINERS = frozenset("a an the their his her my our your its this that these those some any every all no each".split())
_PREPOSITIONS = frozenset("of for per in with to from at on by about through into onto over under across between after before".split())
_ING_NOUNS = frozenset(
    """training funding housing meeting meetings building mentoring counselling counseling learning parenting
commissioning safeguarding schooling reading writing swimming cooking planning wellbeing spending staffing""".split()
)
_PARENTHESIS = re.compile(r"\s*\([^()]{1,15}\)")
_HEAD_STOP = re.compile(r"\s+(?:of|for|per|in|with|to|from|at|on|by|and|or|who|that|which|across|between|plus|,)\s+|,\s*")
_NOT_NAMES = frozenset(
    """the this that there it its we they our all every some most staff support services service
quality things everything everyone nobody number percentage proportion children parents families carers young older
people adults residents care health social each any no one more fewer less reduce increase improve develop deliver
provide run hold set write create design review agree consult tender pilot plan map recruit""".split()
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    num = cues.number_pattern()
    counts = cues.group("count_phrases").pattern.pattern
    acts = cues.group("activity_nouns").pattern.pattern
    people = cues.group("people").pattern.pattern
    parts = cues.group("provision_participles").pattern.pattern
    gap = r"(?:\s+[\w'’&/-]+){0,5}?\s+"
    return {
        "count_activity": re.compile(counts + gap + acts),
        "count_people_provision": re.compile(counts + r"(?:\s+[\w'’-]+){0,2}?\s+" + people + gap[:-3] + r"\s+" + parts),
        "number_people_provision": re.compile(r"^(?:" + num + r")(?:\s+[\w'’-]+){0,2}?\s+" + people + r"\s+(?:were\s+|have\s+been\s+)?" + parts),
        "number_activity": re.compile(r"(?<![\w£])" + num + r"(?:\s+[\w'’-]+){0,2}?\s+" + acts),
        "change_words": cues.group("change_words").pattern,
        **{f"action_{kind}": _action_pattern(kind) for kind in ("output", "process", "input")},
        "count_trained": re.compile(
            r"(?:" + counts + r"|^(?:" + num + r"))(?:\s+[\w'’-]+){0,3}?\s+(?:" + people + r"|" + _TRAINEES + r")(?:\s+(?:who|that)\s+(?:were|have\s+been|are|had))?\s+(?:trained|receiving\s+training|"
            r"completing\s+training|completed\s+training|attending\s+training|who\s+attended\s+training)(?![\w])"
        ),
        "count_done": re.compile(counts + r"(?:\s+[\w'’-]+){1,4}?\s+" + parts + r"(?![\w])"),
        "held_by_service": re.compile(
            r"(?:" + counts + r"|rate\s+of|(?:reduce|reduced|reducing|increase|increased|fewer|more)\s+(?:the\s+)?(?:number|numbers|rate)\s+of)"
            r"(?:\s+[\w'’-]+){0,2}?\s+" + people + r"\s+(?:who\s+are\s+|being\s+)?" + cues.group("service_status").pattern.pattern
        ),
        "has_service": re.compile(
            r"(?<![\w'])(?:has|have|gets|get|got|will have|will get|is given|are given)\s+(?:a|an|their|his|her|a new)\s+(?:[\w'-]+\s+){0,2}?" + cues.group("service_nouns").pattern.pattern
        ),
    }


def _inflect(verb: str) -> str:
    """A verb (or phrasal verb) with its -s, -es, -ed, -d, -ing endings; e.g. 'set up' -> 'set(s|ting)? up'."""
    head, *rest = verb.split()
    stem = head[:-1] if head.endswith("e") else head
    forms = rf"(?:{re.escape(head)}(?:s|es|d)?|{re.escape(stem)}(?:ed|ing)|{re.escape(head)}{re.escape(head[-1])}(?:ed|ing))"
    return r"\s+".join([forms, *map(re.escape, rest)])


def _action_pattern(kind: str) -> re.Pattern[str]:
    """An actor doing something ('we ran', 'the service will provide'), or something being done to ('is funded')."""
    lists = cues.raw()["actions"][kind]
    active_verbs, passive_verbs = ("|".join(_inflect(v) for v in sorted(lists[k], key=len, reverse=True)) for k in ("active", "passive"))
    actors = cues.group("actors").pattern.pattern
    aux = r"(?:\s+(?:will|would|can|shall|has|have|had|did|does|do|also|now|then|already|be|been))*"
    active = rf"^{actors}{aux}(?:\s+\w+ly)?\s+(?:{active_verbs})(?![\w])"
    passive = rf"(?<![\w])(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?(?:{passive_verbs})(?![\w])"
    return re.compile(active + "|" + passive)


def _strip_lead(text: str) -> str:
    for _ in range(2):
        text = _LEADING_TIME.sub("", text)
        text = _LEADING_FILLER.sub("", text)
    return text


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The earliest match, the longest one when several start together."""
    best = None
    for m in pattern.finditer(text):
        if best is None or m.start() < best.start() or (m.start() == best.start() and m.end() > best.end()):
            best = m
        if best is not None and m.start() > best.start():
            break
    return best


def _first_person_noun(body: str) -> re.Match[str] | None:
    """The first people noun that is not just describing a place or team ('community hall', 'family hub')."""
    modified = cues.word_set("modified_nouns")
    for m in cues.group("people").pattern.finditer(body):
        following = body[m.end() : m.end() + 30].split()
        nxt = following[0].strip(",.;:'") if following else ""
        if nxt in modified or (nxt in ("support", "carer", "carers") and len(following) > 1 and following[1].strip(",.;:") in modified):
            continue
        if _names_a_service(following):
            continue
        return m
    return None


def _names_a_service(following: list[str]) -> bool:
    """True when the words after a people word run straight on into a service word ("adult mental health
    services", "young people's service"): the people word is then part of the service's name."""
    services = cues.word_set("service_nouns_after_people", "phrases")
    for word in following[:3]:
        word = word.strip(",.;:'()")
        if word in services:
            return True
        if word in _PREPOSITIONS or word in _AUXILIARIES or word in _DETERMINERS or word in cues.word_set("finite_verbs") or word.endswith(("ed", "ing")):
            return False
    return False


def _named_person(clean: str) -> str | None:
    body = _strip_lead(clean)
    titled = _TITLED_NAME.search(body)
    if titled:
        return titled.group(0)
    m = _NAME_START.match(body)
    if m:
        word = m.group(1)
        low = word.casefold()
        if low not in _NOT_NAMES and not low.endswith(_NOT_NAME_ENDINGS) and not cues.group("people").pattern.fullmatch(low) and not cues.group("system").pattern.fullmatch(low):
            return word
    return None


def _personal_gain(words: list[str]) -> str:
    """The first word, in an instruction's object, naming something a person gains ("skills", "a job");
    the object runs to the first preposition or comma, at most five words."""
    gains = cues.group("personal_gains").pattern
    span: list[str] = []
    for i, raw_word in enumerate(words[1:7]):
        word = raw_word.strip(",.;:()'\"")
        if not i and word in ("with", "alongside", "together", "closely", "jointly"):
            continue
        if word in _PREPOSITIONS or word in ("to", "so", "that", "which", "who", "will"):
            break
        span.append(word)
        if raw_word.endswith((",", ";", ":")):
            break
    # the head of the object decides: "teamwork skills" is a gain, "a supported employment partnership" is not
    heads = [span[-1]] + [span[j - 1] for j in range(1, len(span)) if span[j] in ("and", "or")] if span else []
    return next((h for h in heads if gains.fullmatch(h)), "")


def _elided_person_verb(word: str) -> bool:
    """True for a first word that is a verb said of a person left out ("understands", "manages", "is"), as plans
    write outcomes; not one a service does ("provides", "develops"), which is an action of the service."""
    if word in ("is", "has", "can"):
        return True
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss") or word not in cues.word_set("finite_verbs"):
        return False
    base = {word[:-1], word[:-2], word[:-3] + "y"}
    return not any(base & cues.word_set("imperatives", kind) for kind in ("process", "output", "change"))


_ON_THE_WAY = re.compile(
    r"^(?:(?:all|the|our|more|most|many)\s+)?(?:[\w'’-]+\s+){0,2}?(?P<people>[\w'’-]+)\s+(?:who\s+(?:are|were|have\s+been)\s+)?"
    r"(?P<service>supported|helped|seen|referred|housed|placed|attending|using|leaving|accessing)\s"
)


def _service_on_the_way(body: str) -> str:
    """The service words, when a service describes the people and a verb of their own follows within a few words
    ("Young carers supported by the service spend more time with friends", "Young people leaving custody have a
    place to live")."""
    m = _ON_THE_WAY.match(body)
    if not m or not cues.group("people").pattern.search(body[: m.end("people")]):
        return ""
    verbs = cues.word_set("finite_verbs")
    after = re.findall(r"[a-z'’-]+", body[m.end("service") :])
    for i, word in enumerate(after[:6]):
        if word in verbs:
            return " ".join([m.group("service"), *after[:i]]) if i else ""
    return ""


def _received_gerund(word: str) -> str:
    """The word, when a statement starts by receiving or using something ("Accessing adult social care",
    "Attending day services"): what follows decides whether it is a service received."""
    return word if word in ("accessing", "attending", "receiving", "using", "getting") else ""


def _gerund_stem(word: str, following: str = "") -> str:
    """The verb behind an -ing word that leads a statement ("Conducting a needs assessment" -> "conduct").

    Nouns ending in -ing ("Training provided to 3 schools", "Commissioning is based on...") are not instructions.
    """
    if not word.endswith("ing") or len(word) < 6 or word in _ING_NOUNS or following in _AUXILIARIES or cues.group("provision_participles").pattern.fullmatch(following or "-"):
        return ""
    stem = word[:-3]
    for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem):
        if any(candidate in cues.word_set("imperatives", kind) for kind in ("process", "output")):
            return candidate
    return ""


def verbless_head(body: str) -> tuple[str, str] | None:
    """("input" | "process" | "output", the deciding word) for a phrase with no verb.

    "Two family support workers", "A caseload of 40", "A minibus for the youth club" name resources (an input);
    "A new eligibility policy" names a procedure (a process); "Social skills groups" or "Grants funded" name
    something delivered (an output). Anything with a verb or an instruction is left to the other rules.
    """
    before = re.split(r"\s+(?:who|that|which)\s+", body, maxsplit=1)[0]
    before = _PARENTHESIS.sub("", before).strip()
    tokens = [t.strip(",.;:!?()'\"") for t in before.split()]
    if not tokens or any(t in _AUXILIARIES for t in tokens) or _patterns()["count_trained"].search(body):
        return None
    if any(tokens[0] in cues.word_set("imperatives", kind) for kind in ("process", "output", "change")) or _gerund_stem(tokens[0], tokens[1] if len(tokens) > 1 else ""):
        return None
    if _has_subject_verb(before):
        return None
    if re.match(r"^[£$€]\s?\d", before):
        return "input", before.split()[0]
    done = re.search(r"(?<![\w-])([a-z-]+ed)(?=\s*$|\s+(?:to|by|in|at|for|per|on|across|with)\s)", before)
    if done and cues.group("provision_participles").pattern.fullmatch(done.group(1)):
        return "output", done.group(1)
    first_part = re.split(r"\s+(?:and|or|plus)\s+|,\s*", before)[0]
    resourced = bool(cues.voting_group("statement", "resources").find(before, 1))
    for part in dict.fromkeys((first_part, before)):
        head_part = _HEAD_STOP.split(" " + part.strip() + " ")[0].strip() or part.strip()
        words = head_part.split()
        if not words:
            continue
        while len(words) > 1 and words[-1].endswith("ing") and words[-1] not in _ING_NOUNS:
            words = words[:-1]
        head = words[-1].strip(",.;:!?()'\"")
        delivered = _hours_of_service(part) if head in ("hours", "hour") else ""
        if delivered:
            # "10 hours of training per organisation": time spent delivering something is an output
            return "output", delivered
        for kind, group in (("input", "resource_heads"), ("process", "procedure_heads"), ("output", "output_heads")):
            if cues.group(group).pattern.fullmatch(head) and not (kind == "output" and resourced and cues.voting_group("statement", "resources").find(head_part, 1)):
                return kind, head
    return None


def _hours_of_service(part: str) -> str:
    """The service in "hours of <service>" ("10 hours of technical assistance", "40 hours of TA"), if what follows
    'of' is something delivered rather than staff time or time made available ("hours of available contact")."""
    m = re.search(r"\bhours?\s+of\s+(?!available\b)((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=\s+(?:on|per|for|to|in|with|a|each|every)\b|\s*$|\s*[,.;])", part.strip())
    if not m:
        return ""
    *describing, head = m.group(1).split()
    if any(cues.group("resource_heads").pattern.fullmatch(w) for w in describing):
        # "5 hours of TA support": the time of the staff who give it, a resource
        return ""
    delivered = (cues.group("output_heads").pattern, cues.group("activity_nouns").pattern, cues.group("review", "provision_nouns").pattern)
    return head if any(g.fullmatch(head) for g in delivered) else ""


def _has_subject_verb(phrase: str) -> bool:
    """True when a verb follows its subject ("Ruby sleeps", "staff use") or takes an object ("manage their money")."""
    tokens = [t.strip(",.;:!?()'\"") for t in phrase.split()]
    verbs = cues.word_set("finite_verbs")
    numbers = cues.word_set("numbers")
    for i, t in enumerate(tokens):
        if not i or t not in verbs:
            continue
        prev = tokens[i - 1]
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if after in _DETERMINERS or after in _PREPOSITIONS or after in numbers or after.isdigit() or after.endswith(("ed", "ly")) or (prev[:1].isupper() and prev.casefold() not in _DETERMINERS):
            return True
    return False


_WANTS = re.compile(r"(?:want|wants|wanted|like|likes|love|loves|choose|chooses|where|how|when|who|what)\s+to\s*$")
_LEAD_IN = re.compile(
    r"(?:will|'ll|shall|would|to|is|are|be|been|being|was|were|can|could|should|must|and|continue\s+to|"
    r"continues\s+to)\s*$"
)


def provision_phrase(lower: str) -> tuple[str, str] | None:
    """(the words, the service or resource) when the statement's own verb makes a service the change.

    "Ella will go to a social skills group", "Dan will get two hours of mentoring", "Parents are referred to the
    right agencies". A service described on the way to a change ("Young people attending the club feel more
    confident") and a person choosing an activity ("I want to go to swimming classes") do not count: services
    and resources are not outcomes in themselves (Social Care Wales, "Understanding an outcomes approach").
    """
    text = _strip_lead(lower)
    if cues.group("review", "skill_markers").pattern.search(text):
        return None
    always = cues.group("review", "provision_always").pattern.search(text)
    if always:
        following = " ".join(text[always.end() :].split()[:4])
        thing = "referral" if "referred" in always.group(0) else "signposting"
        return f"{always.group(0)} {following}".strip(), thing
    nouns = cues.group("review", "provision_nouns").pattern
    verbs = cues.group("review", "provision_verbs").pattern
    for m in verbs.finditer(text):
        before = text[: m.start()]
        if _WANTS.search(before.rstrip()) or text[m.end() :].lstrip().startswith("been"):
            continue
        if m.group(0).endswith("ing") and before.strip():
            # "Young people attending the club feel more confident": the service is on the way to a change
            continue
        words_before = before.split()
        at_start = len(words_before) <= 4 and not any(w in cues.word_set("finite_verbs") for w in words_before)
        if not (_LEAD_IN.search(before) or at_start or m.group(0).startswith("access")):
            continue
        window = " ".join(text[m.end() :].split()[:4])
        found = nouns.search(window)
        if found:
            return f"{m.group(0)} {window[: found.end()]}".strip(), found.group(0)
    return None


def subject_of(prepared: Prepared) -> tuple[str | None, str]:
    """Who the statement is about: ("people" | "system" | None, the words that decided it)."""
    body = _strip_lead(prepared.lower)
    name = _named_person(prepared.clean)
    if name:
        return "people", name
    first_person = _FIRST_PERSON.search(body)
    people = _first_person_noun(body)
    system = _first(cues.group("system").pattern, body)
    candidates = [(m.start(), -(m.end() - m.start()), label, m.group(0)) for m, label in ((first_person, "people"), (people, "people"), (system, "system")) if m]
    if not candidates:
        return None, ""
    _, _, label, words = min(candidates)
    return label, words


def classify_statement(text: str) -> StatementResult:
    """Say whether *text* is an input, process, output, outcome or impact, and why.

    Never raises for any string: empty text gives ``empty=True, kind=None``.
    Only the first 2,000 characters are examined.
    """
    p = prepare(text)
    if p.empty:
        return StatementResult(text=p.original, kind=None, confidence=0.0, reasons=(NOTHING_TO_CHECK,), tips=("Write one statement, for example 'Parents feel less isolated'.",), empty=True)
    scores = {k: 0.0 for k in KINDS}
    reasons: list[str] = []
    fired: list[str] = []
    body = _strip_lead(p.lower)
    words = body.split()
    first_word = words[0].strip(",.;:") if words else ""
    verbs = cues.word_set("finite_verbs")
    imperative = ""
    stem = _gerund_stem(first_word, words[1].strip(",.;:") if len(words) > 1 else "")
    for kind in ("process", "output", "change"):
        if first_word in cues.word_set("imperatives", kind) or (stem and stem in cues.word_set("imperatives", kind)):
            imperative = imperative or kind
            if kind == "output" and imperative == "process":
                imperative = "process_or_output"
    if first_word == "work" and len(words) > 1 and words[1].strip(",.;:") in ("with", "alongside", "together", "closely", "jointly"):
        imperative = "process"
    after = words[1].strip(",.;:") if len(words) > 1 else ""
    if imperative and after == "that" and subject_of(p)[0] == "system":
        # "Ensure that the workforce are equipped...": a change for the professionals named after 'that'
        imperative = "change"
    if (
        imperative in ("process", "output", "process_or_output")
        and after == "to"
        and len(words) > 2
        and not any(words[2].strip(",.;:") in cues.word_set("imperatives", k) for k in ("process", "output"))
    ):
        # "to continue to live at home": carrying on with something in one's own life
        imperative = ""
    gain = _personal_gain(words) if imperative in ("process", "output", "process_or_output") else ""
    if gain:
        # "Develop teamwork skills", "Continuing education or getting a job": the object is what a person gains
        imperative = ""
    has_verb = bool(imperative) or any(w in verbs and (i == 0 or p.words[i - 1] != "to") for i, w in enumerate(p.words))

    # 1. Who changes?
    subject, subject_words = subject_of(p)
    outcome_words = cues.voting_group("statement", "people_change").find(body, 1)
    changing = bool(_patterns()["change_words"].search(body))
    action = next((k for k in ("process", "input", "output") if _patterns()[f"action_{k}"].search(body)), "")
    if action:
        m = _patterns()[f"action_{action}"].search(body)
        assert m is not None  # the same search found it just above
        weight = 3 if action != "output" or subject != "people" else 2
        scores[action] += weight
        fired.append(f"{action}: action: {m.group(0)}")
        reasons.append(
            f"The action is '{m.group(0)}': "
            + {
                "output": f"doing or delivering something, an output {_CDC}.",
                "process": f"arranging how the work is done, a process {_IPC}.",
                "input": f"putting in money or resources, an input {_IPC}.",
            }[action]
        )
    if subject == "people" and not (has_verb or changing or outcome_words):
        subject = None
    if subject == "system" and action:
        subject = "actor"
    held = _patterns()["held_by_service"].search(body)
    if subject == "people" and (imperative in ("process", "output", "process_or_output") or held):
        # people named after an instruction are who the work is for; people counted in a service are not changing
        fired.append(f"outcome (not counted): people named only as who the work is for, or as held by a service: {subject_words}")
    elif subject == "people":
        scores["outcome"] += 2
        reasons.append(f"It is about people who could be better off ('{subject_words}'). Outcomes are a change for children, young people, families or adults {_CDC}.")
        fired.append(f"outcome: people named: {subject_words}")
    elif subject == "system" and (changing or (has_verb and not (_STAFF.search(body) and cues.voting_group("statement", "resources").find(body, 1)))):
        scores["impact"] += 2
        reasons.append(f"It is about professionals or the system ('{subject_words}'). A change there is impact, not an outcome for people {_CDC}.")
        fired.append(f"impact: system named: {subject_words}")
    change = _patterns()["change_words"].findall(body)
    if change and subject in ("people", "system"):
        kind = "outcome" if subject == "people" else "impact"
        scores[kind] += 1
        fired.append(f"{kind}: change word: {', '.join(dict.fromkeys(change))}")

    # 2. Cue groups.
    service_received = False
    on_the_way = _service_on_the_way(body) if subject == "people" else ""
    if on_the_way:
        fired.append(f"outcome: a service named on the way to a change: {on_the_way}")
        reasons.append(f"It names a service on the way ('{on_the_way}') but then says what the people do: the change is theirs {_SCW}.")
    for group in cues.voting_groups("statement"):
        found = group.words(body)
        if not found or (on_the_way and group.id in ("delivered", "received", "countable")):
            continue
        target = group.kind
        if group.id == "people_change" and subject == "system" and has_verb:
            target = "impact"
        scores[target] += group.weight * min(len(found), 2)
        if group.id == "received":
            service_received = True
        fired.append(f"{target}: {group.label}: {', '.join(found)}")
        src = f" ({group.source})" if group.source else ""
        about = " (said of professionals, so it counts towards impact)" if target != group.kind else ""
        reasons.append(f"Words for {group.label}: {', '.join(repr(f) for f in found[:4])}{about}{src}.")

    # 2b. A plan outcome with its subject left out ("will use 10 new words by July", "understands how to use money").
    if first_word == "will" or _elided_person_verb(first_word):
        scores["outcome"] += 2
        fired.append(f"outcome: starts with '{first_word}': the person the plan is about")
        reasons.append(f"It starts with '{first_word}': an outcome in a plan, with the person it is about left out.")

    # 3. Instructions.
    if gain:
        fired.append(f"outcome: an instruction whose object is what a person gains: {gain}")
        reasons.append(f"It starts with '{first_word}', but what it names is something a person gains ('{gain}'), so it is read as a change for people.")
    if imperative == "process":
        scores["process"] += 5
        reasons.append(f"It starts with '{first_word}': an instruction about how the work is done, a process {_IPC}; people named after it are who the work is for.")
    elif imperative == "output":
        scores["output"] += 4.5
        reasons.append(f"It starts with '{first_word}': an instruction to deliver something, an output {_CDC}.")
    elif imperative == "process_or_output":
        scores["process"] += 2.5
        scores["output"] += 2.5
        reasons.append(f"It starts with '{first_word}', which can be a process or an output; what follows decides.")
    elif imperative == "change":
        reasons.append(f"It starts with '{first_word}': what it is about decides whether it is an outcome, impact or output.")
    if imperative:
        fired.append(f"instruction: first word: {first_word}")

    # 4. Counts of activity (not when the count is of people a service holds: "the number of children on plans").
    pats = _patterns()
    for name, weight, why in (
        ()
        if held
        else (
            ("count_activity", 3, "counts an activity or service"),
            ("count_people_provision", 3, "counts people who were given a service"),
            ("number_people_provision", 3, "counts people who were given a service"),
            ("number_activity", 2, "gives a number of sessions, visits or other activities"),
        )
    ):
        m = pats[name].search(body)
        if m:
            scores["output"] += weight
            fired.append(f"output: {why}: {m.group(0)}")
            reasons.append(f"It {why} ('{m.group(0)}'): that is an output, what was done or delivered {_CDC}.")

    m = pats["count_done"].search(body)
    if m and not any(f.startswith("output: counts") for f in fired):
        scores["output"] += 3
        fired.append(f"output: counts things done: {m.group(0)}")
        reasons.append(f"It counts things done or handled ('{m.group(0)}'): that is an output {_CDC}.")
    m = held
    if m:
        scores["impact"] += 4
        fired.append(f"impact: people held by a service: {m.group(0)}")
        reasons.append(f"It is about how many people a service holds ('{m.group(0)}'): a change there is a change in the system, impact {_CDC}.")

    # 4b. Counts of people trained are outputs, not processes or impact.
    m = pats["count_trained"].search(body)
    if m:
        scores["output"] += 4
        fired.append(f"output: counts people trained: {m.group(0)}")
        reasons.append(f"It counts people trained ('{m.group(0)}'): training delivered is an output {_CDC}.")

    # 4c. A resource or a procedure named with no verb.
    head = None if on_the_way else verbless_head(body)
    if head:
        kind_named, noun = head
        scores[kind_named] += 4
        fired.append(f"{kind_named}: named with no verb: {noun}")
        reasons.append(
            f"It names {'a resource' if kind_named == 'input' else 'a procedure or means'} ('{noun}') and says nothing happening: {'an input' if kind_named == 'input' else 'a process'} {_IPC}."
        )

    # 4d. A service written as the change.
    provision = provision_phrase(body) if subject == "people" or (stem_received := _received_gerund(first_word)) else None
    if provision and subject != "people":
        fired.append(f"output: starts with a service received: {stem_received}")
    if provision and not service_received:
        service_received = True
        scores["output"] += 3
        fired.append(f"output: a service written as the change: {provision[0]}")
        reasons.append(f"Its verb makes a service the change ('{provision[0]}') {_SCW}.")

    # 5. Resources without a verb are inputs.
    if subject == "system" and not has_verb and _STAFF.search(body):
        scores["input"] += 2
        fired.append(f"input: staff named as a resource: {subject_words}")
        reasons.append("It names staff with no verb: people's time is a resource, an input " + _IPC + ".")
    if scores["input"] and not has_verb:
        scores["input"] += 1
        fired.append("input: a list of resources with no verb")
        reasons.append("It names resources and says nothing happening: an input.")

    if subject == "people" and not service_received and not on_the_way:
        m = pats["has_service"].search(body)
        if m:
            service_received = True
            scores["output"] += 3
            fired.append(f"output: a service or resource a person receives: {m.group(0)}")
            reasons.append(f"It says the person has or gets a service or resource ('{m.group(0)}') {_SCW}.")
    if service_received:
        scores["outcome"] -= 1
        reasons.append(f"Services and resources a person receives are not outcomes in themselves {_SCW}.")

    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], _TIE_ORDER[kv[0]]))
    (kind, top), (runner, second) = ranked[0], ranked[1]
    if top <= 0:
        kind, confidence = "outcome", 0.0
        reasons.append("No cue words were recognised, so this is only a guess. Say who will be better off and how.")
    else:
        confidence = round(max(0.0, min(1.0, (top - second) / (top + 1))), 2)
        reasons.append(f"Verdict: {kind} (cue weight {top:g}, against {second:g} for {runner}).")
    reasons.extend(truncation_note(p))
    return StatementResult(
        text=p.original,
        kind=kind,
        confidence=confidence,
        reasons=tuple(reasons),
        tips=_tips(kind, service_received, confidence),
        cues=tuple(fired),
        scores=tuple((k, round(v, 2)) for k, v in ranked),
        truncated=p.truncated,
    )


def _tips(kind: str, service_received: bool, confidence: float) -> tuple[str, ...]:
    tips = {
        "outcome": "Check it answers 'so what?' for the person. To make it SMART, add how much and by when.",
        "output": f"This is what is done or delivered. Ask 'so what?': what difference will it make to the people who receive it? {_CDC}",
        "process": f"This is how the work gets done. Keep it in the plan, and name the outcome it is for {_IPC}.",
        "input": "This is a resource. Link it to the outputs it pays for and the outcomes those lead to.",
        "impact": f"This is a change for professionals or the system. Say what difference it makes to children, young people and families {_CDC}.",
    }
    out = [tips[kind]]
    if service_received:
        out.append(f"Say what the service will help the person do or feel, in their own words {_SCW}.")
    if confidence < 0.2:
        out.append("The cues were mixed: read the reasons and decide as a table.")
    return tuple(out)
