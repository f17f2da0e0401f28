"""The kiosk's door when the room is full: a plain waiting page, its place in the queue, and the room's count.

``RoomGate`` wraps a ``RoomQueue`` (the logic) with what the server knows: how many
kernels tables hold now (``tables_in_use``) and where to write the room's count
for the facilitator's dashboard (``room-status.json`` in the data folder, read by
``workshop_kit.dashboard.room_panel``). The page handler asks ``gate.arrive`` before
Voila starts or hands out a kernel; a page that must wait gets ``waiting_page``
(``templates/html/room/waiting.html``), which asks ``/kit/queue`` every few seconds and reloads itself when let in.
"""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from tornado.web import RequestHandler

from .markup import render
from .room_queue import RoomQueue, Turn

STATUS_FILE = "room-status.json"
TICKET_ARG = "kit_ticket"
QUEUE_PATH = "kit/queue"
POLL_SECONDS = 2


def tables_in_use(kernel_manager: Any) -> int:
    """Kernels that tables hold (or are being started for one): all kernels but those waiting in a pool.

    The kiosk's ``RoomKernelManager`` knows which kernels it started for a pool and counts exactly;
    for any other manager, kernels still warming for a pool are taken off the count.
    """
    if hasattr(kernel_manager, "tables_in_use"):
        return int(kernel_manager.tables_in_use())
    kernel_ids = set(kernel_manager.list_kernel_ids())
    pooled = kernel_manager.pooled_kernel_ids() if hasattr(kernel_manager, "pooled_kernel_ids") else set()
    warming = sum(1 for pool in getattr(kernel_manager, "_pools", {}).values() for entry in pool if not entry.done())
    return max(0, len(kernel_ids - pooled) - warming)


def retry_url(uri: str, ticket: str) -> str:
    """The page's own address with the queue ticket added (any older ticket replaced)."""
    path, _, query = uri.partition("?")
    pairs = [(key, value) for key, value in parse_qsl(query, keep_blank_values=True) if key != TICKET_ARG]
    return f"{path}?{urlencode(pairs + [(TICKET_ARG, ticket)])}"


class RoomGate:
    """One per kiosk: the queue, the kernels it counts, and the status file it keeps up to date."""

    def __init__(self, capacity: int, status_path: Path | None, clock: Any = time.monotonic) -> None:
        self.queue = RoomQueue(capacity)
        self.status_path = status_path
        self.clock = clock
        self.kernel_manager: Any = None

    def in_use(self) -> int:
        return tables_in_use(self.kernel_manager) if self.kernel_manager is not None else 0

    def arrive(self, ticket: str | None) -> Turn:
        turn = self.queue.arrive(ticket, self.in_use(), self.clock())
        self.write_status()
        return turn

    def poll(self, ticket: str) -> Turn:
        turn = self.queue.poll(ticket, self.in_use(), self.clock())
        self.write_status()
        return turn

    def write_status(self) -> None:
        """Tell the dashboard how many tables have a page and how many wait (at every arrival and poll, and every tick)."""
        if self.status_path is None:
            return
        body = {"tables": self.in_use(), "waiting": self.queue.waiting, "max_tables": self.queue.capacity, "updated": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        try:
            partial = self.status_path.with_suffix(".tmp")
            partial.write_text(json.dumps(body), encoding="utf-8")
            os.replace(partial, self.status_path)
        except OSError:
            pass  # the count on the dashboard is a help, never a reason for a page to fail


class QueueHandler(RequestHandler):
    """``/kit/queue?ticket=T``: a waiting page's place, or ``admitted`` (JSON)."""

    def initialize(self, gate: RoomGate) -> None:
        self.gate = gate

    def get(self) -> None:
        ticket = self.get_argument("ticket", "")
        turn = self.gate.poll(ticket) if ticket else Turn(admitted=False, place=None)
        self.set_header("Cache-Control", "no-store")
        self.finish({"admitted": turn.admitted, "place": turn.place})


def waiting_page(turn: Turn, uri: str, server_url: str) -> str:
    """The page a table sees while it waits: its place, said plainly; it reloads itself when let in."""
    return render(
        "room/waiting.html", place=turn.place, ticket=turn.ticket, retry_url=retry_url(uri, turn.ticket or ""), poll_url=f"{server_url.rstrip('/')}/{QUEUE_PATH}", poll_ms=POLL_SECONDS * 1000
    )
