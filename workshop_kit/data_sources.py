"""The public data sources reference (content/data_sources/public_sources.json) as typed values.

Used where an area looks for "existing data sources and known data gaps": the golden
thread suggests sources for an indicator that names none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import content


@dataclass(frozen=True)
class DataSource:
    id: str
    title: str
    publisher: str
    measures: tuple[str, ...]
    frequency: str
    geography: tuple[str, ...]
    topics: tuple[str, ...]
    keywords: tuple[str, ...]
    url: str
    confidence: str
    """"checked" against the publisher's pages, or "unsure" (see ``unsure_about``)."""
    collection: str = ""
    unsure_about: str = ""

    @property
    def name(self) -> str:
        return f"{self.title} ({self.publisher})"


@lru_cache(maxsize=1)
def public_sources() -> tuple[DataSource, ...]:
    raw = content.load_raw("data_sources/public_sources")
    return tuple(
        DataSource(
            s["id"],
            s["title"],
            s["publisher"],
            tuple(s["measures"]),
            s["frequency"],
            tuple(s["geography"]),
            tuple(s["topics"]),
            tuple(s["keywords"]),
            s["url"],
            s["confidence"],
            s.get("collection", ""),
            s.get("unsure_about", ""),
        )
        for s in raw["sources"]
    )


def common_gaps() -> tuple[str, ...]:
    return tuple(content.load_raw("data_sources/public_sources")["common_gaps"])


def suggest(indicator: str, limit: int = 2) -> list[DataSource]:
    """Public sources whose keywords appear in an indicator's wording, the most keywords first."""
    words = " ".join(indicator.casefold().split())
    scored = [(sum(1 for k in s.keywords if k.casefold() in words), i, s) for i, s in enumerate(public_sources())]
    return [s for score, _i, s in sorted(scored, key=lambda t: (-t[0], t[1])) if score][:limit]


# -- what a table has and what it sees missing (step 7) ----------------------------------------------

HAVE = "have"
GAPS = "gaps_seen"
MAX_GAPS_CHARS = 1500
"""The gaps a table writes: a paragraph or two, short enough to read on the facilitator's grid."""


@dataclass(frozen=True)
class TableSources:
    """The public sources a table says its area has, and the gaps it sees, as saved in step 7."""

    have: tuple[DataSource, ...] = ()
    gaps: str = ""
    unknown: tuple[str, ...] = ()
    """Ids saved that the reference no longer lists (kept, shown as they are)."""

    @property
    def empty(self) -> bool:
        return not (self.have or self.gaps.strip() or self.unknown)

    def summary(self) -> str:
        """One plain line: which sources, then the gaps."""
        names = [s.title for s in self.have] + list(self.unknown)
        have = "Has: " + "; ".join(names) + "." if names else "No public sources ticked."
        return have + (f" Gaps seen: {self.gaps.strip()}" if self.gaps.strip() else " No gaps written.")


def sources_problem(ticked: list[str] | tuple[str, ...], gaps: str) -> str:
    """A plain sentence when what a table entered cannot be saved (an unknown source, gaps too long), else ''."""
    known = {s.id for s in public_sources()}
    unknown = [t for t in ticked if t not in known]
    if unknown:
        return f"{len(unknown)} ticked source(s) not in the kit's list of sources; nothing was saved."
    if len(gaps) > MAX_GAPS_CHARS:
        return f"The gaps you see are {len(gaps):,} characters long; please keep them under {MAX_GAPS_CHARS:,}. Nothing was saved."
    return ""


def sources_payload(ticked: list[str] | tuple[str, ...], gaps: str) -> dict[str, Any]:
    """What step 7 saves (item ``sources``): the ticked source ids in the reference's order, and the gaps as typed."""
    chosen = set(ticked)
    return {HAVE: [s.id for s in public_sources() if s.id in chosen], GAPS: gaps}


def read_sources(payload: object) -> TableSources:
    """A saved ``sources`` payload read back, tolerating anything missing or malformed."""
    if not isinstance(payload, dict):
        return TableSources()
    by_id = {s.id: s for s in public_sources()}
    ids = [i for i in payload.get(HAVE, []) if isinstance(i, str)] if isinstance(payload.get(HAVE), list) else []
    gaps = payload.get(GAPS)
    return TableSources(tuple(by_id[i] for i in ids if i in by_id), gaps if isinstance(gaps, str) else "", tuple(i for i in ids if i not in by_id))
