"""The panel above a later step's boxes: the outcomes it starts from, each marked with where it came from.

The choosing is ``stepkit.starting_rows`` (no widgets); this only shows it (``carried/starting_rows.html``).
"""

from __future__ import annotations

import ipywidgets as widgets

from ..markup import render
from ..stepkit.starting_rows import MAX_ROWS, StartingRows, gather
from ..store import Group, Store


class StartingRowsPanel:
    """What a step starts from, read again each time the table changes."""

    def __init__(self, where: str, filled: str) -> None:
        self.where = where
        """The step's thing, as it reads after "your": "logic model", "indicator map"."""
        self.filled = filled
        """A sentence saying where the step puts the rows when the table has saved nothing there yet."""
        self.rows = StartingRows()
        self.view = widgets.HTML()

    def load(self, store: Store, group: Group | None, kept: bool) -> StartingRows:
        """Read the table's starting rows and show them; ``kept`` when the table has saved its own rows in this step."""
        self.rows = gather(store, group)
        self.view.value = render(
            "carried/starting_rows.html", named=group is not None, rows=self.rows.rows, kept=kept, where=self.where, filled=self.filled, left_out=self.rows.left_out, limit=MAX_ROWS
        )
        return self.rows

    def payload(self) -> dict[str, object]:
        """What the step adds to the rows it saves: the rows it started from (nothing when there were none)."""
        return self.rows.payload()
