"""Slides for the talk slots as plain data, and moving through them. No widget code here.

The slides live in ``content/presenter/slides.json``; each belongs to a talk, and each
talk to a slot in an agenda, so the page can say which slot a slide is for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ... import content
from ...content import ContentError
from ...content.agenda import agenda, format_clock

KEYS = {
    "ArrowRight": "next",
    "ArrowDown": "next",
    "PageDown": "next",
    " ": "next",
    "Spacebar": "next",
    "ArrowLeft": "previous",
    "ArrowUp": "previous",
    "PageUp": "previous",
    "Home": "first",
    "End": "last",
}
"""Keyboard keys the page's template turns into moves (see the kiosk template's key handler)."""


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Check:
    question: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Talk:
    id: str
    title: str
    agenda_title: str
    slot: str
    """The agenda slot in words, e.g. 'The full-day workshop, 09:45-10:10: Overview of ... (talk)'."""


@dataclass(frozen=True)
class Slide:
    id: str
    talk: Talk
    title: str
    points: tuple[str, ...]
    sources: tuple[str, ...]
    """How each source is named in a sentence."""
    notes: str
    check: Check | None


@dataclass(frozen=True)
class Deck:
    title: str
    intro: tuple[str, ...]
    talks: tuple[Talk, ...]
    slides: tuple[Slide, ...]

    def index_of(self, slide_id: str) -> int:
        for n, slide in enumerate(self.slides):
            if slide.id == slide_id:
                return n
        raise KeyError(slide_id)


def _slot(agenda_id: str, item_id: str) -> tuple[str, str]:
    day = agenda(agenda_id)
    for timed in day.schedule():
        if getattr(timed.item, "id", None) == item_id:
            return day.title, f"{day.title}, {format_clock(timed.start)} to {format_clock(timed.end)}: {timed.item.title}"
    raise ContentError(f"presenter/slides: agenda {agenda_id!r} has no item {item_id!r}.")


@lru_cache(maxsize=None)
def deck(name: str = "presenter/slides") -> Deck:
    """Load the slides and check what a schema cannot: talks, slots, sources, one right answer per check."""
    raw = content.load_raw(name)
    known = content.sources()
    talks = {}
    for t in raw["talks"]:
        agenda_title, slot = _slot(t["agenda"], t["agenda_item"])
        talks[t["id"]] = Talk(t["id"], t["title"], agenda_title, slot)
    slides = []
    seen: set[str] = set()
    for s in raw["slides"]:
        if s["id"] in seen:
            raise ContentError(f"{name}: two slides share the id {s['id']!r}.")
        seen.add(s["id"])
        if s["talk"] not in talks:
            raise ContentError(f"{name}: slide {s['id']!r} names an unknown talk {s['talk']!r}.")
        for ref in s["sources"]:
            if ref not in known:
                raise ContentError(f"{name}: slide {s['id']!r} names an unknown source {ref!r}.")
        check = None
        if "check" in s:
            options = tuple(Option(**o) for o in s["check"]["options"])
            if sum(o.correct for o in options) != 1:
                raise ContentError(f"{name}: the check on slide {s['id']!r} needs exactly one right answer.")
            check = Check(s["check"]["question"], options)
        slides.append(Slide(s["id"], talks[s["talk"]], s["title"], tuple(s["points"]), tuple(known[r].short for r in s["sources"]), s["notes"], check))
    return Deck(raw["title"], tuple(raw["intro"]), tuple(talks.values()), tuple(slides))


def move(position: int, how: str, count: int) -> int:
    """The slide shown after moving ``how`` ('next', 'previous', 'first', 'last') from ``position``."""
    if count <= 0:
        return 0
    if how == "next":
        return min(position + 1, count - 1)
    if how == "previous":
        return max(position - 1, 0)
    if how == "first":
        return 0
    if how == "last":
        return count - 1
    raise ValueError(f"{how!r} is not a way to move between slides.")


def first_of_talk(d: Deck, talk_id: str) -> int:
    """Where a talk's slides begin."""
    for n, slide in enumerate(d.slides):
        if slide.talk.id == talk_id:
            return n
    raise KeyError(talk_id)


@dataclass(frozen=True)
class CheckResult:
    correct: bool
    sentence: str


def check_answer(slide: Slide, option_index: int) -> CheckResult:
    """Feedback on a check question's answer; raises ValueError for an option the slide never offered."""
    if slide.check is None:
        raise ValueError(f"Slide {slide.id!r} has no check question.")
    if not 0 <= option_index < len(slide.check.options):
        raise ValueError(f"Slide {slide.id!r} has no option {option_index}.")
    chosen = slide.check.options[option_index]
    right = next(o for o in slide.check.options if o.correct)
    if chosen.correct:
        return CheckResult(True, f"Yes. {chosen.why}")
    return CheckResult(False, f"Not quite. {chosen.why} The answer is: {right.text}. {right.why}")
