"""Getting a step ready before the room opens it: warm pages for every table, asked for from the dashboard.

When the facilitator says "open step 4 now", every table asks for the same page in
the same second. A page whose kernel is already started and whose notebook has
already run opens at once; one that must be started waits behind all the others.
So the dashboard's "Get this step ready" writes a request (``room-warm.json`` in the
data folder, the way the kiosk already reports its count in ``room-status.json``),
and the kiosk, at its next tick, grows that page's pool of warm kernels to one per
table (within the room's cap), then shrinks it back once the tables have taken them
or the request has expired. The kiosk reports progress in ``room-warm-status.json``
for the dashboard to show.

This module holds the request, the status and the arithmetic; ``RoomKernelManager``
(``room_kernels.py``) grows and shrinks the pools.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterable

from .room_gate import tables_in_use

REQUEST_FILE = "room-warm.json"
STATUS_FILE = "room-warm-status.json"

#: how long a step's extra warm pages are kept when tables do not come for them
KEEP_SECONDS = 15 * 60
#: a request older than this when the kiosk first sees it is from another day or another run
FRESH_SECONDS = 120
#: the most warm pages one request may ask for (a room is a few dozen tables)
MOST_TABLES = 100


@dataclass(frozen=True)
class WarmRequest:
    """The facilitator asked for ``page`` (a notebook's file name) to be ready for ``tables`` tables."""

    page: str
    tables: int
    asked_at: datetime


@dataclass(frozen=True)
class WarmStatus:
    """What the kiosk has done about the latest request: how many pages are ready of how many wanted."""

    page: str
    wanted: int
    ready: int
    state: str  # "warming", "ready", "finished" (tables took them or the time ran out), "refused"
    note: str
    updated: datetime


def _write(path: Path, body: dict[str, object]) -> None:
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(body, default=str), encoding="utf-8")
    os.replace(partial, path)


def ask(data_dir: Path, page: str, tables: int, now: datetime | None = None) -> WarmRequest:
    """Write the request for the kiosk (the dashboard calls this); the number of tables is kept within bounds."""
    request = WarmRequest(page=page, tables=max(1, min(int(tables), MOST_TABLES)), asked_at=now or datetime.now(timezone.utc))
    _write(data_dir / REQUEST_FILE, {"page": request.page, "tables": request.tables, "asked_at": request.asked_at.isoformat()})
    return request


def read_request(data_dir: Path) -> WarmRequest | None:
    """The latest request, or None when there is none or the file cannot be read."""
    try:
        body = json.loads((data_dir / REQUEST_FILE).read_text(encoding="utf-8"))
        return WarmRequest(page=str(body["page"]), tables=int(body["tables"]), asked_at=datetime.fromisoformat(body["asked_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_status(data_dir: Path, status: WarmStatus) -> None:
    try:
        _write(data_dir / STATUS_FILE, asdict(status))
    except OSError:
        pass  # the dashboard's line is a help, never a reason for the kiosk to fail


def read_status(data_dir: Path) -> WarmStatus | None:
    try:
        body = json.loads((data_dir / STATUS_FILE).read_text(encoding="utf-8"))
        return WarmStatus(
            page=str(body["page"]),
            wanted=int(body["wanted"]),
            ready=int(body["ready"]),
            state=str(body["state"]),
            note=str(body["note"]),
            updated=datetime.fromisoformat(body["updated"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def pages_to_warm(tables: int, in_use: int, max_tables: int, already_on_page: int = 0) -> int:
    """Warm pages to keep for the request: one per table not yet on the page, within the room's free places.

    ``max_tables`` 0 means no cap. Tables already holding a kernel for another page
    give it back when they move, so they count as places that will be free.
    """
    wanted = max(0, tables - already_on_page)
    if max_tables > 0:
        wanted = min(wanted, max(0, max_tables - max(0, in_use - tables)))
    return wanted


def is_fresh(request: WarmRequest, now: datetime) -> bool:
    """Asked for a moment ago (a request left from another run is not acted on)."""
    return now - request.asked_at <= timedelta(seconds=FRESH_SECONDS)


def has_expired(request: WarmRequest, now: datetime) -> bool:
    return now - request.asked_at > timedelta(seconds=KEEP_SECONDS)


def is_page_name(page: str, pages: Iterable[str]) -> bool:
    """Only one of the kiosk's own pages, by its file name, can be warmed."""
    return page in set(pages) and "/" not in page and "\\" not in page


class Warmer:
    """The kiosk's side: at every tick, act on a new request and report how far it has got.

    ``manager`` is the kiosk's ``RoomKernelManager``: ``warm_page``, ``cool_page``,
    ``pool_kernel_ids`` and what ``room_gate.tables_in_use`` reads are all this needs of it.
    """

    def __init__(self, data_dir: Path, pages: Iterable[str], max_tables: int) -> None:
        self.data_dir = data_dir
        self.pages = tuple(pages)
        self.max_tables = max_tables
        self.handled: WarmRequest | None = None
        self.active: WarmRequest | None = None
        self.wanted = 0
        self._seen: set[str] = set()  # warm kernels seen in the page's pool since the request
        self._handed_out: set[str] = set()  # of those, the ones tables have taken

    def tick(self, manager: Any, now: datetime | None = None) -> WarmStatus | None:
        """Act on a new request, follow the active one, and finish it when tables took their pages or time ran out."""
        now = now or datetime.now(timezone.utc)
        request = read_request(self.data_dir)
        refused = None
        if request is not None and request != self.handled and is_fresh(request, now):
            self.handled = request
            refused = self._start(manager, request, now)
        if self.active is None:
            return refused
        return self._follow(manager, now)

    def _start(self, manager: Any, request: WarmRequest, now: datetime) -> WarmStatus | None:
        """Grow the page's pool for the request; the status if it is refused."""
        if self.active is not None and self.active.page != request.page:
            manager.cool_page(self.active.page)
        if not is_page_name(request.page, self.pages):
            self.active = None
            return self._report(WarmStatus(request.page, 0, 0, "refused", "That is not one of the workshop's pages.", now))
        self.active = request
        self.wanted = pages_to_warm(request.tables, tables_in_use(manager), self.max_tables)
        self._seen, self._handed_out = set(), set()
        manager.warm_page(request.page, self.wanted)
        return None

    def _follow(self, manager: Any, now: datetime) -> WarmStatus:
        assert self.active is not None
        page = self.active.page
        in_pool = manager.pool_kernel_ids(page)
        self._handed_out |= self._seen - in_pool
        self._seen |= in_pool
        taken = len(self._handed_out)
        if taken >= self.wanted or has_expired(self.active, now):
            manager.cool_page(page)
            self.active = None
            note = f"{taken} table(s) opened it." if taken >= self.wanted else f"Stopped keeping extra pages after {KEEP_SECONDS // 60} minutes; {taken} table(s) opened it."
            return self._report(WarmStatus(page, self.wanted, 0, "finished", note, now))
        ready = len(in_pool)
        state = "ready" if ready >= self.wanted - taken else "warming"
        return self._report(WarmStatus(page, self.wanted, ready, state, f"{taken} table(s) have opened it so far.", now))

    def _report(self, status: WarmStatus) -> WarmStatus:
        write_status(self.data_dir, status)
        return status
