"""The dashboard's line about the room's places: tables with a page open, and tables waiting for one.

The participants' kiosk writes ``room-status.json`` in the data folder (``workshop_kit.room_gate``);
the dashboard, a separate server, reads it at every refresh. A missing or old file says nothing
is known (the kiosk is not running, or runs with another data folder), never an error.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import ipywidgets as widgets

from ..markup import render
from ..room_gate import STATUS_FILE
from ..settings import Settings
from ..widgets.common import live

#: a count older than this is not shown as the room's current state
STALE_SECONDS = 30


def room_status(settings: Settings, now: datetime | None = None) -> dict[str, int] | None:
    """The kiosk's latest count (``tables``, ``waiting``, ``max_tables``), or None if there is no fresh one."""
    try:
        status = json.loads((settings.data_dir / STATUS_FILE).read_text(encoding="utf-8"))
        updated = datetime.fromisoformat(status["updated"])
        counts = {key: int(status[key]) for key in ("tables", "waiting", "max_tables")}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if ((now or datetime.now(timezone.utc)) - updated).total_seconds() > STALE_SECONDS:
        return None
    return counts


def describe(counts: dict[str, int] | None) -> str:
    """One plain sentence (HTML, ``templates/html/dashboard/room_places.html``) about the room's places."""
    return render("dashboard/room_places.html", counts=counts)


class RoomPanel:
    """The line on the dashboard; ``refresh()`` re-reads the kiosk's count."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self.view = live(widgets.HTML())
        self.refresh()

    def refresh(self) -> None:
        self.view.value = describe(room_status(self._settings))
