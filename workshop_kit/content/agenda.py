"""The day's agendas, timed: each item's start and end, a kit step's title and minutes taken from the
start page. Plain data from ``content/agenda/*.json``; the facilitator guide prints them and the
presenter page names the slot a talk fills (so it lives here, below both).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import content
from . import ContentError
from .model import Step

AGENDAS = ("full_day", "follow_up")


# --- clock arithmetic -------------------------------------------------------


def parse_clock(text: str) -> int:
    """Minutes after midnight for a 24-hour ``HH:MM`` time."""
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{text!r} is not a time like 09:30.")
    value = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or value >= 24 * 60:
        raise ValueError(f"{text!r} is not a time of day.")
    return value


def format_clock(minutes: int) -> str:
    """``HH:MM`` for minutes after midnight (within one day)."""
    if not 0 <= minutes < 24 * 60:
        raise ValueError(f"{minutes} minutes is outside one day.")
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_duration(minutes: int) -> str:
    """'1 hour 5 minutes', '45 minutes', '5 hours'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


# --- agendas ----------------------------------------------------------------


@dataclass(frozen=True)
class AgendaItem:
    """One line of an agenda; a kit step's title and minutes come from the start page."""

    id: str
    title: str
    minutes: int
    notes: str
    covers: tuple[str, ...]
    is_break: bool
    step: Step | None
    """The kit step this item runs, or None for talks, discussion and breaks."""


@dataclass(frozen=True)
class TimedItem:
    item: AgendaItem
    start: int
    """Minutes after midnight."""
    end: int


@dataclass(frozen=True)
class Agenda:
    id: str
    title: str
    start: int
    planned_end: int
    intro: tuple[str, ...]
    sources: tuple[str, ...]
    items: tuple[AgendaItem, ...]

    def schedule(self) -> tuple[TimedItem, ...]:
        """Every item with its computed start and end time."""
        timed = []
        clock = self.start
        for item in self.items:
            timed.append(TimedItem(item=item, start=clock, end=clock + item.minutes))
            clock += item.minutes
        return tuple(timed)

    @property
    def computed_end(self) -> int:
        return self.start + sum(item.minutes for item in self.items)

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(item.step for item in self.items if item.step is not None)


@lru_cache(maxsize=None)
def agenda(name: str) -> Agenda:
    """Load ``agenda/<name>``, taking each step's title and minutes from the start page."""
    known = {step.id: step for step in content.start_page().steps}

    def item(entry: dict[str, Any]) -> AgendaItem:
        if "step" not in entry:
            return AgendaItem(id=entry["id"], title=entry["title"], minutes=entry["minutes"], notes=entry["notes"], covers=tuple(entry["covers"]), is_break=entry["break"], step=None)
        step = known.get(entry["step"])
        if step is None:
            raise ContentError(f"agenda/{name}: unknown step {entry['step']!r}; it must be a step in start_page.json.")
        return AgendaItem(id=step.id, title=step.title, minutes=step.minutes, notes=entry["notes"], covers=tuple(entry["covers"]), is_break=False, step=step)

    day = content.load_typed(f"agenda/{name}", Agenda, start=parse_clock, planned_end=parse_clock, items=lambda entries: tuple(map(item, entries)))
    content._unique(f"agenda/{name} item", [i.id for i in day.items])
    sources = content.sources()
    for ref in day.sources:
        if ref not in sources:
            raise ContentError(f"agenda/{name}: unknown source {ref!r}; add it to sources.json.")
    return day
