"""A spreadsheet cell as the text a person typed (numbers without a trailing .0, dates as ISO dates)."""

from __future__ import annotations

import math
from datetime import date, datetime


def cell_text(cell: object) -> str:
    """The cell as trimmed text; an empty cell is ''."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        if math.isnan(cell):
            return ""
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, datetime):
        return cell.date().isoformat() if (cell.hour, cell.minute, cell.second) == (0, 0, 0) else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell).strip()


def shown(cell: object, limit: int = 40) -> str:
    """A cell quoted for a message: control characters visible, long text cut."""
    from ..typed_text import visible

    text = visible(cell_text(cell))
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
