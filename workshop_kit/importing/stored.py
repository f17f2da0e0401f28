"""What a session has imported, read back from the store as the importers' own values."""

from __future__ import annotations

from ..store import AreaImport, Store
from .framework import FrameworkRow
from .indicators import IndicatorValue
from .periods import Period


def latest(store: Store, session: str, kind: str) -> AreaImport | None:
    """The import of this kind in use in the session (the latest), or None."""
    found = store.imports_in(session, kind)
    return found[-1] if found else None


def framework_rows(store: Store, record: AreaImport) -> list[FrameworkRow]:
    return [FrameworkRow(r["row_number"], r["aspiration"], r["outcome"], r["indicator"], r["service"], r["lead"], r["source"]) for r in store.imported_rows(record)]


def indicator_values(store: Store, record: AreaImport) -> list[IndicatorValue]:
    return [IndicatorValue(r["row_number"], r["indicator"], r["area"], r["unit"], Period(r["period_start"], r["period_kind"], r["period"]), float(r["value"])) for r in store.imported_rows(record)]
