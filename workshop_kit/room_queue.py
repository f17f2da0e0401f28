"""The queue for kernels when the room is bigger than the machine.

Voila starts a kernel for every page that is opened, however many there are; past
what the machine's memory holds, every page slows down and some fail. The kiosk
therefore hands out at most ``capacity`` kernels to tables at once (``--max-tables``,
by default from the machine's memory: ``default_max_tables``). A page asked for
past that gets a ticket and a place in the queue instead; it asks again every few
seconds (``poll``), and when a kernel is free the first ticket in line is let in and
kept a place for ``hold_seconds`` while its page reloads. A waiting tab that stops
asking (closed) loses its place after ``forget_seconds``, so it holds up nobody.

Plain logic, no server: the clock and the count of kernels in use are passed in.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass

#: memory set aside per table when the cap comes from the machine (a kernel, the page's share of the server, a margin)
MIB_PER_TABLE = 150
#: the share of the machine's memory the room's kernels may take
MEMORY_SHARE = 0.5


def default_max_tables(total_memory_bytes: int | None = None) -> int:
    """How many tables this machine serves at once: half its memory at ``MIB_PER_TABLE`` each, at least 4."""
    if total_memory_bytes is None:
        import psutil

        total_memory_bytes = psutil.virtual_memory().total
    return max(4, int(total_memory_bytes * MEMORY_SHARE / (MIB_PER_TABLE * 2**20)))


@dataclass(frozen=True)
class Turn:
    """What a page asking for a kernel is told: come in, or wait at ``place`` (1 is next) with ``ticket``."""

    admitted: bool
    ticket: str | None = None
    place: int | None = None


class RoomQueue:
    """First come, first served: who may take a kernel now, and everyone else's place in the line."""

    def __init__(self, capacity: int, hold_seconds: float = 30.0, forget_seconds: float = 20.0) -> None:
        if capacity < 1:
            raise ValueError("The room needs at least one table's kernel.")
        self.capacity = capacity
        self.hold_seconds = hold_seconds
        self.forget_seconds = forget_seconds
        self._waiting: OrderedDict[str, float] = OrderedDict()  # ticket -> when its page last asked
        self._let_in: dict[str, float] = {}  # ticket -> until when its place is kept

    # -- what the kiosk asks -------------------------------------------------------------

    def arrive(self, ticket: str | None, in_use: int, now: float) -> Turn:
        """A page is asked for (``ticket`` from its address if it has waited): may it take a kernel?"""
        self._tidy(in_use, now)
        if ticket is not None and ticket in self._let_in:
            del self._let_in[ticket]
            return Turn(admitted=True)
        if ticket is not None and ticket in self._waiting:
            return self.poll(ticket, in_use, now)
        if not self._waiting and self._free(in_use) > 0:
            return Turn(admitted=True)
        ticket = secrets.token_urlsafe(16)
        self._waiting[ticket] = now
        return Turn(admitted=False, ticket=ticket, place=len(self._waiting))

    def poll(self, ticket: str, in_use: int, now: float) -> Turn:
        """A waiting page asks again: its place, or admitted (its next page load is let in)."""
        if ticket in self._waiting:
            self._waiting[ticket] = now
        self._tidy(in_use, now)
        if ticket in self._let_in:
            return Turn(admitted=True, ticket=ticket)
        if ticket in self._waiting:
            return Turn(admitted=False, ticket=ticket, place=list(self._waiting).index(ticket) + 1)
        # unknown (forgotten, or the kiosk restarted): back of the line, or straight in if there is room
        return self.arrive(None, in_use, now)

    @property
    def waiting(self) -> int:
        """Tables waiting for a kernel (those let in but not yet back are not counted)."""
        return len(self._waiting)

    # -- keeping it tidy -----------------------------------------------------------------

    def _free(self, in_use: int) -> int:
        return self.capacity - in_use - len(self._let_in)

    def _tidy(self, in_use: int, now: float) -> None:
        for ticket, until in list(self._let_in.items()):
            if until < now:
                del self._let_in[ticket]  # let in but never came: the place goes to the next in line
        for ticket, seen in list(self._waiting.items()):
            if now - seen > self.forget_seconds:
                del self._waiting[ticket]  # the waiting tab was closed
        while self._waiting and self._free(in_use) > 0:
            ticket, _seen = self._waiting.popitem(last=False)
            self._let_in[ticket] = now + self.hold_seconds
